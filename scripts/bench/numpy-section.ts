/**
 * The NumPy side-by-side section: the js backend's forms against their NumPy twins
 * (scripts/bench/numpy-twins.py: OpenBLAS products, a Python loop of vector operations for each
 * recurrence) at the same sizes, float32, on this machine in this run. The matmul-shaped forms are
 * held to NumPy+OpenBLAS, the recurrent ones to a NumPy loop. Ratios are js ÷ NumPy medians, wall
 * and CPU (CPU: process time, every BLAS thread counted; less disturbed when the machine is shared).
 * Skipped, with the reason, where python3 or NumPy is missing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src-main/engine/core/random.js';
import { resolveParams } from '../../src-main/engine/core/validate.js';
import { getMixer } from '../../src-main/engine/registry.js';
import type { BenchMedian, BenchRatio, BenchSection } from './section.js';

const D = 64;
const STATE = 16;
const RUNS = 7;
const SWEEP = [512, 1024, 2048];
/**
 * Each form at L = 2048 (softmax and linear attention over a small sweep as well); the SSM's
 * materialized form at L = 512, since its twin builds an L×L×r decay tensor per channel.
 */
const JOBS: readonly { form: string; L: number }[] = [
  ...['softmax-attention/materialized', 'linear-attention/recurrent'].flatMap((form) => SWEEP.map((L) => ({ form, L }))),
  ...['ssd/quadratic', 'ssd/chunked', 'ssd/scan', 'gau/materialized', 'hydra/materialized', 'hydra/scan', 'ttt-linear/mini-batch', 'ttt-linear/recurrent', 'mlstm/recurrent', 'ssm/scan', 'masked-attention/four-step'].map((form) => ({ form, L: 2048 })),
  { form: 'ssm/materialized', L: 512 },
];
const TWINS = fileURLToPath(new URL('./numpy-twins.py', import.meta.url));

interface Twin {
  readonly form: string;
  readonly L: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall and CPU ms of `RUNS` runs of a js form after one warm-up run. */
function timeJs(id: string, L: number): Twin {
  const [mixerId, formId] = id.split('/') as [string, string];
  const mixer = getMixer(mixerId);
  const params = resolveParams(mixer);
  const form = mixer.forms.find((f) => f.id === formId)!;
  const inputs = mixer.randomInputs(mixer.dims({ L, d: D, dv: D, state: STATE }, params), createRng(L), params);
  form.run(inputs, params, 'float32');
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    form.run(inputs, params, 'float32');
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { form: id, L, wallMs: median(wall), cpuMs: median(cpu) };
}

function runTwins(): { numpy: string; results: Twin[] } | string {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `skipped: python3 with NumPy is not available (${probe.error?.message ?? probe.stderr.trim().split('\n').pop()})`;
  const request = JSON.stringify({ jobs: JOBS, d: D, dv: D, state: STATE, runs: RUNS });
  const run = spawnSync('python3', [TWINS], { input: request, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) return `NumPy twins failed: ${run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as { numpy: string; results: Twin[] };
}

export const numpySection: BenchSection = {
  id: 'numpy-side-by-side',
  title: 'js forms (float32, d = 64) against their NumPy twins: js ÷ NumPy medians, wall and CPU time',
  async run() {
    const twins = runTwins();
    if (typeof twins === 'string') return { medians: [], ratios: [], problems: [twins] };
    const js = JOBS.map(({ form, L }) => timeJs(form, L));
    const medians: BenchMedian[] = [
      ...js.map((t) => ({ mixer: t.form.split('/')[0]!, form: t.form.split('/')[1]!, backend: 'js', L: t.L, medianMs: t.wallMs, p10Ms: t.wallMs, p90Ms: t.wallMs, noisy: false, cpuMs: t.cpuMs })),
      ...twins.results.map((t) => ({ mixer: t.form.split('/')[0]!, form: t.form.split('/')[1]!, backend: `numpy ${twins.numpy}`, L: t.L, medianMs: t.wallMs, p10Ms: t.wallMs, p90Ms: t.wallMs, noisy: false, cpuMs: t.cpuMs })),
    ];
    const ratios: BenchRatio[] = [];
    for (const j of js) {
      const n = twins.results.find((t) => t.form === j.form && t.L === j.L);
      if (!n) continue;
      ratios.push({ name: `${j.form} js ÷ NumPy (wall)`, L: j.L, ratio: j.wallMs / n.wallMs });
      ratios.push({ name: `${j.form} js ÷ NumPy (CPU time)`, L: j.L, ratio: j.cpuMs / n.cpuMs });
    }
    return { medians, ratios, problems: [] };
  },
};
