/**
 * MLP-Mixer token mixing (MIXERS.md §11) in gpu.js: H = gelu(W1·X) (h×d), then Y = W2·H (L×d), the
 * dense form as stated. gelu(z) = z·Φ(z) = ½z·erfc(−z/√2), erfc by Abramowitz & Stegun 7.1.26
 * (|error| ≤ 1.5e-7) on |z|/√2, so neither tail subtracts nearly equal numbers.
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, type GpujsInstance, type KernelThis, type Rows } from '../gpujs.js';
import { dim, type GpujsMixerKernels, type GpujsPlan } from './plan.js';

interface Sizes {
  readonly L: number;
  readonly d: number;
  readonly h: number;
}
type K = KernelThis<Sizes>;

/** H[k][j] = gelu(Σ_s W1[k][s]·X[s][j]). Output [h, d]. */
function hiddenGelu(this: K, W1: Rows, X: Rows): number {
  const k = this.thread.y;
  const j = this.thread.x;
  let z = 0;
  for (let s = 0; s < this.constants.L; s++) z += W1[k]![s]! * X[s]![j]!;
  const y = Math.abs(z) * 0.7071067811865476;
  const tau = 1 / (1 + 0.3275911 * y);
  const poly = tau * (0.254829592 + tau * (-0.284496736 + tau * (1.421413741 + tau * (-1.453152027 + tau * 1.061405429))));
  const tail = poly * Math.exp(-y * y);
  if (z >= 0) return 0.5 * z * (2 - tail);
  return 0.5 * z * tail;
}

/** Y[t][j] = Σ_k W2[t][k]·H[k][j]. Output [L, d]. */
function project(this: K, W2: Rows, H: Rows): number {
  let acc = 0;
  for (let k = 0; k < this.constants.h; k++) acc += W2[this.thread.y]![k]! * H[k]![this.thread.x]!;
  return acc;
}

function densePlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const k: Sizes = { L: dim(dims, 'L'), d: dim(dims, 'd'), h: dim(dims, 'h') };
  const hidden = stage(gpu, hiddenGelu, [k.d, k.h], k);
  const output = stage(gpu, project, [k.d, k.L], k);
  return {
    stages: [hidden, output],
    outputShape: [k.L, k.d],
    async run(x, keep) {
      const H = keep(await hidden(matrix(x['W1']!, k.h, k.L), matrix(x['X']!, k.L, k.d)));
      return output(matrix(x['W2']!, k.L, k.h), H);
    },
  };
}

export const mlpMixerKernels: GpujsMixerKernels = { dense: { fidelity: 'exact', build: (gpu, dims) => densePlan(gpu, dims) } };
