// Builds the three parts of the desktop app into out/: main (+ the compute host's utility
// process), the sandboxed preload (one CommonJS file: a sandboxed preload cannot load ES
// modules or other files), and the renderer (src-renderer/index.html), which web mode serves too.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src-main/app/main.ts'),
          'compute-host': resolve(__dirname, 'src-main/app/compute-host-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
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
