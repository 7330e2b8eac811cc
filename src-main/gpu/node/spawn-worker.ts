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
}

export function spawnWorkerBackend(options: NodeWorkerOptions = {}): HostBackend {
  return spawnHostBackend('wgsl', wgslSupport, options);
}
