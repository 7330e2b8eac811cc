/**
 * The autotuner's choices (the matmul tile, sequential or parallel scans, the fused softmax kernel's
 * configuration) kept in the user-data folder (`wgsl-tuning.json`), keyed by adapter and driver (wgsl/tuning-key.ts), so the
 * second calibration on the same adapter reuses them without re-timing. The app's main answers
 * its compute window, which has no file system, from this same file (app/compute-tuning.ts). A file that cannot be read as one is ignored with a warning and rewritten on
 * the next store; an entry naming a configuration this version does not have is a miss.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { knownFusedConfig, type FusedConfig } from '../wgsl/fused-config.js';
import type { MatmulConfig } from '../wgsl/matmul-config.js';
import type { ScanConfig } from '../wgsl/scan-config.js';
import { knownMatmulConfig, type FusedTuningStore, type TuningCache } from '../wgsl/tuning-key.js';

export const TUNING_CACHE_FILE = 'wgsl-tuning.json';
const FORMAT = 'mixscope-wgsl-tuning';

const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  matmul: z.record(z.string(), z.object({ microM: z.number(), depth: z.number(), storedAt: z.string() })),
  /** The scans' choice per key; absent in files written before scans were tuned (they are tuned afresh). */
  scan: z.record(z.string(), z.object({ mode: z.enum(['sequential', 'parallel']), storedAt: z.string() })).optional(),
  /** The fused softmax kernel's configuration per key; absent in files written before it was tuned. */
  fused: z.record(z.string(), z.object({ rows: z.number(), keys: z.number(), rowsPerInvocation: z.number(), storedAt: z.string() })).optional(),
});
type CacheFile = z.infer<typeof fileSchema>;

export interface FileTuningCacheOptions {
  readonly warn?: (message: string) => void;
  readonly now?: () => Date;
}

export function fileTuningCache(dir: string, options: FileTuningCacheOptions = {}): TuningCache & FusedTuningStore {
  const path = join(dir, TUNING_CACHE_FILE);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const now = options.now ?? (() => new Date());

  async function load(): Promise<Pick<CacheFile, 'matmul' | 'scan' | 'fused'>> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`${path}: cannot read the tuning cache (${(err as Error).message}); tuning afresh`);
      return { matmul: {} };
    }
    try {
      return fileSchema.parse(JSON.parse(text));
    } catch {
      warn(`${path}: not a valid tuning cache; ignored, and rewritten after the next tuning`);
      return { matmul: {} };
    }
  }

  /** Rewrites the file with one entry changed. */
  async function save(change: (file: Pick<CacheFile, 'matmul' | 'scan' | 'fused'>) => Pick<CacheFile, 'matmul' | 'scan' | 'fused'>): Promise<void> {
    try {
      const file: CacheFile = { format: FORMAT, version: 1, ...change(await load()) };
      await mkdir(dir, { recursive: true });
      // Written aside and renamed: two hosts storing at once leave one whole file, never a torn one.
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`);
      await rename(temp, path);
    } catch (err) {
      warn(`${path}: cannot write the tuning cache (${(err as Error).message}); the choice is kept for this process only`);
    }
  }

  return {
    async lookup(key: string): Promise<MatmulConfig | undefined> {
      const entry = (await load()).matmul[key];
      return entry && knownMatmulConfig(entry);
    },
    store: (key: string, config: MatmulConfig) =>
      save((file) => ({ ...file, matmul: { ...file.matmul, [key]: { microM: config.microM, depth: config.depth, storedAt: now().toISOString() } } })),
    async lookupScan(key: string): Promise<ScanConfig | undefined> {
      const entry = (await load()).scan?.[key];
      return entry && { mode: entry.mode };
    },
    storeScan: (key: string, config: ScanConfig) =>
      save((file) => ({ ...file, scan: { ...(file.scan ?? {}), [key]: { mode: config.mode, storedAt: now().toISOString() } } })),
    async lookupFused(key: string): Promise<FusedConfig | undefined> {
      const entry = (await load()).fused?.[key];
      return entry && knownFusedConfig(entry);
    },
    storeFused: (key: string, c: FusedConfig) =>
      save((file) => ({ ...file, fused: { ...(file.fused ?? {}), [key]: { rows: c.rows, keys: c.keys, rowsPerInvocation: c.rowsPerInvocation, storedAt: now().toISOString() } } })),
  };
}
