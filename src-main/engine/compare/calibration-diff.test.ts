/**
 * Comparing runs taken on a machine in another state: the calibrated peaks of both runs and their
 * ratio in the environment diff (caveat beyond 10%), and a run whose peak drifted named as such.
 */
import { describe, expect, it } from 'vitest';
import { driftWarnings, withEndProbe } from '../record/drift.js';
import type { Calibration } from '../record/environment.js';
import type { RunRecord } from '../record/schema.js';
import { compareRuns } from './index.js';
import { syntheticRun } from './synthetic.js';

const js = (peak: number): Calibration => ({ backend: 'js', dtype: 'float64', peakMatmulGflops: peak, copyGBs: 10 });

function run(id: string, seed: number, calibration: Calibration[]): RunRecord {
  const r = syntheticRun({ id, seed, lengths: [128, 256], maxSamples: 10 });
  const warnings = driftWarnings(calibration);
  return { ...r, calibration, ...(warnings.length > 0 ? { warnings } : {}) };
}

const diffOf = (c: ReturnType<typeof compareRuns>, field: string) => c.environmentDiff.find((d) => d.field === field);

describe('compare: calibrated peaks and drift', () => {
  it('grades peaks 34% apart a caveat, with both figures and the ratio', () => {
    const c = compareRuns([run('fast', 1, [js(50)]), run('slow', 2, [js(33.2)])]);
    expect(diffOf(c, 'calibration[js].peakMatmulGflops')).toEqual({
      field: 'calibration[js].peakMatmulGflops',
      values: [
        { run: 'fast', value: '50.0 GFLOP/s' },
        { run: 'slow', value: '33.2 GFLOP/s' },
      ],
      grade: 'caveat',
      why: "the machines' calibrated peaks differ by 34% (50.0 vs 33.2 GFLOP/s, ratio 0.664): timings differ for that reason too",
    });
    expect(diffOf(c, 'warnings.calibration-drift')).toBeUndefined();
  });

  it('grades peaks within 10% informative, and leaves equal or missing peaks out', () => {
    const c = compareRuns([run('a', 1, [js(50)]), run('b', 2, [js(47)])]);
    expect(diffOf(c, 'calibration[js].peakMatmulGflops')).toMatchObject({ grade: 'informative', why: 'the calibrated peaks agree within 10% (ratio 0.940)' });
    expect(diffOf(compareRuns([run('a', 1, [js(50)]), run('b', 2, [js(50)])]), 'calibration[js].peakMatmulGflops')).toBeUndefined();
    expect(diffOf(compareRuns([run('a', 1, [js(50)]), run('b', 2, [])]), 'calibration[js].peakMatmulGflops')).toBeUndefined();
  });

  it('names a run whose machine changed speed under it', () => {
    const drifted = run('drifted', 2, [withEndProbe(js(50), { peakMatmulGflops: 33.2, copyGBs: 9 })]);
    const steady = run('steady', 1, [withEndProbe(js(49), { peakMatmulGflops: 48.5, copyGBs: 10 })]);
    const c = compareRuns([steady, drifted]);
    expect(diffOf(c, 'warnings.calibration-drift')).toMatchObject({
      grade: 'caveat',
      values: [
        { run: 'steady', value: 'js 1% slower at the end' },
        { run: 'drifted', value: 'js 34% slower at the end' },
      ],
      why: expect.stringMatching(/^drifted: the machine's speed changed under the run/),
    });
  });
});
