/**
 * The NumPy side-by-side section: the js backend's forms against their NumPy twins
 * (scripts/bench/numpy-twins.py: OpenBLAS products, a Python loop of vector operations for each
 * recurrence) at the same sizes, float32, on this machine in this run. The matmul-shaped forms are
 * held to NumPy+OpenBLAS, the recurrent ones to a NumPy loop. Each side runs in a process of its
 * own, the js one started as a js compute host is (numpy-js-timer.ts), and the two alternate for
 * ROUNDS rounds; a ratio is the median over rounds of that round's js ÷ NumPy medians, wall and CPU
 * (CPU: process time, every BLAS thread counted; less disturbed when the machine is shared).
 * Skipped, with the reason, where python3 or NumPy is missing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hostEnvironment, hostExecArgv } from '../../src-main/gpu/node/cpu-host-env.js';
import { spreadOf, type BenchMedian, type BenchRatio, type BenchSection } from './section.js';

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

/** Rounds of (NumPy twins, js forms), alternating, so a drift in the machine's speed falls on both sides alike. */
const ROUNDS = 3;
const JS_TIMER = fileURLToPath(new URL('./numpy-js-timer.ts', import.meta.url));
const REQUEST = JSON.stringify({ jobs: JOBS, d: D, dv: D, state: STATE, runs: RUNS });

const median = (xs: readonly number[]): number => spreadOf(xs).medianMs;

function runTwins(): { numpy: string; results: Twin[] } | string {
  const run = spawnSync('python3', [TWINS], { input: REQUEST, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.error || run.status !== 0) return `NumPy twins failed: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as { numpy: string; results: Twin[] };
}

/** The js forms in a process started as a js compute host is (numpy-js-timer.ts). */
function runJs(): { results: Twin[] } | string {
  const run = spawnSync(process.execPath, [...hostExecArgv('js'), '--import', 'tsx', JS_TIMER], {
    input: REQUEST,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: hostEnvironment('js', process.env),
  });
  if (run.error || run.status !== 0) return `js timer failed: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as { results: Twin[] };
}

/** Per job, the median over rounds of a figure, and of its per-round ratio js ÷ NumPy. */
function acrossRounds(rounds: readonly { js: Twin[]; numpy: Twin[] }[], job: { form: string; L: number }, key: 'wallMs' | 'cpuMs') {
  const pick = (list: Twin[]) => list.find((t) => t.form === job.form && t.L === job.L)![key];
  return {
    js: median(rounds.map((r) => pick(r.js))),
    numpy: median(rounds.map((r) => pick(r.numpy))),
    ratio: median(rounds.map((r) => pick(r.js) / pick(r.numpy))),
  };
}

export const numpySection: BenchSection = {
  id: 'numpy-side-by-side',
  title: 'js forms (float32, d = 64) against their NumPy twins: js ÷ NumPy medians, wall and CPU time',
  async run() {
    const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return { medians: [], ratios: [], problems: [`skipped: python3 with NumPy is not available (${probe.error?.message ?? probe.stderr.trim().split('\n').pop()})`] };
    const rounds: { js: Twin[]; numpy: Twin[] }[] = [];
    let numpyVersion = '';
    for (let r = 0; r < ROUNDS; r++) {
      const twins = runTwins();
      if (typeof twins === 'string') return { medians: [], ratios: [], problems: [twins] };
      const js = runJs();
      if (typeof js === 'string') return { medians: [], ratios: [], problems: [js] };
      numpyVersion = twins.numpy;
      rounds.push({ js: js.results, numpy: twins.results });
    }
    const medians: BenchMedian[] = [];
    const ratios: BenchRatio[] = [];
    for (const job of JOBS) {
      const [mixer, form] = job.form.split('/') as [string, string];
      const wall = acrossRounds(rounds, job, 'wallMs');
      const cpu = acrossRounds(rounds, job, 'cpuMs');
      medians.push({ mixer, form, backend: 'js', L: job.L, medianMs: wall.js, p10Ms: wall.js, p90Ms: wall.js, noisy: false, cpuMs: cpu.js } as BenchMedian);
      medians.push({ mixer, form, backend: `numpy ${numpyVersion}`, L: job.L, medianMs: wall.numpy, p10Ms: wall.numpy, p90Ms: wall.numpy, noisy: false, cpuMs: cpu.numpy } as BenchMedian);
      ratios.push({ name: `${job.form} js ÷ NumPy (wall)`, L: job.L, ratio: wall.ratio });
      ratios.push({ name: `${job.form} js ÷ NumPy (CPU time)`, L: job.L, ratio: cpu.ratio });
    }
    return { medians, ratios, problems: [] };
  },
};
