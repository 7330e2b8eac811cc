/**
 * Configurations of the register-blocked tile (shaders/common/tile-memory.wgsl) that the
 * matmul-shaped passes (plans marked `tuning: 'matmul'`) and the calibration matmul compile with.
 * The output tile stays 64×64, so the plans' workgroup counts hold for every configuration; what
 * varies is the micro-tile per invocation (MICRO_M×4, hence the workgroup 16 × 64/MICRO_M) and how
 * much of the inner index each stage holds in workgroup memory (DEPTH).
 */

export interface MatmulConfig {
  /** Rows of the micro-tile per invocation (columns are always 4, one vec4). */
  readonly microM: 4 | 8;
  /** Inner-index depth of one workgroup-memory stage. */
  readonly depth: 8 | 16 | 32;
}

/** The fixed default: 4×4 per invocation on 16×16 invocations, 16 deep (today's tile shape, now vec4). */
export const DEFAULT_MATMUL: MatmulConfig = { microM: 4, depth: 16 };

/** Every configuration the autotuner may pick. */
export const MATMUL_CONFIGS: readonly MatmulConfig[] = [
  { microM: 4, depth: 8 },
  { microM: 4, depth: 16 },
  { microM: 4, depth: 32 },
  { microM: 8, depth: 8 },
  { microM: 8, depth: 16 },
  { microM: 8, depth: 32 },
];

const TILE = 64;
/** Room left for a pass's own workgroup arrays beside the tile (SSD's decay sums take 1.5 KiB). */
const OWN_WORKGROUP_BYTES = 2048;

export function matmulInvocations(config: MatmulConfig): number {
  return (TILE / 4) * (TILE / config.microM);
}

/** Workgroup memory of the two operand stages, bytes. */
export function matmulWorkgroupBytes(config: MatmulConfig): number {
  return 2 * config.depth * TILE * 4;
}

/** The configurations this device's limits admit (the default always does: 256 invocations, 8 KiB). */
export function matmulConfigsFor(limits: Pick<GPUSupportedLimits, 'maxComputeWorkgroupStorageSize' | 'maxComputeInvocationsPerWorkgroup'>): MatmulConfig[] {
  return MATMUL_CONFIGS.filter(
    (c) => matmulWorkgroupBytes(c) + OWN_WORKGROUP_BYTES <= limits.maxComputeWorkgroupStorageSize && matmulInvocations(c) <= limits.maxComputeInvocationsPerWorkgroup,
  );
}

/** The pipeline-overridable constants of a configuration. */
export function matmulConstants(config: MatmulConfig): Record<string, number> {
  return { MICRO_M: config.microM, DEPTH: config.depth };
}

/** '64×64 tile, 8×4 per invocation (16×8), depth 16' */
export function matmulLabel(config: MatmulConfig): string {
  return `64×64 tile, ${config.microM}×4 per invocation (16×${TILE / config.microM}), depth ${config.depth}`;
}

/**
 * FLOPs per word loaded from workgroup memory in the inner loop: per step of the inner index an
 * invocation loads MICRO_M + 4 words (as MICRO_M/4 + 1 vec4s) for MICRO_M·4 multiply-adds.
 */
export function matmulIntensity(config: MatmulConfig): { flopsPerWord: number; flopsPerLoad: number } {
  const fmas = config.microM * 4;
  return { flopsPerWord: (2 * fmas) / (config.microM + 4), flopsPerLoad: (2 * fmas) / (config.microM / 4 + 1) };
}
