/**
 * The element-wise stages of the chunked forms, emitted as WebAssembly into the matmul's module so
 * that they work on the same frame views in the run's dtype (f32x4 / f64x2 over whole vectors, a
 * scalar tail for the rest; every pointer and stride in bytes):
 *   scale_rows  dst[i, j] = s[i]·src[i, j]        (a row scale; sStride 0 scales by one scalar)
 *   mul_cols    dst[i, j] = src[i, j]·w[j]        (a column scale)
 *   decay_mask  S[t, s] = (a_{s+1}·…·a_t)·S[t, s] for s ≤ t, 0 for t < s < n (SSD's mask G)
 *   transpose   dst[j, i] = src[i, j]
 * Without them each of these ran as a JavaScript loop over typed arrays, several times slower than
 * the products they sit between.
 */
import { I32, memarg, op, SIMD, V128, type Bytes, type FunctionDef } from './wasm-emit.js';

const F32 = 0x7d;
const F64 = 0x7c;
const I32_AND = [0x71];
const I32_GE_U = [0x4f];

interface Flavour {
  readonly suffix: string;
  readonly bytes: 4 | 8;
  readonly type: number;
  readonly load: number;
  readonly store: number;
  readonly mul: number;
  readonly vmul: number;
  readonly splat: number;
  readonly one: Bytes;
  readonly zero: Bytes;
}

const f32const = (x: number): Bytes => [0x43, ...new Uint8Array(Float32Array.of(x).buffer)];
const f64const = (x: number): Bytes => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)];

const FLAVOURS: readonly Flavour[] = [
  { suffix: 'f32', bytes: 4, type: F32, load: 0x2a, store: 0x38, mul: 0x94, vmul: SIMD.f32x4Mul, splat: 0x13, one: f32const(1), zero: f32const(0) },
  { suffix: 'f64', bytes: 8, type: F64, load: 0x2b, store: 0x39, mul: 0xa2, vmul: SIMD.f64x2Mul, splat: 0x14, one: f64const(1), zero: f64const(0) },
];

const lanes = (f: Flavour): number => 16 / f.bytes;
const scalarArg = (f: Flavour): Bytes => memarg(f.bytes === 4 ? 2 : 3, 0);
/** base + index·step (i32 locals), left on the stack. */
const address = (base: number, index: number, step: number): Bytes => [...op.get(base), ...op.get(index), ...op.i32(step), ...op.mul, ...op.add];
/** for (j = current j; j < end; j += step) body: the caller sets j first. */
const upTo = (j: number, end: number, step: number, body: Bytes): Bytes => [
  ...op.block, ...op.loop,
  ...op.get(j), ...op.get(end), ...I32_GE_U, ...op.brIf(1),
  ...body,
  ...op.get(j), ...op.i32(step), ...op.add, ...op.set(j), ...op.br(0),
  ...op.end, ...op.end,
];

/** The second factor of a product run: a vector of its own (a pointer) or one broadcast scalar. */
type Factor = { readonly ptr: number } | { readonly vector: number; readonly scalar: number };

/**
 * dst[j] = x[j]·y[j] for j < count (count, dst, x: i32 locals), whole vectors first, then the tail;
 * j and vectorEnd are scratch locals.
 */
function productRun(f: Flavour, count: number, dst: number, x: number, y: Factor, j: number, vectorEnd: number): Bytes {
  const vy = 'ptr' in y ? [...address(y.ptr, j, f.bytes), ...op.simd(SIMD.load, ...memarg(4, 0))] : op.get(y.vector);
  const sy = 'ptr' in y ? [...address(y.ptr, j, f.bytes), f.load, ...scalarArg(f)] : op.get(y.scalar);
  return [
    ...op.i32(0), ...op.set(j),
    ...op.get(count), ...op.i32(-lanes(f)), ...I32_AND, ...op.set(vectorEnd),
    ...upTo(j, vectorEnd, lanes(f), [
      ...address(dst, j, f.bytes),
      ...address(x, j, f.bytes), ...op.simd(SIMD.load, ...memarg(4, 0)), ...vy, ...op.simd(f.vmul),
      ...op.simd(SIMD.store, ...memarg(4, 0)),
    ]),
    ...upTo(j, count, 1, [...address(dst, j, f.bytes), ...address(x, j, f.bytes), f.load, ...scalarArg(f), ...sy, f.mul, f.store, ...scalarArg(f)]),
  ];
}

/** dst[j] = 0 for the current j ≤ j < end. */
const zeroRun = (f: Flavour, end: number, dst: number, j: number): Bytes =>
  upTo(j, end, 1, [...address(dst, j, f.bytes), ...f.zero, f.store, ...scalarArg(f)]);

/** Params: rows cols src ldSrc dst ldDst s sStride. */
function scaleRows(f: Flavour): FunctionDef {
  const [ROWS, COLS, SRC, LDS, DST, LDD, S, SSTRIDE] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [I, J, END, PS, PD, SV, SF] = [8, 9, 10, 11, 12, 13, 14];
  return {
    name: `scale_rows_${f.suffix}`,
    params: new Array<number>(8).fill(I32),
    locals: [I32, I32, I32, I32, I32, V128, f.type],
    body: [
      ...op.i32(0), ...op.set(I),
      ...upTo(I, ROWS, 1, [
        ...op.get(SRC), ...op.get(I), ...op.get(LDS), ...op.mul, ...op.add, ...op.set(PS),
        ...op.get(DST), ...op.get(I), ...op.get(LDD), ...op.mul, ...op.add, ...op.set(PD),
        ...op.get(S), ...op.get(I), ...op.get(SSTRIDE), ...op.mul, ...op.add, f.load, ...scalarArg(f), ...op.set(SF),
        ...op.get(SF), ...op.simd(f.splat), ...op.set(SV),
        ...productRun(f, COLS, PD, PS, { vector: SV, scalar: SF }, J, END),
      ]),
    ],
  };
}

/** Params: rows cols src ldSrc dst ldDst w. */
function mulCols(f: Flavour): FunctionDef {
  const [ROWS, COLS, SRC, LDS, DST, LDD, W] = [0, 1, 2, 3, 4, 5, 6];
  const [I, J, END, PS, PD] = [7, 8, 9, 10, 11];
  return {
    name: `mul_cols_${f.suffix}`,
    params: new Array<number>(7).fill(I32),
    locals: [I32, I32, I32, I32, I32],
    body: [
      ...op.i32(0), ...op.set(I),
      ...upTo(I, ROWS, 1, [
        ...op.get(SRC), ...op.get(I), ...op.get(LDS), ...op.mul, ...op.add, ...op.set(PS),
        ...op.get(DST), ...op.get(I), ...op.get(LDD), ...op.mul, ...op.add, ...op.set(PD),
        ...productRun(f, COLS, PD, PS, { ptr: W }, J, END),
      ]),
    ],
  };
}

/**
 * Params: n S ldS a g. Row t of G is row t − 1 times a_t with G_tt = 1, so one running row g
 * (n values of scratch, zeroed here) gives every G_ts by one product each: g[s < t] ·= a_t,
 * g[t] = 1, S[t, s ≤ t] ·= g[s]; the rest of row t up to n is zeroed.
 */
function decayMask(f: Flavour): FunctionDef {
  const [N, S, LDS, A, G] = [0, 1, 2, 3, 4];
  const [T, J, END, PS, COUNT, AV, AF] = [5, 6, 7, 8, 9, 10, 11];
  return {
    name: `decay_mask_${f.suffix}`,
    params: new Array<number>(5).fill(I32),
    locals: [I32, I32, I32, I32, I32, V128, f.type],
    body: [
      ...op.i32(0), ...op.set(J),
      ...zeroRun(f, N, G, J),
      ...op.i32(0), ...op.set(T),
      ...upTo(T, N, 1, [
        ...address(A, T, f.bytes), f.load, ...scalarArg(f), ...op.set(AF),
        ...op.get(AF), ...op.simd(f.splat), ...op.set(AV),
        ...op.get(T), ...op.set(COUNT),
        ...productRun(f, COUNT, G, G, { vector: AV, scalar: AF }, J, END),
        ...address(G, T, f.bytes), ...f.one, f.store, ...scalarArg(f),
        ...op.get(S), ...op.get(T), ...op.get(LDS), ...op.mul, ...op.add, ...op.set(PS),
        ...op.get(T), ...op.i32(1), ...op.add, ...op.set(COUNT),
        ...productRun(f, COUNT, PS, PS, { ptr: G }, J, END),
        ...zeroRun(f, N, PS, J),
      ]),
    ],
  };
}

/** Params: rows cols src ldSrc dst ldDst. */
function transpose(f: Flavour): FunctionDef {
  const [ROWS, COLS, SRC, LDS, DST, LDD] = [0, 1, 2, 3, 4, 5];
  const [I, J, PS, PD] = [6, 7, 8, 9];
  return {
    name: `transpose_${f.suffix}`,
    params: new Array<number>(6).fill(I32),
    locals: [I32, I32, I32, I32],
    body: [
      ...op.i32(0), ...op.set(I),
      ...upTo(I, ROWS, 1, [
        ...op.get(SRC), ...op.get(I), ...op.get(LDS), ...op.mul, ...op.add, ...op.set(PS),
        ...address(DST, I, f.bytes), ...op.set(PD),
        ...op.i32(0), ...op.set(J),
        ...upTo(J, COLS, 1, [
          ...op.get(PD), ...op.get(J), ...op.get(LDD), ...op.mul, ...op.add,
          ...address(PS, J, f.bytes), f.load, ...scalarArg(f),
          f.store, ...scalarArg(f),
        ]),
      ]),
    ],
  };
}

/** The element-wise functions for both dtypes, to emit beside the matmul (same memory). */
export function vectorFunctions(): FunctionDef[] {
  return FLAVOURS.flatMap((f) => [scaleRows(f), mulCols(f), decayMask(f), transpose(f)]);
}
