/**
 * The CPU section: every form of every mixer on the js backend, and the float64 reference, at a
 * few lengths, through the same sweep runner as `mixscope run`. Ratios: each form against the
 * reference, each form against its mixer's first form, and softmax fused against materialized.
 */
import { createJsBackend } from '../../src-main/engine/backends/js.js';
import { createReferenceBackend } from '../../src-main/engine/backends/reference.js';
import type { PointRecord } from '../../src-main/engine/record/point.js';
import { runSweep } from '../../src-main/engine/sweep/run.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '../../src-main/engine/sweep/settings.js';
import { MIXERS } from '../../src-main/engine/registry.js';
import type { BenchMedian, BenchRatio, BenchSection } from './section.js';

const SETTINGS: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: [128, 256, 512],
  d: 32,
  dv: 32,
  state: 16,
  dtype: 'float64',
  warmup: 1,
  repetitions: 5,
  minTimeMs: 20,
  timeBudgetMs: 1_000,
  backends: ['js', 'reference'],
  verify: false,
};

function ratios(medians: readonly BenchMedian[]): BenchRatio[] {
  const at = (mixer: string, form: string, backend: string, L: number) =>
    medians.find((m) => m.mixer === mixer && m.form === form && m.backend === backend && m.L === L)?.medianMs;
  const out: BenchRatio[] = [];
  const push = (name: string, L: number, a?: number, b?: number) => {
    if (a !== undefined && b !== undefined && b > 0) out.push({ name, L, ratio: a / b });
  };
  for (const mixer of MIXERS) {
    const first = mixer.forms[0]!;
    for (const form of mixer.forms) {
      for (const L of SETTINGS.lengths) {
        const ref = form.reference ? `${form.id}-reference` : 'reference';
        push(`${mixer.id}/${form.id} ÷ ${mixer.id}/${ref} (float64 reference)`, L, at(mixer.id, form.id, 'js', L), at(mixer.id, ref, 'reference', L));
        if (form !== first) push(`${mixer.id}/${form.id} ÷ ${mixer.id}/${first.id}`, L, at(mixer.id, form.id, 'js', L), at(mixer.id, first.id, 'js', L));
      }
    }
  }
  return out;
}

function median(p: PointRecord): BenchMedian | undefined {
  if (p.status !== 'ok' || !p.stats) return undefined;
  return { mixer: p.mixer, form: p.form, backend: p.backend, L: p.L, medianMs: p.stats.p50, p10Ms: p.stats.p10, p90Ms: p.stats.p90, noisy: p.stats.noisy };
}

export const cpuSection: BenchSection = {
  id: 'cpu-kernels',
  title: 'CPU kernels (js backend, float64) against the float64 reference',
  async run() {
    const result = await runSweep(SETTINGS, [createJsBackend({ host: 'node' }), createReferenceBackend({ host: 'node' })]);
    const medians = result.points.map(median).filter((m): m is BenchMedian => m !== undefined);
    const problems = result.points.filter((p) => p.status !== 'ok').map((p) => `${p.mixer}/${p.form} ${p.backend} L=${p.L}: ${p.status} ${p.reason ?? ''}`.trim());
    return { medians, ratios: ratios(medians), problems };
  },
};
