/**
 * IEEE 754 binary16 (f16) on a host that has no Float16Array or Math.f16round (Node 20): the
 * float16 dtype keeps its tensors as Float32Array on the JS side, every value exactly an f16
 * (rounded to nearest, ties to even), and packs them as 16-bit patterns for the GPU's buffers.
 *
 * binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. Normal values 2^-14 … 65504,
 * subnormals down to 2^-24, then ±Inf and NaN (exponent 31).
 */

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** The f16 bit pattern nearest to `value` (ties to even); past 65520 it is ±Inf, NaN stays NaN. */
export function toHalfBits(value: number): number {
  F32[0] = value; // f64 → f32 first: every f16 is an f32, and the rounding below works on f32 bits
  const bits = U32[0]!;
  // Where f64 → f32 rounded onto an f16 tie, the tie is broken by which side `value` lay on, so
  // that the two roundings give what one rounding would.
  const f32 = F32[0]!;
  const tieUp = (kept: number) => (f32 === value ? (kept & 1) === 1 : Math.abs(value) > Math.abs(f32));
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const fraction = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (fraction === 0 ? 0 : 0x200 | (fraction >>> 13));
  // The value's exponent in f16's bias.
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal in f16 (or zero): shift the full significand (implicit 1 included) right.
    if (e < -10) return sign; // below half the smallest subnormal, 2^-25: rounds to zero
    const significand = fraction | 0x800000;
    const shift = 14 - e; // 24-bit significand down to the subnormal's 10 bits at exponent 2^-24
    const kept = significand >>> shift;
    const rest = significand & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    const roundUp = rest > half || (rest === half && tieUp(kept));
    // A carry out of the subnormal range lands on the smallest normal, which is the right pattern.
    return sign | (kept + (roundUp ? 1 : 0));
  }
  const kept = (e << 10) | (fraction >>> 13);
  const rest = fraction & 0x1fff;
  const roundUp = rest > 0x1000 || (rest === 0x1000 && tieUp(kept));
  // A carry into the exponent is the right result, up to 0x7c00 (Inf) from the largest finite f16.
  return sign | (kept + (roundUp ? 1 : 0));
}

/** The value of an f16 bit pattern (exact: every f16 is a double). */
export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/** `value` rounded to the nearest f16 (what storing it in f16 and reading it back gives). */
export function roundToHalf(value: number): number {
  return fromHalfBits(toHalfBits(value));
}

/** Every element rounded to f16, into a new Float32Array (the float16 dtype's host-side form). */
export function roundArrayToHalf(values: ArrayLike<number>): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundToHalf(values[i]!);
  return out;
}

/** Packs values as f16 patterns for a GPU buffer, rounding each to the nearest f16. */
export function packHalf(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toHalfBits(values[i]!);
  return out;
}

/** Unpacks f16 patterns (a GPU buffer read back) into a Float32Array, exactly. */
export function unpackHalf(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = fromHalfBits(bits[i]!);
  return out;
}

/** Unit roundoff of f16 (2^-11): the largest relative error of one rounding to nearest. */
export const HALF_UNIT_ROUNDOFF = 2 ** -11;
