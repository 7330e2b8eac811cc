/**
 * Serves the built renderer under `app://mixscope/` with the strict CSP on every response, and
 * adds the same header to the dev server's responses. Registering the scheme as privileged must
 * happen before the app is ready; handling it, after.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentSecurityPolicy } from '../server/csp.js';
import { contentType, resolveUnder } from '../server/static-files.js';
import { APP_HOST, APP_SCHEME, originOf } from './renderer-origin.js';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' };
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveUnder(rendererDir, url.pathname) : null;
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
