/** The `wgsl` backend on Dawn in a compute host process (see host-process.ts). */
import { wgslSupport } from '../wgsl/backend.js';
import type { DawnRoute } from './dawn.js';
import type { HostBackend, HostDeadlines } from './host-backend.js';
import { spawnHostBackend } from './host-process.js';

export interface NodeWorkerOptions {
  /** Dawn routes to try, in order (default: default → SwiftShader Vulkan → llvmpipe). */
  readonly routes?: readonly DawnRoute[] | undefined;
  readonly memoryBudgetBytes?: number;
  readonly deadlines?: HostDeadlines;
  /** Tests only: float16 on emulated f16 storage where the adapter lacks shader-f16. */
  readonly emulateF16?: boolean;
}

export function spawnWorkerBackend(options: NodeWorkerOptions = {}): HostBackend {
  // float16 depends on the device (shader-f16), which only the host's probe knows: support follows
  // the last probe, and says float16 is not offered before there is one.
  return spawnHostBackend('wgsl', (mixer, form, dtype, probe) => wgslSupport(mixer, form, dtype, probe?.available === true && probe.dtypes.includes('float16')), options);
}
