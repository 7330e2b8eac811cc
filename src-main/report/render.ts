/**
 * Renders a report (one run, or a comparison) in any of its formats: what `mixscope report`,
 * `mixscope compare --out`, `mixscope run --report` and the app's File ▸ Export report call.
 */
import { MixscopeError } from '../engine/core/errors.js';
import { buildCsvReport } from '../engine/report/csv.js';
import { reportDataFor } from '../engine/report/data.js';
import { buildHtmlReport } from '../engine/report/html.js';
import type { ReportFormat, ReportInput } from '../engine/report/input.js';
import { buildMarkdownReport } from '../engine/report/markdown.js';
import { MIXERS } from '../engine/registry.js';
import { focusCurves } from '../services/catalog.js';
import { reportScript } from './bundle.js';
import { chromiumHtmlToPdf, type HtmlToPdf } from './pdf.js';

export type { ReportFormat, ReportInput } from '../engine/report/input.js';
export type { HtmlToPdf } from './pdf.js';

export interface RenderOptions {
  /** How a PDF is printed from the HTML report; default headless Chromium (the app passes Electron's). */
  readonly htmlToPdf?: HtmlToPdf;
  /** ISO 8601 time the report says it was generated (default now). */
  readonly generatedAt?: string;
}

/**
 * Focus curves are seeded and depend only on which mixers ran: computed once per set of mixers
 * (seconds of Monte Carlo), then every later report of those mixers reuses them.
 */
const focusCache = new Map<string, unknown>();

/** The focus curves of the run's mixers that have an attention row, as the run view draws them. */
function focusFor(input: ReportInput): unknown {
  if (input.kind !== 'run') return undefined;
  const ran = new Set(input.record.points.map((p) => p.mixer));
  const mixers = MIXERS.filter((m) => m.focusRow && ran.has(m.id)).map((m) => m.id);
  if (mixers.length === 0) return undefined;
  const key = mixers.join(',');
  if (!focusCache.has(key)) focusCache.set(key, focusCurves({ mixers }));
  return focusCache.get(key);
}

export async function renderReportHtml(input: ReportInput, options: RenderOptions = {}): Promise<string> {
  const data = reportDataFor(input, options.generatedAt ?? new Date().toISOString(), focusFor(input));
  return buildHtmlReport(data, await reportScript());
}

export async function renderReport(input: ReportInput, format: ReportFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  if (input.kind === 'comparison' && input.records.length === 0) throw new MixscopeError('a comparison report needs the records it compares', 'invalid-input');
  const text = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case 'md':
      return text(buildMarkdownReport(input));
    case 'csv':
      return text(buildCsvReport(input));
    case 'html':
      return text(await renderReportHtml(input, options));
    case 'pdf':
      return (options.htmlToPdf ?? chromiumHtmlToPdf)(await renderReportHtml(input, options));
    default:
      throw new MixscopeError(`unknown report format '${String(format)}' (html, md, pdf, csv)`, 'invalid-input');
  }
}

/** The report format a file name asks for, by extension; `undefined` for any other. */
export function reportFormatOf(path: string): ReportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'htm') return 'html';
  if (ext === 'markdown') return 'md';
  return ext === 'html' || ext === 'md' || ext === 'pdf' || ext === 'csv' ? ext : undefined;
}
