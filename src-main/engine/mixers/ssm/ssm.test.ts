/** The diagonal SSM beyond the conformance test: scan against materialized, known answers, SSD, costs. */
import { describe, expect, it } from 'vitest';
import { createRng, normalArray } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { ssd } from '../ssd/index.js';
import { ssm as mixer } from './index.js';

const form = (id: string) => mixer.forms.find((f) => f.id === id)!;

describe('ssm', () => {
  it.each([1, 37, 130])('scan equals materialized at L=%i', (L) => {
    const inputs = mixer.randomInputs(mixer.dims({ L, d: 5, dv: 1, state: 3 }, {}), createRng(61), {});
    const scan = form('scan').run(inputs, {}, 'float64');
    expect(relativeError(form('materialized').run(inputs, {}, 'float64'), scan).relative).toBeLessThan(1e-12);
  });

  it('dims: D channels from d, state width r from state', () => {
    expect(mixer.dims({ L: 9, d: 4, dv: 2, state: 16 }, {})).toEqual({ L: 9, D: 4, r: 16 });
  });

  it('with Abar = 1 and B = C = 1 (r = 1) every channel is a running sum of its input', () => {
    const L = 12;
    const D = 3;
    const X = normalArray(createRng(2), L * D);
    const inputs = {
      X: tensor([L, D], X),
      Abar: tensor([L, D, 1], new Float64Array(L * D).fill(1)),
      B: tensor([L, 1], new Float64Array(L).fill(1)),
      C: tensor([L, 1], new Float64Array(L).fill(1)),
    };
    for (const f of mixer.forms) {
      const Y = f.run(inputs, {}, 'float64').data;
      for (let c = 0; c < D; c++) {
        let sum = 0;
        for (let t = 0; t < L; t++) {
          sum += X[t * D + c]!;
          expect(Y[t * D + c]).toBeCloseTo(sum, 12);
        }
      }
    }
  });

  it('with Abar[t,c,:] = a_t for every channel and state it is SSD with N = r and P = D', () => {
    const L = 33;
    const ssdInputs = ssd.randomInputs(ssd.dims({ L, d: 4, dv: 3, state: 4 }, {}), createRng(8), {});
    const a = ssdInputs['a']!.data;
    const Abar = new Float64Array(L * 3 * 4);
    for (let t = 0; t < L; t++) Abar.fill(a[t]!, t * 12, (t + 1) * 12);
    const inputs = { X: ssdInputs['X']!, Abar: tensor([L, 3, 4], Abar), B: ssdInputs['B']!, C: ssdInputs['C']! };
    const expected = ssd.reference(ssdInputs, resolveParams(ssd));
    for (const f of mixer.forms) expect(relativeError(f.run(inputs, {}, 'float64'), expected).relative).toBeLessThan(1e-12);
  });

  it('costs: the scan holds D×r states, materialized one L×L matrix at a time', () => {
    const dims = mixer.dims({ L: 2048, d: 8, dv: 8, state: 16 }, {});
    const scan = form('scan').cost(dims, {});
    expect(scan.bottleneck.elements).toBe(8 * 16);
    expect(scan.buffers.find((b) => b.name === 'h')!.elements).toBe(8 * 16);
    const materialized = form('materialized').cost(dims, {});
    expect(materialized.bottleneck.elements).toBe(2048 * 2048);
    expect(materialized.flops / scan.flops).toBeGreaterThan(100);
  });
});
