/**
 * v2 → v3: sampling details per point, CIs on fit exponents and crossovers, calibration validity,
 * and the sampling settings. Additive: every new field is optional, and a v2 record says nothing
 * about them (its fits were least squares without CIs, its samples a fixed count), so nothing is
 * invented here; the version alone changes.
 */
import type { JsonRecord } from '../migrate.js';

export function v2ToV3(record: JsonRecord): JsonRecord {
  return { ...record, version: 3 };
}
