/**
 * Web mode stays responsive during a heavy sweep: `mixscope serve` in-process, one client starts
 * a sweep at L = 4096 on a backend, a second client asks `getSweepState` 50 times while a point
 * runs (latency p50/p99/max), then `cancelSweep` and the time until `runFinished` arrives.
 * JSON to bench-results/web-responsiveness.json. Figures from a shared or software-only machine
 * are indications, not claims; the report names the machine and its load average. The serving
 * loop's own event-loop delay over the same window tells a blocked loop from a starved machine.
 *
 *   npx tsx scripts/web-responsiveness.ts [backend ...]   (default: js gpujs-cpu)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import type { BackendId } from '../src-main/engine/core/backend.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '../src-main/engine/sweep/settings.js';
import { startWebMode } from '../test/e2e/web-mode.js';

const ROOT = resolve(import.meta.dirname, '..');
const CALLS = 50;

interface Client {
  call(method: string, request: unknown): Promise<{ ms: number; envelope: { ok: boolean; value?: unknown; error?: unknown } }>;
  once(event: string, match?: (payload: unknown) => boolean): Promise<number>;
  close(): void;
}

async function connect(url: string): Promise<Client> {
  const page = new URL(url);
  const socket = new WebSocket(`ws://${page.host}/ws?token=${page.searchParams.get('token')}`, { origin: `http://${page.host}` });
  await new Promise<void>((done, fail) => socket.once('open', () => done()).once('error', fail));
  let nextId = 1;
  const replies = new Map<number, (envelope: never) => void>();
  const waiters: { event: string; match: (p: unknown) => boolean; done: (at: number) => void }[] = [];
  socket.on('message', (data) => {
    const at = performance.now();
    const frame = JSON.parse(data.toString()) as { type: string; id?: number; envelope?: never; event?: string; payload?: unknown };
    if (frame.type === 'reply') replies.get(frame.id!)?.(frame.envelope!);
    for (const w of [...waiters]) {
      if (frame.type === 'event' && frame.event === w.event && w.match(frame.payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(at);
      }
    }
  });
  return {
    call: (method, request) =>
      new Promise((done) => {
        const id = nextId++;
        const t0 = performance.now();
        replies.set(id, (envelope) => done({ ms: performance.now() - t0, envelope }));
        socket.send(JSON.stringify({ type: 'call', id, method, request }));
      }),
    once: (event, match = () => true) => new Promise((done) => waiters.push({ event, match, done })),
    close: () => socket.close(),
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function measure(url: string, backend: BackendId) {
  const [driver, observer] = [await connect(url), await connect(url)];
  const settings: SweepSettings = {
    ...DEFAULT_SWEEP_SETTINGS,
    lengths: [4096],
    mixers: ['softmax-attention'],
    forms: { 'softmax-attention': ['materialized'] },
    backends: [backend],
    dtype: 'float32',
    warmup: 1,
    repetitions: 20,
    timeBudgetMs: 600_000,
    verify: true,
  };
  const running = driver.once('progress', (p) => (p as { current?: { L: number } }).current?.L === 4096);
  const started = await driver.call('startSweep', settings);
  if (!started.envelope.ok) throw new Error(`startSweep: ${JSON.stringify(started.envelope.error)}`);
  const { runId } = started.envelope.value as { runId: string };
  await running;
  // A moment into the point, so the calls land while kernels (and the reference) run.
  await new Promise((r) => setTimeout(r, 500));
  const latencies: number[] = [];
  // The serving loop's own delay over the same window: a blocked loop shows here, a starved machine in the latencies alone.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  for (let i = 0; i < CALLS; i++) {
    const { ms, envelope } = await observer.call('getSweepState', {});
    if (!envelope.ok || !(envelope.value as { running: boolean }).running) throw new Error(`getSweepState #${i}: the sweep is not running`);
    latencies.push(ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  loop.disable();
  const finished = driver.once('runFinished', (p) => (p as { runId: string }).runId === runId);
  const asked = performance.now();
  await driver.call('cancelSweep', { runId });
  const cancelMs = (await finished) - asked;
  driver.close();
  observer.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  return { backend, calls: CALLS, getSweepStateMs: { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1)! },
    serverLoopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    cancelToFinishedMs: cancelMs,
    loadAverage1m: loadavg()[0],
  };
}

const backends = (process.argv.length > 2 ? process.argv.slice(2) : ['js', 'gpujs-cpu']) as BackendId[];
const dataDir = mkdtempSync(join(tmpdir(), 'mixscope-responsiveness-'));
const web = await startWebMode({ dataDir, rendererDir: join(ROOT, 'out/renderer') });
const results = [];
try {
  for (const backend of backends) {
    const r = await measure(web.url, backend);
    console.log(JSON.stringify(r));
    results.push(r);
  }
} finally {
  await web.close();
  rmSync(dataDir, { recursive: true, force: true });
}
const out = join(ROOT, 'bench-results');
mkdirSync(out, { recursive: true });
const report = { date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, results };
writeFileSync(join(out, 'web-responsiveness.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`written ${join(out, 'web-responsiveness.json')}`);
