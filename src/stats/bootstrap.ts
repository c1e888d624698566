/**
 * The nonparametric bootstrap (Efron 1979; Efron & Tibshirani, "An Introduction to the
 * Bootstrap", 1993): resample the n observations with replacement, re-estimate, and read standard
 * errors and percentile intervals off the spread of the re-estimates. A resample is represented
 * by its counts (how many times each observation was drawn), which an estimator that takes
 * weights uses directly: a weighted sum with these counts equals the sum over the resample.
 * Seeded through `Random`, so every run gives the same intervals. Quantiles and the sample
 * standard deviation come from simple-statistics; this module adds the resampling, which it lacks.
 *
 * @module
 */
import { quantileSorted, sampleStandardDeviation } from "simple-statistics";
import { Random } from "./random";
import {
  requireArray,
  requireFiniteResult,
  requireFunction,
  requireInRange,
  requireInteger,
  requireRandom,
} from "../_util/validate";

/** The most observations resampled: 2^24 (a 128 MB counts array per resample would be far beyond any fit here). */
export const MAX_OBSERVATIONS = 2 ** 24;
/** The most resamples: 10^6 (each runs the estimator once; the notebooks use at most 4,000). */
export const MAX_RESAMPLES = 1_000_000;

/**
 * Counts of one resample with replacement of n observations: n draws, uniform over 0..n-1.
 * @throws {RangeError} if `n` is not an integer in [1, MAX_OBSERVATIONS = 2^24].
 * @example resampleCounts(5, new Random(1)).reduce((a, b) => a + b) // => 5
 */
export function resampleCounts(n: number, rng: Random): Float64Array {
  requireInteger("n", n, 1, MAX_OBSERVATIONS);
  requireRandom("rng", rng);
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) counts[rng.int(n)]++;
  return counts;
}

/**
 * Runs `estimate` on `resamples` bootstrap resamples of n observations and returns one row of
 * estimates per resample (`estimate` receives the counts and the resample index).
 *
 * @param seed integer seed of the `Random` that draws the resamples.
 * @throws {RangeError} if `n` is not an integer in [1, 2^24] (`MAX_OBSERVATIONS`), `resamples` not one in
 *   [1, 10^6] (`MAX_RESAMPLES`: `resamples: 2**31` is refused rather than run for hours), the seed is
 *   invalid, or an estimate is not finite (named by resample and position); {TypeError} if `estimate`
 *   is not a function.
 * @example
 * // bootstrap of a mean
 * const x = [1, 2, 3, 4];
 * bootstrap(x.length, 1000, 7, (w) => [w.reduce((s, c, i) => s + c * x[i], 0) / x.length]);
 */
export function bootstrap(
  n: number,
  resamples: number,
  seed: number,
  estimate: (counts: Float64Array, index: number) => number[],
): number[][] {
  requireInteger("n", n, 1, MAX_OBSERVATIONS);
  requireInteger("resamples", resamples, 1, MAX_RESAMPLES);
  requireFunction("estimate", estimate);
  const rng = new Random(seed);
  const out: number[][] = [];
  for (let b = 0; b < resamples; b++) {
    const row = estimate(resampleCounts(n, rng), b);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) {
        throw new RangeError(`resample ${b}: estimate ${j} must be finite, got ${v}`);
      }
    });
    out.push(row);
  }
  return out;
}

/**
 * Checks that `values` is a non-empty sample of finite numbers and returns it sorted ascending.
 * @throws {RangeError} if `values` is empty or holds a non-finite number (named by index).
 */
function sortedFinite(values: ArrayLike<number>): number[] {
  if (values.length === 0) throw new RangeError("`values` must not be empty");
  const s = Array.from(values);
  s.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`\`values[${i}]\` must be finite, got ${v}`);
  });
  return s.sort((a, b) => a - b);
}

/**
 * Quantile of a sample by linear interpolation between order statistics (Hyndman & Fan 1996
 * type 7, the default of R and NumPy), computed by simple-statistics' `quantileSorted`; this
 * wrapper adds the project's argument checks.
 * @param q probability in [0, 1].
 * @throws {RangeError} if `values` is empty or holds a non-finite number, or `q` is outside [0, 1].
 * @example quantile([1, 2, 3, 4], 0.5) // => 2.5
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  requireArray("values", values);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "number") {
      throw new TypeError(`\`values[${i}]\` must be a number, got ${typeof values[i]}`);
    }
  }
  requireInRange("q", q, { min: 0, max: 1 });
  return quantileSorted(sortedFinite(values), q);
}

/**
 * Percentile interval: the (1 - level)/2 and (1 + level)/2 quantiles (type 7, `quantile`) of the
 * bootstrap estimates.
 * @param level coverage in (0, 1), e.g. 0.95.
 * @throws {RangeError} as `quantile`, or if `level` is outside (0, 1).
 * @example percentileInterval([1, 2, 3, 4, 5], 0.5) // => [2, 4]
 */
export function percentileInterval(values: ArrayLike<number>, level = 0.95): [number, number] {
  requireArray("values", values);
  requireInRange("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const sorted = sortedFinite(values);
  return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
}

/**
 * Sample standard deviation (divisor m - 1) of m values, by simple-statistics'
 * `sampleStandardDeviation` (its mean is a compensated sum); this wrapper adds the project's
 * argument checks. The bootstrap standard error of an estimate is this of its m re-estimates;
 * the standard error of a mean of m independent values is this divided by sqrt(m) (`meanStderr`
 * in `powerlaw_fit.ts`).
 * @throws {RangeError} if there are fewer than two values or one is not finite.
 * @example sampleStdDev([1, 2, 3]) // => 1
 */
export function sampleStdDev(values: ArrayLike<number>): number {
  requireArray("values", values);
  const m = values.length;
  if (m < 2) throw new RangeError(`\`values\` must hold at least 2 numbers, got ${m}`);
  const x = Array.from(values);
  x.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`\`values[${i}]\` must be finite, got ${v}`); // false for a non-number
  });
  return requireFiniteResult(sampleStandardDeviation(x), "values", "(too large)", "their standard deviation");
}
