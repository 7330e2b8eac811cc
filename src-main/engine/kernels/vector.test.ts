/** The element-wise kernels (vector-wasm.ts) against plain loops, on padded strides and ragged widths. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import type { FloatArray } from '../core/tensor.js';
import { workspace } from './gemm.js';

const fill = (view: FloatArray, seed: number): void => {
  const rng = createRng(seed);
  for (let i = 0; i < view.length; i++) view[i] = rng.normal();
};

/** Rounds a float64 value to the view's dtype, as a store would. */
const rounded = (view: FloatArray, x: number): number => (view instanceof Float32Array ? Math.fround(x) : x);

describe.each(['float32', 'float64'] as const)('element-wise kernels, %s', (dtype) => {
  const ws = workspace();

  it.each([1, 3, 8, 13])('scaleRows and mulCols on 5 rows of %i columns (strides wider than the rows)', (cols) => {
    const rows = 5;
    const ld = cols + 3;
    const [src, dst, s, w] = ws.frame(dtype, [rows * ld, rows * ld, rows, cols]) as FloatArray[];
    [src, s, w].forEach((v, i) => fill(v!, 10 * cols + i));
    dst!.fill(7);
    ws.scaleRows(rows, cols, { data: src!, ld }, { data: dst!, ld }, { data: s!, ld: 1 }, 1);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < ld; j++) expect(dst![i * ld + j]).toBe(j < cols ? rounded(dst!, s![i]! * src![i * ld + j]!) : 7);
    }
    ws.scaleRows(rows, cols, { data: src!, ld }, { data: dst!, ld }, { data: s!, offset: 2, ld: 1 }, 0);
    for (let i = 0; i < rows; i++) expect(dst![i * ld + cols - 1]).toBe(rounded(dst!, s![2]! * src![i * ld + cols - 1]!));
    const before = Float64Array.from(src!);
    ws.mulCols(rows, cols, { data: src!, ld }, { data: src!, ld }, { data: w!, ld: 1 });
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < ld; j++) expect(src![i * ld + j]).toBe(j < cols ? rounded(src!, before[i * ld + j]! * w![j]!) : before[i * ld + j]);
    }
  });

  it.each([1, 2, 5, 16, 37])('decayMask on a %i × %i block keeps G_ts·S_ts below the diagonal and zeroes the rest of each row', (n) => {
    const ld = n + 5;
    const [S, a, g] = ws.frame(dtype, [n * ld, n, n]) as FloatArray[];
    fill(S!, n);
    for (let t = 0; t < n; t++) a![t] = 0.5 + 0.5 * Math.abs(Math.sin(t + 1));
    g!.fill(3);
    const before = Float64Array.from(S!);
    ws.decayMask(n, { data: S!, ld }, { data: a!, ld: 1 }, { data: g!, ld: 1 });
    const relative = dtype === 'float32' ? 1e-6 * n : 1e-15 * n;
    for (let t = 0; t < n; t++) {
      let G = 1;
      for (let s = t; s >= 0; s--) {
        expect(Math.abs(S![t * ld + s]! - G * before[t * ld + s]!)).toBeLessThanOrEqual(relative * Math.abs(G * before[t * ld + s]!));
        G *= a![s]!;
      }
      for (let s = t + 1; s < n; s++) expect(S![t * ld + s]).toBe(0);
      for (let s = n; s < ld; s++) expect(S![t * ld + s]).toBe(before[t * ld + s]);
    }
  });

  it.each([
    [1, 1],
    [3, 7],
    [16, 9],
  ])('transpose of %i × %i into a padded destination', (rows, cols) => {
    const ldSrc = cols + 2;
    const ldDst = rows + 3;
    const [src, dst] = ws.frame(dtype, [rows * ldSrc, cols * ldDst]) as FloatArray[];
    fill(src!, rows * cols);
    ws.transpose(rows, cols, { data: src!, ld: ldSrc }, { data: dst!, ld: ldDst });
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) expect(dst![j * ldDst + i]).toBe(src![i * ldSrc + j]);
    }
    for (let j = 0; j < cols; j++) expect(dst![j * ldDst + rows]).toBe(0);
  });

  it('refuses a view that is not of the current frame', () => {
    const [x] = ws.frame(dtype, [4]) as FloatArray[];
    const outside = dtype === 'float32' ? new Float32Array(4) : new Float64Array(4);
    expect(() => ws.scaleRows(1, 4, { data: x!, ld: 4 }, { data: outside, ld: 4 }, { data: x!, ld: 1 }, 0)).toThrow(/not a view of the current frame/);
  });
});
