import { appendFile, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRunRecordText } from '../engine/record/parse.js';
import { RECORD_VERSION, type RunRecord } from '../engine/record/schema.js';
import { runRecordToJson } from '../engine/record/json.js';
import { RunStore } from './run-store.js';

const goldenPath = fileURLToPath(new URL(`../engine/record/golden/valid-v${RECORD_VERSION}.json`, import.meta.url));
let dir: string;
let golden: RunRecord;
const stores: RunStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mixscope-store-'));
  golden = parseRunRecordText(await readFile(goldenPath, 'utf8'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

const start = (id: string, startedAt: string) => ({ id, startedAt, environment: golden.environment, settings: golden.settings });
const storeAt = (path: string) => {
  const store = new RunStore(path);
  stores.push(store);
  return store;
};

describe('RunStore', () => {
  it('appends points to a log while running and writes one record at the end', async () => {
    const store = storeAt(join(dir, 'runs'));
    await store.create(start('run-a', '2025-01-01T00:00:00.000Z'));
    expect((await store.read('run-a')).status).toBe('running');
    for (const point of golden.points.slice(0, 3)) await store.appendPoint('run-a', point);
    const log = (await readFile(join(dir, 'runs', 'run-a.points.jsonl'), 'utf8')).trim().split('\n');
    expect(log).toHaveLength(4);
    // The head on disk never grows: a point costs one line, not a rewrite of the run.
    expect(parseRunRecordText(await readFile(join(dir, 'runs', 'run-a.json'), 'utf8')).points).toEqual([]);
    const done = await store.finish('run-a', { status: 'complete', finishedAt: '2025-01-01T00:01:00.000Z', fits: golden.fits });
    expect(done.points).toHaveLength(3);
    expect(await storeAt(join(dir, 'runs')).read('run-a')).toEqual(done);
    expect((await readdir(join(dir, 'runs'))).filter((n) => !n.startsWith('.index'))).toEqual(['run-a.json']);
  });

  it('keeps every point when appends race', async () => {
    const store = storeAt(dir);
    await store.create(start('race', '2025-01-01T00:00:00.000Z'));
    await Promise.all(golden.points.map((p) => store.appendPoint('race', p)));
    await store.finish('race', { status: 'complete', finishedAt: '2025-01-01T00:01:00.000Z' });
    expect((await storeAt(dir).read('race')).points.map((p) => p.L)).toEqual(golden.points.map((p) => p.L));
  });

  it('writes a burst of points in one go, in order, and a failure inside it keeps exactly the points before', async () => {
    let writes = 0;
    const store = new RunStore(dir, {
      beforeWrite: async (kind) => {
        if (kind === 'point' && ++writes === 40) throw new Error('ENOSPC: no space left on device');
      },
    });
    stores.push(store);
    await store.create(start('burst', '2025-01-01T00:00:00.000Z'));
    const points = Array.from({ length: 60 }, (_, i) => ({ ...golden.points[0]!, L: i + 1 }));
    const outcomes = await Promise.allSettled(points.map((p) => store.appendPoint('burst', p)));
    expect(outcomes.slice(0, 39).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes.slice(39).every((o) => o.status === 'rejected')).toBe(true);
    expect((outcomes[39] as PromiseRejectedResult).reason.message).toMatch(/^cannot save point 40 of run burst to .*burst\.points\.jsonl: ENOSPC/);
    const log = (await readFile(join(dir, 'burst.points.jsonl'), 'utf8')).trim().split('\n').slice(1);
    expect(log.map((line) => (JSON.parse(line) as { L: number }).L)).toEqual(points.slice(0, 39).map((p) => p.L));
  });

  it('closes a run whose writer is gone as interrupted, with every completed point', async () => {
    const writer = storeAt(dir);
    await writer.create(start('crashed', '2025-01-01T00:00:00.000Z'));
    for (const point of golden.points.slice(0, 2)) await writer.appendPoint('crashed', point);
    // A kill mid-append: half a line, no newline.
    await appendFile(join(dir, 'crashed.points.jsonl'), JSON.stringify(golden.points[2]).slice(0, 40));
    expect((await storeAt(dir).read('crashed')).status).toBe('running');
    await writer.close();
    const reopened = storeAt(dir);
    expect((await reopened.summaries()).map((s) => [s.id, s.status, s.points])).toEqual([['crashed', 'interrupted', 2]]);
    const record = await reopened.read('crashed');
    expect(record.points).toEqual(golden.points.slice(0, 2));
    expect(await readdir(dir)).not.toContain('crashed.points.jsonl');
  });

  it('removes the temp files of dead writers at start, keeping live ones', async () => {
    await writeFile(join(dir, '.run.json.999999999.0123abcd.tmp'), '{"half');
    await writeFile(join(dir, `.run.json.${process.pid}.0123abcd.tmp`), '{"in flight');
    await storeAt(dir).open();
    expect(await readdir(dir)).toEqual([`.run.json.${process.pid}.0123abcd.tmp`]);
  });

  it('lists newest first from its index, corrupt files as unreadable with the reason, and deletes', async () => {
    const store = storeAt(dir);
    await store.save({ ...golden, id: 'old', startedAt: '2024-01-01T00:00:00.000Z' });
    await store.save({ ...golden, id: 'new', startedAt: '2025-06-01T00:00:00.000Z' });
    await writeFile(join(dir, 'notes.json'), '{"hello": 1}');
    await writeFile(join(dir, 'readme.txt'), 'hi');
    await writeFile(join(dir, `${'x'.repeat(200)}.json`), '{}');
    // Whole seconds, so that the test can restore the time exactly after rewriting the file.
    const file = join(dir, 'new.json');
    await utimes(file, 1_700_000_000, 1_700_000_000);
    const listed = await store.summaries();
    expect(listed.filter((s) => s.status !== 'unreadable').map((r) => r.id)).toEqual(['new', 'old']);
    expect(listed.find((s) => s.id === 'notes')).toMatchObject({ status: 'unreadable', points: 0, problem: "notes.json: format: expected 'mixscope-run', got nothing" });
    const index = JSON.parse(await readFile(join(dir, '.index.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(index.entries).sort()).toEqual(['new', 'notes', 'old']);
    // A second store lists from the index: an unchanged file (inode, size, mtime) is not parsed again.
    await writeFile(file, ' '.repeat((await stat(file)).size));
    await utimes(file, 1_700_000_000, 1_700_000_000);
    expect(await storeAt(dir).summaries()).toEqual(listed);
    await writeFile(file, ' ');
    expect((await storeAt(dir).summaries()).find((s) => s.id === 'new')?.status).toBe('unreadable');
    await store.remove('old');
    expect(await store.has('old')).toBe(false);
    expect((await store.summaries()).map((r) => r.id).sort()).toEqual(['new', 'notes']);
  });

  it('imports a valid file, a running one as interrupted, and refuses a corrupt one, a duplicate and a bad id', async () => {
    const store = storeAt(dir);
    const imported = await store.importFile(goldenPath);
    expect(imported).toEqual(golden);
    await expect(store.importFile(goldenPath)).rejects.toThrow(/already in/);
    const running = join(dir, 'running-elsewhere.txt');
    await writeFile(running, runRecordToJson({ ...golden, id: 'live-cli', status: 'running' }));
    expect((await store.importFile(running)).status).toBe('interrupted');
    const longId = join(dir, 'long-id.txt');
    await writeFile(longId, runRecordToJson({ ...golden, id: 'a'.repeat(200) }));
    await expect(store.importFile(longId)).rejects.toThrow(/^long-id\.txt: id: expected a run id/);
    const corrupt = fileURLToPath(new URL('../engine/record/golden/corrupt-sample-type.json', import.meta.url));
    await expect(store.importFile(corrupt)).rejects.toThrow('corrupt-sample-type.json: points[3].samplesMs[0]: expected number, got string');
    await expect(store.importFile(join(dir, 'absent.json'))).rejects.toThrow(/cannot read .*absent\.json/);
    await expect(store.read('../etc/passwd')).rejects.toThrow(/is not a run id/);
    await expect(store.read('nope')).rejects.toThrow(/no saved run 'nope'/);
    expect((await store.summaries()).every((s) => s.status !== 'unreadable')).toBe(true);
  });
});
