/**
 * Where the `wgsl` backend runs under Node: in the compute worker on Dawn (the default), or in the
 * compute page on Chromium's WebGPU — chosen with MIXSCOPE_WGSL_HOST=node|page, and taken as the
 * fallback when Dawn's binding does not load or finds no adapter. Both speak the same Backend, and
 * each probe names its host, so a run record says which one measured every point.
 */
import type { Backend, BackendProbe } from '../../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { DawnRoute } from '../node/dawn.js';
import { provenProbe } from '../node/round-trip.js';
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

/** A way to start `wgsl` on one host; `label` names the host when it cannot even start. */
export interface WgslHostStarter {
  readonly label: string;
  start(): Backend | Promise<Backend>;
}

/** Starts a host's backend and probes it; never throws: an absent host says why in its probe. */
async function started(starter: WgslHostStarter): Promise<{ backend?: Backend; probe: BackendProbe }> {
  let backend: Backend | undefined;
  try {
    backend = await starter.start();
    // A route counts only once a kernel's output came back right: otherwise the next route is tried.
    return { backend, probe: await provenProbe(backend) };
  } catch (err) {
    await backend?.dispose().catch(() => undefined);
    return { probe: { id: 'wgsl', available: false, reason: errorMessage(err), host: starter.label, dtypes: ['float32'] } };
  }
}

/** The first host, in order, whose backend finds an adapter; if none does, the error names every reason. */
export async function firstAvailableWgsl(starters: readonly WgslHostStarter[]): Promise<Backend> {
  const reasons: string[] = [];
  for (const starter of starters) {
    const { backend, probe } = await started(starter);
    if (backend && probe.available) return backend;
    await backend?.dispose().catch(() => undefined);
    reasons.push(`${probe.host}: ${probe.reason ?? 'unavailable'}`);
  }
  throw new MixscopeError(`wgsl has no WebGPU adapter (${reasons.join('; ')})`, 'backend-unavailable');
}

function nodeStarters(options: Omit<WgslHostOptions, 'host'>): Record<'node' | 'page', WgslHostStarter> {
  return {
    node: { label: 'node-host (Dawn)', start: () => spawnWorkerBackend({ routes: options.routes }) },
    page: {
      label: 'page (Chromium)',
      start: () => {
        if (!options.pageHost) throw new MixscopeError('this host does not launch Chromium', 'backend-unavailable');
        return pageHostedBackend('wgsl');
      },
    },
  };
}

/**
 * The `wgsl` backend on the chosen host. 'auto': the Node worker if Dawn gives it an adapter, else
 * the page; if neither has one, the error names both reasons.
 */
export function startWgslBackend(options: WgslHostOptions): Promise<Backend> {
  const { node, page } = nodeStarters(options);
  return firstAvailableWgsl(options.host === 'auto' ? [node, page] : [options.host === 'node' ? node : page]);
}

/** Both hosts' probes, for `mixscope probe`: what each could offer, whichever is picked. */
export async function probeWgslHosts(options: Omit<WgslHostOptions, 'host'>): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const starter of Object.values(nodeStarters(options))) {
    const { backend, probe } = await started(starter);
    await backend?.dispose().catch(() => undefined);
    out.push(probe);
  }
  return out;
}
