import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUIT_TIMEOUT_MS, shutdownWithin } from './quit.js';

describe('quitting within a bound', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for a shutdown that finishes', async () => {
    expect(await shutdownWithin(() => new Promise((done) => setTimeout(done, 10)), 1000)).toBe('done');
  });

  it('gives up on a shutdown that hangs (a compute window that never answers)', async () => {
    vi.useFakeTimers();
    const outcome = shutdownWithin(() => new Promise<void>(() => undefined));
    await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('timed-out');
  });

  it('quits after a shutdown that throws or rejects', async () => {
    expect(await shutdownWithin(() => Promise.reject(new Error('backend stuck')), 1000)).toBe('failed');
    expect(
      await shutdownWithin(() => {
        throw new Error('sync');
      }, 1000),
    ).toBe('failed');
  });
});
