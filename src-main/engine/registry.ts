/** Every mixer of MIXERS.md, in section order. Adding a mixer is one line here. */
import { MixscopeError } from './core/errors.js';
import type { Form, Mixer } from './core/mixer.js';
import { softmaxAttention } from './mixers/softmax-attention/index.js';
import { linearAttention } from './mixers/linear-attention/index.js';
import { simpleLinearAttention } from './mixers/simple-linear-attention/index.js';
import { retention } from './mixers/retention/index.js';
import { maskedAttention } from './mixers/masked-attention/index.js';
import { ssm } from './mixers/ssm/index.js';
import { ssd } from './mixers/ssd/index.js';
import { mlstm } from './mixers/mlstm/index.js';
import { tttLinear } from './mixers/ttt-linear/index.js';
import { gau } from './mixers/gau/index.js';
import { fnet } from './mixers/fnet/index.js';
import { mlpMixer } from './mixers/mlp-mixer/index.js';
import { hydra } from './mixers/hydra/index.js';

export const MIXERS: readonly Mixer[] = [
  softmaxAttention,
  linearAttention,
  simpleLinearAttention,
  retention,
  maskedAttention,
  ssm,
  ssd,
  mlstm,
  tttLinear,
  gau,
  fnet,
  mlpMixer,
  hydra,
];

export function getMixer(id: string): Mixer {
  const mixer = MIXERS.find((m) => m.id === id);
  if (!mixer) {
    throw new MixscopeError(`unknown mixer '${id}' (mixers: ${MIXERS.map((m) => m.id).join(', ')})`, 'unknown-mixer');
  }
  return mixer;
}

export function getForm(mixer: Mixer, id: string): Form {
  const form = mixer.forms.find((f) => f.id === id);
  if (!form) {
    throw new MixscopeError(
      `${mixer.id} has no form '${id}' (forms: ${mixer.forms.map((f) => f.id).join(', ')})`,
      'unknown-form',
    );
  }
  return form;
}
