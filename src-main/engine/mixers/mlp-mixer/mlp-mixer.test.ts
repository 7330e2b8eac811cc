/** MLP-Mixer beyond the conformance test: h from the expansion, another expansion, L = 1. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { gelu } from '../common/erf.js';
import { mlpMixer } from './index.js';
import { mlpMixerReference } from './reference.js';

const dense = mlpMixer.forms[0]!;

describe('mlp-mixer', () => {
  it('h = round(expansion·L), at least 1', () => {
    expect(mlpMixer.dims({ L: 37, d: 8, dv: 8, state: 4 }, resolveParams(mlpMixer))['h']).toBe(74);
    expect(mlpMixer.dims({ L: 37, d: 8, dv: 8, state: 4 }, resolveParams(mlpMixer, { expansion: 1.5 }))['h']).toBe(56);
    expect(mlpMixer.dims({ L: 1, d: 8, dv: 8, state: 4 }, resolveParams(mlpMixer, { expansion: 0.1 }))['h']).toBe(1);
    expect(() => resolveParams(mlpMixer, { expansion: 0 })).toThrow(/expansion/);
  });

  it('expansion 0.5 matches the reference', () => {
    const params = resolveParams(mlpMixer, { expansion: 0.5 });
    const dims = mlpMixer.dims({ L: 37, d: 5, dv: 5, state: 4 }, params);
    const x = mlpMixer.randomInputs(dims, createRng(4), params);
    expect(x['W1']!.shape).toEqual([19, 37]);
    const reference = mlpMixerReference(x, params);
    expect(relativeError(dense.run(x, params, 'float64'), reference).relative).toBeLessThan(1e-12);
    expect(relativeError(dense.run(x, params, 'float32'), reference).relative).toBeLessThan(1e-5);
  });

  it('L = 1: Y[0, j] = Σ_k W2[0,k]·gelu(W1[k,0]·X[0,j])', () => {
    const params = resolveParams(mlpMixer);
    const x = mlpMixer.randomInputs(mlpMixer.dims({ L: 1, d: 3, dv: 3, state: 4 }, params), createRng(9), params);
    const [w1a, w1b] = x['W1']!.data;
    const [w2a, w2b] = x['W2']!.data;
    const expected = Float64Array.from(x['X']!.data, (v) => w2a! * gelu(w1a! * v) + w2b! * gelu(w1b! * v));
    expect(relativeError(dense.run(x, params, 'float64'), tensor([1, 3], expected)).relative).toBeLessThan(1e-14);
  });

  it('the weights scale with L: the cost counts h×L weights twice', () => {
    const cost = dense.cost({ L: 64, d: 8, h: 128 }, resolveParams(mlpMixer));
    expect(cost.buffers.filter((b) => b.name.startsWith('W')).map((b) => b.elements)).toEqual([8192, 8192]);
    expect(cost.flops).toBe(4 * 128 * 64 * 8 + 20 * 128 * 8);
  });
});
