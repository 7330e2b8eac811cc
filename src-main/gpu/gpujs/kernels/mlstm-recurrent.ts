/**
 * mLSTM `recurrent` (MIXERS.md §7) in gpu.js: the stabilized recurrence of xLSTM (eqs. 15-17),
 * C̃_t = f'_t C̃_{t−1} + i'_t v_t k_tᵀ/√d and ñ_t = f'_t ñ_{t−1} + i'_t k_t/√d with
 * f'_t = e^{log f_t + m_{t−1} − m_t} ≤ 1 and i'_t = e^{ĩ_t − m_t} ≤ 1, is a diagonal linear recurrence
 * once the stabilizers m_t = max(log f_t + m_{t−1}, ĩ_t) are known, so it runs as a Hillis–Steele scan
 * (affine-scan.ts) over the d·dv + d lanes of (C̃, ñ). m_t is that max-plus recurrence unrolled,
 * max_{s≤t} ĩ_s + Σ_{r=s+1..t} log f_r, one thread per t summing the log gates leftwards.
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, vector, type GpujsInstance, type KernelThis, type Rows, type Vec } from '../gpujs.js';
import { affineScanStages } from './affine-scan.js';
import { logForget, mlstmSizes, type MlstmSizes } from './mlstm-gates.js';
import type { GpujsForm, GpujsPlan } from './plan.js';

type K = KernelThis<MlstmSizes>;

/** m_t = max_{s≤t} D̃_ts, the log gates summed leftwards. Output [L]. */
function stabilizers(this: K, igate: Vec, logF: Rows): number {
  const t = this.thread.x;
  let m = igate[t]!;
  let decay = 0;
  for (let u = 1; u < this.constants.L; u++) {
    const s = t - u;
    if (s < 0) break;
    decay += logF[s + 1]![0]!;
    m = Math.max(m, igate[s]! + decay);
  }
  return m;
}

/** f'_t, with f'_0 = 0 (m_{−1} = −∞: the memory starts empty). Output [L, 1]. */
function stabilizedForget(this: K, logF: Rows, m: Vec): number {
  const t = this.thread.y;
  if (t === 0) return 0;
  return Math.exp(logF[t]![0]! + m[t - 1]! - m[t]!);
}

/** Lane e < d·dv: i'_t·k_t[a]/√d·v_t[j] (e = a·dv + j); lane d·dv + a: i'_t·k_t[a]/√d. Output [L, d·dv + d]. */
function stabilizedInputs(this: K, K: Rows, V: Rows, igate: Vec, m: Vec): number {
  const t = this.thread.y;
  const e = this.thread.x;
  const gate = Math.exp(igate[t]! - m[t]!) * this.constants.scale;
  const cells = this.constants.d * this.constants.dv;
  if (e >= cells) return gate * K[t]![e - cells]!;
  const a = Math.floor(e / this.constants.dv);
  return gate * K[t]![a]! * V[t]![e - a * this.constants.dv]!;
}

/** h_t[j] = C̃_t q_t / max(|ñ_tᵀ q_t|, e^{−m_t}), from the scanned lanes. Output [L, dv]. */
function stateReadout(this: K, Q: Rows, H: Rows, m: Vec): number {
  const t = this.thread.y;
  const cells = this.constants.d * this.constants.dv;
  let num = 0;
  let den = 0;
  for (let a = 0; a < this.constants.d; a++) {
    num += H[t]![a * this.constants.dv + this.thread.x]! * Q[t]![a]!;
    den += H[t]![cells + a]! * Q[t]![a]!;
  }
  return num / Math.max(Math.abs(den), Math.exp(-m[t]!));
}

function recurrentPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const k = mlstmSizes(dims);
  const lanes = k.d * k.dv + k.d;
  const logs = stage(gpu, logForget, [1, k.L], k);
  const stabilizer = stage(gpu, stabilizers, [k.L], k);
  const forget = stage(gpu, stabilizedForget, [1, k.L], k);
  const inputs = stage(gpu, stabilizedInputs, [lanes, k.L], k);
  const scan = affineScanStages(gpu, { L: k.L, S: lanes, shared: 1, reverse: 0 });
  const readout = stage(gpu, stateReadout, [k.dv, k.L], k);
  return {
    stages: [logs, stabilizer, forget, inputs, ...scan.stages, readout],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const igate = vector(x['igate']!);
      const logF = keep(await logs(vector(x['fgate']!)));
      const m = keep(await stabilizer(igate, logF));
      const b = await inputs(matrix(x['K']!, k.L, k.d), matrix(x['V']!, k.L, k.dv), igate, m);
      const H = keep(await scan.run(keep(await forget(logF, m)), b));
      return readout(matrix(x['Q']!, k.L, k.d), H, m);
    },
  };
}

export const mlstmRecurrent: GpujsForm = {
  fidelity: 'approximate',
  note:
    'the stabilizers m_t take O(L²) (one unrolled max per t); the stabilized recurrence over (C, n) runs as a Hillis–Steele ' +
    'parallel scan: ⌈log₂L⌉ passes of 2 launches, O(L·log L·d·dv) work and every C_t held, O(L·d·dv) memory, ' +
    'against O(L·d·dv) work and an O(d·dv) state for the sequential recurrence',
  build: (gpu, dims) => recurrentPlan(gpu, dims),
};
