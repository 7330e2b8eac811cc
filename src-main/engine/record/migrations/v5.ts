/**
 * v4 → v5: the optional point field `kernelConfig` was added (the kernel configuration a point
 * was compiled with and whether it was autotuned, cached or the default). Additive: every v4
 * record is a valid v5 record once its version says so; its points simply have none.
 */
import type { JsonRecord } from '../migrate.js';

export function v4ToV5(record: JsonRecord): JsonRecord {
  return { ...record, version: 5 };
}
