/**
 * The WGSL conformance suite (conformance-suite.ts) through the Node compute worker on Dawn: every
 * planned form, every shape and parameter variant.
 */
import { afterAll } from 'vitest';
import { wgslConformance } from './conformance-suite.js';
import { startTestBackend } from './test-host.js';

const { backend, probe } = await startTestBackend();
afterAll(() => backend.dispose());

wgslConformance(backend, probe);
