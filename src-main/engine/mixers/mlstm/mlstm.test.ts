/**
 * mLSTM beyond the conformance test: large input-gate pre-activations (the max-stabilizer),
 * the reference against the unstabilized recurrence of MIXERS.md §7, and L = 1.
 */
import { describe, expect, it } from 'vitest';
import type { Inputs } from '../../core/mixer.js';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { mlstm } from './index.js';
import { mlstmReference, mlstmRow } from './reference.js';

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i]! * v[i]!;
  return sum;
}

const params = {};

function inputsWithGates(L: number, seed: number, gate: (s: number, base: number) => number): Inputs {
  const dims = mlstm.dims({ L, d: 8, dv: 6, state: 4 }, params);
  const inputs = mlstm.randomInputs(dims, createRng(seed), params);
  const base = inputs['igate']!.data;
  return { ...inputs, igate: tensor([L], Float64Array.from(base, (v, s) => gate(s, v))) };
}

/** C_t = f_t C_{t−1} + e^{ĩ_t} v_t k̂_tᵀ, n_t likewise, h_t = C_t q_t / max(|n_tᵀq_t|, 1), straight from §7. */
function unstabilized(inputs: Inputs): Float64Array {
  const [L, d] = inputs['Q']!.shape as [number, number];
  const dv = inputs['V']!.shape[1]!;
  const { Q, K, V, igate, fgate } = Object.fromEntries(Object.entries(inputs).map(([k, t]) => [k, t.data]));
  const C = new Float64Array(d * dv);
  const n = new Float64Array(d);
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    const f = 1 / (1 + Math.exp(-fgate![t]!));
    const i = Math.exp(igate![t]!);
    let nq = 0;
    for (let a = 0; a < d; a++) {
      const k = K![t * d + a]! / Math.sqrt(d);
      n[a] = f * n[a]! + i * k;
      nq += n[a]! * Q![t * d + a]!;
      for (let j = 0; j < dv; j++) C[a * dv + j] = f * C[a * dv + j]! + i * k * V![t * dv + j]!;
    }
    for (let j = 0; j < dv; j++) {
      let h = 0;
      for (let a = 0; a < d; a++) h += C[a * dv + j]! * Q![t * d + a]!;
      Y[t * dv + j] = h / Math.max(Math.abs(nq), 1);
    }
  }
  return Y;
}

describe('mlstm', () => {
  it('the reference equals the unstabilized recurrence where exp does not overflow', () => {
    const inputs = inputsWithGates(37, 7, (_s, v) => 2 * v);
    const naive = tensor([37, 6], unstabilized(inputs));
    expect(relativeError(mlstmReference(inputs, params), naive).relative).toBeLessThan(1e-12);
  });

  it.each(['parallel', 'recurrent'])('%s stays finite and matches the reference for ĩ up to 120', (formId) => {
    const form = mlstm.forms.find((f) => f.id === formId)!;
    const inputs = inputsWithGates(37, 11, (s, v) => (s % 3 === 0 ? 120 - s : v));
    const reference = mlstmReference(inputs, params);
    for (const [dtype, tol] of [['float64', 1e-9], ['float32', 1e-4]] as const) {
      const out = form.run(inputs, params, dtype);
      expect(out.data.every(Number.isFinite)).toBe(true);
      expect(relativeError(out, reference).relative).toBeLessThan(tol);
    }
  });

  it('with ĩ shifted to 700 the float64 forms and the reference are unchanged (|nᵀq| ≫ 1 normalizes the shift away)', () => {
    const at120 = mlstmReference(inputsWithGates(37, 13, (_s, v) => v + 120), params);
    const shifted = inputsWithGates(37, 13, (_s, v) => v + 700);
    const reference = mlstmReference(shifted, params);
    expect(reference.data.every(Number.isFinite)).toBe(true);
    expect(relativeError(reference, at120).relative).toBeLessThan(1e-12);
    for (const form of mlstm.forms) {
      expect(relativeError(form.run(shifted, params, 'float64'), reference).relative).toBeLessThan(1e-9);
    }
  });

  it('L = 1: h = i·(q·k̂)·v / max(|i·q·k̂|, 1)', () => {
    const inputs = inputsWithGates(1, 3, () => 0.4);
    const qk = dot(inputs['Q']!.data, inputs['K']!.data) / Math.sqrt(8);
    const w = (Math.exp(0.4) * qk) / Math.max(Math.abs(Math.exp(0.4) * qk), 1);
    const expected = tensor([1, 6], Float64Array.from(inputs['V']!.data, (v) => w * v));
    for (const form of mlstm.forms) {
      expect(relativeError(form.run(inputs, params, 'float64'), expected).relative).toBeLessThan(1e-14);
    }
  });

  it('the focus row sums to ±1 once the normalizer |nᵀq| exceeds 1', () => {
    const inputs = inputsWithGates(37, 5, (_s, v) => v + 20);
    const row = mlstmRow(inputs, params, 36);
    expect(Math.abs(Math.abs(row.reduce((a, b) => a + b, 0)) - 1)).toBeLessThan(1e-12);
  });
});
