/**
 * The Content-Security-Policy of the renderer, in Electron and in web mode alike: scripts, styles
 * and fonts only from the app's own origin, no eval, no inline script, no plugins, no framing,
 * and connections only back to the app (the web mode's WebSocket). Nothing remote is ever loaded.
 * Inline `style="..."` attributes are refused too; ECharts styles its nodes through the CSSOM,
 * which CSP does not restrict.
 */
export function contentSecurityPolicy(connect: readonly string[] = [], options: { devServer?: boolean } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // The dev server injects each stylesheet as a <style> element (hot reload); a build links files.
    options.devServer ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every file the web mode serves. */
export function securityHeaders(origin: string): Record<string, string> {
  const ws = origin.replace(/^http/, 'ws');
  return {
    'Content-Security-Policy': contentSecurityPolicy([ws]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
