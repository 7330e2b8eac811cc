/** `mixscope list [--json]`: every registered mixer with its tensors, parameters and forms, and the backends. */
import { MIXERS } from '../../engine/registry.js';
import { parseFlags } from '../args.js';
import { BACKEND_FACTORIES } from '../backends.js';
import type { CliIo } from '../io.js';

export async function listCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('list', argv, { json: { type: 'boolean' } });
  const backends = [...BACKEND_FACTORIES.keys()];
  if (flags.json) {
    const mixers = MIXERS.map((m) => ({
      id: m.id,
      title: m.title,
      section: m.section,
      summary: m.summary,
      causal: m.causal,
      tensors: m.tensors,
      output: m.output,
      params: m.params,
      forms: m.forms.map((f) => ({ id: f.id, title: f.title, scaling: f.scaling, description: f.description })),
    }));
    io.stdout(`${JSON.stringify({ mixers, backends }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...MIXERS.map((m) => m.id.length));
  for (const m of MIXERS) {
    const tensors = m.tensors.map((t) => `${t.name}[${t.dims.join(',')}]`).join(' ');
    const params = m.params.map((p) => `${p.name}=${p.default}`).join(' ') || '—';
    io.stdout(`${m.id.padEnd(width)}  §${m.section}  forms: ${m.forms.map((f) => f.id).join(', ')}\n`);
    io.stdout(`${''.padEnd(width)}      tensors: ${tensors}  params: ${params}\n`);
  }
  io.stdout(`backends: ${backends.join(', ')}\n`);
  return 0;
}
