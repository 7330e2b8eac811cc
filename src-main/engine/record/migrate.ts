/**
 * Reading records written by older versions of mixscope: a user's saved runs survive an upgrade.
 * `MIGRATIONS[n]` turns a version-n record (plain JSON, not yet validated) into a version-(n+1)
 * one; `migrateRecord` applies the chain from the file's version up to RECORD_VERSION, and the
 * result is then validated against the current schema like any other record. Each step lives in
 * `migrations/vN.ts` beside a golden file `golden/valid-vN.json` that the tests read back.
 */
import { MixscopeError } from '../core/errors.js';
import { v1ToV2 } from './migrations/v2.js';
import { v2ToV3 } from './migrations/v3.js';
import { v3ToV4 } from './migrations/v4.js';
import { v4ToV5 } from './migrations/v5.js';
import { v5ToV6 } from './migrations/v6.js';
import { v6ToV7 } from './migrations/v7.js';

export type JsonRecord = Record<string, unknown>;
export type Migration = (record: JsonRecord) => JsonRecord;

/** Version n → n+1, one entry per format change after v1 (see the history in schema.ts). */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: v1ToV2,
  2: v2ToV3,
  3: v3ToV4,
  4: v4ToV5,
  5: v5ToV6,
  6: v6ToV7,
};

/** Applies every step from `from` up to `to`; a missing step is a bug in this table, named as such. */
export function migrateRecord(record: JsonRecord, from: number, to: number): JsonRecord {
  let current = record;
  for (let version = from; version < to; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new MixscopeError(`version: no migration from ${version} to ${version + 1}`, 'invalid-record');
    current = { ...step(current), version: version + 1 };
  }
  return current;
}
