/**
 * Comparisons and reports for the app and web mode: saved runs read from the history, compared
 * by the engine (baseline first), and reports rendered from a run or a comparison. PDF goes
 * through the host's printer when it has one (Electron's printToPDF in the app), else through the
 * report renderer's own (headless Chromium in web mode).
 */
import { compareRuns as engineCompareRuns, type CompareOptions, type Comparison } from '../engine/compare/index.js';
import type { RunRecord } from '../engine/record/schema.js';
import { ContractError } from '../contract/envelope.js';
import type { CompareRequest, ExportReportRequest, ReportFile, ReportFormat } from '../contract/compare-schemas.js';

export type ReportInput = { kind: 'run'; record: RunRecord } | { kind: 'comparison'; comparison: Comparison; records: RunRecord[] };
export type RenderReport = (input: ReportInput, format: ReportFormat) => Promise<Uint8Array>;
/** Prints a self-contained HTML report to PDF. */
export type PrintPdf = (html: string) => Promise<Uint8Array>;

export interface CompareDeps {
  /** The history's `open`: a missing run is refused as not-found, an unreadable one with its reason. */
  readonly read: (id: string) => Promise<RunRecord>;
  readonly render: RenderReport;
  readonly printPdf?: PrintPdf;
  readonly compare?: (records: readonly RunRecord[], options: CompareOptions) => Comparison | Promise<Comparison>;
}

const MIME_TYPES: Record<ReportFormat, string> = { html: 'text/html', md: 'text/markdown', pdf: 'application/pdf', csv: 'text/csv' };

/** A file name from run ids, which are already safe for file names; long lists are cut. */
function comparisonFileName(records: readonly RunRecord[], format: ReportFormat): string {
  const [baseline, ...others] = records.map((r) => r.id);
  const name = `mixscope-compare-${baseline}-vs-${others.join('-')}`;
  return `${name.length > 120 ? `${name.slice(0, 120)}-etc` : name}.${format}`;
}

export class CompareService {
  constructor(private readonly deps: CompareDeps) {}

  /** The records in comparison order: the baseline, then the others as listed (a repeated id stays). */
  async records(request: CompareRequest): Promise<RunRecord[]> {
    const at = request.ids.indexOf(request.baseline);
    if (at < 0) throw new ContractError('invalid-request', `compareRuns: the baseline '${request.baseline}' is not among the compared ids`);
    const ordered = [request.baseline, ...request.ids.filter((_, i) => i !== at)];
    const byId = new Map<string, RunRecord>();
    for (const id of new Set(ordered)) byId.set(id, await this.read(id));
    return ordered.map((id) => byId.get(id) as RunRecord);
  }

  async compare(request: CompareRequest): Promise<{ comparison: Comparison; records: RunRecord[] }> {
    const records = await this.records(request);
    const compare = this.deps.compare ?? engineCompareRuns;
    const comparison = await compare(records, {
      ...(request.threshold === undefined ? {} : { threshold: request.threshold }),
      ...(request.pair ? { pair: request.pair } : {}),
    });
    return { comparison, records };
  }

  async exportReport(request: ExportReportRequest): Promise<ReportFile> {
    let input: ReportInput;
    let fileName: string;
    if (request.kind === 'run') {
      input = { kind: 'run', record: await this.read(request.id) };
      fileName = `mixscope-${request.id}.${request.format}`;
    } else {
      const { comparison, records } = await this.compare(request.compare);
      input = { kind: 'comparison', comparison, records };
      fileName = comparisonFileName(records, request.format);
    }
    const mimeType = MIME_TYPES[request.format];
    if (request.format === 'pdf') return { fileName, mimeType, base64: Buffer.from(await this.pdf(input)).toString('base64') };
    return { fileName, mimeType, text: new TextDecoder().decode(await this.deps.render(input, request.format)) };
  }

  private async pdf(input: ReportInput): Promise<Uint8Array> {
    if (!this.deps.printPdf) return this.deps.render(input, 'pdf');
    return this.deps.printPdf(new TextDecoder().decode(await this.deps.render(input, 'html')));
  }

  private read(id: string): Promise<RunRecord> {
    return this.deps.read(id);
  }
}
