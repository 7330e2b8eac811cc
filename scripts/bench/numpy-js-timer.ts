/**
 * The js side of the NumPy side-by-side (numpy-section.ts), in a process of its own started as the
 * js compute hosts are (their V8 flags and allocator settings, gpu/node/cpu-host-env.ts), so the
 * forms run as a sweep runs them: inputs cast to float32 once before timing (as the js backend's
 * prepare does), one warm-up run, then the median of `runs` calls, wall and CPU time.
 * Reads {"jobs": [{form, L}], "d", "state", "runs"} on stdin; prints {"results": [{form, L, wallMs, cpuMs}]}.
 */
import { readFileSync } from 'node:fs';
import { castInputs } from '../../src-main/engine/backends/js.js';
import { createRng } from '../../src-main/engine/core/random.js';
import { resolveParams } from '../../src-main/engine/core/validate.js';
import { getMixer } from '../../src-main/engine/registry.js';
import { warmAllocator } from '../../src-main/gpu/node/cpu-host-env.js';
import { spreadOf } from './section.js';

interface Request {
  readonly jobs: readonly { form: string; L: number }[];
  readonly d: number;
  readonly state: number;
  readonly runs: number;
}

const median = (xs: readonly number[]): number => spreadOf(xs).medianMs;

function time(request: Request, id: string, L: number): { form: string; L: number; wallMs: number; cpuMs: number } {
  const [mixerId, formId] = id.split('/') as [string, string];
  const mixer = getMixer(mixerId);
  const params = resolveParams(mixer);
  const form = mixer.forms.find((f) => f.id === formId)!;
  const dims = mixer.dims({ L, d: request.d, dv: request.d, state: request.state }, params);
  // The same inputs as the twins' (seeded by L), cast once as the js backend does before timing.
  const inputs = castInputs(mixer.randomInputs(dims, createRng(L), params), 'float32');
  form.run(inputs, params, 'float32');
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < request.runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    form.run(inputs, params, 'float32');
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { form: id, L, wallMs: median(wall), cpuMs: median(cpu) };
}

const request = JSON.parse(readFileSync(0, 'utf8')) as Request;
warmAllocator();
process.stdout.write(`${JSON.stringify({ results: request.jobs.map(({ form, L }) => time(request, form, L)) })}\n`);
