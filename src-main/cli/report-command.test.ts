/** `mixscope report` through main(argv): every format, a report .html as input, and bad input. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataFor } from '../engine/report/data.js';
import { buildHtmlReport } from '../engine/report/html.js';
import { fixtureComparison, goldenRecord, scaledRecord } from '../report/test-fixtures.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, onInterrupt: () => () => {} };
  const code = await main(argv, io);
  return { code, out, err };
}

let dir: string;
let recordPath: string;
let reportPath: string;
const record = goldenRecord();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mixscope-report-'));
  recordPath = join(dir, 'run.json');
  await writeFile(recordPath, JSON.stringify(record));
  // A report .html as the app would have written it (the script does not matter for reading it back).
  reportPath = join(dir, 'given.html');
  await writeFile(reportPath, buildHtmlReport(reportDataFor({ kind: 'run', record }, '2026-01-01T00:00:00.000Z'), { text: '', sha256: 'AAAA' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('mixscope report', () => {
  it('answers --help with its own options', async () => {
    const { code, out } = await cli(['report', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('usage: mixscope report RUN --out FILE');
    for (const ext of ['.html', '.md', '.pdf', '.csv']) expect(out).toContain(ext);
  });

  it('writes Markdown from a record and CSV from a report .html', async () => {
    const md = join(dir, 'out/r.md');
    expect(await cli(['report', recordPath, '--out', md])).toMatchObject({ code: 0, out: `md report of run ${record.id}: ${md}\n` });
    expect(await readFile(md, 'utf8')).toContain(`# mixscope run ${record.id}`);
    const csv = join(dir, 'r.csv');
    expect((await cli(['report', reportPath, '--out', csv])).code).toBe(0);
    expect((await readFile(csv, 'utf8')).trim().split('\n')).toHaveLength(1 + record.points.length);
  });

  it('writes a self-contained HTML report that reads back as the same run', async () => {
    const html = join(dir, 'r.html');
    expect((await cli(['report', recordPath, '--out', html])).code).toBe(0);
    const text = await readFile(html, 'utf8');
    expect(text).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(text).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|<iframe|<img/);
    // Outside the inlined script (whose libraries hold inert URL strings) the document names no URL.
    expect(text.replace(/<script>[\s\S]*<\/script>/, '')).not.toMatch(/https?:\/\//);
    const back = join(dir, 'back.md');
    expect((await cli(['report', html, '--out', back])).code).toBe(0);
    expect(await readFile(back, 'utf8')).toBe(await readFile(join(dir, 'out/r.md'), 'utf8'));
  });

  it('writes a comparison report given back in another format', async () => {
    const other = scaledRecord(record, 2, 'other-run');
    const comparison = fixtureComparison(record, other);
    const given = join(dir, 'comparison.html');
    await writeFile(given, buildHtmlReport(reportDataFor({ kind: 'comparison', comparison, records: [record, other] }, '2026-01-01T00:00:00.000Z'), { text: '', sha256: 'AAAA' }));
    const csv = join(dir, 'comparison.csv');
    expect(await cli(['report', given, '--out', csv])).toMatchObject({ code: 0, out: `csv report of the comparison against ${record.id}: ${csv}\n` });
    const rows = (await readFile(csv, 'utf8')).trim().split('\n').slice(1);
    expect(rows.filter((r) => r.startsWith('compare,'))).toHaveLength(comparison.rows.length);
    expect(rows.filter((r) => r.startsWith('point,'))).toHaveLength(2 * record.points.length);
  });

  it.each([
    ['a missing file', ['missing.json', '--out', 'x.md'], 'cannot read missing.json: no such file'],
    ['a corrupt record', ['bad.json', '--out', 'x.md'], 'bad.json is not valid JSON'],
    ['an HTML page that is no report', ['page.html', '--out', 'x.md'], 'page.html: no embedded mixscope data'],
    ['an unknown output format', ['run.json', '--out', 'x.docx'], "cannot tell the format of 'x.docx'"],
    ['no --out', ['run.json'], '--out FILE is required'],
    ['no RUN', ['--out', 'x.md'], 'give one RUN'],
    ['an unknown flag', ['run.json', '--out', 'x.md', '--fast'], "unknown option '--fast'"],
  ])('refuses %s: one line, non-zero exit, no file written', async (_what, args, message) => {
    await writeFile(join(dir, 'bad.json'), '{"format": "mixscope-run", ');
    await writeFile(join(dir, 'page.html'), '<!doctype html><p>hello</p>');
    const before = await readdir(dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, err, out } = await cli(['report', ...args]);
      expect(code).not.toBe(0);
      expect(out).toBe('');
      expect(err).toContain(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    } finally {
      process.chdir(cwd);
    }
    expect(await readdir(dir)).toEqual(before);
    expect(existsSync(join(dir, 'x.md'))).toBe(false);
  });
});
