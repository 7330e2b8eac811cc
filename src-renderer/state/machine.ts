/**
 * The machine as the start screen shows it: each backend the probe found, with its adapter,
 * whether it is hardware or a software rasterizer, its main limits, f16 and timestamp queries, and
 * which backend the quick profile will use and why. Pure, so it is tested in Node.
 */
import type { BackendProbeRecord } from '@engine/record/schema.js';

export interface BackendRow {
  readonly id: string;
  readonly available: boolean;
  /** 'NVIDIA RTX 4090', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'CPU', or why it is unavailable. */
  readonly device: string;
  readonly kind: 'hardware GPU' | 'software rasterizer' | 'CPU' | 'unavailable';
  readonly host: string;
  /** `maxStorageBufferBindingSize 128 MiB · maxComputeWorkgroupStorageSize 16 KiB`, or ''. */
  readonly limits: string;
  readonly f16: boolean;
  readonly timestamps: boolean;
}

/** The limits that decide how large an L fits and how kernels tile. */
const SHOWN_LIMITS = ['maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupStorageSize', 'maxComputeInvocationsPerWorkgroup', 'maxTextureDimension2D'];

function limitText(name: string, value: number): string {
  const bytes = /Size$/.test(name);
  if (!bytes) return `${name} ${value}`;
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = value;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${name} ${Number(v.toPrecision(3))} ${units[u]}`;
}

export function backendRow(b: BackendProbeRecord): BackendRow {
  const features = b.features ?? [];
  const kind = !b.available ? 'unavailable' : b.adapter ? (b.adapter.software ? 'software rasterizer' : 'hardware GPU') : 'CPU';
  const adapter = b.adapter ? [b.adapter.vendor, b.adapter.device || b.adapter.description || b.adapter.architecture].filter((s) => s !== '').join(' ') : '';
  return {
    id: b.id,
    available: b.available,
    device: b.available ? adapter || 'CPU' : (b.reason ?? 'not available'),
    kind,
    host: b.host,
    limits: SHOWN_LIMITS.filter((n) => b.limits?.[n] !== undefined).map((n) => limitText(n, b.limits![n]!)).join(' · '),
    f16: features.includes('shader-f16'),
    timestamps: features.includes('timestamp-query'),
  };
}

export interface Recommendation {
  readonly id: string;
  readonly why: string;
}

/** The quick profile's backend (catalog.quickBackend's rule), with the reason in words. */
export function recommendBackend(backends: readonly BackendProbeRecord[]): Recommendation {
  const available = backends.filter((b) => b.available);
  const gpu = available.find((b) => b.adapter && !b.adapter.software);
  if (gpu) return { id: gpu.id, why: `the first hardware GPU adapter found (${gpu.adapter?.device || gpu.adapter?.description || gpu.adapter?.vendor}); its timings are speed figures` };
  const software = available.some((b) => b.adapter?.software);
  return {
    id: 'js',
    why: software
      ? 'no hardware GPU found: the WebGPU/WebGL adapters here are software rasterizers, right for correctness but never for speed, so the CPU kernels are timed'
      : 'no GPU adapter found, so the CPU kernels are timed',
  };
}
