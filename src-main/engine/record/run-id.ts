/**
 * The one run id schema of mixscope: the record's `id`, the run store's file names and every
 * contract payload that names a run check ids with it, so an id that one part accepts is never
 * refused by another (a record imported with a 200-character id used to break the history list).
 * Ids name files: letters, digits, '.', '_', '-', starting with a letter or digit, at most 128 characters.
 */
import { z } from 'zod';

export const RUN_ID_MAX_LENGTH = 128;
const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RUN_ID_RULE = `a run id (letters, digits, '.', '_', '-', starting with a letter or digit, at most ${RUN_ID_MAX_LENGTH} characters)`;

export const runIdSchema = z.string().max(RUN_ID_MAX_LENGTH, `expected ${RUN_ID_RULE}`).regex(RUN_ID_PATTERN, `expected ${RUN_ID_RULE}`);

export function isRunId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= RUN_ID_MAX_LENGTH && RUN_ID_PATTERN.test(id);
}

/** The refusal for a bad id, naming it (shortened: a hostile id can be megabytes long). */
export function runIdProblem(id: string): string {
  const shown = id.length > 40 ? `${id.slice(0, 40)}… (${id.length} characters)` : id;
  return `'${shown}' is not ${RUN_ID_RULE}`;
}
