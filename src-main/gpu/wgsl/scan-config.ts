/**
 * Configurations of the scans across L (the SSM/SSD/Hydra scans, SSD's pass over chunk states, the
 * chunked linear attentions' and retention's carry across chunks, the SSM's matrix): `sequential`,
 * one invocation per state element stepping through L (common/lane-scan.wgsl) or one loop step per
 * chunk, or `parallel`, a blocked work-efficient scan across L (common/segment-scan.wgsl,
 * common/affine-scan-tree.wgsl, common/chunk-carry.wgsl, ssm/log-decay.wgsl). A plan that has both gives the parallel passes as
 * `parallelPasses`; the backend runs them when its scan configuration is parallel. Which is faster
 * depends on the device (how many state elements fill it, what a barrier costs) and on the kind of
 * scan (plan.ts: `ScanKind`), so the autotuner picks per device and kind (autotune-scan.ts).
 */
import type { KernelConfig } from '../../engine/core/backend.js';
import { OverLimitError } from '../../engine/core/errors.js';
import type { BufferSpec, Dims, Params } from '../../engine/core/mixer.js';
import type { FormPlan, ScanKind } from './plan.js';
import type { TuningCache } from './tuning-key.js';

export type { ScanKind } from './plan.js';
export const SCAN_KINDS: readonly ScanKind[] = ['state', 'chunks', 'matrix'];

/** The kind of scan a plan's parallel passes are (plan.ts). */
export function scanKindOf(plan: FormPlan): ScanKind {
  return plan.scanKind ?? 'state';
}

export interface ScanConfig {
  readonly mode: 'sequential' | 'parallel';
}

/** The fixed default: today's token loop. */
export const DEFAULT_SCAN: ScanConfig = { mode: 'sequential' };

/** Every configuration the autotuner may pick (both run on every device: ≤ 256 invocations, ≤ 8.3 KiB of workgroup memory, under WebGPU's 16 KiB minimum). */
export const SCAN_CONFIGS: readonly ScanConfig[] = [{ mode: 'sequential' }, { mode: 'parallel' }];

export function scanLabel(config: ScanConfig): string {
  return config.mode === 'parallel' ? 'parallel scan across L (blocked, Blelloch carries)' : 'sequential scan over L';
}

/** Whether a form's plan has a scan the configuration chooses. */
export function hasScanChoice(plan: FormPlan): boolean {
  return plan.parallelPasses !== undefined;
}

/** The plan as the configuration runs it. */
export function planForScan(plan: FormPlan, config: ScanConfig): FormPlan {
  return config.mode === 'parallel' && plan.parallelPasses ? { ...plan, passes: plan.parallelPasses } : plan;
}

/** What one point runs: the plan, its buffers, the scan mode, and why it is not the configured one. */
export interface ScanVariant {
  readonly plan: FormPlan;
  readonly buffers: readonly BufferSpec[];
  readonly config: ScanConfig;
  readonly fallback?: string;
}

/**
 * The plan and buffers a point runs with under `config`. The parallel variant may need more memory
 * than the cost model's sequential buffers (every chunk's state); `fits` checks a buffer list
 * against the device's limits and the memory budget (throwing OverLimitError), and where the
 * parallel buffers do not fit but the sequential ones do, the point runs sequentially and says why,
 * rather than fail a point the configured default would have measured.
 */
export function scanVariant(
  plan: FormPlan,
  config: ScanConfig,
  buffers: readonly BufferSpec[],
  dims: Dims,
  params: Params,
  fits: (buffers: readonly BufferSpec[]) => void,
): ScanVariant {
  const sequential = (fallback?: string): ScanVariant => {
    fits(buffers);
    return { plan, buffers, config: { mode: 'sequential' }, ...(fallback ? { fallback } : {}) };
  };
  if (config.mode !== 'parallel' || !plan.parallelPasses) return { ...sequential(), config };
  const why = plan.parallelUnsupported?.(dims, params);
  if (why) return sequential(why);
  const parallel = plan.parallelBuffers?.(buffers, dims, params) ?? buffers;
  try {
    fits(parallel);
  } catch (err) {
    if (!(err instanceof OverLimitError)) throw err;
    return sequential(`parallel scan over the limit: ${err.message}`);
  }
  return { plan: planForScan(plan, config), buffers: parallel, config };
}

/**
 * The point's configuration record when its plan has a scan choice: the matmul tile's record (if
 * any) with `scan` added, or a scan record alone. Its source is the scan's when the matmul tile's
 * was not tuned in this calibration, so a fresh choice is never recorded as cached.
 */
export function withScanConfig(matmul: KernelConfig | undefined, config: ScanConfig, source: KernelConfig['source'], fallback?: string): KernelConfig {
  const scan: Record<string, string> = fallback ? { scan: config.mode, scanFallback: fallback } : { scan: config.mode };
  if (!matmul) return { kernel: 'wgsl-scan', params: scan, source };
  return { ...matmul, params: { ...matmul.params, ...scan }, source: source === 'autotuned' ? 'autotuned' : matmul.source };
}

/**
 * The tuning cache keeps each kind's choice under the adapter's key, the kinds past 'state' with
 * the kind appended to the adapter's description (so a file written before the kinds were tuned
 * apart holds only 'state', and all kinds are then tuned afresh). A key stays a JSON array whose
 * last entry is the host route (tuning-key.ts), the form the compute window's lent cache admits.
 */
export function scanCacheKey(key: string, kind: ScanKind): string {
  if (kind === 'state') return key;
  let parts: unknown;
  try {
    parts = JSON.parse(key);
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length < 2) return `${key} · scan ${kind}`;
  const at = parts.length - 2;
  return JSON.stringify(parts.map((part: unknown, i) => (i === at ? `${String(part)} · scan ${kind}` : part)));
}

export async function lookupScans(cache: Pick<TuningCache, 'lookupScan'> | undefined, key: string): Promise<Record<ScanKind, ScanConfig> | undefined> {
  const lookup = cache?.lookupScan?.bind(cache);
  if (!lookup) return undefined;
  const found = await Promise.all(SCAN_KINDS.map((kind) => lookup(scanCacheKey(key, kind))));
  if (found.some((config) => config === undefined)) return undefined;
  return Object.fromEntries(SCAN_KINDS.map((kind, i) => [kind, found[i]!])) as Record<ScanKind, ScanConfig>;
}

export async function storeScans(cache: Pick<TuningCache, 'storeScan'> | undefined, key: string, byKind: Readonly<Record<ScanKind, ScanConfig>>): Promise<void> {
  for (const kind of SCAN_KINDS) await cache?.storeScan?.(scanCacheKey(key, kind), byKind[kind]);
}
