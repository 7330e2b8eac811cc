/** TTT-linear beyond the conformance test: mini-batch against recurrent, ragged batches, η and L = 1. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { tttLinear } from './index.js';
import { tttMiniBatchReference, tttReference } from './reference.js';

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i]! * v[i]!;
  return sum;
}

const form = (id: string) => tttLinear.forms.find((f) => f.id === id)!;

function inputs(L: number, seed = 21) {
  const dims = tttLinear.dims({ L, d: 8, dv: 6, state: 4 }, resolveParams(tttLinear));
  return tttLinear.randomInputs(dims, createRng(seed), resolveParams(tttLinear));
}

describe('ttt-linear', () => {
  it('mini-batch with batch = 1 equals recurrent', () => {
    const params = resolveParams(tttLinear, { batch: 1 });
    const x = inputs(37);
    const recurrent = form('recurrent').run(x, params, 'float64');
    expect(relativeError(form('mini-batch').run(x, params, 'float64'), recurrent).relative).toBeLessThan(1e-12);
    expect(relativeError(tttMiniBatchReference(x, params), tttReference(x, params)).relative).toBeLessThan(1e-12);
    expect(relativeError(form('mini-batch').run(x, params, 'float32'), recurrent).relative).toBeLessThan(1e-5);
  });

  it('mini-batch with batch = 16 computes something else than recurrent', () => {
    const params = resolveParams(tttLinear);
    const x = inputs(37);
    expect(relativeError(form('mini-batch').run(x, params, 'float64'), tttReference(x, params)).relative).toBeGreaterThan(1e-3);
  });

  it.each([5, 37, 64])('batch %i (ragged last batch, one batch, batch > L) matches its reference', (batch) => {
    const params = resolveParams(tttLinear, { batch, eta: 0.2 });
    const x = inputs(37, batch);
    const reference = tttMiniBatchReference(x, params);
    expect(relativeError(form('mini-batch').run(x, params, 'float64'), reference).relative).toBeLessThan(1e-12);
    expect(relativeError(form('mini-batch').run(x, params, 'float32'), reference).relative).toBeLessThan(1e-5);
  });

  it('eta 0 means 1/d', () => {
    const x = inputs(20);
    const byDefault = form('recurrent').run(x, resolveParams(tttLinear), 'float64');
    const explicit = form('recurrent').run(x, resolveParams(tttLinear, { eta: 1 / 8 }), 'float64');
    expect(relativeError(byDefault, explicit).maxAbs).toBe(0);
    const other = form('recurrent').run(x, resolveParams(tttLinear, { eta: 0.3 }), 'float64');
    expect(relativeError(other, explicit).relative).toBeGreaterThan(1e-3);
  });

  it('L = 1: W_1 = η v kᵀ, so y = η (k·q) v', () => {
    const params = resolveParams(tttLinear);
    const x = inputs(1);
    const kq = dot(x['K']!.data, x['Q']!.data);
    const expected = tensor([1, 6], Float64Array.from(x['V']!.data, (v) => (kq * v) / 8));
    for (const f of tttLinear.forms) {
      expect(relativeError(f.run(x, params, 'float64'), expected).relative).toBeLessThan(1e-14);
    }
  });

  it('the mini-batch cost holds b×b and b×dv batch buffers next to the d×dv weights', () => {
    const cost = form('mini-batch').cost({ L: 100, d: 8, dv: 6 }, resolveParams(tttLinear));
    expect(cost.buffers.find((b) => b.name === 'A')?.elements).toBe(256);
    expect(cost.buffers.find((b) => b.name === 'E')?.elements).toBe(96);
    expect(cost.bottleneck.elements).toBe(48);
  });
});
