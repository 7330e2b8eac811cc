/**
 * The input sets a serving side holds by the caller's id (protocol.ts, PrepareMessage.inputsId),
 * least recently used first out past a byte budget. The same object comes back for the same id,
 * so a side that forwards to another host (main, for the sweep thread) is recognised there too.
 */
import { ByteLru } from '../../engine/core/byte-lru.js';
import type { Inputs } from '../../engine/core/mixer.js';

/** Enough for every input set of a quick profile's longest length several times over. */
export const INPUTS_CACHE_BYTES = 256 * 1024 * 1024;

function bytesOf(inputs: Inputs): number {
  return Object.values(inputs).reduce((sum, t) => sum + t.data.byteLength, 0);
}

export class InputsCache {
  /** The set just put is kept even past the budget: the prepare that sent it is about to use it. */
  private readonly entries: ByteLru<number, Inputs>;

  constructor(budgetBytes: number) {
    this.entries = new ByteLru(budgetBytes);
  }

  put(id: number, inputs: Inputs): void {
    this.entries.set(id, inputs, bytesOf(inputs));
  }

  get(id: number): Inputs | undefined {
    return this.entries.get(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
