/**
 * Problem sizes of the gpu.js conformance tests (Node and page hosts). The long length runs with
 * a small d, and only where the kernel's real cost on a software device stays in seconds.
 */
import type { SweepShape } from '../../engine/core/mixer.js';

export const SHORT_SHAPE: SweepShape = { L: 0, d: 8, dv: 6, state: 4 };
export const LONG_SHAPE: SweepShape = { L: 2048, d: 4, dv: 4, state: 2 };

/** Forms whose gpu.js kernels cost more than O(L²·d·dv) at L = 2048 (O(L³) mask), by `mixer form`. */
const TOO_COSTLY_AT_LONG_L: ReadonlySet<string> = new Set(['masked-attention quadratic']);

/**
 * Forms whose inputs at L = 2048 the page host cannot carry: MLP-Mixer's weights W1 and W2 hold
 * 2·h·L = 4L² values (16.8M), and sending them to the page (base64 float64 through Playwright)
 * closes headless Chromium's renderer whatever the backend (L = 1024 passes, in seconds).
 * The Node host runs them at L = 2048.
 */
const TOO_LARGE_FOR_THE_PAGE_AT_LONG_L: ReadonlySet<string> = new Set(['mlp-mixer dense']);

/** `host` is the backend probe's host ('node …', 'page (Chromium)'). */
export function longLengthAllowed(_backendId: string, mixerId: string, formId: string, host = 'node'): boolean {
  const name = `${mixerId} ${formId}`;
  if (host.startsWith('page') && TOO_LARGE_FOR_THE_PAGE_AT_LONG_L.has(name)) return false;
  return !TOO_COSTLY_AT_LONG_L.has(name);
}
