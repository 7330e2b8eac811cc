/** Turns what a gpu.js stage returned (texture, buffer handle, rows) into one flat float32 array. */
import type { StageResult } from './gpujs.js';

type Nested = Float32Array | number[] | readonly Nested[];

function flattenInto(value: Nested, out: number[]): void {
  if (value instanceof Float32Array) {
    for (let i = 0; i < value.length; i++) out.push(value[i]!);
    return;
  }
  for (const item of value) {
    if (typeof item === 'number') out.push(item);
    else flattenInto(item, out);
  }
}

export async function readFlat(result: StageResult, elements: number): Promise<Float32Array> {
  const value = (
    'toArray' in result && typeof result.toArray === 'function' ? await result.toArray() : result
  ) as Nested;
  if (value instanceof Float32Array && value.length === elements) return Float32Array.from(value);
  const flat: number[] = [];
  flattenInto(value, flat);
  if (flat.length !== elements) throw new Error(`gpu.js result holds ${flat.length} values, expected ${elements}`);
  return Float32Array.from(flat);
}

/** Frees a device-resident result (textures, buffers); plain arrays are left to the GC. */
export function releaseResult(result: StageResult): void {
  if ('delete' in result && typeof result.delete === 'function') result.delete();
}
