/**
 * The app's backend table, importing nothing it does not use (no Dawn, no page host, no gpu.js in
 * main): the CPU kernels (`js`, `reference`, gpu.js `cpu` and `webasm`) each in a utility process,
 * every GPU backend (`wgsl`, gpu.js `webgpu` and `webgl2`) in the hidden compute window on
 * Chromium's WebGPU / WebGL2. headless-gl is a native module for Node and is not offered.
 */
import type { Backend, BackendId } from '../engine/core/backend.js';
import { HostBackend, type ComputeHost } from '../gpu/node/host-backend.js';
import type { BackendFactories } from '../services/backend-pool.js';
import { UTILITY_BACKENDS, utilityHostLabel, type UtilityBackendId } from './cpu-host-label.js';

export const WINDOW_BACKENDS = ['wgsl', 'gpujs-webgpu', 'gpujs-webgl2'] as const satisfies readonly BackendId[];
export type WindowBackendId = (typeof WINDOW_BACKENDS)[number];

export interface AppBackendOptions {
  /** Starts a CPU backend's utility process (compute-host.ts). */
  readonly utilityHost: (id: UtilityBackendId) => ComputeHost;
  /** A GPU backend of the hidden compute window, by id (ComputeWindowHost.backend). */
  readonly windowBackend: (id: WindowBackendId) => Backend | Promise<Backend>;
}

export function appBackendFactories({ utilityHost, windowBackend }: AppBackendOptions): BackendFactories {
  const factories: BackendFactories = {};
  // The host answers support questions itself (its table comes with the first probe).
  for (const id of UTILITY_BACKENDS) factories[id] = () => new HostBackend(() => utilityHost(id), { id, label: utilityHostLabel(id) });
  for (const id of WINDOW_BACKENDS) factories[id] = () => windowBackend(id);
  return factories;
}

export function appAbsentReason(id: BackendId): string {
  return id === 'gpujs-headlessgl' ? 'headless-gl is a native module for Node; the app runs gpu.js on the compute window\'s WebGL2 instead' : `${id} is not offered by the app`;
}
