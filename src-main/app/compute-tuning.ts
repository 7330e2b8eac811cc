/**
 * Main's side of the wgsl tuning cache lent to the compute window (src-main/gpu/page/lent-tuning.ts):
 * one `ipcMain.handle` on its channel, behind the sender check (the compute window's top frame on
 * `app://compute`, nothing else), every payload validated and bounded before the cache sees it.
 * The cache is the Node hosts' own file (`wgsl-tuning.json` in the user-data folder), so the app,
 * the CLI and `mixscope serve` share one cache per machine. A page may only name keys of its own
 * route, so a compromised page cannot steer what a Dawn host picks; calls run one at a time, so
 * two stores never race on the file.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { fail, succeed, type Envelope } from '../contract/envelope.js';
import { describeIssue } from '../engine/record/issue.js';
import { COMPUTE_WINDOW_HOST, TUNING_CHANNEL, type TuningMethod } from '../gpu/page/lent-tuning.js';
import { knownFusedConfig } from '../gpu/wgsl/fused-config.js';
import { knownMatmulConfig, type FusedTuningStore, type TuningCache } from '../gpu/wgsl/tuning-key.js';
import type { HandlerRegistry } from './ipc.js';

/** A tuning key is five short strings (wgsl/tuning-key.ts); anything longer is not one. */
export const MAX_TUNING_KEY_CHARS = 2048;
const WHERE = 'computeTuning';

/** `tuningKey(adapter, COMPUTE_WINDOW_HOST)`: the adapter's four fields and the compute window's route. */
const keySchema = z
  .string()
  .max(MAX_TUNING_KEY_CHARS)
  .refine((key) => {
    try {
      const parts: unknown = JSON.parse(key);
      return Array.isArray(parts) && parts.length === 5 && parts.every((p) => typeof p === 'string') && parts[4] === COMPUTE_WINDOW_HOST;
    } catch {
      return false;
    }
  }, `not a tuning key of the route '${COMPUTE_WINDOW_HOST}'`);

const matmulSchema = z
  .strictObject({ microM: z.number(), depth: z.number() })
  .refine((c) => knownMatmulConfig(c) !== undefined, 'not a matmul tile configuration of this version');
const scanSchema = z.strictObject({ mode: z.enum(['sequential', 'parallel']) });
const fusedSchema = z
  .strictObject({ rows: z.number(), keys: z.number(), rowsPerInvocation: z.number() })
  .refine((c) => knownFusedConfig(c) !== undefined, 'not a fused softmax configuration of this version');

/** One entry per method of the lent cache; a method added there fails to compile here until it is checked. */
const callSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('lookup'), key: keySchema }),
  z.strictObject({ method: z.literal('store'), key: keySchema, config: matmulSchema }),
  z.strictObject({ method: z.literal('lookupScan'), key: keySchema }),
  z.strictObject({ method: z.literal('storeScan'), key: keySchema, config: scanSchema }),
  z.strictObject({ method: z.literal('lookupFused'), key: keySchema }),
  z.strictObject({ method: z.literal('storeFused'), key: keySchema, config: fusedSchema }),
]);
type TuningCallOf = z.infer<typeof callSchema>;
const everyMethodChecked: [Exclude<TuningMethod, TuningCallOf['method']>] extends [never] ? true : never = true;
void everyMethodChecked;

/** The cache main answers from: the Node hosts' file cache has every method; a narrower one misses. */
export type MainTuningCache = TuningCache & Partial<FusedTuningStore>;
const answers: { [M in TuningMethod]: (cache: MainTuningCache, call: Extract<TuningCallOf, { method: M }>) => Promise<unknown> } = {
  lookup: (cache, { key }) => cache.lookup(key),
  store: (cache, { key, config }) => cache.store(key, knownMatmulConfig(config)!),
  // A cache without scan entries answers a miss and keeps nothing, as the backend expects.
  lookupScan: async (cache, { key }) => cache.lookupScan?.(key),
  storeScan: async (cache, { key, config }) => cache.storeScan?.(key, config),
  lookupFused: async (cache, { key }) => cache.lookupFused?.(key),
  storeFused: async (cache, { key, config }) => cache.storeFused?.(key, knownFusedConfig(config)!),
};

/** Checks one call: the parsed call, or the refusal naming the method (when known) and the field. */
export function parseTuningCall(payload: unknown): TuningCallOf | Envelope<never> {
  const parsed = callSchema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const method = typeof payload === 'object' && payload !== null ? (payload as { method?: unknown }).method : undefined;
  const where = typeof method === 'string' && Object.hasOwn(answers, method) ? `${WHERE}.${method}` : WHERE;
  const first = parsed.error.issues[0];
  return fail('invalid-request', `${where}: ${first ? describeIssue(first, payload) : 'invalid payload'}`);
}

/** Registers the channel; returns the unregistration (for tests and a restart of the services). */
export function registerComputeTuning(ipc: HandlerRegistry, cache: MainTuningCache, isComputeWindow: (event: IpcMainInvokeEvent) => boolean): () => void {
  let queue: Promise<unknown> = Promise.resolve();
  ipc.handle(TUNING_CHANNEL, async (event, payload) => {
    if (!isComputeWindow(event)) return fail('forbidden', `${WHERE}: refused a call from outside the compute window`);
    const call = parseTuningCall(payload);
    if ('ok' in call) return call;
    const answer = queue.then(() => answers[call.method](cache, call as never));
    queue = answer.catch(() => undefined);
    try {
      return succeed((await answer) ?? null);
    } catch (err) {
      return fail('io', `${WHERE}.${call.method}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return () => ipc.removeHandler(TUNING_CHANNEL);
}
