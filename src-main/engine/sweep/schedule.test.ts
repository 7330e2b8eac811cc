import { describe, expect, it } from 'vitest';
import type { Backend, PreparedKernel } from '../core/backend.js';
import { createJsBackend } from '../backends/js.js';
import { localReferenceRunner, type ReferenceRunner } from './references.js';
import { runSweep } from './run.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from './settings.js';

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
  pointTimeCapMs: 40,
};

/** A js backend whose samples take `ms(L, form, n)` ms on the sweep's clock (n counts its runs). */
function scripted(ms: (L: number, form: string, n: number) => number): Backend {
  const js = createJsBackend();
  let n = 0;
  return {
    ...js,
    async prepare(request: Parameters<Backend['prepare']>[0]): Promise<PreparedKernel> {
      const L = request.inputs['Q']!.shape[0]!;
      const kernel = await js.prepare(request);
      return { ...kernel, run: async () => (await kernel.run(), { wallMs: ms(L, request.form.id, n++) }) };
    },
  };
}

describe('interleaved schedule', () => {
  it('visits every point at least twice and lands each once, its samples spread over the sweep', async () => {
    const landed: string[] = [];
    const result = await runSweep(settings, [scripted((L) => L / 100)], { onPoint: (p) => void landed.push(`${p.form}/${p.L}`) });
    expect(result.points).toHaveLength(8);
    expect(new Set(landed).size).toBe(8);
    for (const p of result.points) {
      expect(p.status).toBe('ok');
      expect(p.sampling!.visits).toBeGreaterThanOrEqual(2);
      expect(p.sampling!.stop).toBe('ci-reached');
      expect(p.stats!.p50).toBeCloseTo(p.L / 100, 12);
    }
  });

  it('keeps sampling where the CI is wide and stops tight points early', async () => {
    // fused alternates between 1 and 1.5 ms (no tight median); materialized is steady.
    const result = await runSweep({ ...settings, lengths: [8] }, [scripted((_L, form, n) => (form === 'fused' ? 1 + 0.5 * (n % 2) : 1))]);
    const byForm = Object.fromEntries(result.points.map((p) => [p.form, p]));
    expect(byForm['materialized']!.sampling!.stop).toBe('ci-reached');
    expect(byForm['fused']!.sampling!.stop).toBe('time-cap');
    expect(byForm['fused']!.samplesMs.length).toBeGreaterThan(byForm['materialized']!.samplesMs.length);
    expect(byForm['fused']!.sampling!.multimodal).toBe(true);
  });

  it('revisits a point whose visits sit at different levels instead of stopping on a tight CI', async () => {
    // fused at L = 8 runs at 1 ms or 1.3 ms, switching level whenever another point ran in
    // between (one level per visit, steady within it); every other point is steady at 1 ms.
    let last = '';
    let level = 0;
    const backend = scripted((L, form) => {
      const key = `${form}/${L}`;
      if (key === 'fused/8' && last !== key) level = 1 - level;
      last = key;
      return key === 'fused/8' ? 1 + 0.3 * level : 1;
    });
    const result = await runSweep({ ...settings, lengths: [8, 16], pointTimeCapMs: 400 }, [backend]);
    const fused = result.points.find((p) => p.form === 'fused' && p.L === 8)!;
    for (const p of result.points.filter((q) => q !== fused)) expect(p.sampling).toMatchObject({ stop: 'ci-reached', visits: 2 });
    expect(fused.sampling!.stop).not.toBe('ci-reached');
    expect(fused.sampling!.visits).toBeGreaterThan(2);
    expect(new Set(fused.samplesMs)).toEqual(new Set([1, 1.3]));
  });

  it("hands each of a point's B·H kernels its share of the sweep's memory budget", async () => {
    const asked: (number | undefined)[] = [];
    const js = createJsBackend();
    const backend: Backend = { ...js, prepare: (request) => (asked.push(request.memoryBudgetBytes), js.prepare(request)) };
    await runSweep({ ...settings, lengths: [8], batch: 2, heads: 3, memoryBudgetBytes: 6_000_001 }, [backend]);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([1_000_000]));
  });

  it('is reproducible for a seed: the same revisit order gives the same samples', async () => {
    const run = async () => (await runSweep(settings, [scripted((L, _f, n) => L / 100 + (n % 3) * 1e-4)])).points.map((p) => p.samplesMs);
    expect(await run()).toEqual(await run());
  });
});

describe('batched samples', () => {
  /** `scripted`, with runMany: each call records how many runs it asked for. */
  function batching(ms: (n: number) => number, calls: number[]): Backend {
    const js = createJsBackend();
    let n = 0;
    return {
      ...js,
      async prepare(request: Parameters<Backend['prepare']>[0]): Promise<PreparedKernel> {
        const kernel = await js.prepare(request);
        const run = async () => (await kernel.run(), { wallMs: ms(n++) });
        return {
          ...kernel,
          run,
          runMany: async (count: number) => {
            calls.push(count);
            const out = [];
            for (let i = 0; i < count; i++) out.push(await run());
            return out;
          },
        };
      },
    };
  }

  it('takes the samples of a fast kernel many to a call, keeps every one, and still stops on the CI', async () => {
    const calls: number[] = [];
    // 0.1 ms, ±1% alternating: a batch of about BATCH_TARGET_MS / 0.1 = 200 samples per call.
    const result = await runSweep({ ...settings, lengths: [8], forms: { 'softmax-attention': ['materialized'] }, ciTarget: 0.001 }, [
      batching((n) => 0.1 * (1 + 0.01 * (n % 2)), calls),
    ]);
    const p = result.points[0]!;
    expect(p.status).toBe('ok');
    expect(Math.max(...calls)).toBeGreaterThan(50);
    // Every sample of every batch is in the record: those of runMany and the single first ones.
    const batched = calls.reduce((a, b) => a + b, 0);
    expect(p.samplesMs.length).toBeGreaterThanOrEqual(batched);
    expect(p.samplesMs.length).toBeLessThanOrEqual(batched + 2 * p.sampling!.visits);
    expect(p.stats!.p50).toBeGreaterThan(0.099);
  });

  it('takes the samples of a slow kernel one at a time', async () => {
    const calls: number[] = [];
    const result = await runSweep({ ...settings, lengths: [8], forms: { 'softmax-attention': ['materialized'] } }, [batching(() => 25, calls)]);
    expect(result.points[0]!.status).toBe('ok');
    expect(calls).toEqual([]);
  });
});

describe('checks against the float64 reference', () => {
  const events: string[] = [];
  /** A js backend that logs each prepare, so the order of prepares and reference results can be read back. */
  function logging(): Backend {
    const js = createJsBackend();
    return {
      ...js,
      async prepare(request: Parameters<Backend['prepare']>[0]): Promise<PreparedKernel> {
        events.push(`prepare ${request.form.id} L=${request.inputs['Q']!.shape[0]}`);
        return js.prepare(request);
      },
    };
  }
  /** References computed in place, each answered only after `delayMs`. */
  const slow = (delayMs: number): ReferenceRunner => ({
    run: async (mixer, form, params, sets) => {
      const L = sets[0]!['Q']!.shape[0];
      events.push(`reference L=${L}`);
      const result = await localReferenceRunner().run(mixer, form, params, sets);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      events.push(`reference L=${L} ready`);
      return result;
    },
  });

  it('goes on to the next points while a reference computes, and lands each point with its check', async () => {
    events.length = 0;
    const result = await runSweep({ ...settings, lengths: [8, 16], forms: { 'softmax-attention': ['materialized'] } }, [logging()], { references: slow(300) });
    expect(events.indexOf('prepare materialized L=16')).toBeLessThan(events.indexOf('reference L=8 ready'));
    for (const p of result.points) expect(p.error).toMatchObject({ pass: true });
  });

  it('on cancel lands the open points at once, saying which checks were not finished', async () => {
    events.length = 0;
    const controller = new AbortController();
    const never: ReferenceRunner = { run: () => new Promise(() => undefined) };
    const result = await runSweep({ ...settings, lengths: [8, 16] }, [logging()], {
      references: never,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 0 && events.filter((e) => e.startsWith('prepare')).length >= 3) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.points.length).toBeGreaterThan(0);
    for (const p of result.points) {
      expect(p.error).toBeNull();
      expect(p.verifyNote).toBe('not checked: the sweep was cancelled before the float64 reference was ready');
    }
  });
});

describe('honest roof', () => {
  it('refuses a roofline fraction above 1 and flags the calibration invalid', async () => {
    const low = { backend: 'js' as const, dtype: 'float64' as const, peakMatmulGflops: 1e-6, copyGBs: 1e-6 };
    const result = await runSweep({ ...settings, lengths: [8, 16] }, [scripted(() => 1)], { calibration: [low] });
    for (const p of result.points) {
      expect(p.rooflineFraction).toBeNull();
      expect(p.aboveRoof!).toBeGreaterThan(1);
    }
    expect(result.calibration![0]).toMatchObject({ valid: false, invalidReason: expect.stringMatching(/× the calibrated roof$/) });
    const high = { ...low, peakMatmulGflops: 1e6, copyGBs: 1e6 };
    const honest = await runSweep({ ...settings, lengths: [8, 16] }, [scripted(() => 1)], { calibration: [high] });
    expect(honest.points.every((p) => p.rooflineFraction! > 0 && p.rooflineFraction! <= 1 && p.aboveRoof === undefined)).toBe(true);
    expect(honest.calibration![0]!.valid).toBe(true);
  });
});
