/**
 * Structured-mask attention beyond the conformance test (which runs the default causal mask):
 * every mask against the reference, four-step against quadratic, and the masks against the mixers
 * they reduce to (simplified linear attention, retention, SSD).
 */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../../core/errors.js';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { retention } from '../retention/index.js';
import { simpleLinearAttention } from '../simple-linear-attention/index.js';
import { ssd } from '../ssd/index.js';
import { maskedAttention as mixer } from './index.js';

const form = (id: string) => mixer.forms.find((f) => f.id === id)!;
const MASKS = ['causal', 'decay', 'selective'] as const;

function inputsAt(L: number, seed = 41) {
  return mixer.randomInputs(mixer.dims({ L, d: 8, dv: 6, state: 4 }, {}), createRng(seed), {});
}

describe('masked-attention', () => {
  it.each(MASKS.flatMap((mask) => [1, 37, 130].map((L) => [mask, L] as const)))(
    'mask %s at L=%i: both forms match the reference in float64 and float32',
    (mask, L) => {
      const inputs = inputsAt(L);
      const params = resolveParams(mixer, { mask, lambda: 0.9 });
      const reference = mixer.reference(inputs, params);
      for (const f of mixer.forms) {
        expect(relativeError(f.run(inputs, params, 'float64'), reference).relative).toBeLessThan(1e-9);
        expect(relativeError(f.run(inputs, params, 'float32'), reference).relative).toBeLessThan(1e-4);
      }
    },
  );

  it.each(MASKS)('four-step equals quadratic for the %s mask', (mask) => {
    const inputs = inputsAt(60, 5);
    const params = resolveParams(mixer, { mask });
    const quadratic = form('quadratic').run(inputs, params, 'float64');
    expect(relativeError(form('four-step').run(inputs, params, 'float64'), quadratic).relative).toBeLessThan(1e-12);
  });

  it('the selective mask with every a_t = λ is the decay mask', () => {
    const L = 50;
    const lambda = 0.93;
    const inputs = { ...inputsAt(L), a: tensor([L], new Float64Array(L).fill(lambda)) };
    const decay = form('quadratic').run(inputs, resolveParams(mixer, { mask: 'decay', lambda }), 'float64');
    for (const f of mixer.forms) {
      const selective = f.run(inputs, resolveParams(mixer, { mask: 'selective' }), 'float64');
      expect(relativeError(selective, decay).relative).toBeLessThan(1e-12);
    }
  });

  it('the masks are the other mixers: causal = simplified linear attention, decay = retention', () => {
    const inputs = inputsAt(45);
    const causal = form('four-step').run(inputs, resolveParams(mixer, { mask: 'causal' }), 'float64');
    const simple = simpleLinearAttention.reference(inputs, resolveParams(simpleLinearAttention));
    expect(relativeError(causal, simple).relative).toBeLessThan(1e-12);
    const decay = form('four-step').run(inputs, resolveParams(mixer, { mask: 'decay', lambda: 0.8 }), 'float64');
    expect(relativeError(decay, retention.reference(inputs, resolveParams(retention, { lambda: 0.8 }))).relative).toBeLessThan(1e-12);
  });

  it('the selective mask is SSD with Q = C, K = B, V = X', () => {
    const ssdInputs = ssd.randomInputs(ssd.dims({ L: 40, d: 5, dv: 3, state: 4 }, {}), createRng(9), {});
    const asMasked = { Q: ssdInputs['C']!, K: ssdInputs['B']!, V: ssdInputs['X']!, a: ssdInputs['a']! };
    const masked = form('four-step').run(asMasked, resolveParams(mixer, { mask: 'selective' }), 'float64');
    expect(relativeError(masked, ssd.reference(ssdInputs, resolveParams(ssd))).relative).toBeLessThan(1e-12);
  });

  it('refuses an unknown mask, naming the parameter and the choices', () => {
    expect(() => resolveParams(mixer, { mask: 'banded' })).toThrow(MixscopeError);
    expect(() => form('quadratic').run(inputsAt(3), { mask: 'banded', lambda: 0.9 }, 'float64')).toThrow(
      /'mask'.*causal, decay, selective/,
    );
  });

  it('costs: a is a buffer only for the selective mask; four-step never holds L×L', () => {
    const L = 512;
    for (const mask of MASKS) {
      const params = resolveParams(mixer, { mask });
      const dims = mixer.dims({ L, d: 8, dv: 8, state: 4 }, params);
      const quadratic = form('quadratic').cost(dims, params);
      const fourStep = form('four-step').cost(dims, params);
      expect(quadratic.buffers.some((b) => b.name === 'a')).toBe(mask === 'selective');
      expect(quadratic.buffers.filter((b) => b.elements === L * L).map((b) => b.name)).toEqual(['M', 'S']);
      expect(fourStep.buffers.every((b) => b.elements < L * L)).toBe(true);
      expect(fourStep.bottleneck.elements).toBe(64);
      expect(fourStep.flops).toBeLessThan(quadratic.flops);
    }
  });
});
