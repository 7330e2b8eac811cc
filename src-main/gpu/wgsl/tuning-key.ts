/**
 * What the autotuner's choice is remembered by: the adapter (vendor, architecture, device,
 * description, where Dawn and Chromium put the driver's name and version) and the host route the
 * device came from, so another card, another driver or another Dawn backend is tuned afresh.
 * The store itself is the host's business (a JSON file in the user-data folder under Node:
 * node/tuning-cache.ts; the same file, lent by main, in the app's compute window:
 * page/lent-tuning.ts); this module stays free of Node built-ins.
 */
import type { AdapterInfo, KernelConfig } from '../../engine/core/backend.js';
import type { FusedConfig } from './fused-config.js';
import { MATMUL_CONFIGS, type MatmulConfig } from './matmul-config.js';
import type { ScanConfig } from './scan-config.js';

export interface TuningCache {
  /** The configuration chosen earlier under this key, or undefined (never throws: a bad store is a miss). */
  lookup(key: string): Promise<MatmulConfig | undefined>;
  /** Remembers a choice (never throws: a store that cannot be written only warns). */
  store(key: string, config: MatmulConfig): Promise<void>;
  /** The scan configuration chosen earlier under this key (sequential or parallel), as `lookup`. */
  lookupScan?(key: string): Promise<ScanConfig | undefined>;
  /** Remembers a scan choice, as `store`. */
  storeScan?(key: string, config: ScanConfig): Promise<void>;
}

/**
 * Where a cache also keeps the fused softmax kernel's configuration (the Node file cache does, and
 * so does the one main lends the app's compute window; a cache without it has its hosts tune the
 * fused kernel afresh at each calibration).
 */
export interface FusedTuningStore {
  /** The fused configuration chosen earlier under this key, as `lookup`. */
  lookupFused(key: string): Promise<FusedConfig | undefined>;
  /** Remembers a fused configuration, as `store`. */
  storeFused(key: string, config: FusedConfig): Promise<void>;
}

export function fusedStoreOf(cache: TuningCache | undefined): FusedTuningStore | undefined {
  const store = cache as Partial<FusedTuningStore> | undefined;
  return typeof store?.lookupFused === 'function' && typeof store.storeFused === 'function' ? (store as FusedTuningStore) : undefined;
}

export function tuningKey(adapter: AdapterInfo, host: string): string {
  return JSON.stringify([adapter.vendor, adapter.architecture, adapter.device, adapter.description, host]);
}

/** The one configuration of MATMUL_CONFIGS with these values, or undefined (a cache from another version). */
export function knownMatmulConfig(value: { microM?: unknown; depth?: unknown }): MatmulConfig | undefined {
  return MATMUL_CONFIGS.find((c) => c.microM === value.microM && c.depth === value.depth);
}

/** The register tile's configuration as a point records it. */
export function matmulKernelConfig(config: MatmulConfig, source: KernelConfig['source']): KernelConfig {
  return { kernel: 'wgsl-matmul-tile', params: { microM: config.microM, depth: config.depth }, source };
}
