/**
 * The `wgsl` backend in the compute page: the same WgslBackend as in the Node worker, on the
 * page's own `navigator.gpu` (Chromium's Dawn), with shaders fetched as files from the page's
 * origin (`shaders/<mixer>/*.wgsl`, served beside the page). The device is made on first use, so
 * a page without WebGPU still answers `probe` with the reason.
 */
import type { Backend, BackendProbe, KernelSupport, PrepareRequest, PreparedKernel, Roofline } from '../../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import type { DType } from '../../engine/core/tensor.js';
import { WgslBackend, wgslSupport } from '../wgsl/backend.js';
import type { ShaderLoader } from '../wgsl/pipelines.js';
import { REPORTED_LIMITS, wantedFeatures } from '../wgsl/probe.js';
import type { TuningCache } from '../wgsl/tuning-key.js';

/** Loads `shaders/<path>` relative to the page (the page host serves the repository's shaders/ there). */
export function fetchShaderLoader(base: string): ShaderLoader {
  return async (relativePath) => {
    const url = new URL(`shaders/${relativePath}`, base);
    const response = await fetch(url).catch((err: unknown) => {
      throw new MixscopeError(`cannot fetch shader ${url.pathname}: ${errorMessage(err)}`, 'io');
    });
    if (!response.ok) throw new MixscopeError(`cannot fetch shader ${url.pathname}: HTTP ${response.status}`, 'io');
    return response.text();
  };
}

/**
 * A device with the limits raised to the adapter's (the defaults cap storage bindings at 128 MiB),
 * and with timestamps and shader-f16 (the float16 dtype) where the adapter has them.
 */
async function requestDevice(gpu: GPU | undefined): Promise<GPUDevice> {
  if (!gpu) throw new MixscopeError('this page has no navigator.gpu (Chromium on Linux needs --enable-unsafe-webgpu)', 'backend-unavailable');
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new MixscopeError("the page's navigator.gpu offers no adapter", 'backend-unavailable');
  const requiredFeatures = wantedFeatures(adapter);
  const requiredLimits: Record<string, number> = {};
  for (const name of REPORTED_LIMITS) requiredLimits[name] = adapter.limits[name];
  return adapter.requestDevice({ requiredFeatures, requiredLimits });
}

export class PageWgslBackend implements Backend {
  readonly id = 'wgsl' as const;
  private started: Promise<WgslBackend> | undefined;
  /** Whether the last probe offered float16 (the device has shader-f16): support follows it. */
  private offersF16 = false;

  constructor(
    private readonly gpu: GPU | undefined,
    private readonly loadShader: ShaderLoader,
    private readonly host: string,
    /** Where the autotuner's choices are kept: the cache main lends the app's window; none in headless Chromium. */
    private readonly tuningCache?: TuningCache,
  ) {}

  private backend(): Promise<WgslBackend> {
    if (!this.started) {
      const started = requestDevice(this.gpu).then(
        (device) =>
          new WgslBackend({
            device,
            loadShader: this.loadShader,
            host: this.host,
            recreateDevice: () => requestDevice(this.gpu),
            ...(this.tuningCache ? { tuningCache: this.tuningCache } : {}),
          }),
      );
      // A failed start is retried on the next call (the adapter may come back).
      started.catch(() => (this.started = undefined));
      this.started = started;
    }
    return this.started;
  }

  async probe(): Promise<BackendProbe> {
    try {
      const probe = await (await this.backend()).probe();
      this.offersF16 = probe.available && probe.dtypes.includes('float16');
      return probe;
    } catch (err) {
      return { id: 'wgsl', available: false, reason: errorMessage(err), host: this.host, dtypes: ['float32'] };
    }
  }

  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    return wgslSupport(mixer, form, dtype, this.offersF16);
  }

  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    return (await this.backend()).prepare(request);
  }

  async calibrate(dtype: DType): Promise<Roofline> {
    return (await this.backend()).calibrate(dtype);
  }

  async reset(): Promise<void> {
    await (await this.backend()).reset();
  }

  async dispose(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    await (await started?.catch(() => undefined))?.dispose();
  }
}
