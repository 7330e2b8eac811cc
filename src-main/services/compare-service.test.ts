import { beforeEach, describe, expect, it } from 'vitest';
import type { Comparison } from '../engine/compare/schema.js';
import { newRunId, startRunRecord } from '../engine/record/build.js';
import type { RunRecord } from '../engine/record/schema.js';
import { ContractError } from '../contract/envelope.js';
import { parseRequest } from '../contract/validate.js';
import { CompareService, type ReportInput } from './compare-service.js';
import { describeEnvironment } from './environment.js';
import { RunsService, type HistoryStore } from './runs-service.js';
import { TINY_SWEEP } from './test-settings.js';

function record(startedAt: string): RunRecord {
  const environment = describeEnvironment({ name: 'mixscope', version: 'test', host: 'test' }, []);
  return { ...startRunRecord({ id: newRunId(new Date(startedAt)), startedAt, environment, settings: TINY_SWEEP }), status: 'complete' };
}

describe('CompareService', () => {
  let runs: RunsService;
  let a: RunRecord;
  let b: RunRecord;
  let c: RunRecord;
  const compared: { ids: string[]; options: unknown }[] = [];
  const rendered: { input: ReportInput; format: string }[] = [];
  const printed: string[] = [];
  const fakeComparison = { format: 'mixscope-comparison' } as unknown as Comparison;

  function service(withPrinter: boolean): CompareService {
    return new CompareService({
      read: (id) => runs.open(id),
      compare: (records, options) => {
        compared.push({ ids: records.map((r) => r.id), options });
        return fakeComparison;
      },
      render: async (input, format) => {
        rendered.push({ input, format });
        return new TextEncoder().encode(format === 'pdf' ? '%PDF-chromium' : `<report ${format}>`);
      },
      ...(withPrinter ? { printPdf: async (html: string) => (printed.push(html), new TextEncoder().encode('%PDF-electron')) } : {}),
    });
  }

  beforeEach(async () => {
    const saved = new Map<string, RunRecord>();
    // The history over an in-memory store: what the service reads is exactly what was saved.
    const store: HistoryStore = {
      list: async () => [...saved.values()],
      read: async (id) => saved.get(id) as RunRecord,
      has: async (id) => saved.has(id),
      remove: async (id) => void saved.delete(id),
      save: async (r) => void saved.set(r.id, r),
    };
    runs = new RunsService(store);
    [a, b, c] = ['2025-01-01T10:00:00.000Z', '2025-02-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z'].map(record) as [RunRecord, RunRecord, RunRecord];
    for (const r of [a, b, c]) await store.save(r);
    compared.length = rendered.length = printed.length = 0;
  });

  it('compares the baseline first and the others in the order given, with the threshold and pair asked for', async () => {
    const result = await service(false).compare({ ids: [a.id, b.id, c.id], baseline: b.id, threshold: 0.1, pair: { baseline: 'wgsl', other: 'js' } });
    expect(result.comparison).toBe(fakeComparison);
    expect(compared).toEqual([{ ids: [b.id, a.id, c.id], options: { threshold: 0.1, pair: { baseline: 'wgsl', other: 'js' } } }]);
  });

  it('pairs two backends of one run when its id is given twice', async () => {
    await service(false).compare({ ids: [a.id, a.id], baseline: a.id, pair: { baseline: 'wgsl', other: 'js' } });
    expect(compared[0]?.ids).toEqual([a.id, a.id]);
  });

  it('refuses a missing run as not-found, naming it', async () => {
    await expect(service(false).compare({ ids: [a.id, 'gone'], baseline: a.id })).rejects.toMatchObject({ code: 'not-found', message: "no saved run 'gone'" });
  });

  it('exports a run report and a comparison report as text with their file names and types', async () => {
    const run = await service(false).exportReport({ kind: 'run', id: a.id, format: 'html' });
    expect(run).toEqual({ fileName: `mixscope-${a.id}.html`, mimeType: 'text/html', text: '<report html>' });
    expect(rendered[0]?.input).toEqual({ kind: 'run', record: a });
    const md = await service(false).exportReport({ kind: 'comparison', compare: { ids: [a.id, b.id], baseline: a.id }, format: 'md' });
    expect(md).toEqual({ fileName: `mixscope-compare-${a.id}-vs-${b.id}.md`, mimeType: 'text/markdown', text: '<report md>' });
    expect(rendered[1]?.input).toEqual({ kind: 'comparison', comparison: fakeComparison, records: [a, b] });
  });

  it("prints PDF with the host's printer from the HTML report, else with the renderer's own", async () => {
    const electron = await service(true).exportReport({ kind: 'run', id: a.id, format: 'pdf' });
    expect(electron).toEqual({ fileName: `mixscope-${a.id}.pdf`, mimeType: 'application/pdf', base64: Buffer.from('%PDF-electron').toString('base64') });
    expect(printed).toEqual(['<report html>']);
    const web = await service(false).exportReport({ kind: 'run', id: a.id, format: 'pdf' });
    expect(Buffer.from((web as { base64: string }).base64, 'base64').toString()).toBe('%PDF-chromium');
    expect(rendered.map((r) => r.format)).toEqual(['html', 'pdf']);
  });
});

describe('compare and report requests', () => {
  function refusal(payload: unknown, method: 'compareRuns' | 'exportReport' = 'compareRuns'): string {
    try {
      parseRequest(method, payload);
    } catch (err) {
      if (err instanceof ContractError) return err.message;
      throw err;
    }
    throw new Error('expected a refusal');
  }

  it('refuses fewer than two or more than eight runs, a baseline not compared, a bad threshold', () => {
    expect(refusal({ ids: ['r1'], baseline: 'r1' })).toMatch(/^compareRuns: ids: /);
    expect(refusal({ ids: Array.from({ length: 9 }, (_, i) => `r${i}`), baseline: 'r0' })).toMatch(/^compareRuns: ids: /);
    expect(refusal({ ids: ['r1', 'r2'], baseline: 'r3' })).toBe('compareRuns: baseline: the baseline must be one of the compared ids');
    expect(refusal({ ids: ['r1', 'r2'], baseline: 'r1', threshold: 2 })).toMatch(/^compareRuns: threshold: /);
    expect(refusal({ ids: ['r1', '../x'], baseline: 'r1' })).toMatch(/^compareRuns: ids\[1\]: /);
  });

  it('refuses an unknown report format or kind', () => {
    expect(refusal({ kind: 'run', id: 'r1', format: 'docx' }, 'exportReport')).toMatch(/^exportReport: format: /);
    expect(refusal({ kind: 'everything', format: 'html' }, 'exportReport')).toMatch(/^exportReport: kind: /);
    expect(parseRequest('exportReport', { kind: 'comparison', compare: { ids: ['r1', 'r2'], baseline: 'r2' }, format: 'pdf' })).toMatchObject({ kind: 'comparison' });
  });
});
