/** What the page's backends run, answered in Node from the kernel tables (the same modules as in the page). */
import { gpujsSupport } from '../gpujs/backend.js';
import { wgslSupport } from '../wgsl/backend.js';
import type { PageSupport } from './page-backend.js';

export const localSupport: PageSupport = (id, mixer, form, dtype, offersF16 = false) => {
  if (id === 'wgsl') return wgslSupport(mixer, form, dtype, offersF16);
  if (id.startsWith('gpujs-')) return gpujsSupport(mixer, form, dtype);
  return { supported: false, fidelity: 'exact', note: `${id} does not run in the compute page` };
};
