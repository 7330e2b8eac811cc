/** The environment block of a run record, as seen from Node: app, runtimes, OS, CPU, memory, backend probes. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Backend, BackendProbe } from '../engine/core/backend.js';
import { errorMessage } from '../engine/core/errors.js';
import type { BackendProbeRecord, Environment } from '../engine/record/environment.js';

/** The probe as plain mutable data for the record. */
export function probeRecord(probe: BackendProbe): BackendProbeRecord {
  const { features, limits, dtypes, ...rest } = probe;
  return { ...rest, dtypes: [...dtypes], ...(limits ? { limits: { ...limits } } : {}), ...(features ? { features: [...features] } : {}) };
}

function appVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
  return { name: pkg.name ?? 'mixscope', version: pkg.version ?? '0.0.0' };
}

export async function collectEnvironment(backends: readonly Backend[], host = 'node (cli)'): Promise<Environment> {
  const cpus = os.cpus();
  const probes: BackendProbeRecord[] = [];
  for (const b of backends) {
    const probe: BackendProbe = await b.probe().catch((err: unknown) => ({ id: b.id, available: false, reason: errorMessage(err), host: 'unknown', dtypes: [] }));
    probes.push(probeRecord(probe));
  }
  const runtime: Record<string, string> = {};
  for (const key of ['node', 'v8', 'electron', 'chrome'] as const) {
    const v = process.versions[key];
    if (v) runtime[key] = v;
  }
  return {
    app: appVersion(),
    runtime,
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    cpu: { model: cpus[0]?.model.trim() || 'unknown', cores: cpus.length, ...(cpus[0]?.speed ? { speedMHz: cpus[0].speed } : {}) },
    memory: { totalBytes: os.totalmem(), freeBytes: os.freemem() },
    backends: probes,
    host,
    hostname: os.hostname(),
  };
}
