/**
 * The history's index: each run file's summary keyed by the file's identity (inode, size, mtime),
 * kept in memory and in `<runs>/.index.json`, so listing a hundred runs is a folder read and a
 * hundred stats rather than a hundred parses. A rewritten file (an atomic write is a new inode)
 * misses and is read again. The index is only a cache: a missing or corrupt one is rebuilt, and
 * it holds entries only for files present at the last listing (bounded by the folder).
 */
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { runSummarySchema, type RunSummary } from '../contract/schemas.js';
import { writeFileAtomic } from './atomic-write.js';

const stampSchema = z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number() });
const indexSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.object({ stamp: stampSchema, summary: runSummarySchema })) });

export type FileStamp = z.infer<typeof stampSchema>;

export function stampOf(stats: Stats): FileStamp {
  return { ino: stats.ino, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs) };
}

const sameStamp = (a: FileStamp, b: FileStamp) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

export class RunIndex {
  private entries = new Map<string, { stamp: FileStamp; summary: RunSummary }>();
  private dirty = false;
  private loaded = false;

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const parsed = indexSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) this.entries = new Map(Object.entries(parsed.data.entries));
    } catch {
      // No index yet, or an unreadable one: it is rebuilt by the next listing.
    }
  }

  get(id: string, stamp: FileStamp): RunSummary | undefined {
    const entry = this.entries.get(id);
    return entry && sameStamp(entry.stamp, stamp) ? entry.summary : undefined;
  }

  set(id: string, stamp: FileStamp, summary: RunSummary): void {
    this.entries.set(id, { stamp, summary });
    this.dirty = true;
  }

  /** Forgets every run not in `present`. */
  keepOnly(present: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) {
      if (!present.has(id)) {
        this.entries.delete(id);
        this.dirty = true;
      }
    }
  }

  /** Writes the index when it changed; a failure only costs the next start a re-read. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const entries = Object.fromEntries(this.entries);
    await writeFileAtomic(this.file, JSON.stringify({ version: 1, entries }), { durable: false }).catch(() => {
      this.dirty = true;
    });
  }
}
