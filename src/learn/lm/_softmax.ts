/**
 * The causal softmax of one attention row of the JavaScript attention (private to `layers.ts`). The
 * WebAssembly kernels' `softmaxRows` (scripts/wasm/kernels.ts) performs the same operations in the
 * same order and calls the same `Math.exp` (imported into the module: the engine's own, which
 * WebAssembly could not reproduce bit for bit by arithmetic), so the two attentions agree bit for bit
 * (tests/learn/lm/_attention_wasm.test.ts).
 *
 * @module
 */
import type { Vec } from "./matmul";

/**
 * Replaces the scores `att[a … a + t]` (position t attends to 0 … t) by their softmax, shifted by their
 * maximum `max` so that no exponential overflows, and zeroes `att[a + t + 1 … a + T − 1]` (the future).
 * @example
 * const att = new Float64Array([0, 0, 9]);
 * causalSoftmaxRow(att, 0, 1, 3, 0);
 * Array.from(att); // => [0.5, 0.5, 0]
 */
export function causalSoftmaxRow(att: Vec, a: number, t: number, T: number, max: number): void {
  let sum = 0;
  for (let t2 = 0; t2 <= t; t2++) {
    const e = Math.exp(att[a + t2] - max);
    att[a + t2] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let t2 = 0; t2 <= t; t2++) att[a + t2] *= inv;
  for (let t2 = t + 1; t2 < T; t2++) att[a + t2] = 0;
}
