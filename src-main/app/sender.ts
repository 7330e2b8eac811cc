/**
 * Main answers only its own page: the call must come from our window's webContents, from its
 * top frame, loaded from the renderer's origin. A frame that navigated elsewhere, an iframe, or
 * any other webContents is refused before the payload is even parsed.
 */
import { originOf } from './renderer-origin.js';

export interface SenderInfo {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export function isTrustedSender(event: SenderInfo, window: { readonly webContents: unknown } | null, origin: string): boolean {
  if (!window || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return originOf(frame.url) === origin;
}
