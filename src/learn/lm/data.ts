/**
 * Batches of the character model: random training windows (seeded per step, so a resumed run draws the
 * same batches as an uninterrupted one) and fixed evaluation windows per genre.
 *
 * @module
 */
import { Random } from "../../stats/random";
import { requireInteger } from "../../_util/validate";

/**
 * The generator of step `step` of a run with seed `seed` (a fresh generator per step: no state to
 * checkpoint).
 *
 * @example stepRandom(0, 5).uniform() === stepRandom(0, 5).uniform(); // => true
 */
export function stepRandom(seed: number, step: number): Random {
  requireInteger("seed", seed, 0, 2 ** 32 - 1);
  requireInteger("step", step, 0);
  return new Random((Math.imul(seed + 1, 0x9e3779b1) + Math.imul(step, 0x85ebca77)) >>> 0);
}

/**
 * Fills `tokens` and `targets` (each B·T) with B windows of `data` at uniform random offsets:
 * tokens = data[o … o+T−1], targets = data[o+1 … o+T].
 *
 * @throws {RangeError} if `data` is shorter than T + 1.
 * @example
 * const x = new Uint8Array(2), y = new Uint8Array(2);
 * sampleBatch(new Uint8Array([5, 6, 7]), 2, 1, new Random(1), x, y);
 * Array.from(y); // => [6, 7]
 */
export function sampleBatch(
  data: Uint8Array,
  T: number,
  B: number,
  rng: Random,
  tokens: Uint8Array,
  targets: Uint8Array,
): void {
  if (data.length < T + 1) throw new RangeError(`\`data\` must hold at least T + 1 = ${T + 1} ids, got ${data.length}`);
  const span = data.length - T;
  for (let b = 0; b < B; b++) {
    const o = rng.int(span);
    tokens.set(data.subarray(o, o + T), b * T);
    targets.set(data.subarray(o + 1, o + T + 1), b * T);
  }
}

/**
 * `count` evaluation windows of T + 1 ids from `data`, at evenly spaced offsets (deterministic; windows
 * do not overlap when data is long enough), as B × T token and target arrays.
 *
 * @throws {RangeError} if `data` is shorter than T + 1 or `count` < 1.
 * @example evalWindows(new Uint8Array([1, 2, 3, 4]), 1, 2).targets.length; // => 2
 */
export function evalWindows(data: Uint8Array, T: number, count: number): { tokens: Uint8Array; targets: Uint8Array } {
  requireInteger("count", count, 1);
  if (data.length < T + 1) throw new RangeError(`\`data\` must hold at least T + 1 = ${T + 1} ids, got ${data.length}`);
  const tokens = new Uint8Array(count * T), targets = new Uint8Array(count * T);
  const span = data.length - T - 1;
  for (let i = 0; i < count; i++) {
    const o = count === 1 ? 0 : Math.floor((i * span) / (count - 1));
    tokens.set(data.subarray(o, o + T), i * T);
    targets.set(data.subarray(o + 1, o + T + 1), i * T);
  }
  return { tokens, targets };
}
