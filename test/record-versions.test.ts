/**
 * A user's saved runs survive an upgrade: the golden record of every format version, v1 up to the
 * current one, opens in the app (web mode: imported over the WebSocket, listed, opened, exported),
 * in `mixscope report` and in `mixscope compare` (against the current version's record).
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../src-main/cli/commands/compare.js';
import { reportCommand } from '../src-main/cli/commands/report.js';
import type { CliIo } from '../src-main/cli/io.js';
import { RECORD_VERSION } from '../src-main/engine/record/schema.js';
import { startLiveServer, type LiveServer } from './faults/live-server.js';

const GOLDEN = fileURLToPath(new URL('../src-main/engine/record/golden/', import.meta.url));
const versions = (await readdir(GOLDEN))
  .map((name) => Number(/^valid-v(\d+)\.json$/.exec(name)?.[1]))
  .filter((v) => Number.isInteger(v))
  .sort((a, b) => a - b);
const goldenOf = (v: number) => join(GOLDEN, `valid-v${v}.json`);

function captureIo(): CliIo & { out: () => string } {
  let out = '';
  return { stdout: (t) => void (out += t), stderr: () => undefined, isTTY: false, onInterrupt: () => () => undefined, out: () => out };
}

let live: LiveServer;
let dir: string;
beforeAll(async () => {
  live = await startLiveServer();
  dir = await mkdtemp(join(tmpdir(), 'mixscope-versions-'));
});
afterAll(async () => {
  await live.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('records of every format version', () => {
  it('has a golden record of every version up to the current one', () => {
    expect(versions).toEqual(Array.from({ length: RECORD_VERSION }, (_, i) => i + 1));
  });

  it.each(versions)('opens a v%i record in the app (web mode), migrated to the current version', async (version) => {
    const text = await readFile(goldenOf(version), 'utf8');
    const old = JSON.parse(text) as { id: string; points: { L: number }[] };
    const page = await live.connect();
    try {
      const imported = await page.client.importRun({ fileName: `valid-v${version}.json`, text });
      expect(imported.version).toBe(RECORD_VERSION);
      expect((await page.client.listRuns({})).find((r) => r.id === old.id)).toMatchObject({ points: old.points.length });
      const opened = await page.client.openRun({ id: old.id });
      expect(opened.points.map((p) => p.L)).toEqual(old.points.map((p) => p.L));
      expect((await page.client.exportRun({ id: old.id, format: 'csv' })).text.split('\n')[0]).toMatch(/^mixer,form,backend/);
      expect(await page.client.deleteRun({ id: old.id })).toEqual({ deleted: true });
    } finally {
      page.close();
    }
  });

  it.each(versions)('makes a report of a v%i record (html and md)', async (version) => {
    for (const ext of ['html', 'md']) {
      const out = join(dir, `v${version}.${ext}`);
      expect(await reportCommand([goldenOf(version), '--out', out], captureIo())).toBe(0);
      expect((await stat(out)).size).toBeGreaterThan(100);
    }
  });

  it.each(versions)('compares a v%i record with the current version', async (version) => {
    const io = captureIo();
    expect(await compareCommand([goldenOf(version), goldenOf(RECORD_VERSION), '--json'], io)).toBe(0);
    const comparison = JSON.parse(io.out()) as { rows: unknown[] };
    expect(comparison.rows.length).toBeGreaterThan(0);
  });
});
