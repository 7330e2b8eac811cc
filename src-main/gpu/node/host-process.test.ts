/**
 * The main-side proxy and a Dawn host process: errors cross as their own classes, a host killed
 * from outside mid-kernel fails the call as a host crash, and the next call starts a new host.
 */
import { afterAll, expect, it } from 'vitest';
import { HostCrashedError, MixscopeError } from '../../engine/core/errors.js';
import { mlstm } from '../../engine/mixers/mlstm/index.js';
import { softmaxAttention } from '../../engine/mixers/softmax-attention/index.js';
import { getForm } from '../../engine/registry.js';
import { gpuDescribe, pointInputs, startTestBackend, TEST_ROUTES } from '../wgsl/test-host.js';
import { wgslSupport } from '../wgsl/backend.js';
import { HostBackend, type ComputeHost } from './host-backend.js';
import { startHostProcess } from './host-process.js';

const { backend: probeHost, probe } = await startTestBackend();
await probeHost.dispose();

gpuDescribe(probe, 'wgsl through a Node host process', () => {
  const hosts: ComputeHost[] = [];
  const backend = new HostBackend(
    () => {
      const host = startHostProcess('wgsl', { routes: TEST_ROUTES });
      hosts.push(host);
      return host;
    },
    { id: 'wgsl', support: (mixer, form, dtype) => wgslSupport(mixer, form, dtype), label: 'node-host (Dawn)' },
  );
  afterAll(() => backend.dispose());
  const { params, inputs } = pointInputs(softmaxAttention, 50, 8);
  const request = { mixer: softmaxAttention, form: getForm(softmaxAttention, 'materialized'), inputs, params, dtype: 'float32' as const };

  it('sends a size the kernel cannot take back as an unsupported MixscopeError', async () => {
    const wide = pointInputs(mlstm, 2, 1025, 4);
    const attempt = backend.prepare({ mixer: mlstm, form: getForm(mlstm, 'recurrent'), inputs: wide.inputs, params: wide.params, dtype: 'float32' });
    await expect(attempt).rejects.toBeInstanceOf(MixscopeError);
    await expect(attempt).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('d ≤ 1024') });
  });

  // A process, unlike a worker thread, can be killed inside a Dawn call without harm to this one.
  it('fails a kernel whose host is killed from outside with HostCrashedError, and a new host runs the next', async () => {
    const kernel = await backend.prepare(request);
    await kernel.run();
    const running = kernel.run();
    process.kill(hosts[0]!.pid!, 'SIGKILL');
    await expect(running).rejects.toBeInstanceOf(HostCrashedError);
    await expect(kernel.run()).rejects.toBeInstanceOf(HostCrashedError);
    const again = await backend.prepare(request);
    expect(hosts).toHaveLength(2);
    expect(again.allocatedBytes).toBe(4 * (4 * 50 * 8 + 50 * 50));
    again.release();
  });
});
