/**
 * How a result crosses a process boundary: `{ ok: true, value }` or `{ ok: false, error }`.
 * Thrown errors lose their fields when Electron serializes them, so handlers never throw across
 * the boundary; the client turns a failed envelope back into a `ContractError`.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  // The engine's MixscopeErrorCode values (src-main/engine/core/errors.ts).
  'invalid-input',
  'unknown-mixer',
  'unknown-form',
  'unknown-backend',
  'backend-unavailable',
  'unsupported',
  'over-limit',
  'over-budget',
  'device-lost',
  'cancelled',
  'invalid-record',
  'io',
  // The boundary's own.
  'invalid-request',
  'invalid-response',
  'forbidden',
  'not-found',
  'busy',
  'transport',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const contractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** One line for a user: what is wrong and where. */
  message: z.string(),
});
export type ContractErrorBody = z.infer<typeof contractErrorSchema>;

export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractErrorBody };

export function envelopeSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: contractErrorSchema }),
  ]);
}

export function succeed<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** A failed call, as the renderer receives it: `message` is what it shows. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}
