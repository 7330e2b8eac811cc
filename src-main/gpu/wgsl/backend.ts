/**
 * The `wgsl` backend: runs any mixer form that has a kernel plan (plans/) on a GPUDevice it is given,
 * whichever host made it (Dawn in a Node worker, a page's navigator.gpu). Storage buffers are the
 * cost model's, or a parallel scan's own where its plan declares them (scan-config.ts); points over
 * the device's limits throw OverLimitError before allocating; a lost
 * device throws DeviceLostError until `reset` brings a new one.
 */
import type { Backend, BackendProbe, KernelConfig, KernelSupport, PrepareRequest, PreparedKernel } from '../../engine/core/backend.js';
import { autotuneMatmul, type MatmulTuning } from './autotune.js';
import { autotuneScan, type ScanTuning } from './autotune-scan.js';
import { autotuneFused, type FusedTuning } from './autotune-fused.js';
import { DEFAULT_FUSED, fusedConfigsFor, fusedKernelConfig, hasFusedChoice, planForFused, sameFused, type FusedConfig } from './fused-config.js';
import { DEFAULT_SCAN, hasScanChoice, lookupScans, scanKindOf, scanVariant, storeScans, withScanConfig, type ScanConfig, type ScanKind } from './scan-config.js';
import { calibrateWgsl, type WgslCalibration } from './calibrate.js';
import { DeviceLostError, MixscopeError } from '../../engine/core/errors.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import type { DType } from '../../engine/core/tensor.js';
import { inferDims } from '../../engine/core/validate.js';
import { checkBufferLimits, createStorageBuffers } from './buffers.js';
import { FORM_F32, elementBytes, encodingOf, f16StorageOf, passVariant } from './f16-storage.js';
import { WgslKernel, buildDispatches } from './kernel.js';
import { PipelineCache, type ShaderLoader } from './pipelines.js';
import { DEFAULT_MATMUL, matmulConfigsFor, matmulConstants, type MatmulConfig } from './matmul-config.js';
import { passesOf, type PassPlan } from './plan.js';
import { findPlan } from './plans/index.js';
import { adapterInfoOf, probeDevice } from './probe.js';
import { fusedStoreOf, matmulKernelConfig, tuningKey, type TuningCache } from './tuning-key.js';
import { uploadInputs } from './upload.js';

export interface WgslBackendOptions {
  readonly device: GPUDevice;
  readonly loadShader: ShaderLoader;
  /** Where the device came from, for probe: 'node-worker (Dawn, swiftshader-vulkan)'. */
  readonly host: string;
  /** Makes a fresh device after a loss; without it `reset` fails with the loss reason. */
  readonly recreateDevice?: () => Promise<GPUDevice>;
  /** Total storage bytes a point may take (the device does not say how much memory it has). */
  readonly memoryBudgetBytes?: number;
  /** The register-blocked tile's configuration before (or without) calibration's autotuning. */
  readonly matmul?: MatmulConfig;
  /** The scans' configuration (sequential or parallel across L) before (or without) calibration's autotuning. */
  readonly scan?: ScanConfig;
  /** The fused softmax kernel's configuration before (or without) calibration's autotuning. */
  readonly fused?: FusedConfig;
  /** Whether `calibrate` autotunes the matmul, scan and fused configurations (default: yes). */
  readonly autotune?: boolean;
  /** Where an earlier calibration's choice on the same adapter and driver is kept (reused without re-timing). */
  readonly tuningCache?: TuningCache;
  /**
   * Tests only: on a device without `shader-f16`, run the float16 dtype with f32 buffers whose every
   * store is rounded to f16 (f16-variant.ts), to test the f16 path's numerics where no adapter has it.
   */
  readonly emulateF16?: boolean;
}

/** Why float16 is refused where the adapter cannot run it. */
export const NO_SHADER_F16 = "float16 needs an adapter with the WebGPU feature 'shader-f16'; this one has none";

/** `f16`: whether this backend's device runs the float16 dtype (it has shader-f16, or emulates it in tests). */
export function wgslSupport(mixer: Mixer, form: Form, dtype: DType, f16 = false): KernelSupport {
  const plan = findPlan(mixer.id, form.id);
  if (!plan) return { supported: false, fidelity: 'exact', note: `no WGSL kernel for ${mixer.id}/${form.id} yet` };
  if (dtype === 'float64') return { supported: false, fidelity: 'exact', note: 'WGSL kernels compute in float32 (or float16 storage) only' };
  if (dtype === 'float16' && !f16) return { supported: false, fidelity: 'exact', note: NO_SHADER_F16 };
  if (plan.approximate) return { supported: true, fidelity: 'approximate', note: plan.approximate };
  return { supported: true, fidelity: 'exact' };
}

export class WgslBackend implements Backend {
  readonly id = 'wgsl' as const;
  private device: GPUDevice;
  private pipelines: PipelineCache;
  private lostReason: string | undefined;
  private calibration: Promise<WgslCalibration> | undefined;
  /** The tile configuration the matmul-shaped passes compile with (autotuned by `calibrate`). */
  matmul: MatmulConfig;
  /** Where `matmul` came from, recorded with every point that compiles with it. */
  matmulSource: KernelConfig['source'] = 'default';
  /** Whether the scans across L run sequentially or in parallel (autotuned by `calibrate`; not cached). */
  scan: ScanConfig;
  /** The autotuner's choice per kind of scan (plan.ts: ScanKind); a kind not in it runs `scan`. */
  scans: Partial<Record<ScanKind, ScanConfig>> = {};
  scanSource: KernelConfig['source'] = 'default';
  /** The fused softmax kernel's tile sizes (autotuned by `calibrate`). */
  fused: FusedConfig;
  fusedSource: KernelConfig['source'] = 'default';

  constructor(private readonly options: WgslBackendOptions) {
    this.device = options.device;
    this.matmul = options.matmul ?? DEFAULT_MATMUL;
    this.scan = options.scan ?? DEFAULT_SCAN;
    this.fused = options.fused ?? DEFAULT_FUSED;
    this.pipelines = new PipelineCache(this.device, options.loadShader);
    this.watch(this.device);
  }

  private watch(device: GPUDevice): void {
    void device.lost.then((info) => {
      // Our own destroy (reset, dispose) swaps the device first, so only a loss of the live one counts.
      if (device === this.device) this.lostReason = info.message || `device ${info.reason}`;
    });
  }

  private checkAlive = (): void => {
    if (this.lostReason !== undefined) throw new DeviceLostError(`wgsl device lost: ${this.lostReason}`);
  };

  async probe(): Promise<BackendProbe> {
    const probe = probeDevice(this.device, this.options.host, this.f16Mode !== undefined ? ['float32', 'float16'] : ['float32']);
    return this.lostReason === undefined ? probe : { ...probe, available: false, reason: `device lost: ${this.lostReason}` };
  }

  /** How this device stores the float16 dtype: natively with shader-f16, emulated in tests, or not at all. */
  private get f16Mode(): 'f16' | 'f16-emulated' | undefined {
    if (this.device.features.has('shader-f16')) return 'f16';
    return this.options.emulateF16 ? 'f16-emulated' : undefined;
  }

  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    return wgslSupport(mixer, form, dtype, this.f16Mode !== undefined);
  }

  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    this.checkAlive();
    const { mixer, form, params, inputs } = request;
    const where = `wgsl ${mixer.id}/${form.id}`;
    const support = this.support(mixer, form, request.dtype);
    if (!support.supported) throw new MixscopeError(`${where}: ${support.note}`, 'unsupported');
    const planned = findPlan(mixer.id, form.id)!;
    const dims = inferDims(mixer, inputs);
    const why = planned.unsupported?.(dims, params);
    if (why) throw new MixscopeError(`${where}: ${why}`, 'unsupported');
    const cost = form.cost(dims, params);
    const f16Mode = request.dtype === 'float16' ? this.f16Mode : undefined;
    const storageKind = f16Mode ? f16StorageOf(mixer.id, form.id, f16Mode) : FORM_F32;
    const bytesOf = elementBytes(storageKind);
    // The scan configuration's plan and buffers (a parallel scan across chunks holds every chunk's state).
    // The tighter of the host's budget and the sweep's (a parallel variant over it runs sequentially).
    const budgets = [this.options.memoryBudgetBytes, request.memoryBudgetBytes].filter((b): b is number => b !== undefined);
    const budget = budgets.length > 0 ? Math.min(...budgets) : undefined;
    const scanned = scanVariant(planned, this.scans[scanKindOf(planned)] ?? this.scan, cost.buffers, dims, params, (buffers) =>
      checkBufferLimits(where, buffers, this.device.limits, budget, bytesOf),
    );
    const { buffers } = scanned;
    const plan = planForFused(scanned.plan, this.fused);

    const device = this.device;
    const compileStart = performance.now();
    const passes = passesOf(plan);
    const compiled = await Promise.all(passes.map((p) => this.pipelines.get(p.shader, p.entry, this.constantsOf(p), passVariant(storageKind, p, params))));
    const pipelines = new Map(passes.map((p, i) => [p, compiled[i]!]));
    const compileMs = performance.now() - compileStart;

    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const storage = createStorageBuffers(device, buffers, bytesOf);
    const outputShape = mixer.output.dims.map((name) => dims[name]!);
    const outputF16 = bytesOf(plan.output ?? 'Y') === 2;
    const parts = { device, plan, pipelines, storage, dims, params, outputShape, where, outputF16 };
    let kernel: WgslKernel;
    try {
      const { dispatches, auxiliary } = buildDispatches(parts);
      kernel = new WgslKernel(parts, dispatches, auxiliary, this.checkAlive);
    } catch (err) {
      for (const b of storage.values()) b.destroy();
      await device.popErrorScope();
      await device.popErrorScope();
      throw err;
    }
    if (passes.some((p) => p.tuning === 'matmul')) kernel.kernelConfig = matmulKernelConfig(this.matmul, this.matmulSource);
    if (hasScanChoice(planned)) kernel.kernelConfig = withScanConfig(kernel.kernelConfig, scanned.config, this.scanSource, scanned.fallback);
    if (hasFusedChoice(planned)) kernel.kernelConfig = fusedKernelConfig(this.fused, this.fusedSource);
    // Emulated f16 storage keeps f32 buffers, so its inputs are rounded to f16 on the host instead.
    kernel.uploadMs = await uploadInputs(device, storage, inputs, buffers, where, encodingOf(storageKind));
    // First call: its time counts as compile (pipeline creation, driver caches), not as a sample.
    const firstStart = performance.now();
    await kernel.run();
    kernel.compileMs = compileMs + (performance.now() - firstStart);
    const validation = await device.popErrorScope();
    const memory = await device.popErrorScope();
    const failure = validation ?? memory;
    if (failure) {
      kernel.release();
      throw new MixscopeError(`${where}: ${failure.message.split('\n')[0]}`, memory ? 'over-limit' : 'unsupported');
    }
    this.checkAlive();
    return kernel;
  }

  private constantsOf(pass: PassPlan): Readonly<Record<string, number>> | undefined {
    return pass.tuning === 'matmul' ? { ...pass.constants, ...matmulConstants(this.matmul) } : pass.constants;
  }

  /** The autotuner's last result on this device (undefined before calibration or with autotune off). */
  tuning: MatmulTuning | undefined;
  /** The scan autotuner's last result on this device. */
  scanTuning: ScanTuning | undefined;
  /** The fused kernel's autotuner's last result on this device. */
  fusedTuning: FusedTuning | undefined;

  /** Autotuning first (unless turned off), so the roof is measured with the configuration the points use. */
  private async tuneAndCalibrate(): Promise<WgslCalibration> {
    if (this.options.autotune !== false) {
      const cache = this.options.tuningCache;
      const key = tuningKey(adapterInfoOf(this.device.adapterInfo), this.options.host);
      const cached = await cache?.lookup(key);
      // A remembered choice this device's limits no longer admit is tuned afresh.
      const admitted = cached && matmulConfigsFor(this.device.limits).find((c) => c.microM === cached.microM && c.depth === cached.depth);
      if (admitted) {
        this.matmul = admitted;
        this.matmulSource = 'cached';
      } else {
        this.tuning = await autotuneMatmul(this.device, this.pipelines);
        this.matmul = this.tuning.config;
        this.matmulSource = 'autotuned';
        await cache?.store(key, this.matmul);
      }
      const cachedScans = await lookupScans(cache, key);
      if (cachedScans) {
        this.scan = cachedScans.state;
        this.scans = cachedScans;
        this.scanSource = 'cached';
      } else {
        this.scanTuning = await autotuneScan(async (scan, request) => {
          const kept = this.scan;
          this.scan = scan;
          try {
            return await this.prepare(request);
          } finally {
            this.scan = kept;
          }
        });
        this.scan = this.scanTuning.config;
        this.scans = { ...this.scanTuning.byKind };
        this.scanSource = 'autotuned';
        await storeScans(cache, key, this.scanTuning.byKind);
      }
      await this.tuneFused(cache, key);
    }
    return calibrateWgsl(this.device, this.pipelines, { matmulConstants: matmulConstants(this.matmul) });
  }

  /** The fused kernel's configuration: the cached one where this device's limits still admit it, else autotuned. */
  private async tuneFused(cache: TuningCache | undefined, key: string): Promise<void> {
    const store = fusedStoreOf(cache);
    const admitted = fusedConfigsFor(this.device.limits);
    const cached = await store?.lookupFused(key);
    const kept = cached && admitted.find((c) => sameFused(c, cached));
    if (kept) {
      this.fused = kept;
      this.fusedSource = 'cached';
      return;
    }
    this.fusedTuning = await autotuneFused(async (fused, request) => {
      const before = this.fused;
      this.fused = fused;
      try {
        return await this.prepare(request);
      } finally {
        this.fused = before;
      }
    }, { configs: admitted });
    this.fused = this.fusedTuning.config;
    this.fusedSource = 'autotuned';
    await store?.storeFused(key, this.fused);
  }

  /**
   * Matmul and copy peaks of this device, measured once per device. The float16 dtype's roof is the
   * same measurement: its kernels compute in f32 and only store in f16, so f32 arithmetic and bytes
   * per second are what bound them.
   */
  calibrate(dtype: DType): Promise<WgslCalibration> {
    this.checkAlive();
    if (dtype === 'float64') return Promise.reject(new MixscopeError('wgsl calibrates in float32 only', 'unsupported'));
    if (dtype === 'float16' && !this.f16Mode) return Promise.reject(new MixscopeError(`wgsl: ${NO_SHADER_F16}`, 'unsupported'));
    this.calibration ??= this.tuneAndCalibrate();
    this.calibration.catch(() => (this.calibration = undefined));
    return this.calibration;
  }

  async reset(): Promise<void> {
    if (!this.options.recreateDevice) {
      throw new DeviceLostError(`wgsl cannot recreate its device (${this.lostReason ?? 'no loss recorded'})`);
    }
    const old = this.device;
    this.device = await this.options.recreateDevice();
    old.destroy();
    this.pipelines = new PipelineCache(this.device, this.options.loadShader);
    this.lostReason = undefined;
    this.calibration = undefined;
    this.matmul = this.options.matmul ?? DEFAULT_MATMUL;
    this.matmulSource = 'default';
    this.tuning = undefined;
    this.scan = this.options.scan ?? DEFAULT_SCAN;
    this.scans = {};
    this.scanSource = 'default';
    this.scanTuning = undefined;
    this.fused = this.options.fused ?? DEFAULT_FUSED;
    this.fusedSource = 'default';
    this.fusedTuning = undefined;
    this.watch(this.device);
  }

  async dispose(): Promise<void> {
    this.lostReason = 'disposed';
    this.device.destroy();
  }
}
