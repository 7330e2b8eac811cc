/**
 * Input sets cross a compute-host channel once: the serving side keeps them by the caller's id
 * (least recently used out past its budget), and the proxy sends the id alone while the host
 * holds them, the data again after the host dropped them or was replaced.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsBackend } from '../../engine/backends/js.js';
import type { Inputs } from '../../engine/core/mixer.js';
import { createRng } from '../../engine/core/random.js';
import { resolveParams } from '../../engine/core/validate.js';
import { relativeError, tensor } from '../../engine/core/tensor.js';
import { getForm, getMixer } from '../../engine/registry.js';
import { HostBackend, type ComputeHost } from './host-backend.js';
import { InputsCache } from './inputs-cache.js';
import { MAX_RUNS_PER_CALL } from './protocol.js';
import { serveBackend } from './serve-backend.js';

const set = (n: number): Inputs => ({ x: tensor([n], new Float64Array(n)) });

describe('InputsCache', () => {
  it('gives back the same object by id and drops the least recently used past its budget', () => {
    const cache = new InputsCache(3 * 8 * 10);
    const a = set(10);
    const b = set(10);
    cache.put(1, a);
    cache.put(2, b);
    expect(cache.get(1)).toBe(a);
    cache.put(3, set(10));
    cache.put(4, set(10));
    // 2 was used least recently (1 was read after it), so it went first.
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBe(a);
    expect(cache.get(4)).toBeDefined();
  });

  it('keeps a set larger than the whole budget until the next one comes', () => {
    const cache = new InputsCache(8);
    const big = set(100);
    cache.put(1, big);
    expect(cache.get(1)).toBe(big);
    cache.put(2, set(1));
    expect(cache.get(1)).toBeUndefined();
  });
});

/** A HostBackend over an in-process serveBackend on the js backend, counting the data it sends. */
function linkedJs(inputsCacheBytes?: number): { backend: HostBackend; dataSent: () => number; close: () => void } {
  let sent = 0;
  const channels: MessageChannel[] = [];
  const start = (): ComputeHost => {
    const { port1, port2 } = new MessageChannel();
    channels.push({ port1, port2 } as MessageChannel);
    const js = createJsBackend();
    serveBackend({ send: (m, t) => port2.postMessage(m, t as ArrayBuffer[]), onMessage: (h) => port2.on('message', h) }, async () => ({ backend: js, host: 'test' }), { id: 'js', host: 'test' }, inputsCacheBytes === undefined ? {} : { inputsCacheBytes });
    return {
      channel: {
        send: (message, transfer) => {
          const request = (message as { request: { op: string; prepare?: { inputs?: unknown } } }).request;
          if (request.op === 'prepare' && request.prepare?.inputs) sent++;
          port1.postMessage(message, transfer as ArrayBuffer[]);
        },
        onMessage: (h) => port1.on('message', h),
      },
      onExit: () => undefined,
      terminate: async () => {
        port1.close();
      },
    };
  };
  const backend = new HostBackend(start, { id: 'js', support: createJsBackend().support, label: 'test' });
  return {
    backend,
    dataSent: () => sent,
    close: () => channels.forEach((c) => c.port1.close()),
  };
}

describe('prepare over a host channel', () => {
  let link: ReturnType<typeof linkedJs> | undefined;
  afterEach(() => link?.close());

  it('sends the inputs of the forms of one (mixer, L) once, and each form still computes its own output', async () => {
    link = linkedJs();
    const mixer = getMixer('softmax-attention');
    const params = resolveParams(mixer);
    const inputs = mixer.randomInputs(mixer.dims({ L: 24, d: 8, dv: 8, state: 4 }, params), createRng(3), params);
    const reference = mixer.reference(inputs, params);
    for (const formId of ['materialized', 'fused', 'materialized']) {
      const kernel = await link.backend.prepare({ mixer, form: getForm(mixer, formId), inputs, params, dtype: 'float64' });
      const { output } = await kernel.read();
      expect(relativeError(output, reference).relative).toBeLessThan(1e-9);
      kernel.release();
    }
    expect(link.dataSent()).toBe(1);
    // Other inputs (another L) are sent; the first ones are still held.
    const other = mixer.randomInputs(mixer.dims({ L: 8, d: 8, dv: 8, state: 4 }, params), createRng(4), params);
    await link.backend.prepare({ mixer, form: getForm(mixer, 'fused'), inputs: other, params, dtype: 'float64' });
    await link.backend.prepare({ mixer, form: getForm(mixer, 'fused'), inputs, params, dtype: 'float64' });
    expect(link.dataSent()).toBe(2);
  });

  it('sends the data again when the host has dropped it, and the kernel is still right', async () => {
    // Room for one set: preparing on other inputs drops the first from the host.
    link = linkedJs(1);
    const mixer = getMixer('linear-attention');
    const params = resolveParams(mixer);
    const make = (L: number, seed: number) => mixer.randomInputs(mixer.dims({ L, d: 4, dv: 4, state: 2 }, params), createRng(seed), params);
    const [a, b] = [make(16, 1), make(16, 2)];
    const form = mixer.forms[0]!;
    await link.backend.prepare({ mixer, form, inputs: a, params, dtype: 'float64' });
    await link.backend.prepare({ mixer, form, inputs: b, params, dtype: 'float64' });
    const again = await link.backend.prepare({ mixer, form, inputs: a, params, dtype: 'float64' });
    expect(link.dataSent()).toBe(3);
    expect(relativeError((await again.read()).output, mixer.reference(a, params)).relative).toBeLessThan(1e-9);
  });

  it('runs a kernel many times in one call, each run timed on its own, within the per-call limit', async () => {
    link = linkedJs();
    const mixer = getMixer('softmax-attention');
    const params = resolveParams(mixer);
    const inputs = mixer.randomInputs(mixer.dims({ L: 16, d: 4, dv: 4, state: 2 }, params), createRng(5), params);
    const kernel = await link.backend.prepare({ mixer, form: mixer.forms[0]!, inputs, params, dtype: 'float64' });
    const timings = await kernel.runMany!(7);
    expect(timings).toHaveLength(7);
    for (const t of timings) expect(t.wallMs).toBeGreaterThan(0);
    expect(await kernel.runMany!(MAX_RUNS_PER_CALL + 5)).toHaveLength(MAX_RUNS_PER_CALL);
  });
});
