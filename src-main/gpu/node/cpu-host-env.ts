/**
 * The environment of a compute host that runs a CPU backend: glibc's allocator told to keep freed
 * memory for the next allocation, as a framework's caching allocator (or NumPy freeing each array
 * at once) does.
 *
 * Why: every CPU kernel returns a fresh output array (L·dv values, 512 KiB at L = 2048 in float32).
 * By default glibc serves a block that large with its own mmap, or from memory it has handed back
 * to the system after V8 freed a batch of arrays, so each call's output touches new pages. On a
 * virtual machine a page fault can cost 10–20 µs: 128 of them per call added about 2 ms to a 5 ms
 * kernel (linear-attention/recurrent at L = 2048: 7.1 ms against 5.2 ms with these settings, in
 * one process each), and whether a length paid it depended on the allocator's dynamic threshold,
 * so one run showed a step between L = 1024 and 2048 and the next did not. With blocks up to
 * 32 MiB served from the heap and the heap not trimmed below 1 GiB, the output reuses warm pages.
 *
 * The heap must first grow to hold the outputs that V8 keeps until its next collection (tens of
 * MiB: an external-memory GC comes after about 27 MiB of 256 KiB outputs), and until it has, each
 * new output still lands on fresh pages: one kernel measured 2.5 ms per call for a while, then
 * 3.5 ms (64 faults per call) for a hundred calls, then 2.5 ms again after the collection. So a CPU
 * host warms its allocator once at start (warmAllocator): it touches WARM_BYTES of heap in
 * output-sized blocks and frees them, so outputs reuse faulted pages from the first sample on.
 */
import type { BackendId } from '../../engine/core/backend.js';
import { CPU_CLOCK_V8_FLAGS } from './cpu-clock.js';

export const CPU_HOST_BACKENDS: readonly BackendId[] = ['js', 'reference', 'gpujs-cpu', 'gpujs-webasm'];

export const ALLOCATOR_TUNABLES = 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824';

/** The environment to start a host of `id` with: `base`, with the allocator settings added for a CPU backend (after any the user set). */
export function hostEnvironment(id: BackendId, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!CPU_HOST_BACKENDS.includes(id)) return { ...base };
  const own = base['GLIBC_TUNABLES'];
  return { ...base, GLIBC_TUNABLES: own ? `${ALLOCATOR_TUNABLES}:${own}` : ALLOCATOR_TUNABLES };
}

/** The V8 flags of a host of `id`: js's clock flags (cpu-clock.ts), and a callable gc for warmAllocator in every CPU host. */
export function hostExecArgv(id: BackendId): string[] {
  if (!CPU_HOST_BACKENDS.includes(id)) return [];
  return id === 'js' ? [...CPU_CLOCK_V8_FLAGS, '--expose-gc'] : ['--expose-gc'];
}

/** Heap a CPU host warms at start: room for the outputs of a few external-memory collections. */
export const WARM_BYTES = 96 * 1024 * 1024;
const WARM_BLOCK = 256 * 1024;
const PAGE = 4096;

/**
 * Grows glibc's heap by `bytes` in output-sized blocks, touching every page, then frees them (a gc
 * where the host has one): later outputs reuse those pages instead of faulting in new ones. Only
 * on Linux, where the allocator settings above keep the freed heap.
 */
export function warmAllocator(bytes = WARM_BYTES): void {
  if (process.platform !== 'linux') return;
  touchBlocks(bytes);
  // The blocks are unreachable now; a collection frees them at once (else the next one does).
  (globalThis as { gc?: () => void }).gc?.();
}

/** Allocates `bytes` in WARM_BLOCK blocks, all alive together, writing one byte per page. */
function touchBlocks(bytes: number): void {
  const blocks: Uint8Array[] = [];
  for (let held = 0; held < bytes; held += WARM_BLOCK) {
    const block = new Uint8Array(WARM_BLOCK);
    for (let at = 0; at < block.length; at += PAGE) block[at] = 1;
    blocks.push(block);
  }
}
