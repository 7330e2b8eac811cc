/**
 * Hydra beyond the conformance test: the reference against an explicitly built L×L quasiseparable
 * matrix (written here from MIXERS.md §12, entry by entry), other skip weights, focus rows, L = 1.
 */
import { describe, expect, it } from 'vitest';
import type { Inputs } from '../../core/mixer.js';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { hydra } from './index.js';
import { hydraReference } from './reference.js';

function inputs(L: number, seed: number): Inputs {
  const dims = hydra.dims({ L, d: 4, dv: 3, state: 4 }, resolveParams(hydra));
  return hydra.randomInputs(dims, createRng(seed), resolveParams(hydra));
}

/** M_ts = Dskip (t = s); (C_{t−1}·B_s)·Π_{r=s+1}^{t−1} a_r (s < t); (C_{t+1}·B_s)·Π_{r=t+1}^{s−1} a_r (s > t). */
function quasiseparable(x: Inputs, skip: number): Float64Array {
  const L = x['X']!.shape[0]!;
  const N = x['B']!.shape[1]!;
  const a = x['a']!.data;
  const dot = (t: number, s: number) => {
    let v = 0;
    for (let n = 0; n < N; n++) v += x['C']!.data[t * N + n]! * x['B']!.data[s * N + n]!;
    return v;
  };
  const product = (from: number, to: number) => {
    let p = 1;
    for (let r = from; r <= to; r++) p *= a[r]!;
    return p;
  };
  const M = new Float64Array(L * L);
  for (let t = 0; t < L; t++) {
    for (let s = 0; s < L; s++) {
      if (s === t) M[t * L + s] = skip;
      else if (s < t) M[t * L + s] = dot(t - 1, s) * product(s + 1, t - 1);
      else M[t * L + s] = dot(t + 1, s) * product(t + 1, s - 1);
    }
  }
  return M;
}

function matvec(M: Float64Array, x: Inputs): Float64Array {
  const [L, P] = x['X']!.shape as [number, number];
  const Y = new Float64Array(L * P);
  for (let t = 0; t < L; t++) {
    for (let s = 0; s < L; s++) {
      for (let p = 0; p < P; p++) Y[t * P + p] = Y[t * P + p]! + M[t * L + s]! * x['X']!.data[s * P + p]!;
    }
  }
  return Y;
}

describe('hydra', () => {
  it.each([1, 2, 7, 37])('the reference equals the explicit quasiseparable matrix at L = %i', (L) => {
    const params = resolveParams(hydra);
    const x = inputs(L, L);
    const expected = tensor([L, 3], matvec(quasiseparable(x, 1), x));
    expect(relativeError(hydraReference(x, params), expected).relative).toBeLessThan(1e-12);
  });

  it.each([0, 2.5])('both forms match the reference with Dskip = %f', (Dskip) => {
    const params = resolveParams(hydra, { Dskip });
    const x = inputs(37, 3);
    const reference = hydraReference(x, params);
    for (const form of hydra.forms) {
      expect(relativeError(form.run(x, params, 'float64'), reference).relative).toBeLessThan(1e-12);
      expect(relativeError(form.run(x, params, 'float32'), reference).relative).toBeLessThan(1e-5);
    }
  });

  it('focus rows are the rows of the quasiseparable matrix', () => {
    const x = inputs(9, 5);
    const M = quasiseparable(x, 1);
    for (const t of [0, 4, 8]) {
      const row = hydra.focusRow!(x, resolveParams(hydra), t);
      const expected = tensor([9], M.slice(t * 9, (t + 1) * 9));
      expect(relativeError(tensor([9], row), expected).relative).toBeLessThan(1e-14);
    }
  });

  it('L = 1: only the skip remains, Y = Dskip·X', () => {
    const params = resolveParams(hydra, { Dskip: 1.5 });
    const x = inputs(1, 2);
    const expected = tensor([1, 3], Float64Array.from(x['X']!.data, (v) => 1.5 * v));
    for (const form of hydra.forms) expect(relativeError(form.run(x, params, 'float64'), expected).maxAbs).toBe(0);
  });
});
