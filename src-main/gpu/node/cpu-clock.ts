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

/** What a host label adds for a backend timed on processCpuClock. */
export const CPU_CLOCK_NOTE = 'process CPU clock';
