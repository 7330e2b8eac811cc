/**
 * Messages between the main side and a compute host (a worker thread under Node, Electron's
 * utilityProcess in the app). Inputs and outputs travel as Float32Array buffers, transferred where
 * the channel can. Errors travel as data and are rebuilt as the same MixscopeError subclasses.
 */
import type { BackendProbe, KernelTiming, Roofline } from '../../engine/core/backend.js';
import { DeviceLostError, MixscopeError, OverLimitError, type MixscopeErrorCode } from '../../engine/core/errors.js';
import type { DType } from '../../engine/core/tensor.js';

/** Anything that carries structured-clone messages both ways: a worker, its parentPort, a MessagePort. */
export interface HostChannel {
  send(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  onMessage(handler: (message: unknown) => void): void;
}

export interface WireTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface PrepareMessage {
  readonly mixerId: string;
  readonly formId: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly dtype: DType;
  readonly inputs: Readonly<Record<string, WireTensor>>;
}

export type HostRequest =
  | { readonly op: 'probe' }
  | { readonly op: 'prepare'; readonly prepare: PrepareMessage }
  | { readonly op: 'run' | 'read' | 'release'; readonly kernel: number }
  | { readonly op: 'calibrate'; readonly dtype: DType }
  | { readonly op: 'reset' | 'dispose' };

export interface PreparedReply {
  readonly kernel: number;
  readonly compileMs: number;
  readonly uploadMs: number;
  readonly allocatedBytes: number;
  readonly auxiliaryBytes: number;
}

export interface ReadReply {
  readonly output: WireTensor;
  readonly readbackMs: number;
}

export type HostResult = BackendProbe | PreparedReply | KernelTiming | ReadReply | Roofline | null;

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: MixscopeErrorCode;
  readonly neededBytes?: number;
  readonly availableBytes?: number;
}

export type HostReply =
  | { readonly id: number; readonly ok: true; readonly result: HostResult }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

export function toWireError(err: unknown): WireError {
  if (err instanceof OverLimitError) {
    return { name: err.name, message: err.message, code: err.code, neededBytes: err.neededBytes, availableBytes: err.availableBytes };
  }
  if (err instanceof MixscopeError) return { name: err.name, message: err.message, code: err.code };
  return { name: 'Error', message: err instanceof Error ? err.message : String(err) };
}

export function fromWireError(wire: WireError): Error {
  if (wire.code === 'over-limit' && wire.neededBytes !== undefined) {
    return new OverLimitError(wire.message, wire.neededBytes, wire.availableBytes ?? 0);
  }
  if (wire.code === 'device-lost') return new DeviceLostError(wire.message);
  if (wire.code !== undefined) return new MixscopeError(wire.message, wire.code);
  return new Error(wire.message);
}
