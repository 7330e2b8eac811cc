/**
 * kill -9 mid-sweep, at varied moments, of the two processes that record runs: `mixscope run`
 * (its --out file) and `mixscope serve` (the app's run store). Reopened, each run holds every
 * point the process had reported as saved (a line on stdout, a `point` event to the page) and
 * says 'interrupted'. Points lost must be 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBridge, createClient } from '../../src-main/contract/client.js';
import { webSocketTransport, type WebSocketLike } from '../../src-main/contract/web-socket-transport.js';
import { parseRunRecordText } from '../../src-main/engine/record/parse.js';
import { RunStore } from '../../src-main/services/run-store.js';
import { TINY_SWEEP } from '../../src-main/services/test-settings.js';
import { newTally, printTally } from './tally.js';

const BIN = fileURLToPath(new URL('../../bin/mixscope.mjs', import.meta.url));
const LENGTHS = Array.from({ length: 40 }, (_, i) => 8 * (i + 1));
const tally = newTally('kill-9');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mixscope-kill-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));
afterAll(() => printTally(tally));

function start(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; stdout: () => string; exited: Promise<NodeJS.Signals | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.resume();
  const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
  return { child, stdout: () => out, exited };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

describe('kill -9 mid-sweep', () => {
  it.each([3])('mixscope run killed after %i reported points leaves a valid --out record that imports as interrupted', async (after) => {
    const out = join(dir, 'r.json');
    // A dead run's temp file beside the output: removed by the next run that writes there.
    await writeFile(join(dir, '.r.json.999999999.0badc0de.tmp'), '{"half');
    const args = ['run', '--mixers', 'softmax-attention', '--forms', 'materialized', '--backends', 'js', '--lengths', LENGTHS.join(','), '--d', '8', '--dv', '8'];
    const run = start([...args, '--reps', '2', '--warmup', '0', '--min-time', '20', '--no-verify', '--no-calibrate', '--out', out]);
    const reported = () => (run.stdout().match(/^\[\d+\/\d+\] /gm) ?? []).length;
    await until(() => reported() >= after, `${after} points from mixscope run`);
    run.child.kill('SIGKILL');
    tally.faultsInjected++;
    expect(await run.exited).toBe('SIGKILL');
    const saw = reported();
    const record = parseRunRecordText(await readFile(out, 'utf8'), 'r.json');
    expect(record.status).toBe('running');
    expect(record.points.length).toBeGreaterThanOrEqual(saw);
    expect(record.points.length).toBeLessThan(LENGTHS.length);
    const csv = (await readFile(join(dir, 'r.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toMatch(/^mixer,form,backend/);
    expect(await readdir(dir)).not.toContain('.r.json.999999999.0badc0de.tmp');
    const store = new RunStore(join(dir, 'runs'));
    const imported = await store.importFile(out);
    expect(imported.status).toBe('interrupted');
    expect(imported.points).toEqual(record.points);
    await store.close();
    tally.pointsLost += Math.max(0, saw - imported.points.length);
    tally.faultsSurvived++;
  });

  it.each([2])('mixscope serve killed after %i point events reopens the run as interrupted with every point', async (after) => {
    const rendererDir = join(dir, 'renderer');
    await rm(rendererDir, { recursive: true, force: true });
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>mixscope</title>');
    const data = join(dir, 'data');
    const serve = start(['serve', '--port', '0', '--data', data], { MIXSCOPE_RENDERER_DIR: rendererDir });
    await until(() => /\?token=/.test(serve.stdout()), 'the serve URL');
    const url = new URL(/(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(serve.stdout())![1]!);
    const socket = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, { origin: url.origin });
    socket.on('error', () => undefined);
    const client = createClient(createBridge(webSocketTransport(socket as unknown as WebSocketLike)));
    const reported: number[] = [];
    client.onPoint((event) => reported.push(event.point.L));
    const { runId } = await client.startSweep({ ...TINY_SWEEP, lengths: LENGTHS, repetitions: 2, minTimeMs: 20, calibrate: false });
    await until(() => reported.length >= after, `${after} point events`);
    serve.child.kill('SIGKILL');
    tally.faultsInjected++;
    expect(await serve.exited).toBe('SIGKILL');
    const saw = [...reported];
    const store = new RunStore(join(data, 'runs'));
    const [summary] = await store.summaries();
    expect(summary).toMatchObject({ id: runId, status: 'interrupted' });
    const record = await store.read(runId);
    expect(record.status).toBe('interrupted');
    expect(record.points.slice(0, saw.length).map((p) => p.L)).toEqual(saw);
    expect(record.points.length).toBeLessThan(LENGTHS.length);
    // Closed for good: one record, no point log, no temp file.
    expect((await readdir(join(data, 'runs'))).filter((n) => !n.startsWith('.index'))).toEqual([`${runId}.json`]);
    await store.close();
    tally.pointsLost += saw.filter((L) => !record.points.some((p) => p.L === L)).length;
    tally.faultsSurvived++;
  });
});
