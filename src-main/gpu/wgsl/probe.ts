/** What a GPUDevice offers, as a BackendProbe: adapter, the limits that bound a point, features. */
import type { AdapterInfo, BackendProbe } from '../../engine/core/backend.js';
import type { DType } from '../../engine/core/tensor.js';

/** The limits that decide whether a point fits and how it is tiled. */
export const REPORTED_LIMITS = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxStorageBuffersPerShaderStage',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupsPerDimension',
  'minUniformBufferOffsetAlignment',
] as const;

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|warp|software/i;

export function adapterInfoOf(info: GPUAdapterInfo | undefined): AdapterInfo {
  const vendor = info?.vendor ?? '';
  const architecture = info?.architecture ?? '';
  const device = info?.device ?? '';
  const description = info?.description ?? '';
  return { vendor, architecture, device, description, software: SOFTWARE.test(`${architecture} ${device} ${description}`) };
}

export function limitsOf(limits: GPUSupportedLimits): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of REPORTED_LIMITS) out[name] = limits[name];
  return out;
}

/**
 * The optional features a wgsl device is created with, where the adapter has them: timestamps for
 * device times, shader-f16 for the float16 dtype.
 */
export function wantedFeatures(adapter: GPUAdapter): GPUFeatureName[] {
  return (['timestamp-query', 'shader-f16'] as const).filter((f) => adapter.features.has(f));
}

export function probeDevice(device: GPUDevice, host: string, dtypes: readonly DType[] = ['float32']): BackendProbe {
  return {
    id: 'wgsl',
    available: true,
    host,
    adapter: adapterInfoOf(device.adapterInfo),
    limits: limitsOf(device.limits),
    features: [...device.features].map(String).sort(),
    dtypes,
  };
}
