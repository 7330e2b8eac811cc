/**
 * Where the window's page comes from. Built: `app://mixscope/`, a privileged scheme served from
 * out/renderer by our own handler (so every response carries our CSP header and nothing else can
 * be loaded under that origin). Development: the electron-vite dev server URL.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mixscope';

export interface RendererEntry {
  readonly url: string;
  /** `scheme://host[:port]`: what the sender check compares frame URLs against. */
  readonly origin: string;
}

/** Node's URL gives 'null' as the origin of non-special schemes, so build it from its parts. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

export function rendererEntry(devServerUrl: string | undefined): RendererEntry {
  if (devServerUrl) {
    const origin = originOf(devServerUrl);
    if (origin) return { url: devServerUrl, origin };
  }
  return { url: `${APP_SCHEME}://${APP_HOST}/index.html`, origin: `${APP_SCHEME}://${APP_HOST}` };
}
