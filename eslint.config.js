// Lint rules, including which folder may import what (the process boundaries of STYLE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'url', 'crypto'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'runs/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // TypeScript checks names in .vue files (vue-tsc), as typescript-eslint does for .ts files.
    rules: { 'no-undef': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // The command-line entry and the plain-JavaScript scripts run under plain Node.
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    // Only the Electron shell touches Electron. Placed before the folder blocks below: for a file
    // that several blocks match, the last block's no-restricted-imports is the one in force.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**', 'src-main/preload/**', 'src-main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/app and src-main/preload import electron.' }] }],
    },
  },
  {
    // The engine runs in Node and in a page: no Electron, Vue, DOM-only or Node built-ins.
    files: ['src-main/engine/**/*.ts'],
    ignores: ['src-main/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'vue', 'echarts', 'vue-echarts', ...NODE_BUILTINS], message: 'The engine is pure: it runs in Node and in a page.' },
            { group: ['**/gpu/**', '**/app/**', '**/cli/**', '**/services/**', '**/server/**', '**/preload/**', '**/src-renderer/**'], message: 'The engine imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    // The WGSL runner takes a GPUDevice from any host (Node worker, utility process, page).
    files: ['src-main/gpu/wgsl/**/*.ts'],
    ignores: ['src-main/gpu/wgsl/**/*.test.ts', 'src-main/gpu/wgsl/test-host.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', ...NODE_BUILTINS, '**/gpu/node/**'], message: 'src-main/gpu/wgsl is host-agnostic: the host passes in the device and the shader loader.' }] },
      ],
    },
  },
  {
    // The contract is shared by main, preload, renderer and the web transport.
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'vue', ...NODE_BUILTINS], message: 'The contract is pure data and schemas.' }] },
      ],
    },
  },
  {
    // Reports are rendered on the main side (CLI, web mode, the app's main process): Node yes, but
    // no Electron (the app hands in its own PDF printer) and no renderer code (the report page's
    // script is bundled from src-renderer/report and inlined, never imported).
    files: ['src-main/report/**/*.ts'],
    ignores: ['src-main/report/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'vue', 'echarts', 'echarts/*'], message: 'src-main/report runs in Node: the app passes Electron in, the page script is bundled.' },
            { group: ['**/src-renderer/**', '**/app/**', '**/preload/**', '**/cli/**', '**/server/**'], message: 'src-main/report imports the engine, services and gpu/page only.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the main side only through the contract client.
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...NODE_BUILTINS], message: 'The renderer is sandboxed: use the contract client.' },
            { group: ['**/src-main/gpu/**', '**/src-main/app/**', '**/src-main/services/**', '**/src-main/cli/**', '**/src-main/server/**'], message: 'The renderer may import only the engine and the contract.' },
          ],
        },
      ],
    },
  },
);
