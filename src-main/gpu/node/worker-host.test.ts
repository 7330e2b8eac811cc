/**
 * The main-side proxy and the worker host: errors cross as their own classes, a host that died
 * fails later calls with DeviceLostError, and `reset` starts a new host that runs points.
 */
import { afterAll, expect, it } from 'vitest';
import { DeviceLostError, MixscopeError } from '../../engine/core/errors.js';
import { softmaxAttention } from '../../engine/mixers/softmax-attention/index.js';
import { getForm } from '../../engine/registry.js';
import { gpuDescribe, pointInputs, startTestBackend, TEST_ROUTES } from '../wgsl/test-host.js';
import { startNodeWorker } from './spawn-worker.js';
import { WorkerBackend, type ComputeHost } from './worker-backend.js';

const { backend: probeHost, probe } = await startTestBackend();
await probeHost.dispose();

gpuDescribe(probe, 'wgsl through the Node worker', () => {
  const hosts: ComputeHost[] = [];
  const backend = new WorkerBackend(() => {
    const host = startNodeWorker({ routes: TEST_ROUTES });
    hosts.push(host);
    return host;
  });
  afterAll(() => backend.dispose());
  const { params, inputs } = pointInputs(softmaxAttention, 50, 8);
  const request = { mixer: softmaxAttention, form: getForm(softmaxAttention, 'materialized'), inputs, params, dtype: 'float32' as const };

  it('sends a size the kernel cannot take back as an unsupported MixscopeError', async () => {
    const wide = pointInputs(softmaxAttention, 2, 4, 300);
    const fused = getForm(softmaxAttention, 'fused');
    const attempt = backend.prepare({ ...request, form: fused, inputs: wide.inputs });
    await expect(attempt).rejects.toBeInstanceOf(MixscopeError);
    await expect(attempt).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('dv ≤ 256') });
  });

  // The host is stopped between calls: stopping a worker thread inside a Dawn call can abort the
  // whole process (the binding throws into a terminating isolate). A death mid-call is covered with
  // a scripted host in worker-deadline.test.ts.
  it('fails calls with DeviceLostError once the host has died, and reset brings a new host', async () => {
    const kernel = await backend.prepare(request);
    await kernel.run();
    await hosts[0]!.terminate();
    await expect(kernel.run()).rejects.toBeInstanceOf(DeviceLostError);
    await backend.reset();
    expect(hosts).toHaveLength(2);
    const again = await backend.prepare(request);
    expect(again.allocatedBytes).toBe(4 * (4 * 50 * 8 + 50 * 50));
    again.release();
  });
});
