/** `mixscope compare` prints the calibrated peaks' grade and names a run whose machine changed speed under it. */
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../engine/compare/index.js';
import { syntheticRun } from '../engine/compare/synthetic.js';
import { driftWarnings, withEndProbe } from '../engine/record/drift.js';
import type { Calibration } from '../engine/record/environment.js';
import type { RunRecord } from '../engine/record/schema.js';
import { printComparison } from './compare-summary.js';
import type { CliIo } from './io.js';

function run(id: string, seed: number, calibration: Calibration[]): RunRecord {
  const warnings = driftWarnings(calibration);
  return { ...syntheticRun({ id, seed, lengths: [128, 256], maxSamples: 10 }), calibration, ...(warnings.length > 0 ? { warnings } : {}) };
}

function printed(records: RunRecord[]): string {
  let out = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: () => undefined, isTTY: false, onInterrupt: () => () => undefined };
  printComparison(compareRuns(records), io);
  return out;
}

const js = (peak: number): Calibration => ({ backend: 'js', dtype: 'float64', peakMatmulGflops: peak, copyGBs: 10 });

describe('mixscope compare: the machine state', () => {
  it('prints the peaks of two runs 34% apart as a caveat', () => {
    expect(printed([run('fast', 1, [js(50)]), run('slow', 2, [js(33.2)])])).toContain(
      "caveat       calibration[js].peakMatmulGflops: 50.0 GFLOP/s | 33.2 GFLOP/s  (the machines' calibrated peaks differ by 34% (50.0 vs 33.2 GFLOP/s, ratio 0.664): timings differ for that reason too)",
    );
  });

  it('names the run with a drift warning', () => {
    const out = printed([run('steady', 1, [withEndProbe(js(49), { peakMatmulGflops: 48.5, copyGBs: 10 })]), run('drifted', 2, [withEndProbe(js(50), { peakMatmulGflops: 33.2, copyGBs: 9 })])]);
    expect(out).toContain("caveat       warnings.calibration-drift: js 1% slower at the end | js 34% slower at the end  (drifted: the machine's speed changed under the run");
    expect(out).toContain('informative  calibration[js].peakMatmulGflops: 49.0 GFLOP/s | 50.0 GFLOP/s  (the calibrated peaks agree within 10% (ratio 1.020))');
  });
});
