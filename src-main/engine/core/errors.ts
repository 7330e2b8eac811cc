/**
 * An error whose message is one clear line for a user: what is wrong and where.
 * The CLI prints `message` alone (no stack) and exits non-zero; the app shows it next to the field.
 */
export class MixscopeError extends Error {
  constructor(
    message: string,
    readonly code: MixscopeErrorCode = 'invalid-input',
  ) {
    super(message);
    this.name = 'MixscopeError';
  }
}

export type MixscopeErrorCode =
  | 'invalid-input'
  | 'unknown-mixer'
  | 'unknown-form'
  | 'unknown-backend'
  | 'backend-unavailable'
  | 'unsupported'
  | 'over-limit'
  | 'over-budget'
  | 'device-lost'
  | 'cancelled'
  | 'invalid-record'
  | 'io';

/** A point that needs more memory than the device (or the budget) allows. */
export class OverLimitError extends MixscopeError {
  constructor(
    message: string,
    readonly neededBytes: number,
    readonly availableBytes: number,
  ) {
    super(message, 'over-limit');
    this.name = 'OverLimitError';
  }
}

export class DeviceLostError extends MixscopeError {
  constructor(message: string) {
    super(message, 'device-lost');
    this.name = 'DeviceLostError';
  }
}

/**
 * The process hosting a kernel (a compute host, the app's compute window) died under a call: a
 * device loss of a kind the point record names apart ('host-crashed'), since the host is
 * restarted rather than the device.
 */
export class HostCrashedError extends DeviceLostError {
  constructor(message: string) {
    super(message);
    this.name = 'HostCrashedError';
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
