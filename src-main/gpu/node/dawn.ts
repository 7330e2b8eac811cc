/**
 * WebGPU under Node from Dawn's binding (npm `webgpu`). On a user's machine the default instance
 * finds the real GPU; on a GPU-less machine two software routes remain: Chromium's SwiftShader
 * Vulkan driver (full feature level) and Mesa llvmpipe through OpenGL ES (compatibility level).
 * The route that worked is recorded, since a software adapter's timings are never a speed claim.
 */
import { existsSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { MixscopeError } from '../../engine/core/errors.js';
import { wantedFeatures } from '../wgsl/probe.js';

export type DawnRoute = 'default' | 'swiftshader-vulkan' | 'opengles-llvmpipe';

export const DAWN_ROUTES: readonly DawnRoute[] = ['default', 'swiftshader-vulkan', 'opengles-llvmpipe'];

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

interface RouteSetup {
  readonly flags: string[];
  readonly featureLevel: 'core' | 'compatibility';
  /** Variables the driver loader reads when the instance is created (set just before `create`). */
  readonly env: Readonly<Record<string, string>>;
  readonly missing?: () => string | undefined;
}

const SETUPS: Record<DawnRoute, RouteSetup> = {
  default: { flags: [], featureLevel: 'core', env: {} },
  'swiftshader-vulkan': {
    flags: ['backend=vulkan'],
    featureLevel: 'core',
    env: { VK_ICD_FILENAMES: SWIFTSHADER_ICD },
    missing: () => (existsSync(SWIFTSHADER_ICD) ? undefined : `${SWIFTSHADER_ICD} not found (install chromium)`),
  },
  'opengles-llvmpipe': { flags: ['backend=opengles'], featureLevel: 'compatibility', env: { EGL_PLATFORM: 'surfaceless' } },
};

export interface DawnAdapter {
  readonly gpu: GPU;
  readonly adapter: GPUAdapter;
  readonly route: DawnRoute;
  /** Routes tried before this one, with why each failed. */
  readonly tried: readonly { route: DawnRoute; reason: string }[];
}

export interface DawnDevice extends DawnAdapter {
  readonly device: GPUDevice;
}

let globalsInstalled = false;

/** Dawn's GPUBufferUsage, GPUMapMode... as globals, as in a page. */
export function installWebGpuGlobals(): void {
  if (globalsInstalled) return;
  Object.assign(globalThis, globals);
  globalsInstalled = true;
}

/** The first route (default, then the software fallbacks) whose instance yields an adapter. */
export async function findDawnAdapter(routes: readonly DawnRoute[] = DAWN_ROUTES): Promise<DawnAdapter> {
  installWebGpuGlobals();
  const tried: { route: DawnRoute; reason: string }[] = [];
  for (const route of routes) {
    const setup = SETUPS[route];
    const missing = setup.missing?.();
    if (missing) {
      tried.push({ route, reason: missing });
      continue;
    }
    // Only set when unset, so that a user's own driver choice wins.
    for (const [key, value] of Object.entries(setup.env)) process.env[key] ??= value;
    try {
      const gpu = create(setup.flags) as GPU;
      const adapter = await gpu.requestAdapter({ featureLevel: setup.featureLevel });
      if (adapter) return { gpu, adapter, route, tried };
      tried.push({ route, reason: 'no adapter' });
    } catch (err) {
      tried.push({ route, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  const why = tried.map((t) => `${t.route}: ${t.reason}`).join('; ');
  throw new MixscopeError(`no WebGPU adapter from Dawn (${why})`, 'backend-unavailable');
}

/** Limits raised to what the adapter offers: compatibility mode starts far lower (128 invocations). */
const RAISED_LIMITS = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupStorageSize',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
] as const;

export async function requestDawnDevice(found: DawnAdapter): Promise<DawnDevice> {
  const { adapter } = found;
  // shader-f16 where the adapter has it: the wgsl backend's float16 dtype needs it on the device.
  const requiredFeatures = wantedFeatures(adapter);
  const requiredLimits: Record<string, number> = {};
  for (const name of RAISED_LIMITS) requiredLimits[name] = adapter.limits[name];
  const device = await adapter.requestDevice({ requiredFeatures, requiredLimits });
  return { ...found, device };
}

/** Adapter and device in one step: default route first, then the software fallbacks. */
export async function createDawnDevice(routes: readonly DawnRoute[] = DAWN_ROUTES): Promise<DawnDevice> {
  return requestDawnDevice(await findDawnAdapter(routes));
}

/** A route list from text such as 'opengles-llvmpipe,swiftshader-vulkan' (MIXSCOPE_DAWN_ROUTES). */
export function parseDawnRoutes(text: string | undefined): readonly DawnRoute[] | undefined {
  if (!text) return undefined;
  const routes = text.split(',').map((r) => r.trim());
  for (const r of routes) {
    if (!(DAWN_ROUTES as readonly string[]).includes(r)) {
      throw new MixscopeError(`unknown Dawn route '${r}' (routes: ${DAWN_ROUTES.join(', ')})`, 'invalid-input');
    }
  }
  return routes as DawnRoute[];
}

/** Where the device came from, for probe output: 'node-host (Dawn, swiftshader-vulkan)'. */
export function dawnHostLabel(route: DawnRoute, host: 'node' | 'node-host'): string {
  return `${host} (Dawn, ${route})`;
}
