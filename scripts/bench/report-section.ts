/**
 * The report section: the size of the reports of a standard run (a seeded synthetic quick profile,
 * every form of every mixer at L = 128…2048, ~140 points with their raw samples) and of a
 * comparison of two such runs, in every text format, and how long rendering takes; and the busiest
 * quick profile possible (1000 samples at every point). The bar: the HTML report of a
 * standard run stays under 5 MB.
 */
import { compareRuns } from '../../src-main/engine/compare/index.js';
import { syntheticRun } from '../../src-main/engine/compare/synthetic.js';
import type { ReportFormat, ReportInput } from '../../src-main/engine/report/input.js';
import { percentile } from '../../src-main/engine/stats/summary.js';
import { renderReport } from '../../src-main/report/render.js';
import type { BenchRatio, BenchSection, BenchSectionResult } from './section.js';

const LIMIT_BYTES = 5 * 1024 * 1024;
const REPS = 3;

async function measure(input: ReportInput, format: Exclude<ReportFormat, 'pdf'>): Promise<{ bytes: number; medianMs: number }> {
  let bytes = 0;
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    bytes = (await renderReport(input, format, { generatedAt: '2026-01-01T00:00:00.000Z' })).length;
    times.push(performance.now() - t0);
  }
  return { bytes, medianMs: percentile(times, 50) };
}

export const reportSection: BenchSection = {
  id: 'report',
  title: 'Report sizes and render times: a synthetic quick profile (seeded) and a comparison of two',
  async run(): Promise<BenchSectionResult> {
    const base = syntheticRun({ id: 'bench-report-base', seed: 7 });
    const other = syntheticRun({ id: 'bench-report-other', seed: 8, factor: (mixer) => (mixer === 'softmax-attention' ? 1.5 : 1) });
    const run: ReportInput = { kind: 'run', record: base };
    const comparison: ReportInput = { kind: 'comparison', comparison: compareRuns([base, other]), records: [base, other] };
    // The first render may build the report script; it is not timed.
    await renderReport(run, 'html');
    const reports: Record<string, { bytes: number; medianMs: number }> = {};
    for (const format of ['html', 'md', 'csv'] as const) {
      reports[`run.${format}`] = await measure(run, format);
      reports[`comparison.${format}`] = await measure(comparison, format);
    }
    // The worst a quick profile can write: every point at the sweep's MAX_SAMPLES (1000) samples,
    // as sub-microsecond-scale medians under the quick profile's minimum time would take.
    const busiest = syntheticRun({ id: 'bench-report-busiest', seed: 9, factor: () => 1e-3 });
    reports['busiest-run.html'] = await measure({ kind: 'run', record: busiest }, 'html');
    const recordBytes = new TextEncoder().encode(JSON.stringify(base)).length;
    const ratios: BenchRatio[] = [
      { name: 'run report html bytes ÷ 5 MiB (the bar: below 1)', L: 0, ratio: reports['run.html']!.bytes / LIMIT_BYTES },
      { name: 'comparison report html bytes ÷ 5 MiB', L: 0, ratio: reports['comparison.html']!.bytes / LIMIT_BYTES },
      { name: 'busiest run (1000 samples every point) report html bytes ÷ 5 MiB', L: 0, ratio: reports['busiest-run.html']!.bytes / LIMIT_BYTES },
      { name: 'run report html bytes ÷ its record JSON bytes', L: 0, ratio: reports['run.html']!.bytes / recordBytes },
    ];
    const problems = (['run.html', 'busiest-run.html'] as const)
      .filter((name) => reports[name]!.bytes >= LIMIT_BYTES)
      .map((name) => `${name} is ${reports[name]!.bytes} bytes, over 5 MiB`);
    const samples = (r: typeof base) => r.points.reduce((n, p) => n + p.samplesMs.length, 0);
    const result = { medians: [], ratios, problems, points: base.points.length, samples: samples(base), busiestSamples: samples(busiest), recordBytes, reports };
    return result;
  },
};
