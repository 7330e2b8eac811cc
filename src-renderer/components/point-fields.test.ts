import { describe, expect, it } from 'vitest';
import { fixturePoint, LINEAR } from '../charts/fixture-run.js';
import { extraFields } from './point-fields.js';

describe('extraFields', () => {
  it('has nothing extra to show on a v1 point', () => {
    expect(extraFields(fixturePoint(LINEAR, 64))).toEqual({ kernel: [], other: [] });
  });

  it("shows a newer record's kernel configuration and other fields as they are", () => {
    const point = { ...fixturePoint(LINEAR, 64), kernelConfig: { kernel: 'matmul-vec4', params: { MICRO_M: 4, DEPTH: 16 }, source: 'autotuned' as const }, stopReason: 'ci-met' };
    expect(extraFields(point)).toEqual({
      kernel: [{ name: 'kernelConfig', text: 'matmul-vec4 MICRO_M=4, DEPTH=16 (autotuned)' }],
      other: [{ name: 'stopReason', text: 'ci-met' }],
    });
  });
});
