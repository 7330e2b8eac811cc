// Builds the parts of the desktop app into out/: main (+ the CPU hosts' utility process entry and
// the sweep thread's entry),
// the sandboxed preloads (one CommonJS file each: a sandboxed preload cannot load ES modules or
// other files) of the UI window and of the hidden compute window, the renderer
// (src-renderer/index.html), which web mode serves too, the compute page (out/compute-page) and
// the HTML report's script (out/report).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { buildComputePage } from './src-main/gpu/page/build';
import { buildReportScript } from './src-main/report/bundle';

// The compute page is its own vite build, not a renderer input: gpu.js translates kernels from
// their source text, so the page must stay unminified, and it has its own origin and CSP.
const computePage: Plugin = {
  name: 'mixscope-compute-page',
  apply: 'build',
  async closeBundle() {
    await buildComputePage(resolve(__dirname, 'out/compute-page'), true);
  },
};

// The HTML report's script (ECharts and the chart builders as one IIFE, out/report/report.js): main
// inlines it into every report it writes, so it ships beside main, not in the renderer.
const reportScript: Plugin = {
  name: 'mixscope-report-script',
  apply: 'build',
  async closeBundle() {
    await buildReportScript(resolve(__dirname, 'out/report'), true);
  },
};

// Reached from main only through lazy imports on paths the app never takes (the report script's
// on-demand build from a source checkout, PDF through headless Chromium: the app prints with
// Electron and ships out/report/report.js): left out of out/main instead of bundled there.
const NOT_IN_MAIN = ['vite', 'rolldown', 'playwright-core', 'playwright', 'webgpu', 'gl'];

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        external: NOT_IN_MAIN.map((name) => new RegExp(`^${name}(/|$)`)),
        input: {
          index: resolve(__dirname, 'src-main/app/main.ts'),
          'compute-host': resolve(__dirname, 'src-main/app/compute-host-entry.ts'),
          'sweep-thread': resolve(__dirname, 'src-main/services/sweep-thread-entry.ts'),
        },
      },
    },
    plugins: [computePage, reportScript],
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts'), compute: resolve(__dirname, 'src-main/preload/compute.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    resolve: { alias: { '@engine': resolve(__dirname, 'src-main/engine'), '@contract': resolve(__dirname, 'src-main/contract') } },
    plugins: [vue()],
  },
});
