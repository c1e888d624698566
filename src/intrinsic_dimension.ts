/**
 * Section 4 of the paper: scaling exponents predicted from a dimension.
 *
 * - eq. 10: a grid method of order a in D dimensions has alpha(D) = a / D (curse of dimensionality);
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
import { requireInRange, requirePositive } from "./validate";

/** The order of accuracy that turns eq. 10 into Sharma and Kaplan's eq. 9: alpha = 4/d. */
export const SK_ORDER = 4;

/**
 * The curse-of-dimensionality exponent of eq. 10: a uniform grid of spacing s in D dimensions has
 * N = s^(-D) points and error s^a, hence error ∝ N^(-a/D).
 *
 * @param a order of accuracy in s (> 0): 2 for the error of a second-order method, 4 for its square.
 * @param dim dimension D (> 0) of the space the grid fills.
 * @throws {RangeError} if `a` <= 0 or `dim` <= 0.
 * @example gridExponent(2, 3) // 0.6667
 */
export function gridExponent(a: number, dim: number): number {
  requirePositive("a", a);
  requirePositive("dim", dim);
  return a / dim;
}

/**
 * Sharma and Kaplan's exponent, eq. 9: alpha ≈ 4/d for an intrinsic dimension d (Sharma & Kaplan,
 * JMLR 23(9), 2022). Equal to `gridExponent(4, d)`.
 *
 * @param d intrinsic dimension (> 0).
 * @throws {RangeError} if `d` <= 0.
 * @example sharmaKaplanExponent(40) // 0.1
 */
export function sharmaKaplanExponent(d: number): number {
  requirePositive("d", d);
  return SK_ORDER / d;
}

/**
 * The paper's eq. 17 as printed: alpha ≈ 4 h / d for a target of Hölder (Hurst) exponent h on a
 * d-dimensional manifold. (Section 5's own argument gives 2h/d for 0 < h <= 1; see
 * `holderExponentAlpha` in `piecewise.ts`.)
 *
 * @param h Hölder exponent in (0, 1].
 * @param d intrinsic dimension (> 0).
 * @throws {RangeError} if `h` is outside (0, 1] or `d` <= 0.
 * @example roughExponent(1 / 3, 40) // 0.0333
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
 * @example dimensionForExponent(0.1) // 40
 */
export function dimensionForExponent(alpha: number, a: number = SK_ORDER): number {
  requirePositive("alpha", alpha);
  requirePositive("a", a);
  return a / alpha;
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
 * @example exponentBelow(41, 0.1) // true
 */
export function exponentBelow(d: number, alpha: number, a: number = SK_ORDER): boolean {
  requirePositive("d", d);
  requirePositive("alpha", alpha);
  requirePositive("a", a);
  return a < alpha * d;
}
