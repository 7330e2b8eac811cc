/**
 * Whether a gpu.js mode really runs here. gpu.js degrades silently to its cpu backend when a mode
 * is unavailable, so a probe runs a tiny kernel and checks both its answer and the class of the
 * kernel that ran it (and gpu.js's own `fallbackReason`).
 */
import type { AdapterInfo } from '../../engine/core/backend.js';
import { errorMessage } from '../../engine/core/errors.js';
import { createGpujs, kernelBackend, type GpujsInstance, type GpujsKernelInternals, type GpujsMode, type KernelThis, type Vec } from './gpujs.js';

export type ModeProbe =
  | { readonly ok: true; readonly gpu: GpujsInstance; readonly adapter?: AdapterInfo; readonly limits?: Record<string, number> }
  | { readonly ok: false; readonly reason: string };

function double(this: KernelThis<object>, a: Vec): number {
  return a[this.thread.x]! * 2;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software/i;

function glAdapter(kernel: GpujsKernelInternals): { adapter?: AdapterInfo; limits?: Record<string, number> } {
  const gl = kernel.context as WebGLRenderingContext | null | undefined;
  if (!gl || typeof gl.getParameter !== 'function') return {};
  // Browsers mask RENDERER ('WebKit WebGL'); the debug extension names the real one.
  const unmasked = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(unmasked ? unmasked.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  const vendor = String(gl.getParameter(unmasked ? unmasked.UNMASKED_VENDOR_WEBGL : gl.VENDOR) ?? '');
  const version = String(gl.getParameter(gl.VERSION) ?? '');
  const adapter = { vendor, architecture: '', device: renderer, description: version, software: SOFTWARE.test(`${renderer} ${vendor}`) };
  return { adapter, limits: { maxTextureSize: Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)) } };
}

function webgpuAdapter(kernel: GpujsKernelInternals): { adapter?: AdapterInfo; limits?: Record<string, number> } {
  const device = kernel._device;
  if (!device) return {};
  const info = (device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
  const limits = { maxStorageBufferBindingSize: device.limits.maxStorageBufferBindingSize, maxBufferSize: device.limits.maxBufferSize };
  if (!info) return { limits };
  const text = `${info.vendor} ${info.architecture} ${info.device} ${info.description}`;
  return {
    adapter: { vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description, software: SOFTWARE.test(text) || info.vendor === 'google' && /swift/i.test(text) },
    limits,
  };
}

export async function probeMode(mode: GpujsMode, given?: GpujsInstance): Promise<ModeProbe> {
  let gpu: GpujsInstance;
  try {
    gpu = given ?? createGpujs(mode);
  } catch (err) {
    return { ok: false, reason: `gpu.js mode '${mode}' is not supported here: ${errorMessage(err)}` };
  }
  try {
    const kernel = gpu.createKernel(double, { output: [4], asyncMode: true, precision: 'single' });
    const result = (await kernel(new Float32Array([1, 2, 3, 4]) as unknown as number)) as ArrayLike<number>;
    const ran = kernelBackend(kernel.kernel);
    const fallback = kernel.kernel.fallbackReason;
    const extra = mode === 'webgpu' ? webgpuAdapter(kernel.kernel) : glAdapter(kernel.kernel);
    kernel.destroy();
    if (ran !== mode) {
      return { ok: false, reason: `gpu.js fell back from '${mode}' to '${ran}'${fallback ? ` (${fallback})` : ''}` };
    }
    if (Array.from(result).join(',') !== '2,4,6,8') {
      return { ok: false, reason: `gpu.js mode '${mode}' returned wrong values for a test kernel` };
    }
    return { ok: true, gpu, ...extra };
  } catch (err) {
    return { ok: false, reason: `gpu.js mode '${mode}' failed a test kernel: ${errorMessage(err)}` };
  }
}
