#!/usr/bin/env node
// `npm start`: opens the desktop app where an Electron binary and a display exist (building it
// first when out/ is missing); elsewhere runs the headless quick profile, whose last line then
// says how to open the app or its web mode. `npm start -- --headless` always runs the profile.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const QUICK_PROFILE = ['bin/mixscope.mjs', 'run', '--quick', '--out', 'runs/quick.json', '--report', 'runs/quick.html'];

/**
 * The Electron binary's path, or why there is none. Read the way the electron package finds it,
 * without requiring the package: its index downloads a missing binary, and `npm start` must not.
 */
function electronBinary() {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const path = override ? join(override, name || 'electron') : name ? join(dir, 'dist', name) : '';
    return path && existsSync(path) ? { path } : { why: 'no Electron binary is installed' };
  } catch {
    return { why: 'the electron package is not installed' };
  }
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`${command}: ${err.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

async function openApp(electron) {
  if (!existsSync(resolve(ROOT, 'out/main/index.js'))) {
    console.log('Building the app (npm run build)…');
    const built = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
    if (built !== 0) return built;
  }
  return run(electron, ['.']);
}

const headlessAsked = process.argv.includes('--headless');
const electron = electronBinary();
const display = hasDisplay();
if (!headlessAsked && electron.path && display) {
  process.exitCode = await openApp(electron.path);
} else {
  const code = await run(process.execPath, QUICK_PROFILE);
  const why = headlessAsked ? 'asked for --headless' : !electron.path ? electron.why : 'no display was found';
  console.log(
    `Ran headless (${why}). To see the charts, \`npm run build\`, then open the desktop app with \`npx electron .\` (needs Electron and a display) ` +
      'or web mode with `node bin/mixscope.mjs serve --port 8080` and http://127.0.0.1:8080/ in a browser.',
  );
  process.exitCode = code;
}
