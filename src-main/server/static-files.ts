/**
 * Serves the built renderer (out/renderer) read-only: GET and HEAD, files under the root only,
 * `/` as index.html, to requests that name this server in Host and hold the start's token
 * (access.ts: the query once, then the cookie it sets).
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { credentialOf, isOwnHost, requestUrl, tokenCookie } from './access.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

/** The file a URL path names under `root`, or null when it would leave it. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  if (relative.startsWith('..')) return null;
  const file = join(root, relative);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

export interface StaticSite {
  readonly root: string;
  readonly port: number;
  readonly token: string;
  readonly headers: Record<string, string>;
}

export async function serveStatic(site: StaticSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...site.headers, ...extra, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (!isOwnHost(req.headers.host, site.port)) return send(421, 'wrong host\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
  const url = requestUrl(req, site.port);
  if (!url) return send(400, 'bad request\n');
  const credential = credentialOf(req, url, site.port, site.token);
  if (!credential) return send(401, 'open the URL that mixscope serve printed (it carries this start\'s token)\n');
  if (credential === 'query') {
    url.searchParams.delete('token');
    return send(303, 'see other\n', 'text/plain; charset=utf-8', { Location: url.pathname + url.search, 'Set-Cookie': tokenCookie(site.port, site.token), 'Cache-Control': 'no-store' });
  }
  const file = resolveUnder(site.root, url.pathname);
  if (!file) return send(404, 'not found\n');
  try {
    if (!(await stat(file)).isFile()) return send(404, 'not found\n');
    send(200, await readFile(file), contentType(file));
  } catch {
    send(404, 'not found\n');
  }
}
