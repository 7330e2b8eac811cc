/**
 * The page's side of the lent tuning cache: the bridge the compute preload builds (one invoke per
 * TuningCache method on one channel) and the TuningCache the page wraps around it, round-tripped
 * through a fake main that keeps entries as main does (envelopes, null for a miss); a refusal, a
 * failed call or a reply of the wrong shape is a miss with a warning, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { COMPUTE_WINDOW_HOST, TUNING_CHANNEL, TUNING_METHODS, buildTuningBridge, lentTuningCache, type TuningCall } from './lent-tuning.js';

const KEY = JSON.stringify(['amd', 'rdna-3', '0x744c', 'AMD Radeon RX 7900 XTX (RADV NAVI31) Mesa 24.2.8', COMPUTE_WINDOW_HOST]);

/** Main played by a map per method kind, answering in envelopes; records every call. */
function fakeMain() {
  const calls: { channel: string; call: TuningCall }[] = [];
  const kept = new Map<string, unknown>();
  const invoke = async (channel: string, call: TuningCall): Promise<unknown> => {
    calls.push({ channel, call });
    const kind = call.method.replace(/^(lookup|store)/, '') || 'matmul';
    if (call.method.startsWith('store')) {
      kept.set(`${kind} ${call.key}`, call.config);
      return { ok: true, value: null };
    }
    return { ok: true, value: kept.get(`${kind} ${call.key}`) ?? null };
  };
  return { calls, invoke };
}

describe('the tuning cache lent to the compute page', () => {
  it('exposes exactly the TuningCache methods, frozen, each an invoke on the one channel', async () => {
    const main = fakeMain();
    const bridge = buildTuningBridge(main.invoke);
    expect(Object.keys(bridge).sort()).toEqual([...TUNING_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge.lookup(KEY);
    await bridge.storeScan(KEY, { mode: 'parallel' });
    expect(main.calls).toEqual([
      { channel: TUNING_CHANNEL, call: { method: 'lookup', key: KEY } },
      { channel: TUNING_CHANNEL, call: { method: 'storeScan', key: KEY, config: { mode: 'parallel' } } },
    ]);
  });

  it('round-trips choices through the bridge: a miss, then what was stored, per key and per kind', async () => {
    const main = fakeMain();
    const warnings: string[] = [];
    const cache = lentTuningCache(buildTuningBridge(main.invoke), (m) => warnings.push(m));
    expect(await cache.lookup(KEY)).toBeUndefined();
    expect(await cache.lookupScan(KEY)).toBeUndefined();
    await cache.store(KEY, { microM: 8, depth: 32 });
    await cache.storeScan(KEY, { mode: 'parallel' });
    expect(await cache.lookupFused(KEY)).toBeUndefined();
    await cache.storeFused(KEY, { rows: 64, keys: 32, rowsPerInvocation: 4 });
    expect(await cache.lookup(KEY)).toEqual({ microM: 8, depth: 32 });
    expect(await cache.lookupScan(KEY)).toEqual({ mode: 'parallel' });
    expect(await cache.lookupFused(KEY)).toEqual({ rows: 64, keys: 32, rowsPerInvocation: 4 });
    expect(await cache.lookup(KEY.replace('24.2.8', '24.3.0'))).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it("turns main's refusal, a failed invoke or a reply of the wrong shape into a miss with a warning", async () => {
    const warnings: string[] = [];
    const replies: (() => Promise<unknown>)[] = [
      async () => ({ ok: false, error: { code: 'invalid-request', message: 'computeTuning.store: config: not a matmul tile configuration of this version' } }),
      () => Promise.reject(new Error('the compute window is closing')),
      async () => 'not an envelope',
      async () => ({ ok: true }),
    ];
    const cache = lentTuningCache(
      buildTuningBridge(() => replies.shift()!()),
      (m) => warnings.push(m),
    );
    await expect(cache.store(KEY, { microM: 4, depth: 16 })).resolves.toBeUndefined();
    await expect(cache.lookup(KEY)).resolves.toBeUndefined();
    await expect(cache.lookupScan(KEY)).resolves.toBeUndefined();
    await expect(cache.storeScan(KEY, { mode: 'sequential' })).resolves.toBeUndefined();
    expect(warnings).toEqual([
      'wgsl tuning cache (lent by main): store failed (computeTuning.store: config: not a matmul tile configuration of this version); the choice is kept for this window only',
      'wgsl tuning cache (lent by main): lookup failed (the compute window is closing); tuning afresh',
      'wgsl tuning cache (lent by main): lookupScan failed (main sent no tuning reply); tuning afresh',
      'wgsl tuning cache (lent by main): storeScan failed (main sent no tuning reply); the choice is kept for this window only',
    ]);
  });
});
