import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP_SETTINGS } from '@engine/sweep/settings.js';
import type { BackendProbeRecord } from '@contract/index.js';
import { formFromSettings, settingsFromForm } from './settings-form.js';
import { validateForm } from './validate-form.js';

const JS: BackendProbeRecord = { id: 'js', available: true, host: 'node', dtypes: ['float64', 'float32'] };
const WGSL: BackendProbeRecord = { id: 'wgsl', available: true, host: 'node-worker', dtypes: ['float32'] };
const good = () => formFromSettings({ ...DEFAULT_SWEEP_SETTINGS, backends: ['js'] }, { 'softmax-attention': ['materialized', 'fused'] }, 'quick');

describe('validateForm', () => {
  it('accepts the defaults and turns them into settings the contract takes', () => {
    const form = good();
    expect(validateForm(form, [JS])).toEqual({});
    const settings = settingsFromForm(form);
    expect(settings.mixers).toEqual(['softmax-attention']);
    expect(settings.forms).toEqual({ 'softmax-attention': ['materialized', 'fused'] });
    expect(settings.lengths).toEqual([128, 256, 512, 1024, 2048]);
  });

  it('explains each bad field in one line', () => {
    const form = { ...good(), d: '0', heads: '1.5', batch: '', lengthPreset: 'custom' as const, customLengths: '64, x' };
    expect(validateForm(form, [JS])).toEqual({
      d: 'd must lie in [1, 4096]; got 0',
      heads: "heads must be a whole number; got '1.5'",
      batch: 'batch is empty',
      lengths: "each L must be a whole number in [1, 1048576]; got '64, x'",
    });
  });

  it('refuses a run with nothing to measure', () => {
    const form = { ...good(), forms: { 'softmax-attention': [] }, backends: [] };
    expect(validateForm(form, [JS])).toMatchObject({ forms: 'pick at least one form of one mixer', backends: 'pick at least one backend' });
  });

  it('names a backend the probe did not find, and a dtype a backend cannot compute in', () => {
    expect(validateForm({ ...good(), backends: ['js', 'wgsl'] }, [JS]).backends).toBe('not available here: wgsl');
    expect(validateForm({ ...good(), backends: ['wgsl'], dtype: 'float64' }, [WGSL]).dtype).toBe('wgsl cannot compute in float64');
  });

  it('sorts and deduplicates a custom length list', () => {
    const form = { ...good(), lengthPreset: 'custom' as const, customLengths: '256 64,64  128' };
    expect(validateForm(form, [JS])).toEqual({});
    expect(settingsFromForm(form).lengths).toEqual([64, 128, 256]);
  });
});
