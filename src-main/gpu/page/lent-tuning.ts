/**
 * The wgsl tuning cache that main lends the app's compute window. A sandboxed page has no file
 * system, so the compute window's preload exposes `window.mixscopeTuning` (one function per method
 * of `TuningCache` and `FusedTuningStore`, each an IPC call), and main answers from the same `wgsl-tuning.json` the Node
 * hosts keep in the user-data folder (src-main/app/compute-tuning.ts). The page wraps it back into
 * a `TuningCache` for its WgslBackend, so calibration reuses a choice as it does under Node.
 * Headless Chromium (the CLI's page host) has no such bridge and keeps no cache.
 * Shared by the page, the compute preload and main: no Node built-ins, no schema library.
 */
import type { FusedTuningStore, TuningCache } from '../wgsl/tuning-key.js';

/** The route the compute window's probes and tuning keys name (entry.ts, app/window-backend.ts). */
export const COMPUTE_WINDOW_HOST = 'compute window (Electron)';
/** The one IPC channel of the lent cache; main refuses it from any sender but the compute window. */
export const TUNING_CHANNEL = 'mixscope:compute-tuning';
/** Where the compute preload puts the bridge on `window`. */
export const TUNING_BRIDGE = 'mixscopeTuning';

/** The whole cache a Node host has: the tile, the scans and the fused softmax kernel. */
export type LentTuningCache = Required<TuningCache> & FusedTuningStore;
export type TuningMethod = keyof LentTuningCache;
/** Every method of the cache; the check below fails to compile when one is added and not lent. */
export const TUNING_METHODS = ['lookup', 'store', 'lookupScan', 'storeScan', 'lookupFused', 'storeFused'] as const satisfies readonly TuningMethod[];
type Unlent = Exclude<TuningMethod, (typeof TUNING_METHODS)[number]>;
const everyMethodLent: [Unlent] extends [never] ? true : Unlent = true;
void everyMethodLent;

/** What crosses the channel: a method, the adapter's tuning key and, for a store, the choice. */
export interface TuningCall {
  readonly method: TuningMethod;
  readonly key: string;
  readonly config?: unknown;
}

/** Main's answer, the contract's envelope: a lookup's value is the choice or null (a miss). */
export type TuningReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** `window.mixscopeTuning` as the page sees it: `(key, config?) => Promise<TuningReply>` per method. */
export type TuningBridge = Readonly<Record<TuningMethod, (key: string, config?: unknown) => Promise<unknown>>>;

/** The bridge the preload exposes, built on one `invoke` (ipcRenderer's, or a test's fake). */
export function buildTuningBridge(invoke: (channel: string, call: TuningCall) => Promise<unknown>): TuningBridge {
  const bridge = {} as Record<TuningMethod, (key: string, config?: unknown) => Promise<unknown>>;
  for (const method of TUNING_METHODS) {
    bridge[method] = (key, config) => invoke(TUNING_CHANNEL, config === undefined ? { method, key } : { method, key, config });
  }
  return Object.freeze(bridge);
}

function isReply(raw: unknown): raw is TuningReply {
  if (typeof raw !== 'object' || raw === null) return false;
  const reply = raw as { ok?: unknown; error?: unknown };
  return reply.ok === true ? 'value' in reply : reply.ok === false && typeof reply.error === 'object' && reply.error !== null;
}

/**
 * The lent cache as the WgslBackend takes it. Like the file cache it never throws: a refused or
 * failed call is a miss (or an unkept choice) with a warning, and the device is tuned afresh.
 */
export function lentTuningCache(bridge: TuningBridge, warn: (message: string) => void = (m) => console.warn(m)): LentTuningCache {
  async function call(method: TuningMethod, key: string, config?: unknown): Promise<unknown> {
    try {
      const reply: unknown = await bridge[method](key, config);
      if (!isReply(reply)) throw new Error('main sent no tuning reply');
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value ?? undefined;
    } catch (err) {
      const outcome = method.startsWith('store') ? 'the choice is kept for this window only' : 'tuning afresh';
      warn(`wgsl tuning cache (lent by main): ${method} failed (${err instanceof Error ? err.message : String(err)}); ${outcome}`);
      return undefined;
    }
  }
  return {
    lookup: (key) => call('lookup', key) as ReturnType<LentTuningCache['lookup']>,
    store: async (key, config) => void (await call('store', key, config)),
    lookupScan: (key) => call('lookupScan', key) as ReturnType<LentTuningCache['lookupScan']>,
    storeScan: async (key, config) => void (await call('storeScan', key, config)),
    lookupFused: (key) => call('lookupFused', key) as ReturnType<LentTuningCache['lookupFused']>,
    storeFused: async (key, config) => void (await call('storeFused', key, config)),
  };
}
