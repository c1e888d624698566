/**
 * The Monte-Carlo error of a bootstrap percentile endpoint (general resampling statistics, no paper
 * content).
 *
 * @module
 */
import {
  requireFiniteArray,
  requireFiniteResult,
  requireInRange,
  requireInteger,
  requirePositive,
} from "../_util/validate";

/**
 * Monte-Carlo error of a bootstrap percentile endpoint: with B re-estimates the q-quantile is the
 * order statistic near B q, and the count of re-estimates below the true (infinite-B) quantile is
 * binomial(B, q), so a distribution-free `z`-interval for that quantile runs between the order
 * statistics at B q ∓ z sqrt(B q (1 - q)) (e.g. Hahn & Meeker 1991, §5.2). Returns half that
 * interval's width: how far the endpoint could move with another seed.
 * @param q the quantile in (0, 1), e.g. 0.025.
 * @param z normal quantile of the coverage (default 1.96 for 95%).
 * @throws {TypeError} if `values` is not an array of numbers; {RangeError} if it holds fewer than 2
 *   values or a non-finite one, `q` is outside (0, 1) or `z` is not > 0.
 * @example quantileMonteCarloError([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5) // => 3 (order statistics 2 and 8 about the median)
 */
export function quantileMonteCarloError(values: readonly number[], q: number, z = 1.96): number {
  requireFiniteArray("values", values, 2);
  const B = values.length;
  requireInRange("q", q, { min: 0, max: 1, minOpen: true, maxOpen: true });
  requirePositive("z", z);
  const s = [...values].sort((a, b) => a - b);
  const half = z * Math.sqrt(B * q * (1 - q));
  const at = (k: number) => s[Math.min(B - 1, Math.max(0, Math.round(k) - 1))];
  return requireFiniteResult(
    (at(B * q + half) - at(B * q - half)) / 2,
    "values",
    "an array",
    "the spread of its order statistics",
  );
}

/**
 * Wilson's score upper bound for a proportion: from k successes in n draws, the upper end of the
 * two-sided `z`-interval (Wilson 1927), (p + z²/2n + z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n) with
 * p = k/n. Used on a bootstrap's count of re-estimates beyond a threshold: a share that is below a
 * level even at this bound stays below it with another seed.
 * @throws {RangeError} unless n is an integer ≥ 1, k an integer in [0, n] and z > 0.
 * @example Math.round(wilsonUpper(0, 200) * 1e4) / 1e4 // => 0.0188
 */
export function wilsonUpper(k: number, n: number, z = 1.96): number {
  requireInteger("n", n, 1);
  requireInteger("k", k, 0, n);
  requirePositive("z", z);
  const p = k / n, z2 = z * z;
  return Math.min(1, (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n));
}
