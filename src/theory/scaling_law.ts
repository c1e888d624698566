/**
 * Section 1 of the paper: the single power law L = A / N^alpha (eq. 1) and the arithmetic of
 * diminishing returns it implies.
 *
 * Throughout, N counts resources (data, parameters or compute, in any fixed unit), A > 0 is the
 * prefactor in loss units and alpha > 0 the scaling exponent (dimensionless).
 *
 * @module
 */
import { requireFiniteResult, requireInRange, requirePositive } from "../_util/validate";

/**
 * The power law of eq. 1, L(N) = A / N^alpha.
 *
 * @param n resources N, >= 1 (N = 1 is the smallest meaningful size in the paper's convention).
 * @param a prefactor A > 0 (loss at N = 1).
 * @param alpha exponent alpha > 0.
 * @throws {RangeError} if `n` < 1, `a` <= 0 or `alpha` <= 0.
 * @example powerLaw(1024, 1, 0.1) // => 0.5
 */
export function powerLaw(n: number, a: number, alpha: number): number {
  requireInRange("n", n, { min: 1 });
  requirePositive("a", a);
  requirePositive("alpha", alpha);
  return a / n ** alpha;
}

/**
 * The factor by which resources must grow to cut the loss by a factor k under eq. 1:
 * L(N') / L(N) = 1/k  ⇔  N'/N = k^(1/alpha).
 *
 * @param k loss-reduction factor, >= 1 (k = 2 halves the loss).
 * @param alpha exponent > 0.
 * @throws {RangeError} if `k` < 1 or `alpha` <= 0.
 * @example resourceFactor(2, 0.1) // => 1024 (the paper's section 1 example)
 */
export function resourceFactor(k: number, alpha: number): number {
  requireInRange("k", k, { min: 1 });
  requirePositive("alpha", alpha);
  return requireFiniteResult(k ** (1 / alpha), "alpha", alpha, `the resource factor ${k}^(1/alpha)`);
}

/**
 * How many doublings of resources cut the loss by a factor k: log2(k) / alpha.
 *
 * @throws {RangeError} if `k` < 1 or `alpha` <= 0.
 * @example doublingsToCut(2, 0.1) // => 10
 */
export function doublingsToCut(k: number, alpha: number): number {
  requireInRange("k", k, { min: 1 });
  requirePositive("alpha", alpha);
  return Math.log2(k) / alpha;
}

/**
 * The fractional loss decrease per doubling of resources, 1 - 2^(-alpha) (eq. 1: L(2N)/L(N) = 2^(-alpha)).
 * Applies to the quantity that follows the power law: the whole loss for eq. 1, the reducible part
 * L - E when there is a pedestal E.
 *
 * @throws {RangeError} if `alpha` <= 0.
 * @example lossChangePerDoubling(0.1) // => ≈ 0.0670 (6.7 % per doubling)
 */
export function lossChangePerDoubling(alpha: number): number {
  requirePositive("alpha", alpha);
  return -Math.expm1(-alpha * Math.LN2);
}

/**
 * The exponent implied by a loss-reduction factor per doubling: alpha = -log2(1 - change).
 * Inverse of `lossChangePerDoubling`.
 *
 * @param change fractional decrease per doubling, in (0, 1).
 * @throws {RangeError} if `change` is outside (0, 1).
 * @example exponentFromDoublingChange(0.0670) // => ≈ 0.1
 */
export function exponentFromDoublingChange(change: number): number {
  requireInRange("change", change, { min: 0, max: 1, minOpen: true, maxOpen: true });
  // -log1p(-c)/ln 2, not -log2(1 - c): 1 - c rounds to 1 for c below 1e-16 (and loses digits well above)
  return -Math.log1p(-change) / Math.LN2;
}
