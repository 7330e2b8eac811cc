/**
 * The float16 variants of the WGSL modules, checked as text (no adapter here has shader-f16, so no
 * f16 module is compiled here; f16-conformance.test.ts runs their numerics on emulated storage).
 */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../../engine/core/errors.js';
import { MIXERS } from '../../engine/registry.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { f16StorageOf, passVariant } from './f16-storage.js';
import { f32StorageBuffers, storageVariant, withoutComments } from './f16-variant.js';
import { resolveIncludes } from './includes.js';
import { shaderSource } from './pipelines.js';
import { everyPassOf } from './plan.js';
import { findPlan } from './plans/index.js';
import { pointInputs } from './test-host.js';

const load = fileShaderLoader();
const planned = MIXERS.flatMap((mixer) => mixer.forms.filter((f) => findPlan(mixer.id, f.id)).map((form) => ({ mixer, form, plan: findPlan(mixer.id, form.id)! })));
const shaders = [...new Set(planned.flatMap(({ plan }) => everyPassOf(plan).map((p) => p.shader)))].sort();

/** The function each offset of `code` lies in: its parameters and body (test's own scan, not the rewrite's). */
function functionAt(code: string, at: number): string {
  const start = code.lastIndexOf('fn ', at);
  return start < 0 ? '' : code.slice(start, at);
}

/** Every access of a converted buffer in an f16 module is a read through f32() or a store through f16(). */
function unconvertedAccesses(code: string, names: readonly string[]): string[] {
  const bad: string[] = [];
  for (const name of names) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])${name}\\s*\\[`, 'g'))) {
      const scope = functionAt(code, m.index);
      // A function that declares the name itself (a scan's local `var h: array<f32, 8>`) means its own.
      if (new RegExp(`\\b(?:let|var|const)\\s+${name}\\b|[(,]\\s*${name}\\s*:`).test(scope)) continue;
      const before = code.slice(Math.max(0, m.index - 4), m.index);
      const line = code.slice(m.index, code.indexOf('\n', m.index));
      const isStore = /^\w+\s*\[[^\n]*\]\s*=\s*f16\(/.test(line) && !/^\w+\s*\[[^\n]*\]\s*==/.test(line);
      if (before !== 'f32(' && !isStore) bad.push(`${name} at ${line.trim()}`);
    }
  }
  return bad;
}

describe('f16 variants of every planned shader', () => {
  it('leaves the float32 path byte for byte as #include resolved it', async () => {
    for (const shader of shaders) {
      const resolved = await resolveIncludes(shader, load);
      expect((await shaderSource(shader, load)).code).toBe(resolved.code);
      expect(storageVariant(resolved.code, 'f32', shader)).toBe(resolved.code);
    }
  });

  it.each(shaders)('%s: enables f16, stores every f32 buffer as f16, reads through f32() and stores through f16()', async (shader) => {
    const code = (await resolveIncludes(shader, load)).code;
    const buffers = f32StorageBuffers(code);
    expect(buffers.length).toBeGreaterThan(0);
    const f16 = storageVariant(code, 'f16', shader);
    expect(f16.startsWith('enable f16;')).toBe(true);
    expect(f32StorageBuffers(f16)).toEqual([]);
    for (const { binding, name } of buffers) expect(f16).toMatch(new RegExp(`@binding\\(${binding}\\)\\s*var<storage,\\s*\\w+>\\s+${name}\\s*:\\s*array<f16>`));
    expect(unconvertedAccesses(f16, buffers.map((b) => b.name))).toEqual([]);
    // Same line count, so compiler messages map back through includes.ts.
    expect(f16.split('\n')).toHaveLength(code.split('\n').length);
    // Emulated: the same stores, rounded by quantizeToF16, and no f16 type anywhere.
    const emulated = storageVariant(code, 'f16-emulated', shader);
    expect(emulated).not.toMatch(/\bf16\b|enable/);
    expect(emulated.match(/quantizeToF16\(/g)?.length ?? 0).toBe(f16.match(/= f16\(/g)?.length ?? 0);
  });

  it.each(planned.map(({ mixer, form, plan }) => [`${mixer.id}/${form.id}`, mixer, form, plan] as const))('%s: the buffers it keeps f32 stay f32 at their bindings, the rest f16', async (_key, mixer, form, plan) => {
    const { params } = pointInputs(mixer, 37, 12, 10);
    const storage = f16StorageOf(mixer.id, form.id, 'f16');
    for (const pass of everyPassOf(plan)) {
      const variant = passVariant(storage, pass, params);
      const code = (await shaderSource(pass.shader, load, variant)).code;
      const names = pass.storage instanceof Function ? pass.storage(params) : pass.storage;
      for (const [i, buffer] of names.entries()) {
        const declared = new RegExp(`@binding\\(${i + 1}\\)\\s*var<storage,\\s*\\w+>\\s+\\w+\\s*:\\s*array<(f16|f32|vec4<f32>)>`).exec(code)?.[1];
        expect(declared, `${pass.shader} binding ${i + 1} (${buffer})`).toBe(storage.keepF32.has(buffer) ? 'f32' : 'f16');
      }
    }
  });
});

describe('the f16 rewrite', () => {
  const module = (body: string) => `@group(0) @binding(1) var<storage, read> X: array<f32>;\n@group(0) @binding(2) var<storage, read_write> Y: array<f32>;\nfn main() {\n${body}\n}\n`;

  it('reads, stores, compound stores and nested indices', () => {
    const out = storageVariant(module('  Y[i] = X[i] * 2.0;\n  Y[X2[j]] += X[u32(X[0])];\n  if (Y[k] == 1.0) { Y[k] = 0.0; }'), 'f16', 't.wgsl');
    expect(out).toContain('Y[i] = f16(f32(X[i]) * 2.0);');
    expect(out).toContain('Y[X2[j]] = f16(f32(Y[X2[j]]) + (f32(X[u32(f32(X[0]))])));');
    expect(out).toContain('if (f32(Y[k]) == 1.0) { Y[k] = f16(0.0); }');
    expect(out).toContain('var<storage, read> X: array<f16>;');
  });

  it('leaves comments, struct fields, arrayLength and other buffers alone', () => {
    const out = storageVariant(`// Y[t] = X[t]\n${module('  let n = arrayLength(&Y);\n  Y[0] = params.X[1] + Z[2];')}`, 'f16', 't.wgsl');
    expect(out.split('\n')[0]).toBe('enable f16; ');
    expect(out).toContain('let n = arrayLength(&Y);');
    expect(out).toContain('Y[0] = f16(params.X[1] + Z[2]);');
  });

  it('keeps a buffer f32 by its binding, and a function-local array of the same name as it is', () => {
    const code = `${module('  Y[0] = X[0];')}fn scan() {\n  var X: array<f32, 8>;\n  X[1] = 2.0;\n}\nfn at(@builtin(local_invocation_index) li: u32, X: ptr<function, array<f32, 4>>) {\n  (*X)[li] = 1.0;\n  X[0] = 1.0;\n}\n`;
    const out = storageVariant(code, 'f16', 't.wgsl', new Set([2]));
    expect(out).toContain('Y: array<f32>');
    expect(out).toContain('Y[0] = f32(X[0]);');
    expect(out).toContain('X[1] = 2.0;');
    // A parameter of the buffer's name, after one with an attribute, is the function's own.
    expect(out).toContain('  X[0] = 1.0;');
  });

  it('rounds stores with quantizeToF16 in the emulated variant', () => {
    const out = storageVariant(module('  Y[i] += X[i];'), 'f16-emulated', 't.wgsl');
    expect(out).toContain('Y[i] = quantizeToF16(Y[i] + (X[i]));');
    expect(out).toContain('X: array<f32>');
  });

  it('refuses what it cannot follow, naming the shader', () => {
    expect(() => storageVariant(module('  Y[i]++;'), 'f16', 'm/t.wgsl')).toThrow(MixscopeError);
    expect(() => storageVariant(module('  Y[i]++;'), 'f16', 'm/t.wgsl')).toThrow(/^m\/t\.wgsl: 'Y\[…\]\+\+'/);
    expect(() => storageVariant(module('  Y[i = 1.0;'), 'f16', 'm/t.wgsl')).toThrow(/unbalanced/);
  });

  it('blanks comments without moving lines', () => {
    expect(withoutComments('a // b\n/* c\nd */ e')).toBe('a \n\n e');
  });
});
