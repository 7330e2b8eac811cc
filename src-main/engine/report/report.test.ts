/**
 * The report builders in Node: escaping of a hostile record in every format, full precision and
 * formula neutralisation in the CSV, the embedded data round trip, and clear errors for bad input.
 */
import { describe, expect, it } from 'vitest';
import { FORMULAS, SCRIPT_BREAK, XSS, fixtureComparison, goldenRecord, hostileRecord, scaledRecord } from '../../report/test-fixtures.js';
import { buildCsvReport, REPORT_CSV_COLUMNS } from './csv.js';
import { readReportHtml, reportDataFor } from './data.js';
import { escapeMarkdown, escapeMarkdownBlock, jsonForScriptElement, neutraliseCsvCell } from './escape.js';
import { buildHtmlReport } from './html.js';
import { buildMarkdownReport } from './markdown.js';
import { readRunFileText } from './read.js';

const SCRIPT = { text: 'document.documentElement.dataset.x = "1";', sha256: 'c2hhMjU2LWZpeHR1cmU=' };
const html = (record = hostileRecord()) => buildHtmlReport(reportDataFor({ kind: 'run', record }, '2026-01-01T00:00:00.000Z'), SCRIPT);

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) cell += c;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('escaping', () => {
  it('neutralises spreadsheet formulas and leaves other text alone', () => {
    expect(FORMULAS.map(neutraliseCsvCell)).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(neutraliseCsvCell('\tx')).toBe("'\tx");
    expect(neutraliseCsvCell('\rx')).toBe("'\rx");
    expect(neutraliseCsvCell('softmax-attention')).toBe('softmax-attention');
  });

  it('keeps `</script>` and `<!--` out of embedded JSON, and JSON.parse gives the value back', () => {
    const value = { s: `${SCRIPT_BREAK}<!-- & \u2028` };
    const text = jsonForScriptElement(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('escapes Markdown syntax, table pipes and line breaks', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('<img src=x>')).toBe('\\<img src=x\\>');
    expect(escapeMarkdown('[x](javascript:y)\nz')).toBe('\\[x\\](javascript:y) z');
    expect(escapeMarkdown('see http://x.org')).toBe('see http\\://x.org');
    expect(['# h', '> q', '- l', '+ l', '= x', '12. n', '3) n'].map(escapeMarkdownBlock)).toEqual(['\\# h', '\\> q', '\\- l', '\\+ l', '\\= x', '12\\. n', '3\\) n']);
  });
});

describe('Markdown report', () => {
  it('shows a hostile record as text: no tag, no link, no split cell', () => {
    const md = buildMarkdownReport({ kind: 'run', record: hostileRecord() });
    expect(md).not.toContain(XSS);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).not.toMatch(/(^|[^\\])\[link\]/);
    for (const table of md.split('\n\n').filter((block) => block.startsWith('|'))) {
      const lines = table.split('\n');
      const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      expect(lines.map(cells)).toEqual(lines.map(() => cells(lines[0]!)));
    }
  });

  it('lists exponents, crossovers, environment and, for a comparison, the rows that are not same', () => {
    const record = goldenRecord();
    const md = buildMarkdownReport({ kind: 'run', record });
    for (const heading of ['## Scaling exponents', '## Crossovers', '## Environment', '## Methodology']) expect(md).toContain(heading);
    const slower = scaledRecord(record, 2);
    const comparison = fixtureComparison(record, slower);
    const cmd = buildMarkdownReport({ kind: 'comparison', comparison, records: [record, slower] });
    const slowRows = comparison.rows.filter((r) => r.verdict === 'slower').length;
    expect(slowRows).toBeGreaterThan(0);
    expect(cmd).toContain(`(${comparison.rows.length - comparison.rows.filter((r) => r.verdict === 'same').length} of ${comparison.rows.length})`);
    expect(cmd.match(/\| slower \|/g)).toHaveLength(slowRows);
    const hostile = buildMarkdownReport({ kind: 'comparison', comparison: fixtureComparison(record, slower, ['base', XSS]), records: [record, slower] });
    expect(hostile).not.toContain(XSS);
    expect(hostile).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(cmd).toContain('×2');
  });
});

describe('CSV report', () => {
  it('writes one row per point per run and one per compare row, at full precision', () => {
    const record = goldenRecord();
    const run = parseCsv(buildCsvReport({ kind: 'run', record }));
    expect(run[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(run).toHaveLength(1 + record.points.length);
    const p50 = REPORT_CSV_COLUMNS.indexOf('p50_ms');
    expect(run.slice(1).map((r) => r[p50])).toEqual(record.points.map((p) => (p.stats ? String(p.stats.p50) : '')));
    const other = scaledRecord(record, 2);
    const comparison = fixtureComparison(record, other);
    const both = parseCsv(buildCsvReport({ kind: 'comparison', comparison, records: [record, other] }));
    const kinds = both.slice(1).map((r) => r[0]);
    expect(kinds.filter((k) => k === 'point')).toHaveLength(2 * record.points.length);
    expect(kinds.filter((k) => k === 'compare')).toHaveLength(comparison.rows.length);
    const ratio = REPORT_CSV_COLUMNS.indexOf('ratio');
    expect(both.filter((r) => r[0] === 'compare').map((r) => r[ratio])).toEqual(comparison.rows.map((r) => (r.ratio === null ? '' : String(r.ratio))));
  });

  it('neutralises every formula a hostile record carries', () => {
    const rows = parseCsv(buildCsvReport({ kind: 'run', record: hostileRecord() }));
    const cells = rows.flat();
    for (const f of FORMULAS) expect(cells.some((c) => c === `'${f}` || c.startsWith(`'${f}`))).toBe(true);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});

describe('HTML report', () => {
  it('shows a hostile record as text and carries it intact in #mixscope-data', () => {
    const record = hostileRecord();
    const doc = html(record);
    expect(doc).not.toContain('<img');
    expect(doc).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(doc.match(/<script\b/g)).toHaveLength(2);
    expect(doc.match(/<\/script>/g)).toHaveLength(2);
    expect(readReportHtml(doc).records).toEqual([record]);
  });

  it('names only its own script (by hash) in a CSP that allows no network', () => {
    const doc = html(goldenRecord());
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(doc)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${SCRIPT.sha256}'`);
    expect(csp).not.toMatch(/https?:|connect-src|'unsafe-eval'/);
    expect(doc).toContain(`<script>${SCRIPT.text}</script>`);
  });

  it('has a box for every chart, the tables and the methodology', () => {
    const doc = html(goldenRecord());
    for (const id of ['time', 'memory', 'bottleneck', 'throughput', 'equivalence']) expect(doc).toContain(`data-chart="${id}"`);
    for (const id of ['time-panels', 'fastest', 'crossover-matrix']) expect(doc).toContain(`data-chart-group="${id}"`);
    expect(doc).not.toContain('data-chart="focus"');
    for (const id of ['summary', 'findings', 'exponents', 'crossovers', 'environment', 'settings', 'points', 'methodology']) expect(doc).toContain(`<section id="${id}">`);
  });

  it('embeds a comparison with its records and reads both back', () => {
    const record = goldenRecord();
    const other = scaledRecord(record, 0.5);
    const comparison = fixtureComparison(record, other, ['laptop', `${XSS} workstation`]);
    const doc = buildHtmlReport(reportDataFor({ kind: 'comparison', comparison, records: [record, other] }, '2026-01-01T00:00:00.000Z'), SCRIPT);
    expect(doc).not.toContain('<img');
    expect(doc).toContain('data-chart="compare-heatmap"');
    expect(doc.match(/class="verdict-faster"/g)?.length).toBe(comparison.rows.filter((r) => r.verdict === 'faster').length);
    const back = readReportHtml(doc);
    expect(back.kind).toBe('comparison');
    expect(back.records).toEqual([record, other]);
    expect(back.comparison).toEqual(comparison);
  });
});

describe('reading a run file', () => {
  const good = html(goldenRecord());

  it('reads a record .json and a report .html alike', () => {
    const record = goldenRecord();
    expect(readRunFileText('r.json', JSON.stringify(record)).records).toEqual([record]);
    expect(readRunFileText('r.html', good).records).toEqual([record]);
    expect(readRunFileText('download', good).records).toEqual([record]);
  });

  it.each([
    ['an HTML page without data', '<html><body>hello</body></html>', 'page.html: no embedded mixscope data'],
    ['broken embedded JSON', good.replace(/(id="mixscope-data">)\{/, '$1{{'), 'page.html: the embedded mixscope data is not valid JSON'],
    ['another format', good.replace('"format":"mixscope-report"', '"format":"other"'), `page.html: format: expected 'mixscope-report', got "other"`],
    ['a newer version', good.replace('"version":1,"generatedAt"', '"version":99,"generatedAt"'), 'page.html: version: 99 is newer than this mixscope reads'],
    ['no records', good.replace(/"records":\[.*\]\}<\/script>/s, '"records":[]}</script>'), 'page.html: records: expected a non-empty array'],
    ['a corrupt record', good.replace('"samplesMs":[', '"samplesMs":["x",'), 'page.html: records[0]: points[0].samplesMs[0]: expected number'],
  ])('refuses %s with one line naming the file and the problem', (_what, text, message) => {
    expect(() => readRunFileText('page.html', text)).toThrow(message);
  });

  it('reports a record that is not JSON by file name', () => {
    expect(() => readRunFileText('r.json', '{"format": ')).toThrow(/^r\.json is not valid JSON/);
  });
});
