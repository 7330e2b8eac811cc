/**
 * The app's main process loads nothing it does not use: the static import graph of
 * out/main/index.js (what runs before the first window opens) reaches no native GPU module, no
 * build tool and no browser driver, imported or inlined. The same holds for the sweep thread and
 * the CPU hosts' utility entry, which must also never load gpu.js's optional headless-gl.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt, ROOT } from './main-build.js';
import { packageOf, staticGraph } from './main-graph.js';

const FORBIDDEN = ['webgpu', 'gl', 'playwright-core', 'playwright', 'vite', 'rolldown'];

/** Every forbidden package the graph imports or inlines, with how. */
function offenders(entry: string): string[] {
  const graph = staticGraph(join(ROOT, 'out/main', entry));
  const imported = [...graph.imports].map(packageOf).filter((p) => FORBIDDEN.includes(p));
  const inlined = [...graph.inlined].filter((p) => FORBIDDEN.includes(p));
  return [...imported.map((p) => `imports ${p}`), ...inlined.map((p) => `inlines ${p}`)];
}

describe('out/main after npm run build', () => {
  beforeAll(() => ensureAppBuilt(), 300_000);

  it.each(['index.js', 'sweep-thread.js', 'compute-host.js'])('%s reaches no native GPU module, build tool or browser driver at start', (entry) => {
    expect(offenders(entry)).toEqual([]);
  });

  it('main and the sweep thread do not load gpu.js; only the CPU host loads kernel code', () => {
    for (const entry of ['index.js', 'sweep-thread.js']) {
      expect([...staticGraph(join(ROOT, 'out/main', entry)).imports].map(packageOf)).not.toContain('gpu.js');
    }
  });

  it('holds no copy of a build tool, browser driver or native GPU module, not even for a lazy import', () => {
    const files = readdirSync(join(ROOT, 'out/main'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    const inlined = files.flatMap((f) => {
      const text = readFileSync(join(ROOT, 'out/main', f), 'utf8');
      return FORBIDDEN.filter((p) => text.includes(`node_modules/${p}/`)).map((p) => `${f} inlines ${p}`);
    });
    expect(inlined).toEqual([]);
  });

  it('the walk sees what a bundle imports and inlines, and skips what it imports lazily', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mixscope-graph-'));
    writeFileSync(join(dir, 'entry.js'), 'import { a } from "./chunk.js";\nimport "electron";\nconst lazy = () => import("./lazy.js");\n');
    writeFileSync(join(dir, 'chunk.js'), 'import { create } from "webgpu/dist/index.js";\n// node_modules/vite/dist/node/index.js\nexport const a = 1;\n');
    writeFileSync(join(dir, 'lazy.js'), 'import "playwright-core";\n');
    const graph = staticGraph(join(dir, 'entry.js'));
    expect([...graph.imports].map(packageOf).sort()).toEqual(['electron', 'webgpu']);
    expect([...graph.inlined]).toEqual(['vite']);
    expect(graph.files).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
