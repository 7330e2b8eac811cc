/**
 * Serves the built compute page from 127.0.0.1 on a free port, and other folders under given
 * prefixes (the repository's shaders/ under `/shaders/`, fetched by the page's wgsl backend).
 * Cross-origin isolation headers are set so the page gets SharedArrayBuffer (gpu.js's threaded
 * webasm path).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.wgsl': 'text/plain; charset=utf-8',
};

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The folder a URL path falls in: the longest matching mount (e.g. '/shaders/'), else the page's root. */
function locate(path: string, root: string, mounts: Readonly<Record<string, string>>): { base: string; rest: string } {
  const prefix = Object.keys(mounts)
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix !== undefined) return { base: resolve(mounts[prefix]!) + sep, rest: path.slice(prefix.length) };
  return { base: resolve(root) + sep, rest: path === '/' ? 'index.html' : path };
}

export function servePage(root: string, mounts: Readonly<Record<string, string>> = {}): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const { base, rest } = locate(path, root, mounts);
    const file = normalize(join(base, rest));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
