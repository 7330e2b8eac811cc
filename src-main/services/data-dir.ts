/**
 * The app's user-data folder, as Electron's `app.getPath('userData')` names it for an app called
 * mixscope, so `mixscope serve` and the desktop app share one history. Runs live in `runs/`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'mixscope';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), APP_NAME);
}

export function runsDirOf(userDataDir: string): string {
  return join(userDataDir, 'runs');
}
