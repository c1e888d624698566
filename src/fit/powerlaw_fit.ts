/**
 * Power-law fits on log-log axes: the exponent `alpha` of a loss `L(N) = A / N^alpha` (the paper's
 * eq. 1 and eq. 13) estimated by ordinary least squares of `ln L` on `ln N`, with the standard
 * error of the slope; and the mean and standard error of a handful of per-seed estimates.
 *
 * The slope and the means come from `simple-statistics` (`linearRegression`, `mean`,
 * `sampleStandardDeviation`); this module adds what it lacks: input checks, the slope's standard
 * error and R², local slopes and the onset of the asymptote.
 *
 * @module
 */
import { linearRegression, mean, sampleStandardDeviation } from "simple-statistics";
import { requireArray, requireFinite, requireInteger, requirePositive } from "../_util/validate";

/** Result of `fitPowerLaw`: `L ≈ prefactor · N^(-alpha)`. */
export interface PowerLawFit {
  /** Exponent of the decay, `alpha = -slope` of `ln L` against `ln N` (eq. 1). */
  alpha: number;
  /** Standard error of `alpha` from the regression residuals (n - 2 degrees of freedom); 0 for n = 2. */
  alphaStderr: number;
  /** Prefactor `A` of eq. 1, `exp(intercept)`. */
  prefactor: number;
  /** Coefficient of determination of the log-log regression. */
  r2: number;
  /** Number of points fitted. */
  n: number;
}

/**
 * Fits `y = A · x^(-alpha)` by least squares on `(ln x, ln y)`; the standard error of `alpha` is the
 * textbook one, `sqrt(RSS / (n - 2) / Σ (ln x - mean)^2)`.
 *
 * @param x abscissae (e.g. the number of cells or training points `N`), all > 0, at least two distinct.
 * @param y ordinates (e.g. the mean squared error), all > 0, same length as `x`.
 * @throws {RangeError} if fewer than two points, lengths differ, a value is not > 0, or all `x` are equal.
 * @example fitPowerLaw([1, 10, 100], [1, 0.1, 0.01]).alpha // => 1
 */
export function fitPowerLaw(x: ArrayLike<number>, y: ArrayLike<number>): PowerLawFit {
  requireArray("x", x);
  requireArray("y", y);
  const n = x.length;
  requireInteger("x.length", n, 2);
  if (y.length !== n) {
    throw new RangeError(`\`y\` must have the length of \`x\` (${n}), got ${y.length}`);
  }
  const lx: number[] = [];
  const ly: number[] = [];
  for (let i = 0; i < n; i++) {
    lx.push(Math.log(requirePositive(`x[${i}]`, x[i])));
    ly.push(Math.log(requirePositive(`y[${i}]`, y[i])));
  }
  const mx = mean(lx), my = mean(ly);
  let sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (lx[i] - mx) ** 2;
    syy += (ly[i] - my) ** 2;
  }
  if (!(sxx > 0)) throw new RangeError("`x` must hold at least two distinct values, got all equal");
  const { m: slope, b: intercept } = linearRegression(lx.map((v, i) => [v, ly[i]]));
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ly[i] - (intercept + slope * lx[i])) ** 2;
  const alphaStderr = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : 0;
  const r2 = syy > 0 ? 1 - rss / syy : 1;
  return { alpha: -slope, alphaStderr, prefactor: Math.exp(intercept), r2, n };
}

/** Mean and standard error of the mean of a sample. */
export interface MeanStderr {
  mean: number;
  /** Sample standard deviation over `sqrt(n)` (n - 1 in the variance); 0 for a single value. */
  stderr: number;
  n: number;
}

/**
 * Mean and standard error of the mean, e.g. of exponents fitted on independent seeds.
 *
 * @throws {RangeError} if `values` is empty or holds a non-finite number.
 * @example meanStderr([1, 2, 3]) // => ≈ { mean: 2, stderr: 0.577…, n: 3 }
 */
export function meanStderr(values: ArrayLike<number>): MeanStderr {
  requireArray("values", values);
  const n = values.length;
  requireInteger("values.length", n, 1);
  const v = Array.from(values, (x, i) => requireFinite(`values[${i}]`, x));
  const m = mean(v);
  if (n === 1) return { mean: m, stderr: 0, n };
  return { mean: m, stderr: sampleStandardDeviation(v) / Math.sqrt(n), n };
}

/**
 * Local exponents of a decaying curve: between consecutive points, the slope
 * α_i = −ln(y_{i+1}/y_i) / ln(x_{i+1}/x_i), so that `localSlopes(x, y).at(-1)` is the exponent between
 * the two largest sizes, where a pre-asymptotic curve is closest to its asymptote.
 *
 * @param x sizes (all > 0, strictly increasing), at least two.
 * @param y values (all > 0), same length as `x`.
 * @returns n − 1 slopes.
 * @throws {RangeError} if fewer than two points, lengths differ, a value is not > 0 or `x` does not increase.
 * @example localSlopes([1, 10, 100], [1, 0.1, 0.001]) // => [1, 2]
 */
export function localSlopes(x: ArrayLike<number>, y: ArrayLike<number>): number[] {
  requireArray("x", x);
  requireArray("y", y);
  const n = x.length;
  requireInteger("x.length", n, 2);
  if (y.length !== n) {
    throw new RangeError(`\`y\` must have the length of \`x\` (${n}), got ${y.length}`);
  }
  const out: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    requirePositive(`x[${i}]`, x[i]);
    requirePositive(`y[${i}]`, y[i]);
    requirePositive(`y[${i + 1}]`, y[i + 1]);
    if (!(x[i + 1] > x[i])) {
      throw new RangeError(`\`x\` must increase strictly, got x[${i + 1}] = ${x[i + 1]} after ${x[i]}`);
    }
    out.push(-Math.log(y[i + 1] / y[i]) / Math.log(x[i + 1] / x[i]));
  }
  return out;
}

/**
 * Where a curve reaches its asymptotic exponent: the smallest x from which every local slope
 * (`localSlopes`) up to the largest x is within relative tolerance `tol` of `alpha`; NaN if even the
 * last one is not.
 *
 * @param alpha the asymptotic exponent (> 0).
 * @param tol relative tolerance (> 0), e.g. 0.1 for 10 %.
 * @throws {RangeError} as `localSlopes`, or if `alpha` or `tol` is not > 0.
 * @example asymptoteOnset([1, 10, 100, 1000], [1, 0.5, 0.005, 0.00005], 2, 0.1) // => 10
 */
export function asymptoteOnset(x: ArrayLike<number>, y: ArrayLike<number>, alpha: number, tol: number): number {
  requirePositive("alpha", alpha);
  requirePositive("tol", tol);
  const slopes = localSlopes(x, y);
  let start = NaN;
  for (let i = slopes.length - 1; i >= 0; i--) {
    if (Math.abs(slopes[i] / alpha - 1) > tol) break;
    start = x[i];
  }
  return start;
}
