/** Reading a comparison from untrusted JSON: format and version first, then every field. */
import { MixscopeError } from '../core/errors.js';
import { describeIssue } from '../record/issue.js';
import { COMPARISON_FORMAT, COMPARISON_VERSION, comparisonSchema, type Comparison } from './schema.js';

export function parseComparison(json: unknown): Comparison {
  const head = (json ?? {}) as { format?: unknown; version?: unknown };
  if (typeof json !== 'object' || Array.isArray(json) || head.format !== COMPARISON_FORMAT) {
    throw new MixscopeError(`format: expected '${COMPARISON_FORMAT}', got ${JSON.stringify(head.format) ?? 'nothing'}`, 'invalid-record');
  }
  if (head.version !== COMPARISON_VERSION) {
    throw new MixscopeError(`version: this mixscope reads comparison version ${COMPARISON_VERSION}, got ${JSON.stringify(head.version) ?? 'nothing'}`, 'invalid-record');
  }
  const result = comparisonSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new MixscopeError(first ? describeIssue(first, json) : 'invalid comparison', 'invalid-record');
  }
  return result.data;
}
