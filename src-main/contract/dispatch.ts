/**
 * The main side's half of the contract, shared by the IPC and WebSocket transports: a method name
 * and an untrusted payload in, an envelope out. The request is validated before any handler sees
 * it and the response is validated before it leaves, so neither side can be handed a malformed
 * object; errors become `{ok: false, error}` with their code and one-line message.
 */
import type { RequestOf, ResponseOf } from './api.js';
import { ContractError, fail, isErrorCode, succeed, type Envelope } from './envelope.js';
import type { MethodName } from './names.js';
import { isMethodName, parseRequest, parseResponse } from './validate.js';

export type Handlers = { [M in MethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> };

export type Dispatch = (method: unknown, payload: unknown) => Promise<Envelope<unknown>>;

/** MixscopeError (engine) and ContractError both carry a `code`; anything else is a bug. */
function toEnvelope(err: unknown): Envelope<never> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    if (err instanceof ContractError || isErrorCode(code)) return fail(isErrorCode(code) ? code : 'internal', err.message);
    return fail('internal', `internal error: ${err.message}`);
  }
  return fail('internal', `internal error: ${String(err)}`);
}

export function createDispatch(handlers: Handlers): Dispatch {
  return async (method, payload) => {
    if (!isMethodName(method)) return fail('invalid-request', `unknown method ${JSON.stringify(method)}`);
    try {
      const request = parseRequest(method, payload);
      const handler = handlers[method] as (request: unknown) => Promise<unknown>;
      return succeed(parseResponse(method, await handler(request)));
    } catch (err) {
      return toEnvelope(err);
    }
  };
}
