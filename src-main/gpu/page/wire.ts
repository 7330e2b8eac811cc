/**
 * What crosses between Node and the compute page: plain JSON with tensors as base64 float64
 * (exact, and far smaller than number arrays in `page.evaluate`). Used on both sides.
 */
import type { BackendId, KernelConfig } from '../../engine/core/backend.js';
import type { DType, Tensor } from '../../engine/core/tensor.js';

export interface WireTensor {
  readonly shape: readonly number[];
  readonly base64: string;
}

export interface WireRequest {
  readonly backend: BackendId;
  readonly mixerId: string;
  readonly formId: string;
  readonly inputs: Readonly<Record<string, WireTensor>>;
  readonly params: Readonly<Record<string, number | string>>;
  readonly dtype: DType;
  /** PrepareRequest.memoryBudgetBytes. */
  readonly memoryBudgetBytes?: number;
}

export interface WirePrepared {
  readonly handle: number;
  readonly compileMs: number;
  readonly uploadMs: number;
  readonly allocatedBytes: number;
  readonly auxiliaryBytes: number;
  /** The configuration the kernel was compiled with (wgsl's matmul tile), when the backend chose one. */
  readonly kernelConfig?: KernelConfig;
}

export function encodeTensor(t: Tensor): WireTensor {
  const f64 = Float64Array.from(t.data);
  const bytes = new Uint8Array(f64.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { shape: [...t.shape], base64: btoa(binary) };
}

export function decodeTensor(w: WireTensor): Tensor {
  const binary = atob(w.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { shape: [...w.shape], data: new Float64Array(bytes.buffer) };
}

/** The global the page exposes to Playwright: `{ answer(call): Promise<PageReply> }`. */
export const PAGE_API = 'mixscopeCompute';

/**
 * The app's hidden window: main sends a MessagePort on this IPC channel; the preload hands it to
 * the page with a window message of the same name, and the page answers calls on it.
 */
export const COMPUTE_PORT = 'mixscope-compute-port';
