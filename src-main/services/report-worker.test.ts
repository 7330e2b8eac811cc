/**
 * Comparisons and reports computed in the report worker are the engine's own, the serving loop
 * stays free meanwhile, and a refusal keeps its MixscopeError code across the thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../engine/compare/index.js';
import { MixscopeError } from '../engine/core/errors.js';
import { renderReport } from '../report/render.js';
import { goldenRecord, scaledRecord } from '../report/test-fixtures.js';
import { ReportWorker } from './report-worker.js';
import { SWEEP_THREAD_ENTRY } from './sweep-thread.js';

describe('ReportWorker', () => {
  const worker = new ReportWorker(SWEEP_THREAD_ENTRY);
  afterAll(() => worker.close());
  const base = goldenRecord();
  const slower = scaledRecord(base, 2);

  it('compares as the engine does, while the calling loop keeps turning', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const there = await worker.compare([base, slower], { seed: 3 });
    clearInterval(timer);
    expect(there).toEqual(compareRuns([base, slower], { seed: 3 }));
    expect(ticks).toBeGreaterThan(0);
  });

  it('renders Markdown and CSV byte for byte as in place', async () => {
    for (const format of ['md', 'csv'] as const) {
      const input = { kind: 'run' as const, record: base };
      expect(Buffer.from(await worker.render(input, format)).toString('utf8')).toBe(Buffer.from(await renderReport(input, format)).toString('utf8'));
    }
  });

  it('passes a refusal back with its code', async () => {
    const refused = worker.render({ kind: 'comparison', comparison: compareRuns([base, slower]), records: [] }, 'md');
    await expect(refused).rejects.toBeInstanceOf(MixscopeError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
