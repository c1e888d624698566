/**
 * The percentile interval of paired differences of two bootstrap distributions (general resampling
 * statistics, no paper content; used by notebook 09 to compare fits on the same runs).
 *
 * @module
 */
import { percentileInterval } from "./bootstrap";
import { requireFiniteArray } from "../_util/validate";

/**
 * Percentile interval of the paired differences a[b] - b[b] of two bootstrap distributions drawn
 * from the same resamples (the same runs, resampled alike): narrower than comparing the two
 * intervals when the two estimates move together.
 * @throws {RangeError} if the lengths differ or `level` is outside (0, 1).
 * @example pairedInterval([0.3, 0.31, 0.32, 0.33, 0.34], [0.3, 0.3, 0.3, 0.3, 0.3], 0.5) // => ≈ [0.01, 0.03]
 */
export function pairedInterval(a: readonly number[], b: readonly number[], level = 0.95): [number, number] {
  requireFiniteArray("a", a);
  requireFiniteArray("b", b);
  if (a.length !== b.length) {
    throw new RangeError(`\`a\` and \`b\` must have the same length, got ${a.length} and ${b.length}`);
  }
  return percentileInterval(a.map((v, i) => v - b[i]), level);
}
