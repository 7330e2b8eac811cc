/** GAU beyond the conformance test: the β bias, relu's zeros, the 1/L scale and L = 1. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { gau } from './index.js';
import { gauReference } from './reference.js';

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i]! * v[i]!;
  return sum;
}

const materialized = gau.forms[0]!;

function inputs(L: number, seed = 31) {
  return gau.randomInputs(gau.dims({ L, d: 8, dv: 6, state: 4 }, resolveParams(gau)), createRng(seed), resolveParams(gau));
}

describe('gau', () => {
  it.each([-0.3, 0.4])('beta %f matches the reference', (beta) => {
    const params = resolveParams(gau, { beta });
    const x = inputs(37);
    const reference = gauReference(x, params);
    expect(relativeError(materialized.run(x, params, 'float64'), reference).relative).toBeLessThan(1e-12);
    expect(relativeError(materialized.run(x, params, 'float32'), reference).relative).toBeLessThan(1e-5);
    expect(relativeError(reference, gauReference(x, resolveParams(gau))).relative).toBeGreaterThan(1e-2);
  });

  it('a bias below every score zeroes the output', () => {
    const out = materialized.run(inputs(37), resolveParams(gau, { beta: -1e3 }), 'float64');
    expect(out.data.every((v) => v === 0)).toBe(true);
  });

  it('focus rows are relu² scores divided by L', () => {
    const params = resolveParams(gau);
    const x = inputs(16);
    const row = gau.focusRow!(x, params, 15);
    expect(row.length).toBe(16);
    expect(row.every((v) => v >= 0)).toBe(true);
    const q = x['Q']!.data.subarray(15 * 8, 16 * 8);
    const k = x['K']!.data.subarray(3 * 8, 4 * 8);
    const score = Math.max(0, dot(q, k) / Math.sqrt(8));
    expect(row[3]).toBeCloseTo((score * score) / 16, 14);
  });

  it('L = 1: y = relu(q·k/√d)²·v', () => {
    const params = resolveParams(gau);
    const x = inputs(1, 8);
    const score = Math.max(0, dot(x['Q']!.data, x['K']!.data) / Math.sqrt(8));
    const expected = tensor([1, 6], Float64Array.from(x['V']!.data, (v) => score * score * v));
    expect(relativeError(materialized.run(x, params, 'float64'), expected).maxAbs).toBeLessThan(1e-14);
  });
});
