import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's aliases (electron.vite.config.ts), so its chart builders are tested in Node.
  resolve: { alias: { '@engine': resolve(import.meta.dirname, 'src-main/engine'), '@contract': resolve(import.meta.dirname, 'src-main/contract') } },
  test: {
    include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: GPU-software and browser suites are heavy, so files run two at a time.
    maxWorkers: 2,
    // Compute hosts keep wgsl's tuning cache in the user-data folder: tests use a folder of their
    // own, never the user's.
    env: { MIXSCOPE_USER_DATA: mkdtempSync(join(tmpdir(), 'mixscope-test-user-data-')) },
  },
});
