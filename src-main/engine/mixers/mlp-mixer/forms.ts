/** The CPU kernel of MLP-Mixer token mixing (MIXERS.md §11), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut, copyRowsInto, paddedLd } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { gelu } from '../common/erf.js';
import { mixerSizes } from './reference.js';

/** Two dense matrix products on the SIMD matmul: H = gelu(W1·X) (h×d, gelu in place), then Y = W2·H. */
export function dense(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, h } = mixerSizes(inputs);
  const ws = workspace();
  // W1's and W2's rows are padded past a multiple of 64 elements (kernels/causal.ts, paddedLd).
  const ld1 = paddedLd(L);
  const ld2 = paddedLd(h);
  const [X, W1, W2, H, Y] = ws.frame(dtype, [L * d, h * ld1, L * ld2, h * d, L * d]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  X.set(inputs['X']!.data);
  copyRowsInto(inputs['W1']!.data, h, L, W1, ld1);
  copyRowsInto(inputs['W2']!.data, L, h, W2, ld2);
  ws.gemm(h, d, L, { data: W1, ld: ld1 }, { data: X, ld: d }, { data: H, ld: d }, false);
  for (let i = 0; i < h * d; i++) H[i] = gelu(H[i]!);
  ws.gemm(L, d, h, { data: W2, ld: ld2 }, { data: H, ld: d }, { data: Y, ld: d }, false);
  return tensor([L, d], copyOut(Y));
}
