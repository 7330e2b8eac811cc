/**
 * `mixscope serve [--port N] [--data DIR]`: the app's web mode. The main side's services behind
 * 127.0.0.1 and the built renderer in any browser; it prints its URL and runs until interrupted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MixscopeError } from '../engine/core/errors.js';
import { startWebServer } from '../server/web-server.js';
import { BackendPool } from '../services/backend-pool.js';
import { createServices } from '../services/create-services.js';
import { defaultUserDataDir, runsDirOf } from '../services/data-dir.js';
import { nodeAbsentReason, nodeBackendFactories } from '../services/node-backends.js';

export const SERVE_USAGE = 'mixscope serve [--port N] [--data DIR]   serve the app on http://127.0.0.1:N/ (default: a free port)';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
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

/** Resolves with the exit code once SIGINT or SIGTERM has stopped the server. */
export async function serve(argv: readonly string[]): Promise<number> {
  const args = parseServeArgs(argv);
  if (!existsSync(RENDERER_DIR)) throw new MixscopeError(`serve: the renderer is not built (${RENDERER_DIR} is missing); run 'npm run build' first`, 'io');
  const backends = new BackendPool(nodeBackendFactories(HOST), HOST, nodeAbsentReason);
  const services = createServices({ runsDir: runsDirOf(args.dataDir), app: { name: 'mixscope', version: VERSION, host: HOST }, backends });
  const server = await startWebServer({ port: args.port, rendererDir: RENDERER_DIR, dispatch: services.dispatch, hub: services.hub });
  console.log(`mixscope serving at ${server.url}`);
  console.log(`runs are saved in ${runsDirOf(args.dataDir)}; press Ctrl+C to stop`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  await services.shutdown();
  return 0;
}
