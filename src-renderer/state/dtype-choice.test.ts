import { describe, expect, it } from 'vitest';
import type { BackendProbeRecord } from '@contract/index.js';
import { dtypeOptions, float16Unavailable } from './dtype-choice.js';

const JS: BackendProbeRecord = { id: 'js', available: true, host: 'node', dtypes: ['float64', 'float32'] };
const adapter = { vendor: 'google', architecture: 'swiftshader', device: 'SwiftShader Device', description: 'SwiftShader Device (Subzero)', software: true };
const WGSL: BackendProbeRecord = { id: 'wgsl', available: true, host: 'node-host', adapter, features: ['timestamp-query'], dtypes: ['float32'] };
const WGSL_F16: BackendProbeRecord = { ...WGSL, features: ['shader-f16', 'timestamp-query'], dtypes: ['float32', 'float16'] };

describe('the dtype choice', () => {
  it('offers float16 where a backend does', () => {
    expect(dtypeOptions([JS, WGSL_F16])).toEqual([
      { value: 'float32', disabled: false },
      { value: 'float64', disabled: false },
      { value: 'float16', disabled: false },
    ]);
  });

  it('lists float16 disabled, with the reason, everywhere else', () => {
    expect(dtypeOptions([JS, WGSL])[2]).toEqual({ value: 'float16', disabled: true, reason: "float16 needs an adapter with shader-f16; wgsl's (SwiftShader Device (Subzero)) has none" });
    expect(float16Unavailable([JS])).toBe('float16 runs only on the wgsl backend, which is not offered here');
    expect(float16Unavailable([JS, { id: 'wgsl', available: false, reason: 'no WebGPU adapter', host: 'page', dtypes: [] }])).toBe(
      'float16 runs only on the wgsl backend, unavailable here: no WebGPU adapter',
    );
    // An unavailable backend that would offer it does not count.
    expect(float16Unavailable([{ ...WGSL_F16, available: false, reason: 'device lost' }])).toMatch(/unavailable here: device lost/);
  });
});
