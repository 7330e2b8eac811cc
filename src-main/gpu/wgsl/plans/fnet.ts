/**
 * WGSL plans of FNet mixing (MIXERS.md §10): shaders/fnet/. `dft` is three passes (the two DFT
 * matrices, then two tiled products). `fft` transforms every row (length d), then every column
 * (length L) of the L×d spectrum Z, all transforms of an axis at once: a power-of-two length by
 * radix-2 stages in place on Z (one dispatch per stage); any other length n by Bluestein's chirp-z,
 * whose length-m convolution (m = 2^k ≥ 2n − 1) runs as radix-2 stages on a work buffer. Passes of
 * the branch a length does not take get zero workgroups and are skipped.
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { bluesteinLength, isPowerOfTwo } from '../../../engine/mixers/fnet/fft-plan.js';
import { grid1d, type FormPlan, type MixerPlan, type PassPlan, type PlanStep, type UniformField, type Workgroups } from '../plan.js';

/** The radix-2 length used along an axis of length n. */
const radixLength = (n: number): number => (isPowerOfTwo(n) ? n : bluesteinLength(n));

/** struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 } */
const fftUniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
  { name: 'md', type: 'u32', value: (dims) => radixLength(dims['d']!) },
  { name: 'mL', type: 'u32', value: (dims) => radixLength(dims['L']!) },
  { name: 'bitsD', type: 'u32', value: (dims) => Math.log2(radixLength(dims['d']!)) },
  { name: 'bitsL', type: 'u32', value: (dims) => Math.log2(radixLength(dims['L']!)) },
];

interface Axis {
  readonly index: 0 | 1;
  readonly table: string;
  readonly work: string;
  /** Length along the axis and number of transforms. */
  n(dims: Dims): number;
  count(dims: Dims): number;
}

const ROWS: Axis = { index: 0, table: 'FFT tables (length d)', work: 'Bluestein work (rows)', n: (dims) => dims['d']!, count: (dims) => dims['L']! };
const COLUMNS: Axis = { index: 1, table: 'FFT tables (length L)', work: 'Bluestein work (columns)', n: (dims) => dims['L']!, count: (dims) => dims['d']! };

const radix2 = (axis: Axis, dims: Dims): boolean => isPowerOfTwo(axis.n(dims));
const only = (on: boolean, items: number): Workgroups => (on ? grid1d(items, 64) : [0]);

function pass(shader: string, storage: readonly string[], workgroups: (dims: Dims) => Workgroups, constants?: Record<string, number>): PassPlan {
  return { shader: `fnet/${shader}.wgsl`, entry: 'main', storage, workgroups: (dims) => workgroups(dims), ...(constants ? { constants } : {}) };
}

/** log2(m) radix-2 stages on `data` (stage.wgsl MODE), when `on`. */
function stages(mode: number, data: string, axis: Axis, on: (dims: Dims) => boolean, butterflies: (dims: Dims) => number): PlanStep {
  return {
    loop: [pass('stage', [data, axis.table], (dims) => grid1d(butterflies(dims), 64), { MODE: mode })],
    count: (dims) => (on(dims) ? Math.log2(radixLength(axis.n(dims))) : 0),
  };
}

/** Bluestein along an axis: tables and filter spectrum, chirp-in, convolution, chirp-out into `target`. */
function bluestein(axis: Axis, source: string, target: string): PlanStep[] {
  const on = (dims: Dims) => !radix2(axis, dims);
  const m = (dims: Dims) => radixLength(axis.n(dims));
  const AXIS = { AXIS: axis.index };
  const batch = (dims: Dims) => (axis.count(dims) * m(dims)) / 2;
  return [
    pass('chirp', [axis.table, axis.work], (dims) => only(on(dims), m(dims)), AXIS),
    stages(4 + axis.index, axis.work, axis, on, (dims) => m(dims) / 2),
    pass('filter-store', [axis.work, axis.table], (dims) => only(on(dims), m(dims)), AXIS),
    pass('bluestein-load', [source, axis.table, axis.work], (dims) => only(on(dims), axis.count(dims) * m(dims)), AXIS),
    stages(2 + axis.index, axis.work, axis, on, batch),
    pass('bluestein-filter', [axis.table, axis.work], (dims) => only(on(dims), axis.count(dims) * m(dims)), AXIS),
    stages(2 + axis.index, axis.work, axis, on, batch),
    pass('bluestein-store', [axis.table, axis.work, target], (dims) => only(on(dims), axis.count(dims) * axis.n(dims)), AXIS),
  ];
}

const Z = 'Z (complex spectrum)';
const size = (dims: Dims): number => dims['L']! * dims['d']!;

/** Bluestein squares indices below 2n in u32. */
const BLUESTEIN_MAX_N = 46340;

const fft: FormPlan = {
  uniforms: fftUniforms,
  passes: [
    pass('twiddles', [ROWS.table], (dims) => only(radix2(ROWS, dims) && dims['d']! > 1, dims['d']! / 2), { AXIS: 0 }),
    pass('rows-load', ['X', Z], (dims) => only(radix2(ROWS, dims), size(dims))),
    stages(0, Z, ROWS, (dims) => radix2(ROWS, dims), (dims) => size(dims) / 2),
    ...bluestein(ROWS, 'X', Z),
    pass('twiddles', [COLUMNS.table], (dims) => only(radix2(COLUMNS, dims) && dims['L']! > 1, dims['L']! / 2), { AXIS: 1 }),
    pass('columns-permute', [Z], (dims) => only(radix2(COLUMNS, dims) && dims['L']! > 1, size(dims))),
    stages(1, Z, COLUMNS, (dims) => radix2(COLUMNS, dims), (dims) => size(dims) / 2),
    pass('real-part', [Z, 'Y'], (dims) => only(radix2(COLUMNS, dims), size(dims))),
    ...bluestein(COLUMNS, Z, 'Y'),
  ],
  unsupported: (dims) => {
    const long = [dims['L']!, dims['d']!].find((n) => !isPowerOfTwo(n) && n > BLUESTEIN_MAX_N);
    return long === undefined ? undefined : `Bluestein takes lengths ≤ ${BLUESTEIN_MAX_N} that are not powers of two; got ${long}`;
  },
};

/** struct Params { L: u32, d: u32 } */
const dftUniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
];

const dft: FormPlan = {
  uniforms: dftUniforms,
  passes: [
    pass('dft-tables', ['F_d (d×d cos and sin)', 'F_L (L×L cos and sin)'], (dims) => grid1d(dims['d']! ** 2 + dims['L']! ** 2, 64)),
    { ...pass('dft-hidden', ['X', 'F_d (d×d cos and sin)', Z], (dims) => [Math.ceil((2 * dims['d']!) / 64), Math.ceil(dims['L']! / 64)]), tuning: 'matmul' },
    { ...pass('dft-sequence', ['F_L (L×L cos and sin)', Z, 'Y'], (dims) => [Math.ceil(dims['d']! / 64), Math.ceil(dims['L']! / 64)]), tuning: 'matmul' },
  ],
  unsupported: (dims) => (dims['L']! > 65535 ? `the DFT tables take L ≤ 65535 (t·s in u32); got L = ${dims['L']}` : undefined),
};

export const fnetPlan: MixerPlan = { fft, dft };
