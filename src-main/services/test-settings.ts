/** The smallest real sweep the service tests run: one mixer, one form, the js backend, tiny L. */
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '../engine/sweep/settings.js';

export const TINY_SWEEP: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: [8, 16, 32, 64],
  d: 8,
  dv: 8,
  warmup: 0,
  repetitions: 1,
  minTimeMs: 0,
  mixers: ['softmax-attention'],
  forms: { 'softmax-attention': ['materialized'] },
  backends: ['js'],
  verify: false,
};
