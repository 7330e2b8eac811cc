/**
 * v5 → v6: the dtype 'float16' was added (points, settings, calibration, probes). Additive: every
 * v5 record is a valid v6 record once its version says so; it simply has no float16 point.
 */
import type { JsonRecord } from '../migrate.js';

export function v5ToV6(record: JsonRecord): JsonRecord {
  return { ...record, version: 6 };
}
