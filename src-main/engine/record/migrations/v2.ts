/**
 * v1 → v2: the run status 'interrupted' was added (a run whose process died mid-sweep, reopened
 * with every point whose write completed). Additive: a v1 record is a valid v2 record once its
 * version says so, and a v1 'running' record stays 'running' (the store decides, on opening it,
 * whether its writer is gone).
 */
import type { JsonRecord } from '../migrate.js';

export function v1ToV2(record: JsonRecord): JsonRecord {
  return { ...record, version: 2 };
}
