/**
 * Serves the built renderer under `app://mixscope/` with the strict CSP on every response, and
 * adds the same header to the dev server's responses; the hidden compute page has its own origin,
 * `app://compute/` (compute-protocol.ts). Registering the scheme as privileged must happen before
 * the app is ready; handling it, after.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentSecurityPolicy } from '../server/csp.js';
import { contentType, resolveUnder } from '../server/static-files.js';
import { COMPUTE_HOST, computePageResponse, type ComputePageFiles } from './compute-protocol.js';
import { APP_HOST, APP_SCHEME, originOf } from './renderer-origin.js';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** `rendererDir` is left out in development, where the UI comes from the dev server. */
export function serveRenderer(rendererDir: string | undefined, compute: ComputePageFiles): void {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' };
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === COMPUTE_HOST) return computePageResponse(url.pathname, compute);
    const file = url.host === APP_HOST && rendererDir ? resolveUnder(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404, headers });
    try {
      return new Response(await readFile(file), { headers: { ...headers, 'Content-Type': contentType(file) } });
    } catch {
      return new Response('not found', { status: 404, headers });
    }
  });
}

/** In development the page comes from the dev server; its responses get the CSP too. */
export function applyDevServerCsp(session: Session, devOrigin: string): void {
  const policy = contentSecurityPolicy([devOrigin.replace(/^http/, 'ws')], { devServer: true });
  session.webRequest.onHeadersReceived((details, respond) => {
    const headers = { ...details.responseHeaders };
    if (originOf(details.url) === devOrigin) headers['Content-Security-Policy'] = [policy];
    respond({ responseHeaders: headers });
  });
}
