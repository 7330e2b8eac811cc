/**
 * Configurations of the scans across L (the SSM/SSD/Hydra scans, SSD's pass over chunk states):
 * `sequential`, one invocation per state element stepping through L (common/lane-scan.wgsl), or
 * `parallel`, a blocked work-efficient scan across L (common/segment-scan.wgsl and
 * common/affine-scan-tree.wgsl). A plan that has both gives the parallel passes as
 * `parallelPasses`; the backend runs them when its scan configuration is parallel. Which is faster
 * depends on the device (how many state elements fill it, what a barrier costs), so the autotuner
 * picks per device (autotune-scan.ts).
 */
import type { KernelConfig } from '../../engine/core/backend.js';
import type { FormPlan } from './plan.js';

export interface ScanConfig {
  readonly mode: 'sequential' | 'parallel';
}

/** The fixed default: today's token loop. */
export const DEFAULT_SCAN: ScanConfig = { mode: 'sequential' };

/** Every configuration the autotuner may pick (both run on every device: 256 invocations, ≤ 8 KiB). */
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

/**
 * The point's configuration record when its plan has a scan choice: the matmul tile's record (if
 * any) with `scan` added, or a scan record alone. Its source is the scan's when the matmul tile's
 * was not tuned in this calibration, so a fresh choice is never recorded as cached.
 */
export function withScanConfig(matmul: KernelConfig | undefined, config: ScanConfig, source: KernelConfig['source']): KernelConfig {
  if (!matmul) return { kernel: 'wgsl-scan', params: { scan: config.mode }, source };
  return { ...matmul, params: { ...matmul.params, scan: config.mode }, source: source === 'autotuned' ? 'autotuned' : matmul.source };
}
