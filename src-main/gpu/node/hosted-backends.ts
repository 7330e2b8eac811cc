/**
 * What a compute host process can serve, by backend id: each one imported only when asked for, so
 * a host of the CPU kernels never loads Dawn, gpu.js or a native module.
 */
import type { BackendId } from '../../engine/core/backend.js';
import { MixscopeError } from '../../engine/core/errors.js';
import { defaultUserDataDir } from '../../services/data-dir.js';
import { CPU_CLOCK_NOTE, processCpuClock } from './cpu-clock.js';
import { CPU_HOST_BACKENDS, warmAllocator } from './cpu-host-env.js';
import type { HostedBackend } from './serve-backend.js';

export interface HostedOptions {
  /** Dawn routes for `wgsl` and gpu.js `webgpu` (MIXSCOPE_DAWN_ROUTES). */
  readonly routes?: readonly import('./dawn.js').DawnRoute[] | undefined;
  readonly memoryBudgetBytes?: number | undefined;
  /** The user-data folder for wgsl's tuning cache (default: MIXSCOPE_USER_DATA, else the app's folder for this platform). */
  readonly tuningCacheDir?: string | undefined;
  /** Tests only: wgsl runs float16 with emulated f16 storage where the adapter lacks shader-f16. */
  readonly emulateF16?: boolean | undefined;
}

/** The label a host's backend carries in probes and point records before it has started. */
export function hostedLabel(id: BackendId): string {
  // The label is what records and comparisons keep of the host, so it names the clock where the
  // host does not time on the wall clock.
  return id === 'js' ? `node-host (js, ${CPU_CLOCK_NOTE})` : `node-host (${id})`;
}

export async function makeHostedBackend(id: BackendId, options: HostedOptions = {}): Promise<HostedBackend> {
  const host = hostedLabel(id);
  if (CPU_HOST_BACKENDS.includes(id)) warmAllocator();
  switch (id) {
    case 'js': {
      const { createJsBackend } = await import('../../engine/backends/js.js');
      return { backend: createJsBackend({ host, now: processCpuClock }), host };
    }
    case 'reference': {
      const { createReferenceBackend } = await import('../../engine/backends/reference.js');
      return { backend: createReferenceBackend({ host }), host };
    }
    case 'gpujs-webgpu':
    case 'gpujs-headlessgl':
    case 'gpujs-webasm':
    case 'gpujs-cpu': {
      const { nodeGpujsBackend } = await import('../gpujs/node-host.js');
      const backend = nodeGpujsBackend(id.slice('gpujs-'.length) as 'webgpu' | 'headlessgl' | 'webasm' | 'cpu');
      return { backend, host };
    }
    case 'wgsl': {
      const [{ DAWN_ROUTES, createDawnDevice, dawnHostLabel }, { WgslBackend }, { fileShaderLoader }, { fileTuningCache }] = await Promise.all([
        import('./dawn.js'),
        import('../wgsl/backend.js'),
        import('./shader-files.js'),
        import('./tuning-cache.js'),
      ]);
      const cacheDir = options.tuningCacheDir ?? (process.env['MIXSCOPE_USER_DATA'] || defaultUserDataDir());
      const dawn = await createDawnDevice(options.routes ?? DAWN_ROUTES);
      const label = dawnHostLabel(dawn.route, 'node-host');
      const backend = new WgslBackend({
        device: dawn.device,
        loadShader: fileShaderLoader(),
        host: label,
        // A new device from the same route that worked.
        recreateDevice: async () => (await createDawnDevice([dawn.route])).device,
        ...(options.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: options.memoryBudgetBytes }),
        ...(cacheDir ? { tuningCache: fileTuningCache(cacheDir) } : {}),
        ...(options.emulateF16 ? { emulateF16: true } : {}),
      });
      return { backend, host: label };
    }
    default:
      throw new MixscopeError(`a Node compute host cannot serve '${id}'`, 'backend-unavailable');
  }
}
