import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRunId, startRunRecord } from '../engine/record/build.js';
import { runRecordToJson } from '../engine/record/json.js';
import type { RunRecord } from '../engine/record/schema.js';
import { describeEnvironment } from './environment.js';
import { RunStore } from './run-store.js';
import { RunsService } from './runs-service.js';
import { TINY_SWEEP } from './test-settings.js';

function record(startedAt: string): RunRecord {
  const environment = describeEnvironment({ name: 'mixscope', version: 'test', host: 'test' }, []);
  return { ...startRunRecord({ id: newRunId(new Date(startedAt)), startedAt, environment, settings: TINY_SWEEP }), status: 'complete' };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(join(dir, name), 'utf8');
  return files;
}

describe('RunsService', () => {
  let dir: string;
  let runs: RunsService;
  let older: RunRecord;
  let newer: RunRecord;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mixscope-runs-'));
    const store = new RunStore(dir);
    runs = new RunsService(store);
    older = record('2025-01-01T10:00:00.000Z');
    newer = record('2025-02-01T10:00:00.000Z');
    await store.save(older);
    await store.save(newer);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists newest first with date, device and settings', async () => {
    const list = await runs.list();
    expect(list.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(list[0]).toMatchObject({ startedAt: newer.startedAt, settings: TINY_SWEEP, points: 0, status: 'complete' });
    expect(list[0]?.device).toBe(newer.environment.cpu.model);
  });

  it('refuses a corrupt file with its reason and changes nothing', async () => {
    const before = await snapshot(dir);
    const broken = JSON.parse(runRecordToJson(record('2025-03-01T10:00:00.000Z'))) as Record<string, unknown>;
    broken['points'] = [{ mixer: 'softmax-attention' }];
    await expect(runs.import('broken.json', JSON.stringify(broken))).rejects.toThrow(/^broken\.json: points\[0\]\.form: missing/);
    await expect(runs.import('truncated.json', '{"format": "mixscope-run", "ver')).rejects.toThrow(/^truncated\.json is not valid JSON/);
    await expect(runs.import('other.json', '{"hello": 1}')).rejects.toThrow(/format: expected 'mixscope-run'/);
    expect(await snapshot(dir)).toEqual(before);
    expect((await runs.list()).length).toBe(2);
  });

  it('imports a good file into the history, and opens, exports and deletes runs', async () => {
    const outside = record('2025-03-01T10:00:00.000Z');
    await runs.import('outside.json', runRecordToJson(outside));
    expect((await runs.list())[0]?.id).toBe(outside.id);
    expect(await runs.open(outside.id)).toEqual(outside);
    const csv = await runs.export(outside.id, 'csv');
    expect(csv.fileName).toBe(`mixscope-${outside.id}.csv`);
    expect(await runs.remove(older.id)).toEqual({ deleted: true });
    expect(await runs.remove(older.id)).toEqual({ deleted: false });
    await expect(runs.open(older.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
