import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { causalApply, causalScores, maskAboveDiagonal, transposeInto } from './causal.js';
import { gemmModuleBytes } from './gemm-wasm.js';
import { workspace } from './gemm.js';
import { sleb, uleb } from './wasm-emit.js';

const SIZES = [1, 3, 37, 130];
/** f32: inputs rounded to f32, sums of up to 130 products accumulated in f32. f64: a few ulps. */
const TOLERANCE = { float32: 2e-6, float64: 1e-13 } as const;

/** C_ref = (accumulate ? C0 : 0) + A·B in float64 from the same (already rounded) values. */
function reference(M: number, N: number, K: number, A: ArrayLike<number>, B: ArrayLike<number>, C0: ArrayLike<number>, accumulate: boolean): Float64Array {
  const out = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = accumulate ? C0[i * N + j]! : 0;
      for (let k = 0; k < K; k++) s += A[i * K + k]! * B[k * N + j]!;
      out[i * N + j] = s;
    }
  }
  return out;
}

describe('wasm matmul', () => {
  it('emits a valid module', () => {
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(WebAssembly.validate(gemmModuleBytes() as BufferSource)).toBe(true);
  });

  describe.each(['float32', 'float64'] as const)('%s', (dtype) => {
    const cases = SIZES.flatMap((M) => SIZES.flatMap((N) => SIZES.map((K) => [M, N, K] as const)));
    it.each(cases)('M=%i N=%i K=%i matches a float64 reference, overwriting and accumulating', (M, N, K) => {
      const rng = createRng(M * 10007 + N * 101 + K);
      const ws = workspace();
      const [A, B, C] = ws.frame(dtype, [M * K, K * N, M * N]);
      for (let i = 0; i < A!.length; i++) A![i] = rng.normal();
      for (let i = 0; i < B!.length; i++) B![i] = rng.normal();
      for (let i = 0; i < C!.length; i++) C![i] = rng.normal();
      const C0 = Float64Array.from(C!);
      for (const accumulate of [true, false]) {
        const start = accumulate ? C0 : new Float64Array(M * N);
        C!.set(C0);
        ws.gemm(M, N, K, { data: A!, ld: K }, { data: B!, ld: N }, { data: C!, ld: N }, accumulate);
        const ref = reference(M, N, K, A!, B!, start, accumulate);
        let worst = 0;
        for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(C![i]! - ref[i]!) / Math.sqrt(K + 1));
        expect(worst).toBeLessThan(TOLERANCE[dtype]);
      }
    });
  });

  it.each([
    ['float32', 8],
    ['float64', 8],
    ['float32', 6],
    ['float64', 3],
  ] as const)('runs a %s recurrence step S = a·S + k vᵀ, y += Sᵀq on a 5 × %i state', (dtype, cols) => {
    const rows = 5;
    const rng = createRng(cols);
    const ws = workspace();
    const [S, k, q, v, y, a] = ws.frame(dtype, [rows * cols, rows, rows, cols, cols, 1]);
    for (const x of [S!, k!, q!, v!, y!]) for (let i = 0; i < x.length; i++) x[i] = rng.normal();
    a![0] = 0.75;
    const S0 = Float64Array.from(S!);
    const y0 = Float64Array.from(y!);
    ws.step(rows, cols, S!, k!, q!, { data: v!, ld: cols }, { data: y!, ld: cols }, a!);
    for (let j = 0; j < cols; j++) {
      let expectY = y0[j]!;
      for (let i = 0; i < rows; i++) {
        const s = a![0]! * S0[i * cols + j]! + k![i]! * v![j]!;
        expect(S![i * cols + j]).toBeCloseTo(s, dtype === 'float32' ? 5 : 12);
        expectY += q![i]! * s;
      }
      expect(y![j]).toBeCloseTo(expectY, dtype === 'float32' ? 4 : 12);
    }
  });

  it.each([
    ['float32', 11],
    ['float64', 7],
  ] as const)('reads a %s state out without updating it, y += Sᵀq, on 6 of %i columns past an offset', (dtype, cols) => {
    const rows = 6;
    const ld = 13;
    const rng = createRng(cols + 1);
    const ws = workspace();
    const [S, q, y] = ws.frame(dtype, [rows * ld, rows + 2, cols]);
    for (const x of [S!, q!, y!]) for (let i = 0; i < x.length; i++) x[i] = rng.normal();
    const S0 = Float64Array.from(S!);
    const y0 = Float64Array.from(y!);
    // S's rows start at column 2 of a 6 × 13 block; q from its third entry.
    ws.readout(rows, cols, { data: S!, offset: 2, ld }, { data: q!, offset: 2, ld: 1 }, { data: y!, ld: cols });
    expect(Array.from(S!)).toEqual(Array.from(S0));
    for (let j = 0; j < cols; j++) {
      let expectY = y0[j]!;
      for (let i = 0; i < rows; i++) expectY += q![2 + i]! * S0[i * ld + 2 + j]!;
      expect(y![j]).toBeCloseTo(expectY, dtype === 'float32' ? 4 : 12);
    }
  });

  it('works on sub-matrices with strides and offsets', () => {
    const ws = workspace();
    const [big, out] = ws.frame('float64', [20 * 20, 9 * 7]);
    for (let i = 0; i < big!.length; i++) big![i] = (i % 17) - 8;
    // A = big[2:11, 3:8] (9×5), B = big[10:15, 1:8] (5×7), C = out (9×7).
    ws.gemm(9, 7, 5, { data: big!, offset: 2 * 20 + 3, ld: 20 }, { data: big!, offset: 10 * 20 + 1, ld: 20 }, { data: out!, ld: 7 }, false);
    for (let i = 0; i < 9; i++) {
      for (let j = 0; j < 7; j++) {
        let s = 0;
        for (let k = 0; k < 5; k++) s += big![(2 + i) * 20 + 3 + k]! * big![(10 + k) * 20 + 1 + j]!;
        expect(out![i * 7 + j]).toBe(s);
      }
    }
  });

  it('refuses a matrix that is not a view of the current frame', () => {
    const ws = workspace();
    const [a] = ws.frame('float32', [4]);
    const stray = new Float32Array(4);
    expect(() => ws.gemm(1, 1, 1, { data: a!, ld: 1 }, { data: stray, ld: 1 }, { data: a!, ld: 1 }, false)).toThrow(/not a view/);
  });

  it('computes causal scores and their application block by block', () => {
    const L = 130;
    const d = 5;
    const rng = createRng(4);
    const q = Array.from({ length: L * d }, () => rng.normal());
    const k = Array.from({ length: L * d }, () => rng.normal());
    const v = Array.from({ length: L * 3 }, () => rng.normal());
    const ws = workspace();
    const [Q, Kt, V, S, Y] = ws.frame('float64', [L * d, d * L, L * 3, L * L, L * 3]);
    Q!.set(q);
    transposeInto(k, L, d, Kt!);
    V!.set(v);
    causalScores(ws, L, d, Q!, Kt!, S!);
    maskAboveDiagonal(S!, L);
    causalApply(ws, L, 3, S!, V!, Y!);
    for (const t of [0, 15, 16, 17, 63, 64, 79, 80, 127, 128, 129]) {
      for (let j = 0; j < 3; j++) {
        let y = 0;
        for (let s = 0; s <= t; s++) {
          let dot = 0;
          for (let i = 0; i < d; i++) dot += q[t * d + i]! * k[s * d + i]!;
          y += dot * v[s * 3 + j]!;
        }
        expect(Y![t * 3 + j]).toBeCloseTo(y, 10);
      }
    }
  });
});
