/** Reading a run record from untrusted JSON: the format and version first, then every field. */
import { MixscopeError } from '../core/errors.js';
import { describeIssue } from './issue.js';
import { migrateRecord, type JsonRecord } from './migrate.js';
import { RECORD_FORMAT, RECORD_VERSION, runRecordSchema, type RunRecord } from './schema.js';

/**
 * Checks `json` (already JSON.parse'd): format and version first, then an older version is migrated
 * to the current one, then every field is validated; the error names the first bad path.
 */
export function parseRunRecord(json: unknown): RunRecord {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new MixscopeError('not a mixscope run record: expected a JSON object', 'invalid-record');
  }
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== RECORD_FORMAT) {
    throw new MixscopeError(`format: expected '${RECORD_FORMAT}', got ${JSON.stringify(head.format) ?? 'nothing'}`, 'invalid-record');
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > RECORD_VERSION) {
    throw new MixscopeError(
      `version: ${head.version} is newer than this mixscope reads (up to ${RECORD_VERSION}); update mixscope`,
      'invalid-record',
    );
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw new MixscopeError(`version: expected an integer from 1 to ${RECORD_VERSION}, got ${JSON.stringify(head.version) ?? 'nothing'}`, 'invalid-record');
  }
  const current = head.version < RECORD_VERSION ? migrateRecord(json as JsonRecord, head.version, RECORD_VERSION) : json;
  const result = runRecordSchema.safeParse(current);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new MixscopeError(first ? describeIssue(first, current) : 'invalid run record', 'invalid-record');
  }
  return result.data;
}

/** Parses JSON text; a syntax error is reported as such, with the file name when given. */
export function parseRunRecordText(text: string, source = 'run record'): RunRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MixscopeError(`${source} is not valid JSON: ${(err as Error).message}`, 'invalid-record');
  }
  try {
    return parseRunRecord(json);
  } catch (err) {
    if (err instanceof MixscopeError) throw new MixscopeError(`${source}: ${err.message}`, 'invalid-record');
    throw err;
  }
}
