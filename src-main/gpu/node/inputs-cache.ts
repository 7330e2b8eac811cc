/**
 * The input sets a serving side holds by the caller's id (protocol.ts, PrepareMessage.inputsId),
 * least recently used first out past a byte budget. The same object comes back for the same id,
 * so a side that forwards to another host (main, for the sweep thread) is recognised there too.
 */
import type { Inputs } from '../../engine/core/mixer.js';

/** Enough for every input set of a quick profile's longest length several times over. */
export const INPUTS_CACHE_BYTES = 256 * 1024 * 1024;

function bytesOf(inputs: Inputs): number {
  return Object.values(inputs).reduce((sum, t) => sum + t.data.byteLength, 0);
}

export class InputsCache {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<number, { readonly inputs: Inputs; readonly bytes: number }>();
  private held = 0;

  constructor(private readonly budgetBytes: number) {}

  put(id: number, inputs: Inputs): void {
    this.drop(id);
    const bytes = bytesOf(inputs);
    this.entries.set(id, { inputs, bytes });
    this.held += bytes;
    for (const key of [...this.entries.keys()]) {
      if (this.held <= this.budgetBytes || key === id) break;
      this.drop(key);
    }
  }

  get(id: number): Inputs | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.inputs;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  private drop(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.held -= entry.bytes;
  }
}
