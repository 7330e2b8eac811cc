/**
 * The workers' request/reply channel, both ends over a real worker thread: replies reach their own
 * calls whatever order they come in, a refusal keeps its MixscopeError code, and a worker that
 * stops fails every open call with why and leaves none waiting.
 */
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { MixscopeError } from '../engine/core/errors.js';
import { WorkerCalls } from './worker-calls.js';

type Request = { echo?: unknown; delayMs?: number; refuse?: string; fail?: string; crash?: string; floats?: number; hang?: true };

/** A worker serving calls with serveCalls (TypeScript through tsx's loader, as the sweep thread entry does). */
function testWorker(): Worker {
  const url = (path: string) => new URL(path, import.meta.url).href;
  const tsx = new URL(`file://${createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')}`).href;
  const source = `
    import { parentPort } from 'node:worker_threads';
    const { register } = await import(${JSON.stringify(tsx)});
    register();
    const { serveCalls } = await import(${JSON.stringify(url('./worker-calls.ts'))});
    const { MixscopeError } = await import(${JSON.stringify(url('../engine/core/errors.ts'))});
    serveCalls(parentPort, async (r) => {
      if (r.delayMs) await new Promise((done) => setTimeout(done, r.delayMs));
      if (r.refuse) throw new MixscopeError('refused: ' + r.refuse, r.refuse);
      if (r.fail) throw new Error(r.fail);
      if (r.crash) setTimeout(() => { throw new Error(r.crash); });
      if (r.crash || r.hang) return new Promise(() => undefined);
      if (r.floats) return new Float64Array(r.floats).fill(0.5);
      return r.echo;
    }, (value) => (value instanceof Float64Array ? [value.buffer] : []));
  `;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
}

describe('WorkerCalls over serveCalls', () => {
  let worker: Worker | undefined;
  afterEach(async () => {
    await worker?.terminate();
    worker = undefined;
  });

  it('answers each call with its own reply, whatever order the replies come in', async () => {
    worker = testWorker();
    const calls = new WorkerCalls<Request, unknown>('test');
    calls.listen(worker, () => undefined);
    const answers = [40, 0, 20].map((delayMs, i) => calls.call(worker!, { echo: { i, delayMs }, delayMs }));
    expect(calls.size).toBe(3);
    expect(await Promise.all(answers)).toEqual([0, 1, 2].map((i) => ({ i, delayMs: [40, 0, 20][i] })));
    const floats = (await calls.call(worker, { floats: 5 })) as Float64Array;
    expect(Array.from(floats)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(calls.size).toBe(0);
  });

  it('passes a refusal back with its code, and a plain error as a plain Error', async () => {
    worker = testWorker();
    const calls = new WorkerCalls<Request, unknown>('test');
    calls.listen(worker, () => undefined);
    const refused = calls.call(worker, { refuse: 'invalid-input' });
    await expect(refused).rejects.toBeInstanceOf(MixscopeError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid-input', message: 'refused: invalid-input' });
    const failed = calls.call(worker, { fail: 'no such run' });
    await expect(failed).rejects.toThrow('no such run');
    await expect(failed).rejects.not.toBeInstanceOf(MixscopeError);
    expect(calls.size).toBe(0);
  });

  it('fails every open call with why once the worker stops, tells its owner, and keeps none', async () => {
    worker = testWorker();
    const calls = new WorkerCalls<Request, unknown>('test');
    const stopped: string[] = [];
    calls.listen(worker, (why) => stopped.push(why));
    const waiting = [calls.call(worker, { hang: true }), calls.call(worker, { hang: true })];
    const crashing = calls.call(worker, { crash: 'out of memory' });
    for (const answer of [...waiting, crashing]) await expect(answer).rejects.toThrow('the test worker stopped: out of memory');
    expect(calls.size).toBe(0);
    // The uncaught error, then the exit it caused: each is told; the calls failed with the first.
    if (stopped.length < 2) await once(worker, 'exit');
    expect(stopped).toEqual(['out of memory', 'exit code 1']);
  });
});
