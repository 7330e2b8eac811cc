/** float16 in every backend's support table: only wgsl on a shader-f16 device runs it, every other answer says why not. */
import { describe, expect, it } from 'vitest';
import { createJsBackend } from '../../engine/backends/js.js';
import { createReferenceBackend } from '../../engine/backends/reference.js';
import { MIXERS } from '../../engine/registry.js';
import { gpujsSupport } from '../gpujs/backend.js';
import { NO_SHADER_F16, wgslSupport } from './backend.js';
import { findPlan } from './plans/index.js';

const forms = MIXERS.flatMap((mixer) => mixer.forms.map((form) => ({ mixer, form, planned: findPlan(mixer.id, form.id) !== undefined })));

describe('float16 support', () => {
  it('wgsl runs every planned form in float16 on a shader-f16 device, as faithfully as in float32', () => {
    for (const { mixer, form, planned } of forms) {
      const f16 = wgslSupport(mixer, form, 'float16', true);
      expect(f16).toEqual(wgslSupport(mixer, form, 'float32'));
      expect(f16.supported).toBe(planned);
    }
    expect(forms.filter((f) => f.planned).length).toBeGreaterThan(20);
  });

  it('wgsl without shader-f16, the CPU backends and gpu.js refuse float16 with a reason', () => {
    const js = createJsBackend();
    const reference = createReferenceBackend();
    for (const { mixer, form, planned } of forms) {
      const wgsl = wgslSupport(mixer, form, 'float16');
      expect(wgsl.supported).toBe(false);
      expect(wgsl.note).toBe(planned ? NO_SHADER_F16 : `no WGSL kernel for ${mixer.id}/${form.id} yet`);
      for (const answer of [js.support(mixer, form, 'float16'), reference.support(mixer, form, 'float16'), gpujsSupport(mixer, form, 'float16')]) {
        expect(answer.supported).toBe(false);
        expect(answer.note).toMatch(/float/);
      }
    }
  });
});
