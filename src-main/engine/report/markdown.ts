/**
 * The Markdown report, for pull requests and issues: summary, exponents, crossovers, compare
 * verdicts, environment. Every cell is escaped (escape.ts), so a hostile record stays text.
 */
import type { RunRecord } from '../record/schema.js';
import {
  comparisonSummaryTable,
  crossoverShiftTable,
  environmentDiffTable,
  exponentShiftTable,
  geomeanTable,
  runsTable,
  unmatchedTable,
  verdictTable,
} from './compare-tables.js';
import { escapeMarkdown, escapeMarkdownBlock } from './escape.js';
import { runFindings } from './findings.js';
import type { ReportInput } from './input.js';
import { comparisonMethodology, runMethodology } from './methodology.js';
import { calibrationTable } from './calibration-table.js';
import { backendsTable, crossoversTable, environmentTable, fitsTable, runSummaryTable } from './run-tables.js';
import type { ReportTable } from './table.js';

export function markdownTable(table: ReportTable, empty = '_none_'): string {
  if (table.rows.length === 0) return empty;
  const numeric = new Set(table.numeric ?? []);
  const line = (cells: readonly string[]) => `| ${cells.map((c) => escapeMarkdown(c)).join(' | ')} |`;
  const rule = `|${table.head.map((_, i) => (numeric.has(i) ? '---:' : '---')).join('|')}|`;
  return [line(table.head), rule, ...table.rows.map(line)].join('\n');
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}\n`;
}

function findingsMarkdown(record: RunRecord): string {
  const items = runFindings(record).map((f) => [`- ${escapeMarkdownBlock(f.text)}`, ...f.details.map((d) => `  - ${escapeMarkdownBlock(d)}`)].join('\n'));
  return items.length > 0 ? items.join('\n') : '_none_';
}

function runSections(record: RunRecord, heading: string): string[] {
  return [
    section(`${heading}: summary`, markdownTable(runSummaryTable(record))),
    section('Findings', findingsMarkdown(record)),
    section('Scaling exponents', markdownTable(fitsTable(record))),
    section('Crossovers', markdownTable(crossoversTable(record))),
    section('Environment', `${markdownTable(environmentTable(record.environment))}\n\n${markdownTable(backendsTable(record.environment))}\n\n${markdownTable(calibrationTable(record), '_not calibrated_')}`),
  ];
}

export function buildMarkdownReport(input: ReportInput): string {
  if (input.kind === 'run') {
    const { record } = input;
    return [
      `# mixscope run ${escapeMarkdown(record.id)}\n`,
      ...runSections(record, 'Run'),
      section('Methodology', runMethodology(record.settings).join('\n\n')),
    ].join('\n');
  }
  const c = input.comparison;
  const notSame = verdictTable(c, ['faster', 'slower', 'insufficient', 'not-comparable']);
  return [
    `# mixscope comparison against ${escapeMarkdown(c.runs[0]?.label ?? c.baseline)}\n`,
    section('Summary', `${markdownTable(comparisonSummaryTable(c))}\n\n${markdownTable(geomeanTable(c))}`),
    section('Environment diff', markdownTable(environmentDiffTable(c), '_no differences_')),
    section(`Rows that are not \`same\` (${notSame.rows.length} of ${c.rows.length})`, markdownTable(notSame)),
    section('Scaling exponents', markdownTable(exponentShiftTable(c))),
    section('Crossovers', markdownTable(crossoverShiftTable(c))),
    section('Unmatched points', markdownTable(unmatchedTable(c))),
    section('Runs', markdownTable(runsTable(c))),
    section('Methodology', comparisonMethodology(c).join('\n\n')),
  ].join('\n');
}
