/** Every size a client may send is bounded where the request arrives, with one clear message. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP_SETTINGS } from '../engine/sweep/settings.js';
import { ContractError } from './envelope.js';
import { REQUEST_LIMITS } from './request-limits.js';
import { parseRequest } from './validate.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ContractError);
    return (err as ContractError).message;
  }
  throw new Error('the request was accepted');
}

describe('request limits', () => {
  it('accepts the largest sizes allowed', () => {
    const largest = { ...DEFAULT_SWEEP_SETTINGS, lengths: [REQUEST_LIMITS.maxLength], d: REQUEST_LIMITS.maxWidth, heads: 4, batch: 256 };
    expect(parseRequest('startSweep', largest)).toMatchObject({ lengths: [REQUEST_LIMITS.maxLength] });
    expect(parseRequest('focus', { mixers: ['softmax-attention'], lengths: [REQUEST_LIMITS.maxFocusLength] })).toBeTruthy();
  });

  it.each([
    [{ lengths: [128, 2 ** 21] }, /^startSweep: lengths\[1\]: L may be at most 1048576/],
    [{ lengths: Array.from({ length: 65 }, (_, i) => i + 1) }, /^startSweep: lengths: at most 64 lengths/],
    [{ d: 8192 }, /^startSweep: d: d may be at most 4096/],
    [{ dv: 8192 }, /^startSweep: dv: dv may be at most 4096/],
    [{ state: 5000 }, /^startSweep: state: the state size may be at most 4096/],
    [{ heads: 512 }, /^startSweep: heads: heads may be at most 256/],
    [{ batch: 64, heads: 32 }, /^startSweep: batch: batch × heads may be at most 1024/],
    [{ repetitions: 20_000 }, /^startSweep: repetitions: repetitions may be at most 10000/],
    [{ timeBudgetMs: 1e9 }, /^startSweep: timeBudgetMs: timeBudgetMs may be at most 3600000/],
  ])('refuses %o', (change, message) => {
    expect(refusal(() => parseRequest('startSweep', { ...DEFAULT_SWEEP_SETTINGS, ...change }))).toMatch(message);
  });

  it('refuses focus lengths past 2^16 and too many of them', () => {
    expect(refusal(() => parseRequest('focus', { mixers: ['softmax-attention'], lengths: [2 ** 18] }))).toMatch(/^focus: lengths\[0\]: a focus length may be at most 65536/);
    expect(refusal(() => parseRequest('focus', { mixers: ['softmax-attention'], lengths: Array.from({ length: 33 }, (_, i) => i + 1) }))).toMatch(/at most 32 focus lengths/);
  });
});
