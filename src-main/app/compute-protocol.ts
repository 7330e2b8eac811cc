/**
 * Serves the compute page under `app://compute/` (its own origin, apart from the UI's
 * `app://mixscope/`): the built page (out/compute-page) and the shaders it fetches under
 * `/shaders/`. Its CSP is the page's own: gpu.js compiles kernels with `new Function`, so
 * 'unsafe-eval' is allowed here and never in the UI's origin; nothing remote is ever loaded.
 */
import { readFile } from 'node:fs/promises';
import { contentType, resolveUnder } from '../server/static-files.js';
import { APP_SCHEME } from './renderer-origin.js';

export const COMPUTE_HOST = 'compute';
export const COMPUTE_ORIGIN = `${APP_SCHEME}://${COMPUTE_HOST}`;

/** Where the compute origin's files come from. */
export interface ComputePageFiles {
  readonly pageDir: string;
  readonly shadersDir: string;
}

export function computePageCsp(): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'unsafe-eval'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const HEADERS = {
  'Content-Security-Policy': computePageCsp(),
  'X-Content-Type-Options': 'nosniff',
  // Cross-origin isolation gives the page SharedArrayBuffer (gpu.js's threaded webasm path).
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The response for a URL path under the compute origin: a file of the page or a shader. */
export async function computePageResponse(pathname: string, { pageDir, shadersDir }: ComputePageFiles): Promise<Response> {
  const shader = pathname.startsWith('/shaders/');
  const file = shader ? resolveUnder(shadersDir, pathname.slice('/shaders'.length)) : resolveUnder(pageDir, pathname);
  if (!file) return new Response('not found', { status: 404, headers: HEADERS });
  try {
    const type = shader ? 'text/plain; charset=utf-8' : contentType(file);
    return new Response(await readFile(file), { headers: { ...HEADERS, 'Content-Type': type } });
  } catch {
    return new Response('not found', { status: 404, headers: HEADERS });
  }
}
