/** What this machine can run: every backend the host knows, probed, with the environment. */
import type { Backend } from '../engine/core/backend.js';
import type { ProbeReport } from '../contract/schemas.js';
import { describeEnvironment, probeBackends, type AppIdentity } from './environment.js';

export class ProbeService {
  constructor(
    private readonly app: AppIdentity,
    /** Every backend this host offers (started lazily by the host). */
    private readonly allBackends: () => Promise<readonly Backend[]>,
  ) {}

  async probe(): Promise<ProbeReport> {
    const probes = await probeBackends(await this.allBackends());
    const environment = describeEnvironment(this.app, probes);
    return { environment, backends: environment.backends };
  }
}
