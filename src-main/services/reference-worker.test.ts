/**
 * The sweep's reference worker: the same float64 references as in place, from the sweep thread's
 * own entry file, and a worker that dies leaves them to be computed in place, never missing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../engine/core/random.js';
import { resolveParams } from '../engine/core/validate.js';
import { getForm, getMixer } from '../engine/registry.js';
import { localReferenceRunner } from '../engine/sweep/references.js';
import { WorkerReferenceRunner } from './reference-worker.js';
import { SWEEP_THREAD_ENTRY } from './sweep-thread.js';

describe('WorkerReferenceRunner', () => {
  let runner: WorkerReferenceRunner | undefined;
  afterEach(() => runner?.close());

  const mixer = getMixer('retention');
  const params = resolveParams(mixer);
  const sets = [1, 2].map((seed) => mixer.randomInputs(mixer.dims({ L: 40, d: 8, dv: 8, state: 4 }, params), createRng(seed), params));

  it('computes exactly the references computed in place, with their time per set', async () => {
    runner = new WorkerReferenceRunner(SWEEP_THREAD_ENTRY);
    const form = getForm(mixer, 'recurrent');
    const [there, here] = await Promise.all([runner.run(mixer, form, params, sets), localReferenceRunner().run(mixer, form, params, sets)]);
    expect(there.tensors).toHaveLength(2);
    for (const [i, t] of there.tensors.entries()) {
      expect(t.shape).toEqual(here.tensors[i]!.shape);
      expect(Array.from(t.data)).toEqual(Array.from(here.tensors[i]!.data));
    }
    expect(there.msPerSet).toBeGreaterThan(0);
    // Answered by the worker, not by the fallback; the caller's inputs are untouched (copied, not transferred).
    expect(runner.failure).toBeUndefined();
    for (const t of Object.values(sets[0]!)) expect(t.data.length).toBeGreaterThan(0);
  });

  it('computes in place once the worker is gone', async () => {
    runner = new WorkerReferenceRunner(new URL('data:text/javascript,process.exit(3)'));
    const form = mixer.forms[0]!;
    const here = await localReferenceRunner().run(mixer, form, params, sets);
    const there = await runner.run(mixer, form, params, sets);
    expect(runner.failure).toMatch(/exit code 3|closed|stopped/);
    expect(Array.from(there.tensors[1]!.data)).toEqual(Array.from(here.tensors[1]!.data));
  });
});
