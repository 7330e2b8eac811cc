/** The CPU backends the app runs in utility processes, and how probes and records name their host. */
import type { BackendId } from '../engine/core/backend.js';
import { CPU_CLOCK_NOTE } from '../gpu/node/cpu-clock.js';

export const UTILITY_BACKENDS = ['js', 'reference', 'gpujs-cpu', 'gpujs-webasm'] as const satisfies readonly BackendId[];
export type UtilityBackendId = (typeof UTILITY_BACKENDS)[number];

/** `js` is timed on the process CPU clock there, as in every compute host (gpu/node/cpu-clock.ts). */
export function utilityHostLabel(id: BackendId): string {
  return id === 'js' ? `electron-utility (js, ${CPU_CLOCK_NOTE})` : `electron-utility (${id})`;
}
