/** The body of the HTML report: header, navigation, chart boxes, tables and methodology. */
import type { RunRecord } from '../record/schema.js';
import type { ReportData } from './data.js';
import { COMPARISON_CHARTS, RUN_CHARTS, type ReportChart } from './page.js';
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
import { escapeHtml } from './escape.js';
import { runFindings } from './findings.js';
import { comparisonMethodology, runMethodology } from './methodology.js';
import { calibrationTable } from './calibration-table.js';
import { backendsTable, crossoversTable, environmentTable, fitsTable, pointsTable, runSummaryTable, settingsTable } from './run-tables.js';
import type { ReportTable } from './table.js';

export function htmlTable(table: ReportTable, empty = 'none'): string {
  if (table.rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const numeric = new Set(table.numeric ?? []);
  const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = table.head.some((h) => h !== '') ? `<thead><tr>${table.head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>` : '';
  const rows = table.rows.map((row, r) => {
    const cls = table.rowClass?.[r];
    return `<tr${cls ? ` class="${escapeHtml(cls)}"` : ''}>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`;
  });
  return `<div class="table-wrap"><table>${head}<tbody>${rows.join('\n')}</tbody></table></div>`;
}

interface Section {
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

/** Each chart draws its own title; the box carries it as its accessible name. A group's boxes are made by the script. */
function chartBoxes(charts: readonly ReportChart[]): string {
  return charts
    .map((c) =>
      c.group
        ? `<div class="chart-group" data-chart-group="${escapeHtml(c.id)}" aria-label="${escapeHtml(c.title)}"></div>`
        : `<div class="chart${c.tall ? ' tall' : ''}" data-chart="${escapeHtml(c.id)}" role="img" aria-label="${escapeHtml(c.title)}"></div>`,
    )
    .join('\n');
}

function page(title: string, meta: string, sections: readonly Section[]): { title: string; html: string } {
  const nav = sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join('');
  const body = sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n');
  return { title, html: `<header>\n<h1>${escapeHtml(title)}</h1>\n<p class="meta">${escapeHtml(meta)}</p>\n<nav>${nav}</nav>\n</header>\n${body}` };
}

function findingsHtml(record: RunRecord): string {
  const items = runFindings(record).map((f) => {
    const details = f.details.length > 0 ? `<ul>${f.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
    return `<li>${escapeHtml(f.text)}${details}</li>`;
  });
  return items.length > 0 ? `<ul class="findings">${items.join('\n')}</ul>` : '<p class="empty">none</p>';
}

const paragraphs = (texts: readonly string[]) => `<div class="methodology">${texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n')}</div>`;

export function runBody(data: ReportData): { title: string; html: string } {
  const record = data.records[0]!;
  const charts = RUN_CHARTS.filter((c) => c.id !== 'focus' || data.focus !== undefined);
  return page(`mixscope run ${record.id}`, `Report generated ${data.generatedAt} by mixscope ${record.environment.app.version}.`, [
    { id: 'summary', title: 'Summary', html: htmlTable(runSummaryTable(record)) },
    // The time chart leads, so the first page of a PDF shows the run at a glance; findings follow.
    { id: 'time', title: 'Time vs L', html: chartBoxes(charts.slice(0, 1)) },
    { id: 'findings', title: 'Findings', html: findingsHtml(record) },
    { id: 'charts', title: 'Charts', html: chartBoxes(charts.slice(1)) },
    { id: 'exponents', title: 'Scaling exponents', html: htmlTable(fitsTable(record)) },
    { id: 'crossovers', title: 'Crossovers', html: htmlTable(crossoversTable(record)) },
    { id: 'environment', title: 'Environment', html: `${htmlTable(environmentTable(record.environment))}\n<h3>Backends</h3>\n${htmlTable(backendsTable(record.environment))}\n<h3>Calibration</h3>\n${htmlTable(calibrationTable(record), 'not calibrated')}` },
    { id: 'settings', title: 'Settings', html: htmlTable(settingsTable(record.settings)) },
    { id: 'points', title: 'Points', html: htmlTable(pointsTable(record)) },
    { id: 'methodology', title: 'Methodology', html: paragraphs(runMethodology(record.settings)) },
  ]);
}

export function comparisonBody(data: ReportData): { title: string; html: string } {
  const c = data.comparison!;
  return page(`mixscope comparison against ${c.runs[0]?.label ?? c.baseline}`, `Report generated ${data.generatedAt}; ${c.runs.length} runs, ${c.rows.length} matched rows.`, [
    { id: 'summary', title: 'Summary', html: `${htmlTable(comparisonSummaryTable(c))}\n${htmlTable(geomeanTable(c))}` },
    { id: 'environment-diff', title: 'Environment diff', html: htmlTable(environmentDiffTable(c), 'no differences') },
    { id: 'charts', title: 'Charts', html: chartBoxes(COMPARISON_CHARTS) },
    { id: 'verdicts', title: 'Verdicts', html: htmlTable(verdictTable(c)) },
    { id: 'exponents', title: 'Scaling exponents', html: htmlTable(exponentShiftTable(c)) },
    { id: 'crossovers', title: 'Crossovers', html: htmlTable(crossoverShiftTable(c)) },
    { id: 'unmatched', title: 'Unmatched points', html: htmlTable(unmatchedTable(c)) },
    { id: 'runs', title: 'Runs', html: htmlTable(runsTable(c)) },
    { id: 'methodology', title: 'Methodology', html: paragraphs(comparisonMethodology(c)) },
  ]);
}
