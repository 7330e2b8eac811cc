/**
 * `mixscope serve [--port N] [--data DIR]`: the app's web mode. The main side's services behind
 * 127.0.0.1 and the built renderer in any browser; it prints its URL, which carries a random token
 * made for this start (no one without it can open the page or the WebSocket), and runs until
 * interrupted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MixscopeError } from '../engine/core/errors.js';
import { startWebServer } from '../server/web-server.js';
import { BackendPool } from '../services/backend-pool.js';
import { createServices } from '../services/create-services.js';
import { defaultUserDataDir, runsDirOf } from '../services/data-dir.js';
import { nodeAbsentReason } from '../services/node-backends.js';
import { BACKEND_FACTORIES } from './backends.js';
import type { CliIo } from './io.js';

export const SERVE_USAGE = 'serve   [--port N] [--data DIR]                    the app in a browser at http://127.0.0.1:N/?token=…';

/** The renderer `npm run build` writes; MIXSCOPE_RENDERER_DIR points elsewhere (tests, a packaged copy). */
const rendererDir = (): string => process.env['MIXSCOPE_RENDERER_DIR'] ?? fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const HOST = 'node (mixscope serve)';
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface ServeArgs {
  readonly port: number;
  readonly dataDir: string;
}

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let port = 0;
  let dataDir = defaultUserDataDir();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port' && value !== undefined) {
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new MixscopeError(`--port: expected a port number 0-65535, got '${value}'`);
      i++;
    } else if (flag === '--data' && value !== undefined) {
      dataDir = value;
      i++;
    } else {
      throw new MixscopeError(`serve: unexpected argument '${flag}' (usage: ${SERVE_USAGE})`);
    }
  }
  return { port, dataDir };
}

/** Resolves with the exit code once Ctrl-C (or SIGTERM) has stopped the server. */
export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseServeArgs(argv);
  const renderer = rendererDir();
  if (!existsSync(renderer)) throw new MixscopeError(`serve: the renderer is not built (${renderer} is missing); run 'npm run build' first`, 'io');
  // The compute hosts keep wgsl's tuning cache beside the runs (they read MIXSCOPE_USER_DATA).
  process.env['MIXSCOPE_USER_DATA'] ??= args.dataDir;
  // The CLI's own resolver: `serve` offers exactly the backends `mixscope run` does.
  const backends = new BackendPool(Object.fromEntries(BACKEND_FACTORIES), HOST, nodeAbsentReason);
  const services = createServices({ runsDir: runsDirOf(args.dataDir), app: { name: 'mixscope', version: VERSION, host: HOST }, backends });
  // Before serving: dead writers' temp files go, runs killed mid-sweep are closed as 'interrupted'.
  await services.store.open();
  const server = await startWebServer({ port: args.port, rendererDir: renderer, dispatch: services.dispatch, hub: services.hub });
  io.stdout(`mixscope serving at ${server.url}\n`);
  io.stdout(`runs are saved in ${runsDirOf(args.dataDir)}; press Ctrl+C to stop\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      stopInterrupt();
      process.off('SIGTERM', stop);
      done();
    };
    const stopInterrupt = io.onInterrupt(stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await services.shutdown();
  return 0;
}
