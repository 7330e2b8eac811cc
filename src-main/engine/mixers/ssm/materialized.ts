/**
 * The SSM's materialized form (MIXERS.md §5) on the SIMD kernels (kernels/), channel by channel.
 * M_ts = Σ_k C[t,k]·(Abar[t,c,k]·…·Abar[s+1,c,k])·B[s,k] is built as its transpose Mt = Mᵀ
 * (row s holds column s of M) in ROW_BLOCK × ROW_BLOCK blocks. For a source block S = [S0, S1)
 * strictly before a target block T = [T0, T1), the decay splits at the block edges,
 *   Π_{u=s+1..t} = Π_{u=s+1..S1−1} · Π_{u=S1..T0−1} · Π_{u=T0..t},
 * so the block is a rank-r product R_S · diag(D_ST) · L_T with R[s,k] = B[s,k]·Π_{s<u<S1},
 * L[k,t] = C[t,k]·Π_{T0≤u≤t} and D_ST the decay between the blocks: one SIMD matmul with inner
 * width r. Every factor is a running product of gates (never a quotient), so gates near 0 cannot
 * give 0/0. Inside each diagonal block the same split runs on blocks of SMALL_BLOCK; only the
 * SMALL_BLOCK-wide diagonal blocks are built entry by entry as the definition reads. Then u = M x
 * is a read-out of Mt's rows (y += Mtᵀ x) over the upper triangle.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { paddedLd, ROW_BLOCK } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { ssmSizes } from './reference.js';

const SMALL_BLOCK = 16;

/** The factors of one block size: R (L×r), Lt (r×L) and each block's whole decay (blocks×r). */
interface Factors {
  readonly size: number;
  readonly R: FloatArray;
  readonly Lt: FloatArray;
  readonly blockDecay: Float64Array;
}

export function materialized(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, D, r } = ssmSizes(inputs);
  const B = cast(inputs['B']!, dtype).data;
  const C = cast(inputs['C']!, dtype).data;
  const X = cast(inputs['X']!, dtype).data;
  const ws = workspace();
  // Abar (L·D·r) goes into the reused kernel memory: a fresh array of its size per run costs milliseconds.
  const ld = paddedLd(L);
  const [Mt, R, Lt, Rsmall, Ltsmall, scaled, x, y, Abar] = ws.frame(dtype, [L * ld, L * r, r * L, L * r, r * L, r * ROW_BLOCK, L, L, L * D * r]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  Abar.set(inputs['Abar']!.data);
  const big: Factors = { size: ROW_BLOCK, R, Lt, blockDecay: new Float64Array(Math.ceil(L / ROW_BLOCK) * r) };
  const small: Factors = { size: SMALL_BLOCK, R: Rsmall, Lt: Ltsmall, blockDecay: new Float64Array(Math.ceil(L / SMALL_BLOCK) * r) };
  const gates = new Float64Array(L * r);
  const between = new Float64Array(r);
  const Y = allocate(dtype, L * D);
  /** Mt's blocks of `f.size` for every source block S before a target block T, all within [lo, hi). */
  const pairs = (f: Factors, lo: number, hi: number): void => {
    const first = lo / f.size;
    for (let T = first + 1; T * f.size < hi; T++) {
      const T0 = T * f.size;
      const width = Math.min(hi, T0 + f.size) - T0;
      between.fill(1);
      for (let S = T - 1; S >= first; S--) {
        for (let k = 0; k < r; k++) {
          for (let j = 0; j < width; j++) scaled[k * ROW_BLOCK + j] = between[k]! * f.Lt[k * L + T0 + j]!;
          between[k] = between[k]! * f.blockDecay[S * r + k]!;
        }
        const S0 = S * f.size;
        ws.gemm(f.size, width, r, { data: f.R, offset: S0 * r, ld: r }, { data: scaled, ld: ROW_BLOCK }, { data: Mt, offset: S0 * ld + T0, ld }, false);
      }
    }
  };
  for (let c = 0; c < D; c++) {
    for (let u = 0; u < L; u++) for (let k = 0; k < r; k++) gates[u * r + k] = Abar[(u * D + c) * r + k]!;
    blockFactors(big, L, r, B, C, gates);
    blockFactors(small, L, r, B, C, gates);
    pairs(big, 0, L);
    for (let b0 = 0; b0 < L; b0 += ROW_BLOCK) {
      const b1 = Math.min(L, b0 + ROW_BLOCK);
      pairs(small, b0, b1);
      for (let s0 = b0; s0 < b1; s0 += SMALL_BLOCK) diagonalBlock(Mt, ld, s0, Math.min(b1, s0 + SMALL_BLOCK), r, B, C, gates);
    }
    for (let t = 0; t < L; t++) x[t] = X[t * D + c]!;
    y.fill(0);
    for (let S0 = 0; S0 < L; S0 += ROW_BLOCK) {
      const S1 = Math.min(L, S0 + ROW_BLOCK);
      ws.readout(S1 - S0, L - S0, { data: Mt, offset: S0 * ld + S0, ld }, { data: x, offset: S0, ld: 1 }, { data: y, offset: S0, ld: 1 });
    }
    for (let t = 0; t < L; t++) Y[t * D + c] = y[t]!;
  }
  return tensor([L, D], Y);
}

/** R[s,k] = B[s,k]·Π_{s<u<end}, Lt[k,t] = C[t,k]·Π_{start≤u≤t} and Π over each block, for blocks of f.size. */
function blockFactors(f: Factors, L: number, r: number, B: FloatArray, C: FloatArray, gates: Float64Array): void {
  for (let b0 = 0; b0 < L; b0 += f.size) {
    const b1 = Math.min(L, b0 + f.size);
    for (let k = 0; k < r; k++) {
      let toEnd = 1;
      for (let s = b1 - 1; s >= b0; s--) {
        f.R[s * r + k] = B[s * r + k]! * toEnd;
        toEnd *= gates[s * r + k]!;
      }
      f.blockDecay[(b0 / f.size) * r + k] = toEnd;
      let fromStart = 1;
      for (let t = b0; t < b1; t++) {
        fromStart *= gates[t * r + k]!;
        f.Lt[k * L + t] = C[t * r + k]! * fromStart;
      }
    }
  }
}

/** Mt[s, t] (rows ld apart) for s, t in one block: the definition for s ≤ t (decays leftwards from the diagonal), 0 below. */
function diagonalBlock(Mt: FloatArray, ld: number, b0: number, b1: number, r: number, B: FloatArray, C: FloatArray, gates: Float64Array): void {
  const decay = new Float64Array(r);
  for (let t = b0; t < b1; t++) {
    decay.fill(1);
    for (let s = t; s >= b0; s--) {
      let entry = 0;
      for (let k = 0; k < r; k++) {
        entry += C[t * r + k]! * decay[k]! * B[s * r + k]!;
        decay[k] = decay[k]! * gates[s * r + k]!;
      }
      Mt[s * ld + t] = entry;
    }
    for (let s = t + 1; s < b1; s++) Mt[s * ld + t] = 0;
  }
}
