/**
 * The inspector's reading of a point record: the v1 fields it lays out itself, and any other field
 * a newer record carries (a kernel configuration, a confidence interval, a stopping reason), shown
 * as they are rather than dropped.
 */
import type { PointRecord } from '@engine/record/schema.js';

const KNOWN = new Set([
  'mixer', 'form', 'backend', 'host', 'L', 'dims', 'batch', 'heads', 'dtype', 'status', 'reason', 'fidelity', 'fidelityNote',
  'samplesMs', 'gpuSamplesMs', 'stats', 'gpuStats', 'compileMs', 'uploadMs', 'readbackMs', 'allocatedBytes', 'cost', 'error',
  'verifyNote', 'achieved', 'rooflineFraction', 'neededBytes', 'availableBytes', 'ci', 'sampling',
]);

/** A kernel's configuration (tile sizes, workgroup shape), whatever the newer record names it. */
const KERNEL = /kernel|config|tile|workgroup/i;

export interface ExtraField {
  readonly name: string;
  readonly text: string;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  // v5's kernelConfig: `matmul-vec4 MICRO_M=4, DEPTH=16 (autotuned)`.
  const config = value as { kernel?: unknown; params?: unknown; source?: unknown } | null;
  if (config && typeof config.kernel === 'string' && typeof config.params === 'object' && config.params !== null) {
    const params = Object.entries(config.params as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join(', ');
    return `${config.kernel}${params ? ` ${params}` : ''}${typeof config.source === 'string' ? ` (${config.source})` : ''}`;
  }
  return JSON.stringify(value);
}

export function extraFields(point: PointRecord): { kernel: ExtraField[]; other: ExtraField[] } {
  const extra = Object.entries(point as Record<string, unknown>).filter(([name, value]) => !KNOWN.has(name) && value !== undefined);
  return {
    kernel: extra.filter(([name]) => KERNEL.test(name)).map(([name, value]) => ({ name, text: text(value) })),
    other: extra.filter(([name]) => !KERNEL.test(name)).map(([name, value]) => ({ name, text: text(value) })),
  };
}
