/**
 * The history under load: `mixscope serve` (its own process, as a user runs it) with 100 stored
 * runs; 50 pages call `listRuns` at once, round after round, first with nothing running, then
 * while a sweep runs. Every call must be answered with every run; the report gives latency
 * p50/p95/p99/max per phase, the first (cold, index-building) listing, and the machine's load.
 * JSON to bench-results/list-runs-load.json. Figures from a shared machine are indications.
 *
 *   npx tsx scripts/list-runs-load.ts [rounds]   (default 20 rounds × 50 clients per phase)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import { parseRunRecordText } from '../src-main/engine/record/parse.js';
import { RECORD_VERSION, type RunRecord } from '../src-main/engine/record/schema.js';
import { RunStore } from '../src-main/services/run-store.js';
import { TINY_SWEEP } from '../src-main/services/test-settings.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 100;
const CLIENTS = 50;
const ROUNDS = Number(process.argv[2] ?? 20);

interface Page {
  call(method: string, request: unknown): Promise<{ ms: number; ok: boolean; value: unknown; error?: unknown }>;
  on(event: string, listener: (payload: unknown) => void): void;
  close(): void;
}

async function open(url: URL): Promise<Page> {
  const socket = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, { origin: url.origin });
  await new Promise<void>((done, fail) => socket.once('open', () => done()).once('error', fail));
  let nextId = 1;
  const replies = new Map<number, (envelope: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  const listeners: { event: string; listener: (payload: unknown) => void }[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { type: string; id?: number; envelope?: { ok: boolean; value?: unknown; error?: unknown }; event?: string; payload?: unknown };
    if (frame.type === 'reply') replies.get(frame.id!)?.(frame.envelope!);
    else for (const l of listeners) if (l.event === frame.event) l.listener(frame.payload);
  });
  return {
    call: (method, request) =>
      new Promise((done) => {
        const id = nextId++;
        const t0 = performance.now();
        replies.set(id, (envelope) => done({ ms: performance.now() - t0, ok: envelope.ok, value: envelope.value, error: envelope.error }));
        socket.send(JSON.stringify({ type: 'call', id, method, request }));
      }),
    on: (event, listener) => listeners.push({ event, listener }),
    close: () => socket.close(),
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** `rounds` rounds of every page calling listRuns at the same moment. */
async function phase(pages: Page[], rounds: number, expectRuns: number) {
  const ms: number[] = [];
  let answered = 0;
  let complete = 0;
  for (let r = 0; r < rounds; r++) {
    const replies = await Promise.all(pages.map((p) => p.call('listRuns', {})));
    for (const reply of replies) {
      ms.push(reply.ms);
      if (reply.ok) answered++;
      if (reply.ok && (reply.value as unknown[]).length >= expectRuns) complete++;
    }
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { calls: ms.length, answered, withEveryRun: complete, p50Ms: round3(quantile(sorted, 0.5)), p95Ms: round3(quantile(sorted, 0.95)), p99Ms: round3(quantile(sorted, 0.99)), maxMs: round3(sorted[sorted.length - 1]!) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mixscope-list-load-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>mixscope</title>');
  const golden = parseRunRecordText(readFileSync(join(ROOT, `src-main/engine/record/golden/valid-v${RECORD_VERSION}.json`), 'utf8'));
  // 100 runs of 100 points each (the golden points repeated), as a season of profiling leaves them.
  const points = Array.from({ length: 100 }, (_, i) => ({ ...golden.points[i % golden.points.length]!, L: 8 * (i + 1) }));
  const store = new RunStore(join(dir, 'data', 'runs'));
  for (let i = 0; i < RUNS; i++) {
    const record: RunRecord = { ...golden, id: `run-${String(i).padStart(3, '0')}`, startedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), points };
    await store.save(record);
  }
  await store.close();
  const serve = spawn(process.execPath, [join(ROOT, 'bin/mixscope.mjs'), 'serve', '--port', '0', '--data', join(dir, 'data')], { env: { ...process.env, MIXSCOPE_RENDERER_DIR: renderer }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<URL>((done) =>
    serve.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) done(new URL(match[1]!));
    }),
  );
  try {
    const pages = await Promise.all(Array.from({ length: CLIENTS }, () => open(url)));
    const cold = await pages[0]!.call('listRuns', {});
    const idle = await phase(pages, ROUNDS, RUNS);
    let pointsDuringLoad = 0;
    pages[0]!.on('point', () => pointsDuringLoad++);
    const firstPoint = new Promise<void>((done) => pages[0]!.on('point', () => done()));
    const sweep = await pages[0]!.call('startSweep', { ...TINY_SWEEP, lengths: Array.from({ length: 60 }, (_, i) => 8 * (i + 1)), repetitions: 3, minTimeMs: 150, calibrate: false });
    if (!sweep.ok) throw new Error(`startSweep failed: ${JSON.stringify(sweep.error)}`);
    await firstPoint;
    const loadBefore = loadavg()[0];
    const duringSweep = await phase(pages, ROUNDS, RUNS + 1);
    const state = await pages[0]!.call('getSweepState', {});
    const report = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage1m: [loadBefore, loadavg()[0]], shared: 'other work ran on this machine at the same time; figures are indications' },
      setup: { storedRuns: RUNS, pointsPerRun: points.length, clients: CLIENTS, rounds: ROUNDS, server: 'mixscope serve in its own process; clients over WebSocket from another' },
      coldFirstListMs: round3(cold.ms),
      idle,
      duringSweep: { ...duringSweep, sweepStillRunning: (state.value as { running: boolean }).running, pointsSavedDuringLoad: pointsDuringLoad },
    };
    const text = `${JSON.stringify(report, null, 2)}\n`;
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results/list-runs-load.json'), text);
    process.stdout.write(text);
    for (const p of pages) p.close();
  } finally {
    serve.kill('SIGINT');
    await new Promise((done) => serve.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
