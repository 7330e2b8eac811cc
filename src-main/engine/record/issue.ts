/**
 * One clear line for the first problem zod found: the path in JavaScript notation
 * (`points[3].samplesMs[0]`) and what was expected there.
 */
import type { z } from 'zod';

export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function lookup(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** `points[3].samplesMs[0]: expected number, got string`. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = issuePath(issue.path);
  if (issue.code === 'invalid_type') {
    const got = lookup(input, issue.path);
    return got === undefined ? `${where}: missing (expected ${issue.expected})` : `${where}: expected ${issue.expected}, got ${describeValue(got)}`;
  }
  const message = issue.message.replace(/^Invalid (input|option): /, '');
  return `${where}: ${message}`;
}
