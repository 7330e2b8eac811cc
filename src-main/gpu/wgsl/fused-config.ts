/**
 * Configurations of the register-blocked fused softmax kernel (shaders/softmax-attention/fused.wgsl):
 * query rows per workgroup (ROWS), keys per tile (KEYS) and query rows per invocation (ROWS_PER), as
 * pipeline-overridable constants. A plan whose form runs that kernel gives its passes as a function of
 * the configuration (`fusedPasses`), since the workgroup counts follow ROWS and the value slab; the
 * backend runs the passes of its configuration, picked per device by the autotuner (autotune-fused.ts).
 */
import type { KernelConfig } from '../../engine/core/backend.js';
import type { FormPlan, PlanStep } from './plan.js';

export interface FusedConfig {
  readonly rows: 32 | 64 | 128;
  readonly keys: 32;
  readonly rowsPerInvocation: 4 | 8;
}

/**
 * The fixed default: the scalar kernel's block (32 query rows, key tiles of 32), so its grid and its
 * traffic from global memory are unchanged, now as 4×4 micro-tiles on 64 invocations and 9 KiB,
 * which every device admits.
 */
export const DEFAULT_FUSED: FusedConfig = { rows: 32, keys: 32, rowsPerInvocation: 4 };

/** Every configuration the autotuner may pick. */
export const FUSED_CONFIGS: readonly FusedConfig[] = [
  DEFAULT_FUSED,
  { rows: 64, keys: 32, rowsPerInvocation: 4 },
  { rows: 64, keys: 32, rowsPerInvocation: 8 },
  { rows: 128, keys: 32, rowsPerInvocation: 8 },
];

/** Output registers per invocation, vec4s (the shader's ACC): ROWS_PER × chunks of a slab. */
const ACC_VEC4 = 16;

export function fusedInvocations(c: FusedConfig): number {
  return (c.rows / c.rowsPerInvocation) * (c.keys / 4);
}

/** The shader's Tile and Part arrays, bytes. */
export function fusedWorkgroupBytes(c: FusedConfig): number {
  return 4 * ((c.rows + c.keys) * c.keys + (c.keys / 4) * c.rows);
}

/** Value columns one workgroup accumulates; a wider dv takes more workgroups (dispatch z). */
export function fusedSlabColumns(c: FusedConfig): number {
  return (ACC_VEC4 / c.rowsPerInvocation) * c.keys;
}

/** The configurations this device's limits admit (the default always does: 64 invocations, 9 KiB). */
export function fusedConfigsFor(limits: Pick<GPUSupportedLimits, 'maxComputeWorkgroupStorageSize' | 'maxComputeInvocationsPerWorkgroup'>): FusedConfig[] {
  return FUSED_CONFIGS.filter((c) => fusedWorkgroupBytes(c) <= limits.maxComputeWorkgroupStorageSize && fusedInvocations(c) <= limits.maxComputeInvocationsPerWorkgroup);
}

export function fusedConstants(c: FusedConfig): Record<string, number> {
  return { ROWS: c.rows, KEYS: c.keys, ROWS_PER: c.rowsPerInvocation };
}

/** '32 query rows × 32-key tiles, 4×4 per invocation (64 invocations)' */
export function fusedLabel(c: FusedConfig): string {
  return `${c.rows} query rows × ${c.keys}-key tiles, ${c.rowsPerInvocation}×4 per invocation (${fusedInvocations(c)} invocations)`;
}

export const sameFused = (a: FusedConfig, b: FusedConfig): boolean => a.rows === b.rows && a.keys === b.keys && a.rowsPerInvocation === b.rowsPerInvocation;

/** The one configuration of FUSED_CONFIGS with these values, or undefined (a cache from another version). */
export function knownFusedConfig(value: { rows?: unknown; keys?: unknown; rowsPerInvocation?: unknown }): FusedConfig | undefined {
  return FUSED_CONFIGS.find((c) => c.rows === value.rows && c.keys === value.keys && c.rowsPerInvocation === value.rowsPerInvocation);
}

/** A form plan that runs the fused kernel: its passes for a configuration (`passes` are the default's). */
export interface FusedFormPlan extends FormPlan {
  fusedPasses(config: FusedConfig): readonly PlanStep[];
}

export function hasFusedChoice(plan: FormPlan): plan is FusedFormPlan {
  return typeof (plan as Partial<FusedFormPlan>).fusedPasses === 'function';
}

/** The plan as the configuration runs it. */
export function planForFused(plan: FormPlan, config: FusedConfig): FormPlan {
  return hasFusedChoice(plan) ? { ...plan, passes: plan.fusedPasses(config) } : plan;
}

/** The fused kernel's configuration as a point records it. */
export function fusedKernelConfig(c: FusedConfig, source: KernelConfig['source']): KernelConfig {
  return { kernel: 'wgsl-fused-softmax', params: { rows: c.rows, keys: c.keys, rowsPerInvocation: c.rowsPerInvocation }, source };
}

/**
 * FLOPs per word and per load from workgroup memory in the inner loops. Scores, per step of d: one
 * vec4 of keys and ROWS_PER/4 vec4s of queries for 4·ROWS_PER multiply-adds; P·V, per key: one vec4
 * of values and ROWS_PER/4 vec4s of P for the same (plus ROWS_PER adds of the row sums, not counted).
 */
export function fusedIntensity(c: FusedConfig): { flopsPerWord: number; flopsPerLoad: number } {
  const flops = 2 * 4 * c.rowsPerInvocation;
  return { flopsPerWord: flops / (4 + c.rowsPerInvocation), flopsPerLoad: flops / (1 + c.rowsPerInvocation / 4) };
}

/**
 * The scalar kernel (fused-scalar.wgsl): scores, per step of d, 1 query and 4 key scalars for 4
 * multiply-adds; P·V, per key, 1 P and 4 value scalars for 4; the tile max and row sum re-read the
 * 32 P of the row (64 loads per tile, 0 FLOPs counted). Per tile of 32 keys at depth d and dv ≤ 32:
 * (8d + 256) FLOPs over (5d + 160 + 64) loads; the figure below is the inner loops' 8 / 5.
 */
export const SCALAR_FUSED_INTENSITY = { flopsPerWord: 8 / 5, flopsPerLoad: 8 / 5 };
