/** The live buffers every query/key/value form holds: its inputs and its output. */
import type { BufferSpec } from '../../core/mixer.js';

export function qkvBuffers(L: number, d: number, dv: number): BufferSpec[] {
  return [
    { name: 'Q', elements: L * d },
    { name: 'K', elements: L * d },
    { name: 'V', elements: L * dv },
    { name: 'Y', elements: L * dv },
  ];
}
