import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP_SETTINGS } from '../engine/sweep/settings.js';
import { EVENTS, METHODS } from './api.js';
import { createBridge, createClient, type Transport } from './client.js';
import { ContractError, fail, succeed } from './envelope.js';
import { EVENT_NAMES, METHOD_NAMES } from './names.js';
import { parseRequest } from './validate.js';

function refusal(run: () => unknown): ContractError {
  try {
    run();
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('contract table', () => {
  it('names exactly the methods and events of names.ts', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(EVENTS).sort()).toEqual([...EVENT_NAMES].sort());
  });
});

describe('request validation', () => {
  it('accepts good settings unchanged', () => {
    expect(parseRequest('startSweep', DEFAULT_SWEEP_SETTINGS)).toEqual(DEFAULT_SWEEP_SETTINGS);
  });

  it('refuses a bad field and names it', () => {
    const bad = { ...DEFAULT_SWEEP_SETTINGS, lengths: [128, 'x'] };
    const err = refusal(() => parseRequest('startSweep', bad));
    expect(err.code).toBe('invalid-request');
    expect(err.message).toBe('startSweep: lengths[1]: expected number, got string');
  });

  it('takes float16 settings (whether a backend offers it is the sweep\'s question) and refuses other dtypes', () => {
    const f16 = { ...DEFAULT_SWEEP_SETTINGS, dtype: 'float16' };
    expect(parseRequest('startSweep', f16)).toEqual(f16);
    expect(refusal(() => parseRequest('startSweep', { ...DEFAULT_SWEEP_SETTINGS, dtype: 'bfloat16' })).message).toBe(
      'startSweep: dtype: expected one of "float64"|"float32"|"float16"',
    );
  });

  it('refuses a missing field and names it', () => {
    const { backends: _dropped, ...rest } = DEFAULT_SWEEP_SETTINGS;
    expect(refusal(() => parseRequest('startSweep', rest)).message).toMatch(/^startSweep: backends: missing/);
  });

  it('refuses run ids that could escape the run folder', () => {
    expect(refusal(() => parseRequest('openRun', { id: '../etc/passwd' })).message).toMatch(/^openRun: id: /);
  });

  it('refuses unknown keys on argument-less methods and accepts no argument', () => {
    expect(parseRequest('listRuns', undefined)).toEqual({});
    expect(refusal(() => parseRequest('listRuns', { sneaky: 1 })).message).toMatch(/^listRuns: /);
  });
});

describe('client', () => {
  function transportReplying(envelope: unknown): Transport {
    return { call: async () => envelope as never, subscribe: () => () => undefined };
  }

  it('unwraps a good reply', async () => {
    const client = createClient(createBridge(transportReplying(succeed({ runId: 'r1' }))));
    await expect(client.startSweep(DEFAULT_SWEEP_SETTINGS)).resolves.toEqual({ runId: 'r1' });
  });

  it('rejects with the main side error message', async () => {
    const client = createClient(createBridge(transportReplying(fail('not-found', "no run 'r9'"))));
    await expect(client.openRun({ id: 'r9' })).rejects.toMatchObject({ code: 'not-found', message: "no run 'r9'" });
  });

  it('refuses a reply that does not match the response schema', async () => {
    const client = createClient(createBridge(transportReplying(succeed({ runId: 42 }))));
    await expect(client.startSweep(DEFAULT_SWEEP_SETTINGS)).rejects.toMatchObject({ code: 'invalid-response' });
  });
});
