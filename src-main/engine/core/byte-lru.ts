/**
 * A least-recently-used cache bounded in bytes, for data too large to count in entries: a sweep's
 * inputs and references by (mixer, L) (sweep/inputs.ts), a compute host's input sets by id
 * (gpu/node/inputs-cache.ts). Each entry is given its size; past the bound the least recently
 * used go first. Two entries are never dropped to make room: the pinned one (what a caller is
 * working on now, whose size may still grow) and the one just set, so that an entry larger than
 * the whole bound is kept until the next one comes rather than dropped as it arrives.
 */
export class ByteLru<K, V> {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<K, { readonly value: V; bytes: number }>();
  private held = 0;
  private pinned: { readonly key: K } | undefined;

  constructor(readonly boundBytes: number) {}

  /** The bytes of every entry held. */
  get heldBytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The value of `key`, its place in the use order unchanged. */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Holds `value` under `key` (replacing what was there) as the most recently used, then evicts. */
  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    this.evict({ key });
  }

  /** A new size for the entry of `key` (its value grew or shrank), then evicts; nothing if it is gone. */
  resize(key: K, bytes: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.held += bytes - entry.bytes;
    entry.bytes = bytes;
    this.evict();
  }

  /**
   * Keeps `key` through every eviction until another key is pinned (or none, with undefined); the
   * entry pinned before may go now. The key need not be held yet.
   */
  pin(key: K | undefined): void {
    this.pinned = key === undefined ? undefined : { key };
    this.evict();
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.held -= entry.bytes;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  /** Drops the least recently used entries until the bytes held fit the bound, or only kept ones are left. */
  private evict(justSet?: { readonly key: K }): void {
    for (const [key, entry] of this.entries) {
      if (this.held <= this.boundBytes) return;
      if ((this.pinned && key === this.pinned.key) || (justSet && key === justSet.key)) continue;
      this.entries.delete(key);
      this.held -= entry.bytes;
    }
  }
}
