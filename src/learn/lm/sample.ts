/**
 * Text generation from a trained character model: seeded sampling from the next-character
 * distribution (temperature-scaled), with the last T characters as context.
 *
 * @module
 */
import { Random } from "../../stats/random";
import { requireInRange, requireInteger } from "../../_util/validate";
import type { CharTransformer } from "./model";

/**
 * Continues `prompt` (token ids) by `length` sampled ids. Temperature 0 is greedy (the most probable
 * character, lowest id on ties); otherwise probabilities ∝ p^(1/temperature), drawn with `new Random(seed)`.
 *
 * @throws {RangeError} on an empty prompt, a negative length or temperature.
 * @example
 * const m = new CharTransformer({ vocabSize: 3, context: 4, width: 4, layers: 1, heads: 1 });
 * m.init(0);
 * generate(m, new Uint8Array([0]), 5, 1, 1); // five sampled ids
 */
export function generate(
  model: CharTransformer,
  prompt: Uint8Array,
  length: number,
  temperature: number,
  seed: number,
): Uint8Array {
  if (!(prompt instanceof Uint8Array) || prompt.length < 1) throw new RangeError("`prompt` must hold at least one id");
  requireInteger("length", length, 0);
  requireInRange("temperature", temperature, { min: 0, max: 10 });
  const { context: T, vocabSize: V } = model.config;
  const rng = new Random(seed);
  const seq = Array.from(prompt);
  const out = new Uint8Array(length);
  const window = new Uint8Array(T);
  for (let k = 0; k < length; k++) {
    // the last ≤ T ids, left-aligned: attention is causal, so what follows position n − 1 cannot
    // change its prediction and the window needs no padding semantics
    const ctx = seq.slice(-T);
    window.fill(0);
    window.set(ctx);
    model.forward(window, null, 1);
    const p = model.probabilities, base = (ctx.length - 1) * V;
    let next = 0;
    if (temperature === 0) {
      for (let v = 1; v < V; v++) if (p[base + v] > p[base + next]) next = v;
    } else {
      const w = new Float64Array(V);
      let sum = 0;
      for (let v = 0; v < V; v++) sum += w[v] = Math.pow(p[base + v], 1 / temperature);
      let u = rng.uniform() * sum;
      next = V - 1;
      for (let v = 0; v < V; v++) {
        u -= w[v];
        if (u < 0) {
          next = v;
          break;
        }
      }
    }
    out[k] = next;
    seq.push(next);
  }
  return out;
}
