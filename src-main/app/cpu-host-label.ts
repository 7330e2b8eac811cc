/** The CPU backends the app runs in utility processes, and how probes and records name their host. */
import type { BackendId } from '../engine/core/backend.js';

export const UTILITY_BACKENDS = ['js', 'reference', 'gpujs-cpu', 'gpujs-webasm'] as const satisfies readonly BackendId[];
export type UtilityBackendId = (typeof UTILITY_BACKENDS)[number];

export function utilityHostLabel(id: BackendId): string {
  return `electron-utility (${id})`;
}
