/** The run summary's drift lines: a warning where the machine's speed changed, a steady line otherwise, the cancelled case. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withEndProbe } from '../engine/record/drift.js';
import { parseRunRecord } from '../engine/record/parse.js';
import type { RunRecord } from '../engine/record/schema.js';
import type { CliIo } from './io.js';
import { printFits } from './summary.js';

const golden = (v: number): RunRecord => parseRunRecord(JSON.parse(readFileSync(new URL(`../engine/record/golden/valid-v${v}.json`, import.meta.url), 'utf8')));

function summaryOf(record: RunRecord): string {
  let out = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: () => undefined, isTTY: false, onInterrupt: () => () => undefined };
  printFits(io, record);
  return out;
}

describe('run summary: drift of the calibrated peak', () => {
  it("warns when the machine's speed changed under the run", () => {
    const out = summaryOf(golden(7));
    expect(out).toContain("warning: js: matmul peak 2.5 GFLOP/s at the start, 1.6 at the end (35% slower): the machine's speed changed under the run");
    expect(out).not.toContain('steady');
  });

  it('says a small drift is steady, without a warning', () => {
    const record = golden(7);
    const { warnings: _, ...rest } = record;
    const steady = { ...rest, calibration: [withEndProbe(record.calibration![0]!, { peakMatmulGflops: 2.45, copyGBs: 6 })] };
    const out = summaryOf(steady);
    expect(out).toContain('drift (js): matmul peak 2.5 GFLOP/s at the start, 2.5 at the end (2% slower): steady within 10%');
    expect(out).not.toContain('warning:');
  });

  it('says when the check was skipped because the run was cancelled', () => {
    const record = golden(6);
    const cancelled = { ...record, status: 'cancelled' as const, calibration: record.calibration!.map((c) => ({ ...c, endSkipped: 'the run was cancelled: no end probe' })) };
    expect(summaryOf(cancelled)).toContain('drift check: skipped, the run was cancelled');
    expect(summaryOf(record)).not.toContain('drift');
  });
});
