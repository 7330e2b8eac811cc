/** One line of the history list (date, device, settings) from a full run record. */
import type { RunRecord } from '../engine/record/schema.js';
import type { RunSummary } from '../contract/schemas.js';

/**
 * The device a run measured: the adapter of the first GPU backend it asked for and had, marked
 * when it is a software rasterizer; otherwise the CPU (the js and reference backends).
 */
export function runDevice(record: RunRecord): string {
  const { backends, cpu } = record.environment;
  for (const id of record.settings.backends) {
    const adapter = backends.find((b) => b.id === id && b.available)?.adapter;
    if (adapter) {
      const name = adapter.description || [adapter.vendor, adapter.device].filter(Boolean).join(' ') || id;
      return adapter.software ? `${name} (software)` : name;
    }
  }
  return cpu.model;
}

export function summarizeRun(record: RunRecord): RunSummary {
  return {
    id: record.id,
    status: record.status,
    startedAt: record.startedAt,
    ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}),
    device: runDevice(record),
    settings: record.settings,
    points: record.points.length,
  };
}

/** A run file that cannot be read: listed with its reason so that it hides nothing and can be deleted. */
export function unreadableRun(id: string, modified: Date, problem: string): RunSummary {
  return { id, status: 'unreadable', startedAt: modified.toISOString(), device: '', points: 0, problem };
}
