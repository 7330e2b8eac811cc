/**
 * Which forms have no WGSL kernel yet, stated explicitly: the list shrinks as kernels land and a
 * new mixer cannot slip in without either a kernel or an entry here. Needs no device.
 */
import { describe, expect, it } from 'vitest';
import { MIXERS } from '../../engine/registry.js';
import { WGSL_PLANS } from './plans/index.js';

const WITHOUT_KERNEL: readonly string[] = [
];

describe('wgsl kernel coverage', () => {
  it('lists exactly the registered forms that have no WGSL plan', () => {
    const missing = MIXERS.flatMap((m) => m.forms.filter((f) => !WGSL_PLANS[m.id]?.[f.id]).map((f) => `${m.id}/${f.id}`));
    expect([...missing].sort()).toEqual([...WITHOUT_KERNEL].sort());
  });

  it('plans only forms that exist', () => {
    for (const [mixerId, plan] of Object.entries(WGSL_PLANS)) {
      const mixer = MIXERS.find((m) => m.id === mixerId);
      expect(mixer, mixerId).toBeDefined();
      for (const formId of Object.keys(plan)) expect(mixer!.forms.map((f) => f.id)).toContain(formId);
    }
  });
});
