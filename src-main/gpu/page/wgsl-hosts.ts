/**
 * Where the `wgsl` backend runs under Node: in the compute worker on Dawn (the default), or in the
 * compute page on Chromium's WebGPU — chosen with MIXSCOPE_WGSL_HOST=node|page, and taken as the
 * fallback when Dawn's binding does not load or finds no adapter. Both speak the same Backend, and
 * each probe names its host, so a run record says which one measured every point.
 */
import type { Backend, BackendProbe } from '../../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { DawnRoute } from '../node/dawn.js';
import { spawnWorkerBackend } from '../node/spawn-worker.js';
import { pageHostedBackend } from './shared-host.js';

export const WGSL_HOSTS = ['auto', 'node', 'page'] as const;
export type WgslHost = (typeof WGSL_HOSTS)[number];
export const WGSL_HOST_ENV = 'MIXSCOPE_WGSL_HOST';

export function parseWgslHost(text: string | undefined): WgslHost {
  if (!text) return 'auto';
  if ((WGSL_HOSTS as readonly string[]).includes(text)) return text as WgslHost;
  throw new MixscopeError(`${WGSL_HOST_ENV}='${text}' is not a wgsl host (hosts: ${WGSL_HOSTS.join(', ')})`, 'invalid-input');
}

export interface WgslHostOptions {
  readonly host: WgslHost;
  /** Dawn routes for the Node worker (MIXSCOPE_DAWN_ROUTES). */
  readonly routes?: readonly DawnRoute[] | undefined;
  /** Whether headless Chromium may be launched (the fallback and the explicit 'page'). */
  readonly pageHost: boolean;
}

/** Starts a host's backend and probes it; never throws: an absent host says why in its probe. */
async function started(host: 'node' | 'page', options: WgslHostOptions): Promise<{ backend?: Backend; probe: BackendProbe }> {
  const label = host === 'node' ? 'node-worker (Dawn)' : 'page (Chromium)';
  const absent = (reason: string): BackendProbe => ({ id: 'wgsl', available: false, reason, host: label, dtypes: ['float32'] });
  if (host === 'page' && !options.pageHost) return { probe: absent('this host does not launch Chromium') };
  let backend: Backend | undefined;
  try {
    backend = host === 'node' ? spawnWorkerBackend({ routes: options.routes }) : await pageHostedBackend('wgsl');
    return { backend, probe: await backend.probe() };
  } catch (err) {
    await backend?.dispose().catch(() => undefined);
    return { probe: absent(errorMessage(err)) };
  }
}

/**
 * The `wgsl` backend on the chosen host. 'auto': the Node worker if Dawn gives it an adapter, else
 * the page; if neither has one, the error names both reasons.
 */
export async function startWgslBackend(options: WgslHostOptions): Promise<Backend> {
  const order: ('node' | 'page')[] = options.host === 'auto' ? ['node', 'page'] : [options.host];
  const reasons: string[] = [];
  for (const host of order) {
    const { backend, probe } = await started(host, options);
    if (backend && probe.available) return backend;
    await backend?.dispose().catch(() => undefined);
    reasons.push(`${probe.host}: ${probe.reason ?? 'unavailable'}`);
  }
  throw new MixscopeError(`wgsl has no WebGPU adapter (${reasons.join('; ')})`, 'backend-unavailable');
}

/** Both hosts' probes, for `mixscope probe`: what each could offer, whichever is picked. */
export async function probeWgslHosts(options: Omit<WgslHostOptions, 'host'>): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const host of ['node', 'page'] as const) {
    const { backend, probe } = await started(host, { ...options, host });
    await backend?.dispose().catch(() => undefined);
    out.push(probe);
  }
  return out;
}
