/**
 * Where the Electron binary is, if it was downloaded. Read from electron's own path.txt rather than
 * `require('electron')`: requiring it with no binary starts a download, which must not happen here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary(): { path: string } | { missing: string } {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = join(root, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `no Electron binary (${pathFile} is absent; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1?)` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const path = override ? join(override, relative) : join(root, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `no Electron binary at ${path}` };
}
