/**
 * Compiled compute pipelines, cached per shader file and entry point for the life of a device:
 * the first point that uses a shader pays its compile time (reported as compileMs), later points
 * of the same sweep do not.
 */
import { MixscopeError } from '../../engine/core/errors.js';
import { storageVariant, type StorageMode } from './f16-variant.js';
import { resolveIncludes, sourceLocation, type ResolvedShader } from './includes.js';

/**
 * Loads one shader file's text by its path under shaders/ (fs in Node, fetch in a page);
 * `#include` lines are resolved here (includes.ts), not by the hosts.
 */
export type ShaderLoader = (relativePath: string) => Promise<string>;

/** Which storage a module's buffers use (f16-variant.ts); the buffers at the `keepF32` bindings stay f32 in every mode. */
export interface StorageVariant {
  readonly mode: StorageMode;
  readonly keepF32?: readonly number[];
}

export const F32_STORAGE: StorageVariant = { mode: 'f32' };

/** A shader file with its includes resolved, in the storage variant asked for (float32: exactly as resolved). */
export async function shaderSource(shader: string, load: ShaderLoader, variant: StorageVariant = F32_STORAGE): Promise<ResolvedShader> {
  const resolved = await resolveIncludes(shader, load);
  if (variant.mode === 'f32') return resolved;
  return { ...resolved, code: storageVariant(resolved.code, variant.mode, shader, new Set(variant.keepF32 ?? [])) };
}

export class PipelineCache {
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();

  constructor(
    private readonly device: GPUDevice,
    private readonly load: ShaderLoader,
  ) {}

  get(shader: string, entry: string, constants: Readonly<Record<string, number>> = {}, variant: StorageVariant = F32_STORAGE): Promise<GPUComputePipeline> {
    const storage = variant.mode === 'f32' ? '' : `#${variant.mode}:${[...(variant.keepF32 ?? [])].sort((a, b) => a - b).join(',')}`;
    const key = `${shader}#${entry}#${JSON.stringify(constants)}${storage}`;
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      pipeline = this.compile(shader, entry, constants, variant);
      // A failed compile is not cached, so a fixed shader file is picked up on the next point.
      pipeline.catch(() => this.pipelines.delete(key));
      this.pipelines.set(key, pipeline);
    }
    return pipeline;
  }

  private async compile(shader: string, entry: string, constants: Readonly<Record<string, number>>, variant: StorageVariant): Promise<GPUComputePipeline> {
    const resolved = await shaderSource(shader, this.load, variant);
    const module = this.device.createShaderModule({ label: shader, code: resolved.code });
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new MixscopeError(`${sourceLocation(resolved, first.lineNum, first.linePos)}: ${first.message}`, 'unsupported');
    }
    try {
      return await this.device.createComputePipelineAsync({
        label: `${shader}#${entry}`,
        layout: 'auto',
        compute: { module, entryPoint: entry, constants: { ...constants } },
      });
    } catch (err) {
      throw new MixscopeError(`shaders/${shader} entry '${entry}': ${err instanceof Error ? err.message : String(err)}`, 'unsupported');
    }
  }
}
