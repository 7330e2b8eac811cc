/**
 * Available means proven: a backend whose probe says yes but whose readback is wrong (or fails)
 * is reported unavailable with the reason, and the wgsl host list falls through to the next route.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../engine/core/backend.js';
import { createJsBackend } from '../../engine/backends/js.js';
import { tensor } from '../../engine/core/tensor.js';
import { firstAvailableWgsl } from '../page/wgsl-hosts.js';
import { proveOnProbe, provenProbe } from './round-trip.js';

/** The js backend, except that what it reads back is `broken`'s doing. */
function withReadback(host: string, broken?: 'zeros' | 'throws'): Backend {
  const js = createJsBackend({ host });
  return {
    ...js,
    prepare: async (request) => {
      const kernel = await js.prepare(request);
      if (!broken) return kernel;
      return {
        ...kernel,
        read: async () => {
          if (broken === 'throws') throw new Error('getMappedRange: external buffers are not allowed');
          const { output } = await kernel.read();
          return { output: tensor(output.shape, new Float64Array(output.data.length)), readbackMs: 0 };
        },
      };
    },
  };
}

describe('round-trip probe', () => {
  it('keeps a backend that computes right available', async () => {
    expect(await provenProbe(withReadback('right'))).toMatchObject({ available: true, host: 'right' });
  });

  it.each([
    ['zeros', /round trip \(upload, kernel, readback\) failed: its output differs from the float64 reference/],
    ['throws', /round trip \(upload, kernel, readback\) failed: getMappedRange: external buffers are not allowed/],
  ] as const)('reports a backend whose readback %s unavailable, with the reason', async (broken, reason) => {
    const probe = await proveOnProbe(withReadback('wrong', broken)).probe();
    expect(probe).toMatchObject({ available: false, reason: expect.stringMatching(reason) });
  });

  it('falls through to the next wgsl route when the first fails its round trip', async () => {
    const asWgsl = (b: Backend): Backend => ({ ...b, id: 'wgsl' });
    const chosen = await firstAvailableWgsl([
      { label: 'first', start: () => asWgsl(withReadback('first', 'zeros')) },
      { label: 'second', start: () => asWgsl(withReadback('second')) },
    ]);
    expect((await chosen.probe()).host).toBe('second');
  });
});
