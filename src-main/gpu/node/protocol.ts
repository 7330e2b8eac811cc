/**
 * Messages between the main side and a compute host (a child process under Node, Electron's
 * utilityProcess in the app, or the sweep thread's link to the backends main holds). Inputs and
 * outputs travel as typed-array buffers, transferred where the channel can. Errors travel as
 * data and are rebuilt as the same MixscopeError subclasses.
 */
import type { BackendProbe, KernelConfig, KernelSupport, KernelTiming, Roofline } from '../../engine/core/backend.js';
import { DeviceLostError, HostCrashedError, MixscopeError, OverLimitError, type MixscopeErrorCode } from '../../engine/core/errors.js';
import type { DType, FloatArray } from '../../engine/core/tensor.js';

/** Anything that carries structured-clone messages both ways: a worker, its parentPort, a MessagePort. */
export interface HostChannel {
  send(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  onMessage(handler: (message: unknown) => void): void;
}

export interface WireTensor {
  readonly shape: readonly number[];
  /** In the run's precision: float32 for the GPU backends, float64 or float32 for the CPU ones. */
  readonly data: FloatArray;
}

export interface PrepareMessage {
  readonly mixerId: string;
  readonly formId: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly dtype: DType;
  /**
   * The caller's name for these input sets: the forms of one (mixer, L), and a point prepared
   * again, share them, so the data crosses the channel once and later prepares send the id alone.
   */
  readonly inputsId: number;
  /** PrepareRequest.memoryBudgetBytes. */
  readonly memoryBudgetBytes?: number;
  /** The data, when the caller does not know the serving side to hold `inputsId`. */
  readonly inputs?: Readonly<Record<string, WireTensor>>;
}

/** The answer to an id-only prepare whose inputs the serving side no longer holds: send them again. */
export interface NeedInputsReply {
  readonly needInputs: number;
}

export type HostRequest =
  | { readonly op: 'probe' }
  | { readonly op: 'prepare'; readonly prepare: PrepareMessage }
  | { readonly op: 'run' | 'read' | 'release'; readonly kernel: number }
  /** `count` runs back to back, each timed on its own: one round trip for many samples. */
  | { readonly op: 'runMany'; readonly kernel: number; readonly count: number }
  | { readonly op: 'calibrate'; readonly dtype: DType }
  /** Every mixer/form's support at both dtypes, for a side that does not load the kernel tables. */
  | { readonly op: 'support' }
  | { readonly op: 'reset' | 'dispose' };

/** The most runs one `runMany` may ask for. */
export const MAX_RUNS_PER_CALL = 1024;

export interface PreparedReply {
  readonly kernel: number;
  readonly compileMs: number;
  readonly uploadMs: number;
  readonly allocatedBytes: number;
  readonly auxiliaryBytes: number;
  /** The configuration the kernel was compiled with (wgsl's matmul tile), when the backend chose one. */
  readonly kernelConfig?: KernelConfig;
}

export interface ReadReply {
  readonly output: WireTensor;
  readonly readbackMs: number;
}

/** `mixer/form/dtype` → the backend's answer. */
export type SupportTable = Readonly<Record<string, KernelSupport>>;

export const supportKey = (mixerId: string, formId: string, dtype: DType): string => `${mixerId}/${formId}/${dtype}`;

export type HostResult = BackendProbe | PreparedReply | NeedInputsReply | KernelTiming | readonly KernelTiming[] | ReadReply | Roofline | SupportTable | null;

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
  if (wire.code === 'device-lost') return wire.name === 'HostCrashedError' ? new HostCrashedError(wire.message) : new DeviceLostError(wire.message);
  if (wire.code !== undefined) return new MixscopeError(wire.message, wire.code);
  return new Error(wire.message);
}
