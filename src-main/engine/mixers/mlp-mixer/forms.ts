/** The CPU kernel of MLP-Mixer token mixing (MIXERS.md §11), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { gelu } from '../common/erf.js';
import { mixerSizes } from './reference.js';

/** Two dense matrix products on the SIMD matmul: H = gelu(W1·X) (h×d, gelu in place), then Y = W2·H. */
export function dense(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, h } = mixerSizes(inputs);
  const ws = workspace();
  const [X, W1, W2, H, Y] = ws.frame(dtype, [L * d, h * L, L * h, h * d, L * d]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  X.set(inputs['X']!.data);
  W1.set(inputs['W1']!.data);
  W2.set(inputs['W2']!.data);
  ws.gemm(h, d, L, { data: W1, ld: L }, { data: X, ld: d }, { data: H, ld: d }, false);
  for (let i = 0; i < h * d; i++) H[i] = gelu(H[i]!);
  ws.gemm(L, d, h, { data: W2, ld: h }, { data: H, ld: d }, { data: Y, ld: d }, false);
  return tensor([L, d], copyOut(Y));
}
