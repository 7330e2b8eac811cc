/** A compared run in short: who it is and where it ran (the comparison's `runs`). */
import type { RunRecord } from '../record/schema.js';
import type { RunSummary } from './schema.js';

export function summarizeRun(record: RunRecord, label: string): RunSummary {
  const env = record.environment;
  return {
    id: record.id,
    label,
    status: record.status,
    startedAt: record.startedAt,
    points: record.points.length,
    environment: {
      appVersion: env.app.version,
      os: [env.os.platform, env.os.release, env.os.arch].filter(Boolean).join(' '),
      cpu: env.cpu.model,
      cores: env.cpu.cores,
      memoryBytes: env.memory.totalBytes,
      host: env.host,
      backends: env.backends
        .filter((b) => b.available)
        .map((b) => ({
          id: b.id,
          host: b.host,
          adapter: b.adapter ? b.adapter.description || [b.adapter.vendor, b.adapter.architecture].filter(Boolean).join(' ') || null : null,
          software: b.adapter ? b.adapter.software : null,
        })),
    },
  };
}
