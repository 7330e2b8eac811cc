/** Every call to the compute page has a deadline: a page that never answers is a lost device, not a hang. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeviceLostError } from '../../engine/core/errors.js';
import { callPage, DEFAULT_PAGE_DEADLINES, type PageCall, type PageReply, type PageTransport } from './dispatch.js';

/** A page that answers only the calls named in `answers`, and never the others. */
function silentPage(answers: Partial<Record<string, unknown>> = {}): PageTransport & { calls: PageCall[] } {
  const calls: PageCall[] = [];
  return {
    label: 'the test page',
    calls,
    isClosed: () => false,
    request: (call) => {
      calls.push(call);
      return call.method in answers ? Promise.resolve<PageReply>({ ok: true, value: answers[call.method] }) : new Promise<PageReply>(() => undefined);
    },
  };
}

describe('compute page deadlines', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['probe', DEFAULT_PAGE_DEADLINES.probeMs, ['wgsl']],
    ['run', DEFAULT_PAGE_DEADLINES.callMs, [1]],
    ['prepare', DEFAULT_PAGE_DEADLINES.callMs, [{}]],
    ['calibrate', DEFAULT_PAGE_DEADLINES.callMs, ['wgsl', 'float32']],
    ['reset', DEFAULT_PAGE_DEADLINES.callMs, ['wgsl']],
  ] as const)('fails %s as a device loss after %i ms of silence', async (method, ms, args) => {
    vi.useFakeTimers();
    const outcome = (callPage as (t: PageTransport, m: string, ...a: unknown[]) => Promise<unknown>)(silentPage(), method, ...args).catch((err: unknown) => err);
    await vi.advanceTimersByTimeAsync(ms - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await outcome;
    expect(err).toBeInstanceOf(DeviceLostError);
    expect((err as Error).message).toBe(`the test page did not answer '${method}' within ${ms / 1000} s`);
  });

  it("takes the transport's own deadlines and answers in time untouched", async () => {
    vi.useFakeTimers();
    const page = { ...silentPage({ reset: undefined }), deadlines: { probeMs: 50, callMs: 20 } };
    const lost = callPage(page, 'run', 1).catch((err: unknown) => (err as Error).message);
    await vi.advanceTimersByTimeAsync(20);
    expect(await lost).toBe("the test page did not answer 'run' within 0.02 s");
    await expect(callPage(page, 'reset', 'wgsl')).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});
