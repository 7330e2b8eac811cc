/**
 * Run record v7: a calibration's end probe and the drift warning; a v6 record migrates with
 * nothing invented.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finishRunRecord } from './build.js';
import { DRIFT_THRESHOLD, driftWarnings, withEndProbe } from './drift.js';
import { runRecordToJson } from './json.js';
import { parseRunRecord } from './parse.js';
import type { Calibration } from './schema.js';

const golden = (v: number) => JSON.parse(readFileSync(fileURLToPath(new URL(`./golden/valid-v${v}.json`, import.meta.url)), 'utf8'));
const start: Calibration = { backend: 'js', dtype: 'float32', peakMatmulGflops: 50, copyGBs: 10 };

describe('calibration drift (record v7)', () => {
  it('migrates a v6 record without end figures or warnings', () => {
    const old = golden(6);
    const record = parseRunRecord(old);
    expect(record.version).toBe(7);
    expect(record.calibration).toEqual(old.calibration);
    expect(record.calibration![0]).not.toHaveProperty('end');
    expect(record.calibration![0]).not.toHaveProperty('drift');
    expect(record).not.toHaveProperty('warnings');
  });

  it('reads the v7 golden: end figures, drift and the run warning', () => {
    const record = parseRunRecord(golden(7));
    expect(record.calibration![0]).toMatchObject({ end: { peakMatmulGflops: 1.625, copyGBs: 4.5 }, drift: -0.35 });
    expect(record.warnings).toEqual([{ kind: 'calibration-drift', backend: 'js', message: expect.stringContaining('35% slower') }]);
  });

  it('computes the drift as end ÷ start − 1 of the matmul peak', () => {
    expect(withEndProbe(start, { peakMatmulGflops: 33.2, copyGBs: 9 })).toMatchObject({ end: { peakMatmulGflops: 33.2, copyGBs: 9 }, drift: 33.2 / 50 - 1 });
    expect(withEndProbe(start, { peakMatmulGflops: 60, copyGBs: 9 }).drift).toBeCloseTo(0.2, 12);
  });

  it('warns above the threshold either way, not below it', () => {
    const at = (peak: number) => driftWarnings([withEndProbe(start, { peakMatmulGflops: peak, copyGBs: 10 })]);
    expect(DRIFT_THRESHOLD).toBe(0.1);
    expect(at(33.2)).toHaveLength(1);
    expect(at(33.2)[0]!.message).toBe("js: matmul peak 50.0 GFLOP/s at the start, 33.2 at the end (34% slower): the machine's speed changed under the run, so its timings mix two speeds");
    expect(at(56)).toHaveLength(1);
    expect(at(47)).toEqual([]);
    expect(at(54)).toEqual([]);
    expect(driftWarnings([{ ...start, endSkipped: 'the run was cancelled: no end probe' }])).toEqual([]);
  });

  it('finishes a record with the warning, and it round-trips', () => {
    const base = parseRunRecord(golden(6));
    const drifted = finishRunRecord(base, { status: 'complete', finishedAt: 'x', calibration: [withEndProbe(start, { peakMatmulGflops: 40, copyGBs: 10 })] });
    expect(parseRunRecord(JSON.parse(runRecordToJson(drifted))).warnings?.map((w) => w.kind)).toEqual(['calibration-drift']);
    const steady = finishRunRecord(base, { status: 'complete', finishedAt: 'x', calibration: [withEndProbe(start, { peakMatmulGflops: 48, copyGBs: 10 })] });
    expect(steady).not.toHaveProperty('warnings');
  });

  it('refuses a warning of an unknown kind', () => {
    const json = golden(7);
    json.warnings[0].kind = 'weather';
    expect(() => parseRunRecord(json)).toThrow('warnings[0].kind: expected "calibration-drift"');
  });
});
