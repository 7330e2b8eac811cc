/** The contract's public surface, for the main side, the preload and the renderer alike. */
export * from './api.js';
export * from './client.js';
export * from './compare-schemas.js';
export * from './dispatch.js';
export * from './envelope.js';
export * from './names.js';
export * from './schemas.js';
export * from './types.js';
export * from './validate.js';
export * from './web-socket-transport.js';
export * from './wire.js';
export type { RunRecord, PointRecord, Environment, BackendProbeRecord } from '../engine/record/schema.js';
export type { Comparison, ComparisonRow, Verdict } from '../engine/compare/schema.js';
export type { SweepSettings } from '../engine/sweep/settings.js';
export { DEFAULT_SWEEP_SETTINGS, QUICK_SWEEP_SETTINGS } from '../engine/sweep/settings.js';
