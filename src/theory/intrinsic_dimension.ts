/**
 * Section 4 of the paper: scaling exponents predicted from a dimension.
 *
 * - eq. 10: a grid method of order a in D dimensions has alpha(D) = a / D (curse of dimensionality;
 *   `gridExponent` in `analogy.ts`);
 * - eq. 9: Sharma and Kaplan's relation alpha ≈ 4 / d, with d the intrinsic dimension of the data manifold;
 * - eq. 17: the paper's rough-data version alpha ≈ 4 h / d, h the Hölder exponent of the target;
 * - the inverse questions: at which d does alpha fall to a given value, and how many resources does
 *   halving the loss take at a given d.
 *
 * All quantities are dimensionless. Dimensions d, D are real and positive (intrinsic dimensions
 * measured from data are not integers).
 *
 * @module
 */
import { doublingsToCut, resourceFactor } from "./scaling_law";
import { requireFiniteResult, requireInRange, requirePositive } from "../_util/validate";

/** The order of accuracy that turns eq. 10 into Sharma and Kaplan's eq. 9: alpha = 4/d. */
const SK_ORDER = 4;

/**
 * Sharma and Kaplan's exponent, eq. 9: alpha ≈ 4/d for an intrinsic dimension d (Sharma & Kaplan,
 * JMLR 23(9), 2022): eq. 10 with a = 4 and D = d.
 *
 * @param d intrinsic dimension (> 0).
 * @throws {RangeError} if `d` <= 0.
 * @example sharmaKaplanExponent(40) // => 0.1
 */
export function sharmaKaplanExponent(d: number): number {
  requirePositive("d", d);
  return requireFiniteResult(SK_ORDER / d, "d", d, "4/d");
}

/**
 * The paper's eq. 17 as printed: alpha ≈ 4 h / d for a target of Hölder (Hurst) exponent h on a
 * d-dimensional manifold. (Section 5's own argument gives 2h/d for 0 < h <= 1; see
 * `piecewiseExponent(h, 1, d)` in `piecewise.ts`.)
 *
 * @param h Hölder exponent in (0, 1].
 * @param d intrinsic dimension (> 0).
 * @throws {RangeError} if `h` is outside (0, 1] or `d` <= 0.
 * @example roughExponent(1 / 3, 40) // => ≈ 0.0333
 */
export function roughExponent(h: number, d: number): number {
  requireInRange("h", h, { min: 0, max: 1, minOpen: true });
  requirePositive("d", d);
  return (SK_ORDER * h) / d;
}

/**
 * The dimension at which an exponent law a/d reaches `alpha`: d = a / alpha. With a = 4 this is the
 * intrinsic dimension at which Sharma and Kaplan's alpha falls to `alpha` (40 for 0.1, 80 for 0.05).
 * Below that dimension alpha is larger, above it smaller (alpha = a/d decreases strictly in d).
 *
 * @param alpha target exponent (> 0).
 * @param a numerator of the law (default 4, eq. 9); 2 for piecewise constants, 4h for eq. 17.
 * @throws {RangeError} if `alpha` <= 0 or `a` <= 0.
 * @example dimensionForExponent(0.1) // => 40
 */
export function dimensionForExponent(alpha: number, a: number = SK_ORDER): number {
  requirePositive("alpha", alpha);
  requirePositive("a", a);
  return requireFiniteResult(a / alpha, "alpha", alpha, "a/alpha");
}

/**
 * Whether the exponent a/d is strictly below `alpha`, decided by the product a < alpha·d
 * rather than by the rounded quotient a/d. `exponentBelow(40, 0.1)` is false:
 * 4/40 equals 0.1, so the paper's threshold "d > 40 gives alpha < 0.1" is strict.
 *
 * @param d intrinsic dimension (> 0).
 * @param alpha threshold exponent (> 0).
 * @param a numerator of the law (default 4).
 * @throws {RangeError} if an argument is not positive.
 * @example exponentBelow(41, 0.1) // => true
 */
export function exponentBelow(d: number, alpha: number, a: number = SK_ORDER): boolean {
  requirePositive("d", d);
  requirePositive("alpha", alpha);
  requirePositive("a", a);
  return a < alpha * d;
}

/**
 * Resources needed to halve the loss at intrinsic dimension d under alpha = a h / d:
 * 2^(1/alpha) = 2^(d / (a h)) (eq. 1 with eq. 9, or eq. 17 for h < 1). 1024 at d = 40 (the
 * introduction's 2^10), about 10^6 at d = 80. Overflows to Infinity beyond d ≈ 1024 a h; use
 * `halvingDoublings` there.
 *
 * @param d intrinsic dimension (> 0).
 * @param a numerator of the law (default 4).
 * @param h Hölder exponent in (0, 1] (default 1).
 * @throws {RangeError} if `d` <= 0, `a` <= 0 or `h` outside (0, 1].
 * @example halvingFactor(40) // => 1024
 */
export function halvingFactor(d: number, a: number = SK_ORDER, h = 1): number {
  return resourceFactor(2, lawExponent(d, a, h));
}

/**
 * Doublings of resources needed to halve the loss at intrinsic dimension d: d / (a h), the base-2
 * logarithm of `halvingFactor` (10 at d = 40 for a = 4, h = 1).
 *
 * @throws {RangeError} as `halvingFactor`.
 * @example halvingDoublings(80) // => 20
 */
export function halvingDoublings(d: number, a: number = SK_ORDER, h = 1): number {
  return doublingsToCut(2, lawExponent(d, a, h));
}

function lawExponent(d: number, a: number, h: number): number {
  requirePositive("d", d);
  requirePositive("a", a);
  requireInRange("h", h, { min: 0, max: 1, minOpen: true });
  return (a * h) / d;
}
