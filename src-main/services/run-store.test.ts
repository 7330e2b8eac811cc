import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRunRecordText } from '../engine/record/parse.js';
import type { RunRecord } from '../engine/record/schema.js';
import { RunStore } from './run-store.js';

const goldenPath = fileURLToPath(new URL('../engine/record/golden/valid-v1.json', import.meta.url));
let dir: string;
let golden: RunRecord;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mixscope-store-'));
  golden = parseRunRecordText(await readFile(goldenPath, 'utf8'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const start = (id: string, startedAt: string) => ({ id, startedAt, environment: golden.environment, settings: golden.settings });

describe('RunStore', () => {
  it('writes the record at start and after every point, readable at each step', async () => {
    const store = new RunStore(join(dir, 'runs'));
    await store.create(start('run-a', '2025-01-01T00:00:00.000Z'));
    expect((await store.read('run-a')).status).toBe('running');
    for (const point of golden.points.slice(0, 3)) await store.appendPoint('run-a', point);
    // A crash here leaves this file: status 'running' with its three points, still a valid record.
    const crashed = parseRunRecordText(await readFile(join(dir, 'runs', 'run-a.json'), 'utf8'));
    expect(crashed).toMatchObject({ status: 'running' });
    expect(crashed.points).toHaveLength(3);
    const done = await store.finish('run-a', { status: 'complete', finishedAt: '2025-01-01T00:01:00.000Z', fits: golden.fits });
    expect(done.fits).toHaveLength(1);
    expect(await new RunStore(join(dir, 'runs')).read('run-a')).toEqual(done);
    expect((await readdir(join(dir, 'runs'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps every point when appends race', async () => {
    const store = new RunStore(dir);
    await store.create(start('race', '2025-01-01T00:00:00.000Z'));
    await Promise.all(golden.points.map((p) => store.appendPoint('race', p)));
    expect((await new RunStore(dir).read('race')).points.map((p) => p.L)).toEqual(golden.points.map((p) => p.L));
  });

  it('continues a run written by another process', async () => {
    await new RunStore(dir).create(start('other', '2025-01-01T00:00:00.000Z'));
    await new RunStore(dir).appendPoint('other', golden.points[0]!);
    expect((await new RunStore(dir).read('other')).points).toHaveLength(1);
  });

  it('lists newest first, passing over foreign files, and deletes', async () => {
    const store = new RunStore(dir);
    await store.create(start('old', '2024-01-01T00:00:00.000Z'));
    await store.create(start('new', '2025-06-01T00:00:00.000Z'));
    await writeFile(join(dir, 'notes.json'), '{"hello": 1}');
    await writeFile(join(dir, 'readme.txt'), 'hi');
    expect((await store.list()).map((r) => r.id)).toEqual(['new', 'old']);
    await store.remove('old');
    expect(await store.has('old')).toBe(false);
    expect((await store.list()).map((r) => r.id)).toEqual(['new']);
  });

  it('imports a valid file and refuses a corrupt one, a duplicate and a bad id', async () => {
    const store = new RunStore(dir);
    const imported = await store.importFile(goldenPath);
    expect(imported.id).toBe(golden.id);
    expect(await store.read(golden.id)).toEqual(golden);
    await expect(store.importFile(goldenPath)).rejects.toThrow(/already in/);
    const corrupt = fileURLToPath(new URL('../engine/record/golden/corrupt-sample-type.json', import.meta.url));
    await expect(store.importFile(corrupt)).rejects.toThrow('corrupt-sample-type.json: points[3].samplesMs[0]: expected number, got string');
    await expect(store.importFile(join(dir, 'absent.json'))).rejects.toThrow(/cannot read .*absent\.json/);
    await expect(store.read('../etc/passwd')).rejects.toThrow(/not a valid run id/);
    await expect(store.read('nope')).rejects.toThrow(/no saved run 'nope'/);
  });
});
