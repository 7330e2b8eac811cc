/**
 * One compute page per process for the CLI: the first page-hosted backend opens it, the last
 * one disposed closes it.
 */
import type { Backend, BackendId } from '../../engine/core/backend.js';
import { MixscopeError } from '../../engine/core/errors.js';
import { PageHost } from './page-host.js';

let shared: Promise<PageHost> | undefined;
let users = 0;

/** A page-hosted backend (e.g. 'gpujs-webgl2') whose dispose releases the shared page. */
export async function pageHostedBackend(id: BackendId): Promise<Backend> {
  shared ??= PageHost.start();
  users++;
  try {
    const host = await shared;
    const backend = (await host.backends()).find((b) => b.id === id);
    if (!backend) throw new MixscopeError(`the compute page offers no backend '${id}'`, 'backend-unavailable');
    let disposed = false;
    return Object.assign(Object.create(backend) as Backend, {
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        await release();
      },
    });
  } catch (err) {
    await release();
    throw err;
  }
}

async function release(): Promise<void> {
  users--;
  if (users > 0 || !shared) return;
  const host = shared;
  shared = undefined;
  await (await host.catch(() => undefined))?.close();
}
