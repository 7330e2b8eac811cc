/**
 * The sections `npm run bench` runs, in order. A backend adds its comparisons by appending a
 * BenchSection here (e.g. wgsl against js on the same forms); each section's failure is reported
 * in its own entry and does not stop the others.
 */
import { compareSection } from './compare-section.js';
import { cpuSection } from './cpu-section.js';
import { fusedSection } from './fused-section.js';
import { matmulSection } from './matmul-section.js';
import { numpySection } from './numpy-section.js';
import { reportSection } from './report-section.js';
import { scanSection } from './scan-section.js';
import type { BenchSection } from './section.js';
import { wgslSection } from './wgsl-section.js';

export const BENCH_SECTIONS: BenchSection[] = [cpuSection, numpySection, wgslSection, matmulSection, fusedSection, scanSection, compareSection, reportSection];
