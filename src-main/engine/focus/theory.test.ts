/**
 * The closed forms of MIXERS.md "Attention focus" against measurement.
 * Tolerances come from the sample sizes: a Monte-Carlo mean of R rows has standard error SE (the
 * rows' sample standard deviation / √R, measured); the per-row ratio E|a|/√(E a²) over n entries has
 * an O(1/n) bias, bounded by the delta method: (3/8)·Var(a²)/(E a²)²/n ≤ c/n with c = 3 for normal
 * rows and c = e^{4z²} for softmax rows with log-scores ~ N(0, z²). Each check allows 4·SE + c/n.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { estimateFocus } from './monte-carlo.js';
import { focusCurvesByQueryNorm } from './curves.js';
import { sparsity } from './sparsity.js';
import { decayOnlySparsity, plainLinearSparsity, softmaxSparsityLimit } from './theory.js';
import { getMixer } from '../registry.js';
import { resolveParams } from '../core/validate.js';

describe('sparsity', () => {
  it('is 1 for a flat row, 1/√n for a one-hot row, scale-free, NaN for zeros', () => {
    expect(sparsity([2, 2, 2, 2])).toBeCloseTo(1, 15);
    expect(sparsity([0, 0, 5, 0])).toBeCloseTo(0.5, 15);
    expect(sparsity([1, -3, 2])).toBeCloseTo(sparsity([-10, 30, -20]), 15);
    expect(sparsity([0, 0])).toBeNaN();
  });
});

describe('decay-only rows', () => {
  it.each([
    [0.5, 1],
    [0.5, 7],
    [0.9, 100],
    [0.97, 37],
    [0.97, 4096],
    [0.999, 10],
  ])('λ = %f, n = %i: S of the row λ^{t−s} equals the closed form exactly', (lambda, n) => {
    const row = Float64Array.from({ length: n }, (_, s) => Math.pow(lambda, n - 1 - s));
    expect(Math.abs(sparsity(row) - decayOnlySparsity(lambda, n))).toBeLessThan(1e-12);
  });

  it('tends to 0 with n through the decay alone', () => {
    expect(decayOnlySparsity(0.9, 10_000)).toBeLessThan(0.05);
    expect(decayOnlySparsity(1, 10_000)).toBe(1);
  });
});

describe('plain linear rows a_s ~ N(β, γ²)', () => {
  const rows = 64;
  const n = 4096;
  it.each([
    [0, 1],
    [0, 3.5],
    [1.2, 0.7],
    [-2, 1.5],
  ])('β = %f, γ = %f', (beta, gamma) => {
    const rng = createRng(Math.round(100 * (beta + 10 * gamma)));
    const values: number[] = [];
    for (let r = 0; r < rows; r++) {
      const row = Float64Array.from({ length: n }, () => beta + gamma * rng.normal());
      values.push(sparsity(row));
    }
    const mean = values.reduce((a, b) => a + b, 0) / rows;
    const se = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (rows - 1) / rows);
    expect(Math.abs(mean - plainLinearSparsity(beta, gamma))).toBeLessThan(4 * se + 3 / n);
  });

  it('is √(2/π) at β = 0 whatever γ is', () => {
    expect(plainLinearSparsity(0, 0.1)).toBeCloseTo(Math.sqrt(2 / Math.PI), 15);
    expect(plainLinearSparsity(0, 50)).toBeCloseTo(Math.sqrt(2 / Math.PI), 15);
  });
});

describe('softmax rows (the registered softmax-attention mixer, q fixed, k_s ~ N(0, σ²I))', () => {
  const d = 16;
  const L = 2048;
  const qNorms = [1, 2, 3];
  const curve = focusCurvesByQueryNorm({ mixers: ['softmax-attention'], qNorms, length: L, d, dv: 4, trials: 24, seed: 5 })[0]!;

  it.each(qNorms.map((q, i) => [q, i] as const))('‖q‖ = %f at t = 2047 matches exp(−σ²‖q‖²/(2d))', (qNorm, i) => {
    const z = qNorm / Math.sqrt(d);
    const expected = Math.exp((-z * z) / 2);
    const p = curve.points[i]!;
    expect(p.theory).toBeCloseTo(expected, 15);
    expect(Math.abs(p.S! - expected)).toBeLessThan(4 * p.stdErr! + Math.exp(4 * z * z) / L);
  });

  it('is not the plain-linear value: softmax can focus', () => {
    const draw = { shape: { L, d, dv: 4, state: 4 }, params: resolveParams(getMixer('softmax-attention')), qNorm: 12, sigma: 1 };
    const far = estimateFocus(getMixer('softmax-attention'), draw, 8, createRng(3));
    expect(far.S!).toBeLessThan(softmaxSparsityLimit(1, 8, 1 / 4));
  });
});
