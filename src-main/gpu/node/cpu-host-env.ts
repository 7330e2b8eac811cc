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
 */
import type { BackendId } from '../../engine/core/backend.js';

export const CPU_HOST_BACKENDS: readonly BackendId[] = ['js', 'reference', 'gpujs-cpu', 'gpujs-webasm'];

export const ALLOCATOR_TUNABLES = 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824';

/** The environment to start a host of `id` with: `base`, with the allocator settings added for a CPU backend (after any the user set). */
export function hostEnvironment(id: BackendId, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!CPU_HOST_BACKENDS.includes(id)) return { ...base };
  const own = base['GLIBC_TUNABLES'];
  return { ...base, GLIBC_TUNABLES: own ? `${ALLOCATOR_TUNABLES}:${own}` : ALLOCATOR_TUNABLES };
}
