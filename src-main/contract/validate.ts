/**
 * Runtime checks at the boundary. A bad payload is refused with one line naming the method and
 * the first bad field (`startSweep: lengths[0]: expected number, got string`), never half-used.
 */
import type { z } from 'zod';
import { describeIssue } from '../engine/record/issue.js';
import { EVENTS, METHODS, type EventPayloadOf, type RequestOf, type ResponseOf } from './api.js';
import { ContractError, type ErrorCode } from './envelope.js';
import { EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName } from './names.js';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

function check(schema: z.ZodType, payload: unknown, where: string, code: ErrorCode): unknown {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new ContractError(code, `${where}: ${first ? describeIssue(first, payload) : 'invalid payload'}`);
}

/** `undefined` stands for "no argument" on methods whose request is `{}`. */
export function parseRequest<M extends MethodName>(method: M, payload: unknown): RequestOf<M> {
  return check(METHODS[method].request, payload ?? {}, method, 'invalid-request') as RequestOf<M>;
}

export function parseResponse<M extends MethodName>(method: M, payload: unknown): ResponseOf<M> {
  return check(METHODS[method].response, payload, `${method} response`, 'invalid-response') as ResponseOf<M>;
}

export function parseEvent<E extends EventName>(event: E, payload: unknown): EventPayloadOf<E> {
  return check(EVENTS[event], payload, `${event} event`, 'invalid-response') as EventPayloadOf<E>;
}
