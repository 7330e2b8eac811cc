/**
 * v3 → v4: the point status 'host-crashed' was added (the process hosting the kernel died during
 * the point; it was restarted and the sweep went on). Additive: every v3 record is a valid v4
 * record once its version says so.
 */
import type { JsonRecord } from '../migrate.js';

export function v3ToV4(record: JsonRecord): JsonRecord {
  return { ...record, version: 4 };
}
