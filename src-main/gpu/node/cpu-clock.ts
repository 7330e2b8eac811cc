/**
 * The clock of the js backend in a compute host (a child process, or the app's utility process):
 * the process's CPU time in ms. The host runs one single-threaded kernel at a time, so this is the
 * kernel's own time, unswollen by other processes competing for the cores; every host of `js`
 * uses it, so the CLI, `mixscope serve` and the app record comparable figures, and their host
 * labels say so.
 */
import type { Clock } from '../../engine/backends/clock.js';

export const processCpuClock: Clock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * The V8 flags of a host timed on processCpuClock. The process clock counts every thread, and by
 * default V8 marks, sweeps and compiles on background threads: a sample then gains whatever GC or
 * compiler work overlapped it (up to several ms on a 3 ms kernel, cpu time above wall time). With
 * `--single-threaded` that work runs on the main thread, where it is the kernel's own allocation
 * cost and shows in the sample only when the kernel triggers it; the wasm gemm's speed is the same
 * (scripts/bench: the js section's medians match within noise).
 */
export const CPU_CLOCK_V8_FLAGS: readonly string[] = ['--single-threaded'];

/** What a host label adds for a backend timed on processCpuClock. */
export const CPU_CLOCK_NOTE = 'process CPU clock';
