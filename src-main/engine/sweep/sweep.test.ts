import { describe, expect, it } from 'vitest';
import type { Backend, PreparedKernel } from '../core/backend.js';
import { DeviceLostError, OverLimitError } from '../core/errors.js';
import { resolveParams } from '../core/validate.js';
import { getMixer } from '../registry.js';
import { createJsBackend } from '../backends/js.js';
import { createReferenceBackend } from '../backends/reference.js';
import { parseRunRecord } from '../record/parse.js';
import type { SweepProgress } from './events.js';
import { PointInputs } from './inputs.js';
import { planSweep } from './plan.js';
import { runSweep } from './run.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from './settings.js';
import { validateSweepSettings } from './validate.js';

const settings: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: [8, 16, 32, 64],
  d: 4,
  dv: 4,
  mixers: ['softmax-attention'],
  warmup: 0,
  repetitions: 3,
  minTimeMs: 0,
  dtype: 'float64',
  // Points land in plan order; the interleaved schedule has its own tests below.
  order: 'in-order',
  // Real-clock points (the reference backend) stop here at the latest.
  pointTimeCapMs: 40,
};

/** A js backend whose clock says a sample takes `ms(L)`, and whose prepare may throw. */
function scriptedBackend(ms: (L: number, form: string) => number, fail?: (L: number) => Error | undefined): Backend & { resets: number } {
  const js = createJsBackend();
  const backend = {
    ...js,
    resets: 0,
    async prepare(request: Parameters<Backend['prepare']>[0]): Promise<PreparedKernel> {
      const L = request.inputs['Q']!.shape[0]!;
      const error = fail?.(L);
      if (error) throw error;
      const kernel = await js.prepare(request);
      return { ...kernel, run: async () => (await kernel.run(), { wallMs: ms(L, request.form.id), gpuMs: ms(L, request.form.id) / 2 }) };
    },
    async reset() {
      backend.resets++;
    },
  };
  return backend;
}

describe('planSweep', () => {
  it('orders points by mixer, L, backend, form and gives the reference one point per L', () => {
    const plan = planSweep({ ...settings, backends: ['js', 'reference'] });
    expect(plan.map((p) => `${p.L}/${p.backend}/${p.formId}`).slice(0, 3)).toEqual(['8/js/materialized', '8/js/fused', '8/reference/reference']);
    expect(plan).toHaveLength(4 * 3);
    expect(plan.find((p) => p.backend === 'reference')!.cost).toBeUndefined();
  });

  it('refuses unknown names with one clear line', () => {
    expect(() => validateSweepSettings({ ...settings, mixers: ['nope'] })).toThrow(/unknown mixer 'nope'/);
    expect(() => validateSweepSettings({ ...settings, forms: { 'softmax-attention': ['x'] } })).toThrow(/has no form 'x'/);
    expect(() => validateSweepSettings({ ...settings, lengths: [0] })).toThrow(/^settings\.lengths\[0\]/);
    expect(() => validateSweepSettings({ ...settings, params: { 'softmax-attention': { scale: -1 } } })).toThrow(/scale/);
  });
});

describe('runSweep', () => {
  it('measures every point, compares with the reference and fits exponents', async () => {
    const progress: SweepProgress[] = [];
    const landed: number[] = [];
    let t = 0;
    const result = await runSweep(settings, [scriptedBackend((L, form) => (form === 'fused' ? L * 0.01 : (L * L) / 3200))], {
      onPoint: (_p, i) => void landed.push(i),
      onProgress: (p) => progress.push(p),
      now: () => (t += 10),
    });
    expect(result.cancelled).toBe(false);
    expect(result.points.map((p) => p.status)).toEqual(Array(8).fill('ok'));
    expect(landed).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const p = result.points[0]!;
    // Identical samples: the median's CI has zero width once it exists (6 samples).
    expect(p.samplesMs).toEqual(Array(6).fill(0.02));
    expect(p.sampling).toMatchObject({ stop: 'ci-reached', visits: 1, warmupRuns: 3, medianCi: { lo: 0.02, hi: 0.02 }, multimodal: false });
    expect(p.gpuStats!.p50).toBe(0.01);
    expect(p.error!.pass).toBe(true);
    expect(p.error!.relative!).toBeLessThan(1e-12);
    expect(p.achieved!.tokensPerSecond).toBeCloseTo(8 / 0.02e-3, 6);
    expect(p.achieved!.gflops).toBeCloseTo(p.cost!.flops / 0.02e-3 / 1e9, 6);
    const fused = result.fits.find((f) => f.form === 'fused')!;
    expect(fused.exponent).toBeCloseTo(1, 9);
    expect(fused.expected).toBe('quadratic');
    expect(result.fits.find((f) => f.form === 'materialized')!.exponent).toBeCloseTo(2, 9);
    // L/100 = L²/3200 at L = 32.
    expect(result.crossovers).toEqual([
      {
        backend: 'js',
        faster: { mixer: 'softmax-attention', form: 'fused' },
        slower: { mixer: 'softmax-attention', form: 'materialized' },
        status: 'crosses',
        L: expect.closeTo(32, 6),
        // Identical samples: every resample crosses at the same L.
        ci: { lo: expect.closeTo(32, 6), hi: expect.closeTo(32, 6), level: 0.95, agreement: 1 },
        wide: false,
      },
    ]);
    expect(progress[0]).toMatchObject({ done: 0, total: 8, current: { L: 8, form: 'materialized' } });
    expect(progress[1]!.etaMs).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: 8, total: 8 });
    expect(progress.at(-1)!.current).toBeUndefined();
  });

  it('predicts over-budget points from the cost model and skips larger L', async () => {
    const result = await runSweep({ ...settings, forms: { 'softmax-attention': ['materialized'] }, timeBudgetMs: 3 }, [
      scriptedBackend((L) => (L * L) / 1000),
    ]);
    // 0.064, 0.256, 1.02 ms measured; 4.1 ms predicted at L=64.
    expect(result.points.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'over-budget']);
    expect(result.points[3]!.reason).toMatch(/predicted .* over the time budget of 3 ms/);
    expect(result.points[3]!.samplesMs).toEqual([]);
  });

  it('stops a point whose sample exceeds the budget and skips the rest of that curve', async () => {
    const result = await runSweep({ ...settings, forms: { 'softmax-attention': ['materialized'] }, timeBudgetMs: 30 }, [
      scriptedBackend((L) => (L >= 16 ? 100 : 1)),
    ]);
    expect(result.points.map((p) => p.status)).toEqual(['ok', 'over-budget', 'skipped', 'skipped']);
    // The first warm-up run is already over the budget: no sample is taken.
    expect(result.points[1]!.samplesMs).toEqual([]);
    expect(result.points[1]!.reason).toMatch(/a warm-up run took 100.0 ms, over the time budget of 30 ms/);
    expect(result.points[2]!.reason).toBe('not run: over budget at smaller L = 16');
  });

  it('refuses points over the memory budget before running them', async () => {
    const result = await runSweep({ ...settings, forms: { 'softmax-attention': ['materialized'] }, memoryBudgetBytes: 10_000 }, [
      scriptedBackend(() => 1),
    ]);
    expect(result.points.map((p) => p.status)).toEqual(['ok', 'ok', 'over-budget', 'skipped']);
    expect(result.points[2]!.reason).toMatch(/needs 12288 bytes .* over the memory budget of 10000 bytes/);
  });

  it('records over-limit, device loss and failures and goes on', async () => {
    const backend = scriptedBackend(
      () => 1,
      (L) =>
        L === 8 ? new DeviceLostError('device lost: test') : L === 16 ? new Error('kernel exploded') : L === 32 ? new OverLimitError('buffer too big', 999, 10) : undefined,
    );
    const result = await runSweep({ ...settings, forms: { 'softmax-attention': ['fused'] } }, [backend]);
    expect(result.points.map((p) => p.status)).toEqual(['device-lost', 'failed', 'over-limit', 'skipped']);
    expect(backend.resets).toBe(1);
    expect(result.points[1]!.reason).toBe('kernel exploded');
    expect(result.points[2]).toMatchObject({ neededBytes: 999, availableBytes: 10 });
  });

  it('multiplies costs by batch × heads and runs B·H kernels per sample', async () => {
    const one = await runSweep({ ...settings, lengths: [8, 16] }, [scriptedBackend(() => 1)]);
    const many = await runSweep({ ...settings, lengths: [8, 16], batch: 2, heads: 3 }, [scriptedBackend(() => 1)]);
    expect(many.points[0]!.cost!.flops).toBe(6 * one.points[0]!.cost!.flops);
    expect(many.points[0]!.cost!.peakBytes).toBe(6 * one.points[0]!.cost!.peakBytes);
    expect(many.points[0]!.samplesMs[0]).toBe(6);
    expect(many.points[0]!.allocatedBytes).toBe(6 * one.points[0]!.allocatedBytes!);
    expect(many.points[0]!.error!.pass).toBe(true);
  });

  it('says why an ok point has no error check', async () => {
    const result = await runSweep({ ...settings, lengths: [8], verify: false }, [scriptedBackend(() => 1)]);
    expect(result.points[0]).toMatchObject({ status: 'ok', error: null, verifyNote: 'not checked: verification is off' });
  });

  it('marks the reference backend unsupported in float32 and times it in float64', async () => {
    const f32 = await runSweep({ ...settings, lengths: [8], dtype: 'float32', backends: ['reference'] }, [createReferenceBackend()]);
    expect(f32.points[0]).toMatchObject({ status: 'unsupported', form: 'reference', reason: /float64 only/ });
    const f64 = await runSweep({ ...settings, lengths: [8, 16], backends: ['reference', 'js'] }, [createReferenceBackend()]);
    expect(f64.points.map((p) => `${p.backend}:${p.status}`)).toEqual([
      'reference:ok', 'js:unsupported', 'js:unsupported', 'reference:ok', 'js:unsupported', 'js:unsupported',
    ]);
  });

  it('cancels between samples and returns the finished points, which form a valid record', async () => {
    const controller = new AbortController();
    const result = await runSweep({ ...settings, forms: { 'softmax-attention': ['fused'] } }, [scriptedBackend(() => 1)], {
      signal: controller.signal,
      onPoint: (_p, i) => {
        if (i === 1) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.points).toHaveLength(2);
    const record = parseRunRecord({
      format: 'mixscope-run',
      version: 1,
      id: 'x',
      status: 'cancelled',
      startedAt: '2025-01-01T00:00:00.000Z',
      environment: { app: { name: 'mixscope', version: '0' }, runtime: {}, os: { platform: 'linux', arch: 'x64' }, cpu: { model: 'cpu', cores: 2 }, memory: { totalBytes: 1 }, backends: [], host: 'test' },
      settings: validateSweepSettings(settings),
      points: result.points,
      fits: result.fits,
      crossovers: result.crossovers,
    });
    expect(record.points).toHaveLength(2);
  });

  it('stops between samples of a point and drops the unfinished point', async () => {
    const controller = new AbortController();
    let samples = 0;
    const backend = scriptedBackend(() => {
      if (++samples === 2) controller.abort();
      return 1;
    });
    const result = await runSweep({ ...settings, repetitions: 50 }, [backend], { signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, points: [] });
    expect(samples).toBe(2);
  });

  it('generates the inputs and computes each reference of a (mixer, L) once, however the visits interleave', async () => {
    const mixers = [getMixer('softmax-attention'), getMixer('linear-attention')];
    const inputs = new PointInputs(1, 10_000);
    const visit = async (m: number, L: number) => {
      const mixer = mixers[m]!;
      const params = resolveParams(mixer);
      const sets = inputs.inputs(mixer, L, mixer.dims({ L, d: 4, dv: 4, state: 2 }, params), params, 2);
      const refs = await inputs.referencesFor(mixer, mixer.forms[0]!, params);
      return { sets, refs };
    };
    const first = await visit(0, 16);
    for (const [m, L] of [[1, 16], [0, 32], [1, 32], [0, 16], [1, 16], [0, 32]] as const) await visit(m, L);
    expect(inputs.computed).toEqual({ inputs: 4, references: 4 });
    const again = await visit(0, 16);
    expect(again.sets[0]).toBe(first.sets[0]);
    expect(again.refs).toBe(first.refs);
  });

  it('evicts the least recently used (mixer, L) past its byte budget, and regenerates the same inputs', () => {
    const mixer = getMixer('softmax-attention');
    const params = resolveParams(mixer);
    const dims = (L: number) => mixer.dims({ L, d: 4, dv: 4, state: 2 }, params);
    // Room for about one pair: each new L evicts the one before.
    const inputs = new PointInputs(1, 10_000, undefined, 3 * 64 * 4 * 8);
    const a = inputs.inputs(mixer, 64, dims(64), params, 1)[0]!;
    inputs.inputs(mixer, 32, dims(32), params, 1);
    const b = inputs.inputs(mixer, 64, dims(64), params, 1)[0]!;
    expect(inputs.computed.inputs).toBe(3);
    expect(b).not.toBe(a);
    for (const name of Object.keys(a)) expect(Array.from(b[name]!.data)).toEqual(Array.from(a[name]!.data));
  });

  it('skips the reference check when the reference is predicted over the time budget', async () => {
    const mixer = getMixer('softmax-attention');
    const params = resolveParams(mixer);
    // The reference takes L²/8 ms on this clock: 8, 32 ms at L = 8, 16, so 128 ms predicted at L = 32.
    let t = 0;
    let pending = 0;
    /** Returns the time, then moves it on by the pending duration: the next reading sees it elapsed. */
    const clock = () => {
      const now = t;
      t += pending;
      pending = 0;
      return now;
    };
    const inputs = new PointInputs(1, 100, clock);
    const refs = (L: number) => {
      inputs.inputs(mixer, L, mixer.dims({ L, d: 4, dv: 4, state: 2 }, params), params, 1);
      pending = (L * L) / 8;
      return inputs.referencesFor(mixer, mixer.forms[0]!, params);
    };
    expect('tensors' in (await refs(8))).toBe(true);
    expect('tensors' in (await refs(16))).toBe(true);
    expect(inputs.predictReferenceMs('softmax-attention\u0000', 32)).toBeCloseTo(128, 9);
    expect(await refs(32)).toEqual({ skipped: expect.stringMatching(/^not checked: the float64 reference is predicted to take 128 ms, over the time budget/) });
  });
});
