/**
 * Problem sizes of the gpu.js conformance tests (Node and page hosts). The long length runs with
 * a small d, and only where the kernel's real cost on a software device stays in seconds.
 */
import type { SweepShape } from '../../engine/core/mixer.js';

export const SHORT_SHAPE: SweepShape = { L: 0, d: 8, dv: 6, state: 4 };
export const LONG_SHAPE: SweepShape = { L: 2048, d: 4, dv: 4, state: 2 };

/** Forms whose gpu.js kernels cost more than O(L²·d·dv) at L = 2048 (O(L³) mask), by `mixer form`. */
const TOO_COSTLY_AT_LONG_L: ReadonlySet<string> = new Set(['masked-attention quadratic']);

export function longLengthAllowed(_backendId: string, mixerId: string, formId: string): boolean {
  return !TOO_COSTLY_AT_LONG_L.has(`${mixerId} ${formId}`);
}
