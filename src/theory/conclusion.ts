/**
 * Section 6 of the paper and the numbers it rests on: the intrinsic dimension beyond which a law
 * alpha = a h / d falls below a threshold, the dimensional compression d/D of section 5.1, and the
 * published exponents that Sharma and Kaplan's relation turns into intrinsic dimensions.
 *
 * @module
 */
import { dimensionForExponent } from "./intrinsic_dimension";
import { requireInRange, requirePositive } from "../_util/validate";

/**
 * The intrinsic dimension above which alpha = a h / d is strictly below `alpha`: d* = a h / alpha,
 * i.e. `dimensionForExponent(alpha, a h)` with the Hölder exponent h checked. The paper's
 * conclusion is d* = 40 for a = 4, h = 1, alpha = 0.1: alpha < 0.1 needs d > 40, and d = 40 itself
 * gives alpha = 0.1 exactly.
 *
 * @param alpha threshold exponent (> 0).
 * @param a numerator of the smooth law (> 0, default 4: eq. 9; 2 for piecewise constants).
 * @param h Hölder exponent multiplying it, in (0, 1] (default 1: smooth data; eq. 17 otherwise).
 * @throws {RangeError} if `alpha` <= 0, `a` <= 0 or `h` outside (0, 1].
 * @example thresholdDimension(0.1) // => 40
 */
export function thresholdDimension(alpha: number, a = 4, h = 1): number {
  requirePositive("a", a);
  requireInRange("h", h, { min: 0, max: 1, minOpen: true });
  return dimensionForExponent(alpha, a * h);
}

/**
 * Dimensional compression d/D: the intrinsic dimension d of the data manifold over the dimension D
 * of the space it is embedded in (section 5.1: d ≈ 100 against D of several thousands).
 *
 * @param d intrinsic dimension, in (0, D].
 * @param dim embedding dimension D (> 0).
 * @throws {RangeError} if `dim` <= 0 or `d` outside (0, D] (an intrinsic dimension cannot exceed D).
 * @example compressionRatio(100, 4096) // => ≈ 0.0244
 */
export function compressionRatio(d: number, dim: number): number {
  requirePositive("dim", dim);
  requireInRange("d", d, { min: 0, max: dim, minOpen: true });
  return d / dim;
}
