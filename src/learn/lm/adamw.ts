/**
 * AdamW (Loshchilov & Hutter 2019: Adam with decoupled weight decay) with global-norm gradient clipping,
 * and the learning-rate schedule of the sweep: linear warm-up, then cosine decay to a floor.
 *
 * @module
 */
import type { TrainConfig } from "./config";
import type { Vec } from "./matmul";

/** Global gradient-norm clip (nanoGPT's default). */
export const GRAD_CLIP = 1;

/**
 * Learning rate at optimiser step `step` (0-based): lr·(step + 1)/warmup during the warm-up, then
 * minLr + ½(lr − minLr)(1 + cos(π·(step − warmup)/(steps − warmup))).
 *
 * @throws {RangeError} if `step` is not an integer in [0, steps).
 * @example learningRate({ lr: 1, minLr: 0, warmup: 0, steps: 3 } as never, 0); // => 1
 */
export function learningRate(c: Pick<TrainConfig, "lr" | "minLr" | "warmup" | "steps">, step: number): number {
  if (!Number.isInteger(step) || step < 0 || step >= c.steps) {
    throw new RangeError(`\`step\` must be an integer in [0, ${c.steps}), got ${step}`);
  }
  if (step < c.warmup) return (c.lr * (step + 1)) / c.warmup;
  const ratio = c.steps === c.warmup ? 0 : (step - c.warmup) / (c.steps - c.warmup);
  return c.minLr + 0.5 * (c.lr - c.minLr) * (1 + Math.cos(Math.PI * ratio));
}

/**
 * AdamW state over a flat parameter array: first and second moments, and which entries are decayed.
 *
 * @example
 * const p = new Float64Array([1]), g = new Float64Array([1]);
 * const opt = new AdamW(1, new Uint8Array([0]), Float64Array);
 * opt.update(p, g, 0.1, 0.9, 0.999, 0, 1);
 * Math.round(p[0] * 1e6) / 1e6; // => 0.9
 */
export class AdamW {
  readonly m: Vec;
  readonly v: Vec;
  readonly decay: Uint8Array;

  /**
   * @param n parameters; @param decay 1 where weight decay applies (matrices), 0 elsewhere;
   * @param kind the array type (Float32Array or Float64Array).
   */
  constructor(n: number, decay: Uint8Array, kind: Float32ArrayConstructor | Float64ArrayConstructor) {
    if (decay.length !== n) throw new RangeError(`\`decay\` must have ${n} entries, got ${decay.length}`);
    this.m = new kind(n);
    this.v = new kind(n);
    this.decay = decay;
  }

  /**
   * One AdamW step t (1-based, for the bias corrections), in place:
   * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − lr(m̂/(√v̂ + 10⁻⁸) + λp·decay).
   */
  update(p: Vec, g: Vec, lr: number, beta1: number, beta2: number, weightDecay: number, t: number): void {
    const { m, v, decay } = this;
    const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      const mi = beta1 * m[i] + (1 - beta1) * gi;
      const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      const mh = mi / c1, vh = vi / c2;
      p[i] -= lr * (mh / (Math.sqrt(vh) + 1e-8) + (decay[i] ? weightDecay * p[i] : 0));
    }
  }
}

/**
 * Scales `g` in place so that its Euclidean norm is at most `maxNorm`; returns the norm before.
 *
 * @example clipGradNorm(new Float64Array([3, 4]), 1); // => 5
 */
export function clipGradNorm(g: Vec, maxNorm: number): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  const norm = Math.sqrt(s);
  if (norm > maxNorm) {
    const f = maxNorm / norm;
    for (let i = 0; i < g.length; i++) g[i] *= f;
  }
  return norm;
}
