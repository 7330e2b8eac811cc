/**
 * Two run files for the compare e2e test, from the engine's seeded synthetic records: a baseline,
 * and another run slower on softmax attention (×2) and faster on linear attention (×0.5) whose
 * CPU model and adapter description are hostile HTML, which must show as text everywhere.
 */
import { syntheticRunJson } from '../../src-main/engine/compare/synthetic.js';

export const HOSTILE = '<img src=x onerror="document.title=\'pwned\';alert(1)">';
const LENGTHS = [128, 256, 512, 1024];

export interface RunFile {
  readonly id: string;
  readonly name: string;
  readonly text: string;
}

export function compareRunFiles(): [RunFile, RunFile] {
  const base = syntheticRunJson({ id: 'e2e-baseline', seed: 11, lengths: LENGTHS, maxSamples: 12 });
  const factor = (mixer: string) => (mixer === 'softmax-attention' ? 2 : mixer === 'linear-attention' ? 0.5 : 1);
  const other = syntheticRunJson({ id: 'e2e-other', seed: 12, lengths: LENGTHS, maxSamples: 12, factor });
  const environment = other['environment'] as { cpu: { model: string }; backends: unknown[] };
  environment.cpu.model = HOSTILE;
  environment.backends.push({
    id: 'wgsl',
    available: true,
    host: 'node',
    dtypes: ['float32'],
    adapter: { vendor: 'evil', architecture: 'x', device: 'd', description: HOSTILE, software: false },
  });
  return [
    { id: 'e2e-baseline', name: 'baseline.json', text: JSON.stringify(base) },
    { id: 'e2e-other', name: 'other.json', text: JSON.stringify(other) },
  ];
}
