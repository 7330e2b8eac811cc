/**
 * Cost models of FNet mixing (MIXERS.md §10). fft: L FFTs of length d and d FFTs of length L
 * (fft-plan.ts counts radix-2 and Bluestein). dft: real×complex X·F_d 4·L·d², and the real part of
 * F_L·Z 4·L²·d. Both hold the complex L×d spectrum Z.
 */
import type { BufferSpec, Cost, Dims } from '../../core/mixer.js';
import { costFromBuffers } from '../common/cost-model.js';
import { bluesteinLength, fftFlops, fftPlanFlops, fftTableElements, isPowerOfTwo } from './fft-plan.js';

/**
 * Bluestein work space when every transform of an axis runs at once (the GPU kernels): `count`
 * complex transforms of the convolution length m; none for a power-of-two length.
 */
function bluesteinWork(n: number, count: number): number {
  return isPowerOfTwo(n) ? 0 : 2 * count * bluesteinLength(n);
}

function ioBuffers(L: number, d: number): BufferSpec[] {
  return [
    { name: 'X', elements: L * d },
    { name: 'Y', elements: L * d },
    { name: 'Z (complex spectrum)', elements: 2 * L * d },
  ];
}

export function fftCost(dims: Dims): Cost {
  const { L, d } = dims as { L: number; d: number };
  const tables: BufferSpec[] = [
    { name: 'FFT tables (length d)', elements: fftTableElements(d) },
    { name: 'FFT tables (length L)', elements: fftTableElements(L) },
  ];
  return costFromBuffers({
    flops: L * fftFlops(d) + d * fftFlops(L) + fftPlanFlops(d) + fftPlanFlops(L),
    movedElements: 6 * L * d,
    buffers: [
      ...ioBuffers(L, d),
      { name: 'row scratch', elements: 2 * d },
      { name: 'column scratch', elements: 2 * L },
      { name: 'Bluestein work (rows)', elements: bluesteinWork(d, L) },
      { name: 'Bluestein work (columns)', elements: bluesteinWork(L, d) },
      ...tables,
    ].filter((b) => b.elements > 0),
    bottleneck: { name: 'L×d complex spectrum', elements: 2 * L * d },
  });
}

export function dftCost(dims: Dims): Cost {
  const { L, d } = dims as { L: number; d: number };
  return costFromBuffers({
    flops: 4 * L * d * d + 4 * L * L * d,
    movedElements: 6 * L * d + 2 * L * L + 2 * d * d,
    buffers: [
      ...ioBuffers(L, d),
      { name: 'F_d (d×d cos and sin)', elements: 2 * d * d },
      { name: 'F_L (L×L cos and sin)', elements: 2 * L * L },
    ],
    bottleneck: { name: 'L×L complex DFT matrix', elements: 2 * L * L },
  });
}
