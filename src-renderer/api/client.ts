/**
 * The one way the renderer talks to the main side: the contract's typed client, over the Electron
 * preload bridge (`window.mixscope`) or, in web mode, over the WebSocket of the page's own server.
 */
import { createBridge, createClient, webSocketTransport, webSocketUrl, type MixscopeWindow } from '@contract/index.js';

const bridge = (window as MixscopeWindow).mixscope ?? createBridge(webSocketTransport(new WebSocket(webSocketUrl(window.location))));

export const client = createClient(bridge);

/** What a failed call says to the user: the contract error's one line. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
