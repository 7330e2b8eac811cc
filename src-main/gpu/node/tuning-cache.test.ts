import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdapterInfo } from '../../engine/core/backend.js';
import { tuningKey } from '../wgsl/tuning-key.js';
import { fileTuningCache, TUNING_CACHE_FILE } from './tuning-cache.js';

const adapter: AdapterInfo = { vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader driver 5.0.0', software: true };
const host = 'node-host (Dawn, swiftshader-vulkan)';
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixscope-tuning-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('wgsl tuning cache in the user-data folder', () => {
  it('gives back a stored choice for the same adapter and driver, across cache instances', async () => {
    const dir = join(tempDir(), 'not-yet-made');
    const key = tuningKey(adapter, host);
    expect(await fileTuningCache(dir).lookup(key)).toBeUndefined();
    await fileTuningCache(dir).store(key, { microM: 8, depth: 32 });
    expect(await fileTuningCache(dir).lookup(key)).toEqual({ microM: 8, depth: 32 });
  });

  it('keeps the scan choice beside the tile, each store leaving the other in place', async () => {
    const dir = tempDir();
    const key = tuningKey(adapter, host);
    const cache = fileTuningCache(dir);
    expect(await cache.lookupScan!(key)).toBeUndefined();
    await cache.store(key, { microM: 4, depth: 16 });
    await cache.storeScan!(key, { mode: 'parallel' });
    await cache.store(key, { microM: 8, depth: 32 });
    const again = fileTuningCache(dir);
    expect(await again.lookupScan!(key)).toEqual({ mode: 'parallel' });
    expect(await again.lookup(key)).toEqual({ microM: 8, depth: 32 });
    // A file written before scans were tuned reads its tiles and misses the scan.
    writeFileSync(join(dir, TUNING_CACHE_FILE), JSON.stringify({ format: 'mixscope-wgsl-tuning', version: 1, matmul: { [key]: { microM: 4, depth: 8, storedAt: 'x' } } }));
    expect(await again.lookup(key)).toEqual({ microM: 4, depth: 8 });
    expect(await again.lookupScan!(key)).toBeUndefined();
  });

  it('misses for another adapter, another driver version or another route', async () => {
    const dir = tempDir();
    const cache = fileTuningCache(dir);
    await cache.store(tuningKey(adapter, host), { microM: 8, depth: 32 });
    expect(await cache.lookup(tuningKey({ ...adapter, vendor: 'nvidia', architecture: 'ampere' }, host))).toBeUndefined();
    expect(await cache.lookup(tuningKey({ ...adapter, description: 'SwiftShader driver 5.0.1' }, host))).toBeUndefined();
    expect(await cache.lookup(tuningKey(adapter, 'node-host (Dawn, llvmpipe)'))).toBeUndefined();
    await cache.store(tuningKey(adapter, 'node-host (Dawn, llvmpipe)'), { microM: 4, depth: 8 });
    expect(await cache.lookup(tuningKey(adapter, host))).toEqual({ microM: 8, depth: 32 });
  });

  it('ignores a corrupt file with a warning and rewrites it on the next store', async () => {
    const dir = tempDir();
    const path = join(dir, TUNING_CACHE_FILE);
    writeFileSync(path, '{"format": "mixscope-wgsl-tuning", "matmul": ');
    const warnings: string[] = [];
    const cache = fileTuningCache(dir, { warn: (m) => warnings.push(m) });
    const key = tuningKey(adapter, host);
    expect(await cache.lookup(key)).toBeUndefined();
    expect(warnings).toEqual([`${path}: not a valid tuning cache; ignored, and rewritten after the next tuning`]);
    await cache.store(key, { microM: 4, depth: 16 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'mixscope-wgsl-tuning', version: 1 });
    expect(await cache.lookup(key)).toEqual({ microM: 4, depth: 16 });
  });

  it('treats an entry naming a configuration this version does not have as a miss', async () => {
    const dir = tempDir();
    const key = tuningKey(adapter, host);
    const file = { format: 'mixscope-wgsl-tuning', version: 1, matmul: { [key]: { microM: 16, depth: 16, storedAt: '2026-01-01T00:00:00.000Z' } } };
    writeFileSync(join(dir, TUNING_CACHE_FILE), JSON.stringify(file));
    expect(await fileTuningCache(dir).lookup(key)).toBeUndefined();
  });
});
