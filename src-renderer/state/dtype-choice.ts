/**
 * The dtypes the run form offers. float16 is always listed, so that a user learns it exists, but
 * disabled with the reason where no backend offers it (it needs the wgsl backend on an adapter with
 * shader-f16); float64 and float32 are checked against the chosen backends by validate-form.ts.
 */
import type { BackendProbeRecord } from '@contract/index.js';
import type { DType } from '@engine/core/tensor.js';

export interface DtypeOption {
  readonly value: DType;
  readonly disabled: boolean;
  /** Why it is disabled. */
  readonly reason?: string;
}

/** Why no backend offers float16, or undefined when one does. */
export function float16Unavailable(backends: readonly BackendProbeRecord[]): string | undefined {
  if (backends.some((b) => b.available && b.dtypes.includes('float16'))) return undefined;
  const wgsl = backends.find((b) => b.id === 'wgsl');
  if (!wgsl) return 'float16 runs only on the wgsl backend, which is not offered here';
  if (!wgsl.available) return `float16 runs only on the wgsl backend, unavailable here: ${wgsl.reason ?? 'no reason given'}`;
  const adapter = wgsl.adapter?.description || wgsl.adapter?.device || 'its adapter';
  return `float16 needs an adapter with shader-f16; wgsl's (${adapter}) has none`;
}

export function dtypeOptions(backends: readonly BackendProbeRecord[]): DtypeOption[] {
  const f16 = float16Unavailable(backends);
  return [
    { value: 'float32', disabled: false },
    { value: 'float64', disabled: false },
    f16 === undefined ? { value: 'float16', disabled: false } : { value: 'float16', disabled: true, reason: f16 },
  ];
}
