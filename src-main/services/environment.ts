/**
 * Where a run is measured, as the run record keeps it (engine/record/environment.ts): the app,
 * the runtimes, the OS, the CPU, the memory, and what every backend said about itself.
 */
import { arch, cpus, freemem, hostname, platform, release, totalmem } from 'node:os';
import type { Backend, BackendProbe } from '../engine/core/backend.js';
import { errorMessage } from '../engine/core/errors.js';
import { backendProbeSchema, type Environment } from '../engine/record/environment.js';

export interface AppIdentity {
  readonly name: string;
  readonly version: string;
  /** Where sweeps run: 'electron main', 'node (mixscope serve)'. */
  readonly host: string;
}

/** A backend that throws while probing is reported unavailable with that reason. */
export async function probeBackends(backends: readonly Backend[]): Promise<BackendProbe[]> {
  return Promise.all(
    backends.map((b) => b.probe().catch((err: unknown): BackendProbe => ({ id: b.id, available: false, reason: errorMessage(err), host: 'unknown', dtypes: [] }))),
  );
}

export function describeEnvironment(app: AppIdentity, probes: readonly BackendProbe[]): Environment {
  const cpu = cpus()[0];
  const runtime: Record<string, string> = {};
  for (const [name, version] of Object.entries(process.versions)) {
    if (typeof version === 'string' && ['node', 'v8', 'electron', 'chrome'].includes(name)) runtime[name] = version;
  }
  return {
    app: { name: app.name, version: app.version },
    runtime,
    os: { platform: platform(), release: release(), arch: arch() },
    cpu: { model: cpu?.model.trim() || 'unknown CPU', cores: cpus().length, ...(cpu?.speed ? { speedMHz: cpu.speed } : {}) },
    memory: { totalBytes: totalmem(), freeBytes: freemem() },
    // Through the record's schema: a probe with a field the record cannot hold fails here, not in a reader.
    backends: probes.map((p) => backendProbeSchema.parse(p)),
    host: app.host,
    hostname: hostname(),
  };
}
