/**
 * The register-blocked SIMD matmul micro-kernel, emitted as WebAssembly:
 *   C[i, j] (+)= Σ_k A[i, k]·B[k, j]   for i < M (a multiple of 4), j < N (a multiple of 2 vectors),
 * row-major, strides in bytes. Each 4 × (2 vectors) tile of C lives in 8 SIMD accumulators for the
 * whole k loop: per k, two vector loads of B's row, four broadcast loads of A's column and 16
 * multiply-adds, so C is touched once per tile. f32 tiles are 4×8, f64 tiles 4×4. The edges of
 * odd-sized matrices are left to the caller (gemm.ts).
 */
import { vectorFunctions } from './vector-wasm.js';
import { emitModule, I32, memarg, op, SIMD, V128, type Bytes, type FunctionDef } from './wasm-emit.js';

export const TILE_ROWS = 4;
const VECTORS = 2;

interface Flavour {
  readonly name: string;
  readonly bytes: 4 | 8;
  readonly splat: number;
  readonly add: number;
  readonly mul: number;
}

const F32: Flavour = { name: 'gemm_f32', bytes: 4, splat: SIMD.load32Splat, add: SIMD.f32x4Add, mul: SIMD.f32x4Mul };
const F64: Flavour = { name: 'gemm_f64', bytes: 8, splat: SIMD.load64Splat, add: SIMD.f64x2Add, mul: SIMD.f64x2Mul };

/** Columns of one tile: two 16-byte vectors. */
export const tileCols = (bytes: 4 | 8): number => (VECTORS * 16) / bytes;

// Params (all i32): M N K a ldaBytes b ldbBytes c ldcBytes accumulate.
const [M, N, K, A, LDA, B, LDB, C, LDC, ACC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
// Locals.
const [I, J, KK, PB, PC] = [10, 11, 12, 13, 14];
const PA = [15, 16, 17, 18];
const ACCS = [19, 20, 21, 22, 23, 24, 25, 26];
const [B0, B1, AV] = [27, 28, 29];
const accOf = (row: number, v: number): number => ACCS[row * VECTORS + v]!;

function gemmBody(f: Flavour): Bytes {
  const zero = op.simd(SIMD.const, ...new Array<number>(16).fill(0));
  const fma = (acc: number, b: number): Bytes => [...op.get(acc), ...op.get(AV), ...op.get(b), ...op.simd(f.mul), ...op.simd(f.add), ...op.set(acc)];
  const kStep: Bytes = [
    ...op.get(PB), ...op.simd(SIMD.load, ...memarg(4, 0)), ...op.set(B0),
    ...op.get(PB), ...op.simd(SIMD.load, ...memarg(4, 16)), ...op.set(B1),
    ...PA.flatMap((pa, r) => [
      ...op.get(pa), ...op.simd(f.splat, ...memarg(f.bytes === 4 ? 2 : 3, 0)), ...op.set(AV),
      ...fma(accOf(r, 0), B0), ...fma(accOf(r, 1), B1),
      ...op.get(pa), ...op.i32(f.bytes), ...op.add, ...op.set(pa),
    ]),
    ...op.get(PB), ...op.get(LDB), ...op.add, ...op.set(PB),
    ...op.get(KK), ...op.i32(1), ...op.sub, ...op.tee(KK), ...op.brIf(0),
  ];
  const storeRow = (r: number): Bytes => [
    ...op.get(ACC), ...op.if,
    ...[0, 1].flatMap((v) => [...op.get(accOf(r, v)), ...op.get(PC), ...op.simd(SIMD.load, ...memarg(4, 16 * v)), ...op.simd(f.add), ...op.set(accOf(r, v))]),
    ...op.end,
    ...[0, 1].flatMap((v) => [...op.get(PC), ...op.get(accOf(r, v)), ...op.simd(SIMD.store, ...memarg(4, 16 * v))]),
    ...op.get(PC), ...op.get(LDC), ...op.add, ...op.set(PC),
  ];
  const tile: Bytes = [
    ...ACCS.flatMap((a) => [...zero, ...op.set(a)]),
    // pa_0 = a + i·lda, pa_r = pa_{r−1} + lda
    ...op.get(A), ...op.get(I), ...op.get(LDA), ...op.mul, ...op.add, ...op.set(PA[0]!),
    ...[1, 2, 3].flatMap((r) => [...op.get(PA[r - 1]!), ...op.get(LDA), ...op.add, ...op.set(PA[r]!)]),
    ...op.get(B), ...op.get(J), ...op.i32(f.bytes), ...op.mul, ...op.add, ...op.set(PB),
    ...op.get(K), ...op.set(KK),
    ...op.loop, ...kStep, ...op.end,
    ...op.get(C), ...op.get(I), ...op.get(LDC), ...op.mul, ...op.add, ...op.get(J), ...op.i32(f.bytes), ...op.mul, ...op.add, ...op.set(PC),
    ...[0, 1, 2, 3].flatMap(storeRow),
  ];
  // j outer, i inner: the K × (2 vectors) panel of B stays in L1 while A's rows stream past it.
  return [
    ...op.i32(0), ...op.set(J),
    ...op.loop,
    ...op.i32(0), ...op.set(I),
    ...op.loop,
    ...tile,
    ...op.get(I), ...op.i32(TILE_ROWS), ...op.add, ...op.tee(I), ...op.get(M), ...op.ltU, ...op.brIf(0),
    ...op.end,
    ...op.get(J), ...op.i32(tileCols(f.bytes)), ...op.add, ...op.tee(J), ...op.get(N), ...op.ltU, ...op.brIf(0),
    ...op.end,
  ];
}

function gemmFunction(f: Flavour): FunctionDef {
  return {
    name: f.name,
    params: new Array<number>(10).fill(I32),
    locals: [...new Array<number>(9).fill(I32), ...new Array<number>(11).fill(V128)],
    body: gemmBody(f),
  };
}

/**
 * One step of a recurrence with a d × dv state: for each row i,
 *   S[i, :] = a·S[i, :] + k[i]·v,   y += q[i]·S[i, :]
 * (a read from memory, y accumulated in place), dv a multiple of one vector; every pointer in bytes.
 * Params: rows cols S k q v y aPtr.
 */
function stepBody(f: Flavour): Bytes {
  const [ROWS, COLS, S, KP, QP, VP, YP, AP] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [I, J, PS, PV, PY] = [8, 9, 10, 11, 12];
  const [KB, QB, AB, SV] = [13, 14, 15, 16];
  const alignLog2 = f.bytes === 4 ? 2 : 3;
  const inner: Bytes = [
    // s = a·S + k·v
    ...op.get(AB), ...op.get(PS), ...op.simd(SIMD.load, ...memarg(4, 0)), ...op.simd(f.mul),
    ...op.get(KB), ...op.get(PV), ...op.simd(SIMD.load, ...memarg(4, 0)), ...op.simd(f.mul),
    ...op.simd(f.add), ...op.set(SV),
    ...op.get(PS), ...op.get(SV), ...op.simd(SIMD.store, ...memarg(4, 0)),
    // y += q·s
    ...op.get(PY), ...op.get(PY), ...op.simd(SIMD.load, ...memarg(4, 0)), ...op.get(QB), ...op.get(SV), ...op.simd(f.mul), ...op.simd(f.add),
    ...op.simd(SIMD.store, ...memarg(4, 0)),
    ...[PS, PV, PY].flatMap((p) => [...op.get(p), ...op.i32(16), ...op.add, ...op.set(p)]),
    ...op.get(J), ...op.i32(16 / f.bytes), ...op.add, ...op.tee(J), ...op.get(COLS), ...op.ltU, ...op.brIf(0),
  ];
  return [
    ...op.get(AP), ...op.simd(f.splat, ...memarg(alignLog2, 0)), ...op.set(AB),
    ...op.get(S), ...op.set(PS),
    ...op.i32(0), ...op.set(I),
    ...op.loop,
    ...op.get(KP), ...op.get(I), ...op.i32(f.bytes), ...op.mul, ...op.add, ...op.simd(f.splat, ...memarg(alignLog2, 0)), ...op.set(KB),
    ...op.get(QP), ...op.get(I), ...op.i32(f.bytes), ...op.mul, ...op.add, ...op.simd(f.splat, ...memarg(alignLog2, 0)), ...op.set(QB),
    ...op.get(VP), ...op.set(PV),
    ...op.get(YP), ...op.set(PY),
    ...op.i32(0), ...op.set(J),
    ...op.loop, ...inner, ...op.end,
    ...op.get(I), ...op.i32(1), ...op.add, ...op.tee(I), ...op.get(ROWS), ...op.ltU, ...op.brIf(0),
    ...op.end,
  ];
}

function stepFunction(f: Flavour): FunctionDef {
  return {
    name: f.name.replace('gemm', 'step'),
    params: new Array<number>(8).fill(I32),
    locals: [...new Array<number>(5).fill(I32), ...new Array<number>(4).fill(V128)],
    body: stepBody(f),
  };
}

/**
 * A read-out without an update, y[:] += Σ_i q[i]·S[i, :] (y += Sᵀq), over rows × cols of a state
 * whose rows are `ld` bytes apart, cols a multiple of one vector: the W k of TTT's residual, and a
 * matrix-vector product with a stored transpose. Params: rows cols S ldBytes q y.
 */
function readoutBody(f: Flavour): Bytes {
  const [ROWS, COLS, S, LD, QP, YP] = [0, 1, 2, 3, 4, 5];
  const [I, J, PS, PY] = [6, 7, 8, 9];
  const QB = 10;
  const inner: Bytes = [
    ...op.get(PY), ...op.get(PY), ...op.simd(SIMD.load, ...memarg(4, 0)),
    ...op.get(QB), ...op.get(PS), ...op.simd(SIMD.load, ...memarg(4, 0)), ...op.simd(f.mul), ...op.simd(f.add),
    ...op.simd(SIMD.store, ...memarg(4, 0)),
    ...[PS, PY].flatMap((p) => [...op.get(p), ...op.i32(16), ...op.add, ...op.set(p)]),
    ...op.get(J), ...op.i32(16 / f.bytes), ...op.add, ...op.tee(J), ...op.get(COLS), ...op.ltU, ...op.brIf(0),
  ];
  return [
    ...op.i32(0), ...op.set(I),
    ...op.loop,
    ...op.get(QP), ...op.get(I), ...op.i32(f.bytes), ...op.mul, ...op.add, ...op.simd(f.splat, ...memarg(f.bytes === 4 ? 2 : 3, 0)), ...op.set(QB),
    ...op.get(S), ...op.get(I), ...op.get(LD), ...op.mul, ...op.add, ...op.set(PS),
    ...op.get(YP), ...op.set(PY),
    ...op.i32(0), ...op.set(J),
    ...op.loop, ...inner, ...op.end,
    ...op.get(I), ...op.i32(1), ...op.add, ...op.tee(I), ...op.get(ROWS), ...op.ltU, ...op.brIf(0),
    ...op.end,
  ];
}

function readoutFunction(f: Flavour): FunctionDef {
  return {
    name: f.name.replace('gemm', 'readout'),
    params: new Array<number>(6).fill(I32),
    locals: [...new Array<number>(4).fill(I32), V128],
    body: readoutBody(f),
  };
}

/**
 * The module's bytes: exports gemm_, step_ and readout_ (f32, f64), the element-wise functions of
 * vector-wasm.ts and its memory.
 */
export function gemmModuleBytes(): Uint8Array {
  return emitModule([gemmFunction(F32), gemmFunction(F64), stepFunction(F32), stepFunction(F64), readoutFunction(F32), readoutFunction(F64), ...vectorFunctions()]);
}
