/** The `wgsl` backend on Dawn in a compute host process (see host-process.ts). */
import type { BackendProbe } from '../../engine/core/backend.js';
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
  let last: BackendProbe | undefined;
  const offersF16 = () => last?.available === true && last.dtypes.includes('float16');
  const backend = spawnHostBackend('wgsl', (mixer, form, dtype) => wgslSupport(mixer, form, dtype, offersF16()), options);
  const probe = backend.probe.bind(backend);
  backend.probe = async () => (last = await probe());
  return backend;
}
