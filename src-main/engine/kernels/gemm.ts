/**
 * The CPU matmul of the js backend's matmul-shaped stages: C (+)= A·B on row-major matrices held in
 * one WebAssembly memory. The SIMD micro-kernel (gemm-wasm.ts) covers every full 4 × (2 vector)
 * tile; the few rows and columns past the last full tile are done here in plain loops. Matrices are
 * views into the memory handed out by `frame`, so a form computes with no copies between JS and
 * wasm. Single-threaded: the machine's other cores stay free for the UI and the sweep's own work.
 */
import type { DType, FloatArray } from '../core/tensor.js';
import { gemmModuleBytes, TILE_ROWS, tileCols } from './gemm-wasm.js';

/** A matrix in wasm memory: a view and where row 0 starts in it, rows `ld` elements apart. */
export interface MatrixRef {
  readonly data: FloatArray;
  readonly offset?: number;
  readonly ld: number;
}

type GemmExport = (M: number, N: number, K: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, acc: number) => void;
type StepExport = (rows: number, cols: number, s: number, k: number, q: number, v: number, y: number, a: number) => void;
type ReadoutExport = (rows: number, cols: number, s: number, ldBytes: number, q: number, y: number) => void;
/** The element-wise functions of vector-wasm.ts, per dtype. */
interface VectorExports {
  readonly scaleRows: (rows: number, cols: number, src: number, ldSrc: number, dst: number, ldDst: number, s: number, sStride: number) => void;
  readonly mulCols: (rows: number, cols: number, src: number, ldSrc: number, dst: number, ldDst: number, w: number) => void;
  readonly decayMask: (n: number, S: number, ldS: number, a: number, g: number) => void;
  readonly transpose: (rows: number, cols: number, src: number, ldSrc: number, dst: number, ldDst: number) => void;
}

const PAGE = 65536;
/** A frame bigger than this is not kept alive after a smaller one replaces it (the memory is dropped). */
const KEEP_BYTES = 256 * 1024 * 1024;
const ALIGN = 64;

export const MATMUL_KERNEL = 'wasm simd128 gemm, 4×8 (f32) / 4×4 (f64) register tiles, 1 thread';

class Workspace {
  private memory!: WebAssembly.Memory;
  private gemms!: { float32: GemmExport; float64: GemmExport };
  private steps!: { float32: StepExport; float64: StepExport };
  private readouts!: { float32: ReadoutExport; float64: ReadoutExport };
  private vectors!: { float32: VectorExports; float64: VectorExports };
  /** The memory's buffer as of the last frame (reading `memory.buffer` is a call into the engine). */
  private frameBuffer: ArrayBufferLike | undefined;

  constructor() {
    this.instantiate();
  }

  private instantiate(): void {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(gemmModuleBytes() as BufferSource));
    const ex = instance.exports as Record<string, (...args: number[]) => void> & {
      memory: WebAssembly.Memory;
      gemm_f32: GemmExport;
      gemm_f64: GemmExport;
      step_f32: StepExport;
      step_f64: StepExport;
      readout_f32: ReadoutExport;
      readout_f64: ReadoutExport;
    };
    this.memory = ex.memory;
    this.gemms = { float32: ex.gemm_f32, float64: ex.gemm_f64 };
    this.steps = { float32: ex.step_f32, float64: ex.step_f64 };
    this.readouts = { float32: ex.readout_f32, float64: ex.readout_f64 };
    const vectors = (suffix: string): VectorExports => ({
      scaleRows: ex[`scale_rows_${suffix}`]!,
      mulCols: ex[`mul_cols_${suffix}`]!,
      decayMask: ex[`decay_mask_${suffix}`]!,
      transpose: ex[`transpose_${suffix}`]!,
    });
    this.vectors = { float32: vectors('f32'), float64: vectors('f64') };
  }

  /**
   * Fresh zeroed views of the given lengths, each 64-byte aligned. Valid until the next frame call
   * (a later frame reuses, and may move, the memory).
   */
  frame(dtype: DType, lengths: readonly number[]): FloatArray[] {
    const bytes = dtype === 'float32' ? 4 : 8;
    const sizes = lengths.map((n) => Math.ceil((n * bytes) / ALIGN) * ALIGN);
    const total = sizes.reduce((s, n) => s + n, 0);
    if (this.memory.buffer.byteLength > KEEP_BYTES && total < this.memory.buffer.byteLength / 4) this.instantiate();
    const have = this.memory.buffer.byteLength;
    if (total > have) this.memory.grow(Math.ceil((total - have) / PAGE));
    const buffer = this.memory.buffer;
    this.frameBuffer = buffer;
    new Uint8Array(buffer, 0, total).fill(0);
    let at = 0;
    return lengths.map((n, i) => {
      const view = dtype === 'float32' ? new Float32Array(buffer, at, n) : new Float64Array(buffer, at, n);
      at += sizes[i]!;
      return view;
    });
  }

  gemm(M: number, N: number, K: number, a: MatrixRef, b: MatrixRef, c: MatrixRef, accumulate: boolean): void {
    // Against the buffer the last frame handed out (the memory only moves in frame): reading
    // memory.buffer three times, a closure and an array per call cost a small product more than its
    // arithmetic, and TTT's mini-batch form makes 640 such calls per run.
    const buffer = this.frameBuffer;
    if (a.data.buffer !== buffer || b.data.buffer !== buffer || c.data.buffer !== buffer) throw new Error('gemm: a matrix is not a view of the current frame');
    if (M === 0 || N === 0) return;
    const bytes = c.data.BYTES_PER_ELEMENT as 4 | 8;
    const mFull = M - (M % TILE_ROWS);
    const nFull = N - (N % tileCols(bytes));
    if (K === 0) {
      if (!accumulate) for (let i = 0; i < M; i++) c.data.fill(0, (c.offset ?? 0) + i * c.ld, (c.offset ?? 0) + i * c.ld + N);
      return;
    }
    if (mFull > 0 && nFull > 0) {
      const run = bytes === 4 ? this.gemms.float32 : this.gemms.float64;
      run(mFull, nFull, K, at(a, bytes), a.ld * bytes, at(b, bytes), b.ld * bytes, at(c, bytes), c.ld * bytes, accumulate ? 1 : 0);
    }
    // Right edge (rows of full tiles, last columns), then the bottom rows over every column.
    if (nFull < N) edge(0, mFull, nFull, N, K, a, b, c, accumulate);
    if (mFull < M) edge(mFull, M, 0, N, K, a, b, c, accumulate);
  }

  /**
   * One recurrence step on a rows × cols state S (row-major): S = a[0]·S + k vᵀ, then y += Sᵀ q,
   * row by row so each row of S is read once. k, q hold `rows` values; v and y hold `cols` values
   * from their offsets; all are views of the current frame. Columns past the last full vector are
   * done here in plain loops.
   */
  step(rows: number, cols: number, S: FloatArray, k: FloatArray, q: FloatArray, v: MatrixRef, y: MatrixRef, a: FloatArray): void {
    const bytes = S.BYTES_PER_ELEMENT as 4 | 8;
    const vo = v.offset ?? 0;
    const yo = y.offset ?? 0;
    if (cols % (16 / bytes) === 0) {
      const run = bytes === 4 ? this.steps.float32 : this.steps.float64;
      if (rows > 0 && cols > 0) run(rows, cols, S.byteOffset, k.byteOffset, q.byteOffset, v.data.byteOffset + vo * bytes, y.data.byteOffset + yo * bytes, a.byteOffset);
      return;
    }
    // A state narrower than whole vectors per row: the same step in plain loops.
    const decay = a[0]!;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const s = decay * S[i * cols + j]! + k[i]! * v.data[vo + j]!;
        S[i * cols + j] = s;
        y.data[yo + j] = y.data[yo + j]! + q[i]! * S[i * cols + j]!;
      }
    }
  }

  /**
   * y[j] += Σ_i q[i]·S[i, j] for i < rows, j < cols (y += Sᵀq, q from `q.offset`), S rows `S.ld`
   * apart; all views of the current frame. Whole vectors of columns in SIMD, the rest here.
   */
  readout(rows: number, cols: number, S: MatrixRef, q: MatrixRef, y: MatrixRef): void {
    const bytes = S.data.BYTES_PER_ELEMENT as 4 | 8;
    const so = S.offset ?? 0;
    const qo = q.offset ?? 0;
    const yo = y.offset ?? 0;
    const vectorCols = cols - (cols % (16 / bytes));
    if (rows > 0 && vectorCols > 0) {
      const run = bytes === 4 ? this.readouts.float32 : this.readouts.float64;
      run(rows, vectorCols, S.data.byteOffset + so * bytes, S.ld * bytes, q.data.byteOffset + qo * bytes, y.data.byteOffset + yo * bytes);
    }
    for (let i = 0; i < rows; i++) {
      const qi = q.data[qo + i]!;
      for (let j = vectorCols; j < cols; j++) y.data[yo + j] = y.data[yo + j]! + qi * S.data[so + i * S.ld + j]!;
    }
  }

  /**
   * dst[i, j] = s[i]·src[i, j] for i < rows, j < cols; `sStride` 0 scales every row by s[0], 1
   * takes one scalar per row. In place when dst is src.
   */
  scaleRows(rows: number, cols: number, src: MatrixRef, dst: MatrixRef, s: MatrixRef, sStride: 0 | 1): void {
    const bytes = this.check([src, dst, s]);
    if (rows > 0 && cols > 0) this.vectorsOf(bytes).scaleRows(rows, cols, at(src, bytes), src.ld * bytes, at(dst, bytes), dst.ld * bytes, at(s, bytes), sStride * bytes);
  }

  /** dst[i, j] = src[i, j]·w[j] for i < rows, j < cols. In place when dst is src. */
  mulCols(rows: number, cols: number, src: MatrixRef, dst: MatrixRef, w: MatrixRef): void {
    const bytes = this.check([src, dst, w]);
    if (rows > 0 && cols > 0) this.vectorsOf(bytes).mulCols(rows, cols, at(src, bytes), src.ld * bytes, at(dst, bytes), dst.ld * bytes, at(w, bytes));
  }

  /**
   * SSD's mask on an n × n block in place: S[t, s] ·= a_{s+1}·…·a_t (products in the dtype) for
   * s ≤ t, S[t, s] = 0 for t < s < n; a holds the block's n gates, g is n values of scratch.
   */
  decayMask(n: number, S: MatrixRef, a: MatrixRef, g: MatrixRef): void {
    const bytes = this.check([S, a, g]);
    if (n > 0) this.vectorsOf(bytes).decayMask(n, at(S, bytes), S.ld * bytes, at(a, bytes), at(g, bytes));
  }

  /** dst (cols × rows, rows dst.ld apart) = srcᵀ, src rows × cols. */
  transpose(rows: number, cols: number, src: MatrixRef, dst: MatrixRef): void {
    const bytes = this.check([src, dst]);
    if (rows > 0 && cols > 0) this.vectorsOf(bytes).transpose(rows, cols, at(src, bytes), src.ld * bytes, at(dst, bytes), dst.ld * bytes);
  }

  private vectorsOf(bytes: 4 | 8): VectorExports {
    return bytes === 4 ? this.vectors.float32 : this.vectors.float64;
  }

  /** The element size shared by the views, each of the current frame. */
  private check(views: readonly MatrixRef[]): 4 | 8 {
    const bytes = views[0]!.data.BYTES_PER_ELEMENT as 4 | 8;
    for (const m of views) {
      if (m.data.buffer !== this.frameBuffer) throw new Error('kernel: a matrix is not a view of the current frame');
      if (m.data.BYTES_PER_ELEMENT !== bytes) throw new Error('kernel: views of different dtypes');
    }
    return bytes;
  }
}

const at = (m: MatrixRef, bytes: number): number => m.data.byteOffset + (m.offset ?? 0) * bytes;

function edge(i0: number, i1: number, j0: number, j1: number, K: number, a: MatrixRef, b: MatrixRef, c: MatrixRef, accumulate: boolean): void {
  const A = a.data;
  const B = b.data;
  const C = c.data;
  const ao = a.offset ?? 0;
  const bo = b.offset ?? 0;
  const co = c.offset ?? 0;
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      let sum = accumulate ? C[co + i * c.ld + j]! : 0;
      for (let k = 0; k < K; k++) sum += A[ao + i * a.ld + k]! * B[bo + k * b.ld + j]!;
      C[co + i * c.ld + j] = sum;
    }
  }
}

let shared: Workspace | undefined;


/** The process's one workspace (one per JS realm: a worker or page has its own). */
export function workspace(): Workspace {
  shared ??= new Workspace();
  return shared;
}

export type { Workspace };
