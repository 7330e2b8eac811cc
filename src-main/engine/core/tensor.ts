/**
 * Dense row-major tensors in float64 or float32: the only array type the engine passes around.
 * `float16` (the WGSL forms on an adapter with `shader-f16`) is held as a Float32Array whose every
 * value is an f16 (half.ts): the GPU buffers are packed f16, the host side never needs a third type.
 */
export type DType = 'float64' | 'float32' | 'float16';
export const DTYPES: readonly DType[] = ['float64', 'float32', 'float16'];
export type FloatArray = Float64Array | Float32Array;

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: FloatArray;
}

export const BYTES_PER_ELEMENT: Record<DType, number> = { float64: 8, float32: 4, float16: 2 };

export function dtypeOf(data: FloatArray): DType {
  return data instanceof Float32Array ? 'float32' : 'float64';
}

/** float16 storage on the host is a Float32Array (see DType). */
export function allocate(dtype: DType, length: number): FloatArray {
  return dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((n, k) => n * k, 1);
}

export function tensor(shape: readonly number[], data: FloatArray): Tensor {
  if (sizeOf(shape) !== data.length) {
    throw new Error(`tensor of shape [${shape.join(', ')}] needs ${sizeOf(shape)} elements, got ${data.length}`);
  }
  return { shape: [...shape], data };
}

export function zeros(shape: readonly number[], dtype: DType): Tensor {
  return { shape: [...shape], data: allocate(dtype, sizeOf(shape)) };
}

/** The same values at another precision (a copy, even when the dtype already matches). */
export function cast(t: Tensor, dtype: DType): Tensor {
  const data = allocate(dtype, t.data.length);
  data.set(t.data);
  return { shape: [...t.shape], data };
}

/** Max abs error divided by max |reference|: the relative error the tests and `verify` report. */
export function relativeError(actual: Tensor, reference: Tensor): { maxAbs: number; relative: number } {
  if (actual.data.length !== reference.data.length) {
    throw new Error(`cannot compare tensors of ${actual.data.length} and ${reference.data.length} elements`);
  }
  let maxAbs = 0;
  let maxRef = 0;
  for (let i = 0; i < reference.data.length; i++) {
    const a = actual.data[i]!;
    const r = reference.data[i]!;
    const err = Math.abs(a - r);
    // NaN must never look like a match.
    if (Number.isNaN(err)) return { maxAbs: Number.NaN, relative: Number.NaN };
    if (err > maxAbs) maxAbs = err;
    if (Math.abs(r) > maxRef) maxRef = Math.abs(r);
  }
  return { maxAbs, relative: maxRef === 0 ? maxAbs : maxAbs / maxRef };
}
