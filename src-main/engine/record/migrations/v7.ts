/**
 * v6 → v7: a calibration's end probe (`end`, `drift`, `endSkipped`) and the run's `warnings` were
 * added. Additive: a v6 record measured no end probe, so its calibrations have none and it has no
 * drift warning; nothing is invented, the version alone changes.
 */
import type { JsonRecord } from '../migrate.js';

export function v6ToV7(record: JsonRecord): JsonRecord {
  return { ...record, version: 7 };
}
