/**
 * Who may drive web mode: only a page that was given this start's token. `mixscope serve` makes a
 * random token per start and prints it in the URL (`/?token=...`); the page load that carries it
 * sets an HttpOnly, SameSite=Strict cookie (named per port: cookies ignore ports) and is redirected
 * to the same path without it, so the token is neither in the address bar nor readable by script.
 * The WebSocket takes the token as the `token` query parameter of `/ws` or as that cookie. Every
 * request must also name this server in Host (DNS rebinding), and an upgrade must come from its
 * own origin. A local process that merely sets `Origin` learns nothing and drives nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export const cookieName = (port: number): string => `mixscope-token-${port}`;

export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage, port: number): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === cookieName(port)) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The request's URL parsed against this server, or null for a target that is not a path. */
export function requestUrl(req: IncomingMessage, port: number): URL | null {
  const target = req.url ?? '/';
  if (!target.startsWith('/')) return null;
  try {
    return new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

export type Credential = 'query' | 'cookie' | null;

/** How the request proved it holds the token, if it did. */
export function credentialOf(req: IncomingMessage, url: URL, port: number, token: string): Credential {
  if (sameToken(url.searchParams.get('token') ?? undefined, token)) return 'query';
  if (sameToken(cookieToken(req, port), token)) return 'cookie';
  return null;
}
