import { describe, expect, it } from 'vitest';
import { compareRuns } from '../engine/compare/index.js';
import { syntheticRun } from '../engine/compare/synthetic.js';
import { newRunId, startRunRecord } from '../engine/record/build.js';
import type { RunRecord } from '../engine/record/schema.js';
import { reportDataElement, reportDataFor } from '../engine/report/data.js';
import { describeEnvironment } from './environment.js';
import { RunsService, type HistoryStore } from './runs-service.js';
import { TINY_SWEEP } from './test-settings.js';

function record(startedAt: string): RunRecord {
  const environment = describeEnvironment({ name: 'mixscope', version: 'test', host: 'test' }, []);
  return { ...startRunRecord({ id: newRunId(new Date(startedAt)), startedAt, environment, settings: TINY_SWEEP }), status: 'complete' };
}

function memoryHistory(): { runs: RunsService; saved: Map<string, RunRecord> } {
  const saved = new Map<string, RunRecord>();
  const store: HistoryStore = {
    list: async () => [...saved.values()],
    read: async (id) => saved.get(id) as RunRecord,
    has: async (id) => saved.has(id),
    remove: async (id) => void saved.delete(id),
    save: async (r) => void saved.set(r.id, r),
  };
  return { runs: new RunsService(store), saved };
}

/** A report page as the report renderer writes it, around its embedded data. */
function reportHtml(records: RunRecord[]): string {
  const input = records.length === 1 ? { kind: 'run' as const, record: records[0]! } : { kind: 'comparison' as const, comparison: compareRuns(records), records };
  const data = reportDataFor(input, '2026-12-01T00:00:00.000Z');
  return `<!doctype html><html><head><title>report</title></head><body><h1>report</h1>${reportDataElement(data)}</body></html>`;
}

describe('importing a report .html', () => {
  const a = record('2025-01-01T10:00:00.000Z');

  it('saves the run a run report embeds, and opens it', async () => {
    const { runs, saved } = memoryHistory();
    await expect(runs.import('run.html', reportHtml([a]))).resolves.toEqual(a);
    expect([...saved.keys()]).toEqual([a.id]);
  });

  it('saves every run a comparison report embeds and opens the baseline', async () => {
    const { runs, saved } = memoryHistory();
    const lengths = [128, 256];
    const [base, other] = [syntheticRun({ id: 'base', seed: 1, lengths, maxSamples: 6 }), syntheticRun({ id: 'other', seed: 2, lengths, maxSamples: 6 })];
    await expect(runs.import('compare.html', reportHtml([base, other]))).resolves.toEqual(base);
    expect([...saved.keys()]).toEqual(['base', 'other']);
  });

  it('refuses a page with no embedded data, or with a bad record, saving nothing', async () => {
    const { runs, saved } = memoryHistory();
    await expect(runs.import('page.html', '<html><body>hello</body></html>')).rejects.toThrow(/^page\.html: no embedded mixscope data/);
    const broken = reportHtml([a]).replace('"points":[]', '"points":"many"');
    await expect(runs.import('broken.html', broken)).rejects.toThrow(/^broken\.html: /);
    expect(saved.size).toBe(0);
  });
});
