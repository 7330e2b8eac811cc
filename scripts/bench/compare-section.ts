/**
 * The comparison section: `compareRuns` on two seeded synthetic quick profiles (every form of every
 * mixer at L = 128…2048, ~140 points, sample counts as the quick profile takes them), the second
 * 10% slower on one mixer. The target is under 1 s; the ratio is the median over that.
 */
import { compareRuns } from '../../src-main/engine/compare/index.js';
import { syntheticRun } from '../../src-main/engine/compare/synthetic.js';
import { summarize } from '../../src-main/engine/stats/summary.js';
import type { BenchSection } from './section.js';

const TARGET_MS = 1000;
const RUNS = 7;

export const compareSection: BenchSection = {
  id: 'compare',
  title: 'compareRuns on two quick-profile-sized records (target < 1 s)',
  async run() {
    const baseline = syntheticRun({ id: 'bench-baseline', seed: 1 });
    const other = syntheticRun({ id: 'bench-other', seed: 2, factor: (mixer) => (mixer === 'ssd' ? 1.1 : 1) });
    compareRuns([baseline, other]); // warm-up: JIT
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      rows = compareRuns([baseline, other], { seed: i }).rows.length;
      times.push(performance.now() - t0);
    }
    const s = summarize(times);
    const L = baseline.points.length;
    return {
      medians: [{ mixer: 'compare', form: `compareRuns (${rows} rows)`, backend: 'engine', L, medianMs: s.p50, p10Ms: s.p10, p90Ms: s.p90, noisy: s.noisy }],
      ratios: [{ name: `compareRuns (${L} points, ${baseline.points.reduce((n, p) => n + p.samplesMs.length, 0)} samples) ÷ ${TARGET_MS} ms target`, L, ratio: s.p50 / TARGET_MS }],
      problems: s.p50 < TARGET_MS ? [] : [`compareRuns took ${s.p50.toFixed(0)} ms, over the ${TARGET_MS} ms target`],
    };
  },
};
