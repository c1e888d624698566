/**
 * The Monte-Carlo error of a bootstrap percentile endpoint (general resampling statistics, no paper
 * content).
 *
 * @module
 */
import { requireFiniteArray, requireFiniteResult, requireInRange, requirePositive } from "../_util/validate";

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
