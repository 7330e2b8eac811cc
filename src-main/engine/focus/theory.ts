/** Closed forms of S(a) from MIXERS.md "Attention focus", for q fixed and k_s ~ N(0, σ²I). */
import { erf } from '../mixers/common/erf.js';

/**
 * Softmax rows a_s ∝ exp(x_s) with x_s = scale·q·k_s ~ N(0, z²), z = σ·‖q‖·scale: as t → ∞,
 * E e^{x} = e^{z²/2} and E e^{2x} = e^{2z²}, so S → e^{z²/2}/e^{z²} = exp(−z²/2).
 */
export function softmaxSparsityLimit(sigma: number, qNorm: number, scale = 1): number {
  const z = sigma * qNorm * scale;
  return Math.exp((-z * z) / 2);
}

/**
 * Decay-only rows a_s = λ^{t−s} over n positions:
 * S = √((1+λ)(1−λⁿ) / (n(1−λ)(1+λⁿ))); a flat row (S = 1) at λ = 1.
 */
export function decayOnlySparsity(lambda: number, n: number): number {
  if (lambda === 1) return 1;
  const ln = Math.pow(lambda, n);
  return Math.sqrt(((1 + lambda) * (1 - ln)) / (n * (1 - lambda) * (1 + ln)));
}

/**
 * Plain linear rows (f = identity), a_s = q·k_s ~ N(β, γ²): with E|a| the folded-normal mean,
 * S = [γ√(2/π)·exp(−β²/(2γ²)) + β·erf(β/(√2·γ))] / √(β² + γ²); √(2/π) at β = 0 whatever L is.
 */
export function plainLinearSparsity(beta: number, gamma: number): number {
  if (gamma === 0) return 1;
  const foldedMean = gamma * Math.sqrt(2 / Math.PI) * Math.exp(-(beta * beta) / (2 * gamma * gamma)) + beta * erf(beta / (Math.SQRT2 * gamma));
  return foldedMean / Math.sqrt(beta * beta + gamma * gamma);
}
