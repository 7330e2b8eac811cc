/**
 * `mixscope probe [--json]`: the hosts and adapters this machine offers (each Dawn route on its
 * own, and both hosts of `wgsl`: the Node worker and the compute page), then every backend of this
 * build with where it runs, its adapter, limits and features, or why it is unavailable.
 */
import type { BackendProbe } from '../engine/core/backend.js';
import { errorMessage } from '../engine/core/errors.js';
import { parseDawnRoutes } from '../gpu/node/dawn.js';
import { surveyDawnRoutes, type RouteSurvey } from '../gpu/node/survey.js';
import { WGSL_HOST_ENV, probeWgslHosts } from '../gpu/page/wgsl-hosts.js';
import { parseFlags } from './args.js';
import { BACKEND_FACTORIES } from './backends.js';
import type { CliIo } from './io.js';

async function probeBackends(): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const [id, start] of BACKEND_FACTORIES) {
    try {
      const backend = await start();
      try {
        out.push(await backend.probe());
      } finally {
        await backend.dispose().catch(() => undefined);
      }
    } catch (err) {
      out.push({ id, available: false, reason: errorMessage(err), host: 'unknown', dtypes: [] });
    }
  }
  return out;
}

function adapterLine(a: { description: string; vendor: string; architecture: string; software: boolean } | undefined): string {
  if (!a) return '';
  const name = [a.description, a.vendor, a.architecture].filter((s) => s !== '').join(', ');
  return `${name}${a.software ? ' [software: correctness only, not a speed claim]' : ''}`;
}

function printText(io: CliIo, routes: readonly RouteSurvey[], wgslHosts: readonly BackendProbe[], backends: readonly BackendProbe[]): void {
  io.stdout('WebGPU adapters for Node (Dawn), in the order tried:\n');
  for (const r of routes) {
    io.stdout(`  ${r.route.padEnd(18)} ${r.available ? adapterLine(r.adapter) : `none: ${r.reason}`}\n`);
    if (r.limits) {
      io.stdout(`  ${''.padEnd(18)} maxStorageBufferBindingSize=${r.limits['maxStorageBufferBindingSize']} maxBufferSize=${r.limits['maxBufferSize']} maxComputeInvocationsPerWorkgroup=${r.limits['maxComputeInvocationsPerWorkgroup']} maxComputeWorkgroupStorageSize=${r.limits['maxComputeWorkgroupStorageSize']}\n`);
      io.stdout(`  ${''.padEnd(18)} timestamp-query=${r.features?.includes('timestamp-query') ? 'yes' : 'no'} shader-f16=${r.features?.includes('shader-f16') ? 'yes' : 'no'}\n`);
    }
  }
  io.stdout(`Hosts of wgsl (the first with an adapter is used; ${WGSL_HOST_ENV}=node|page picks one):\n`);
  for (const h of wgslHosts) io.stdout(`  ${h.host}: ${h.available ? adapterLine(h.adapter) : `none: ${h.reason ?? 'unknown reason'}`}\n`);
  io.stdout('Backends:\n');
  const width = Math.max(...backends.map((b) => b.id.length));
  for (const b of backends) {
    const status = b.available ? `on ${b.host}${b.adapter ? `: ${adapterLine(b.adapter)}` : ''}` : `unavailable: ${b.reason ?? 'unknown reason'}`;
    io.stdout(`  ${b.id.padEnd(width)}  ${status}  dtypes: ${b.dtypes.join(', ') || '—'}\n`);
  }
}

export async function probeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('probe', argv, { json: { type: 'boolean' } });
  const routes = await surveyDawnRoutes();
  const wgslHosts = await probeWgslHosts({ routes: parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']), pageHost: true });
  const backends = await probeBackends();
  if (flags.json) io.stdout(`${JSON.stringify({ dawn: routes, wgslHosts, backends }, null, 2)}\n`);
  else printText(io, routes, wgslHosts, backends);
  return 0;
}
