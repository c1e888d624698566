/**
 * Section 5 of the paper: the piecewise-approximation argument behind Sharma and Kaplan's 4/d.
 *
 * Cover the unit cube [0, 1]^d with N cells of side s (eq. 11: N = s^(-d)); on each cell replace the
 * target f by a constant or by an affine function; the loss is the squared L2 error over the cube
 * (eq. 12). Bounding the pointwise error on one cell and integrating (the cube has volume 1) gives a
 * power of s, hence a power of N. The bounds below carry the constants the argument gives:
 *
 * | representation | assumption on f | pointwise error <= | loss L <= | alpha |
 * |---|---|---|---|---|
 * | constant | \|∇f\| <= G | G s √d | G² d s² | 2/d |
 * | affine (Taylor at the centre) | \|∇²f\| <= H | H d s² / 8 | H² d² s⁴ / 64 | 4/d |
 * | any degree | Hölder C, h in (0, 1] | C (s √d)^h | C² d^h s^(2h) | 2h/d |
 *
 * Units: s and x are lengths in units of the cube's side (dimensionless); G, H, C carry the units
 * of f per unit length (per unit length squared, per unit length to the h); L has the units of f².
 *
 * @module
 */
import { requireFiniteResult, requireInRange, requireInteger, requirePositive } from "../_util/validate";

/**
 * Number of cells of side s that tile the unit d-cube, eq. 11: N(s) = s^(-d). Real-valued: for
 * s = 1/n with integer n it is the integer n^d.
 *
 * @param s cell side in (0, 1].
 * @param d dimension (> 0).
 * @throws {RangeError} if `s` is outside (0, 1] or `d` <= 0.
 * @example cellCount(0.5, 3) // => 8
 */
export function cellCount(s: number, d: number): number {
  requireInRange("s", s, { min: 0, max: 1, minOpen: true });
  requirePositive("d", d);
  return requireFiniteResult(s ** -d, "s", s, "the cell count s^-d");
}

/**
 * Side of the cells when N cells tile the unit d-cube, the inverse of eq. 11: s = N^(-1/d).
 *
 * @param n number of cells (>= 1).
 * @param d dimension (> 0).
 * @throws {RangeError} if `n` < 1 or `d` <= 0.
 * @example cellSide(1000, 3) // => 0.1
 */
export function cellSide(n: number, d: number): number {
  requireInRange("n", n, { min: 1 });
  requirePositive("d", d);
  return n ** (-1 / d);
}

/**
 * Diameter of a cell of side s in d dimensions, s √d: the largest distance between two of its points.
 *
 * @throws {RangeError} if `s` <= 0 or `d` <= 0.
 * @example cellDiameter(1, 4) // => 2
 */
export function cellDiameter(s: number, d: number): number {
  requirePositive("s", s);
  requirePositive("d", d);
  return s * Math.sqrt(d);
}

/**
 * The paper's bound for a piecewise-constant representation (eqs. 12-13): on each cell
 * f_N = f(x') for some x' in the cell, so |f - f_N| <= G s √d with G a bound on |∇f|, and
 * L <= G² d s² (the cube has volume 1). In terms of N: G² d N^(-2/d), alpha = 2/d.
 *
 * @param g gradient bound G (>= 0; the paper's g).
 * @param s cell side in (0, 1].
 * @param d dimension (> 0).
 * @throws {RangeError} if `g` < 0, `s` outside (0, 1] or `d` <= 0.
 * @example constantLossBound(1, 0.1, 2) // => 0.02
 */
export function constantLossBound(g: number, s: number, d: number): number {
  requireInRange("g", g, { min: 0 });
  requireInRange("s", s, { min: 0, max: 1, minOpen: true });
  requirePositive("d", d);
  return g * g * d * s * s;
}

/**
 * The exact loss of the cell-centre piecewise-constant representation of an affine function
 * f(x) = c + g·x: on each cell the error is g·(x - centre), whose mean square is |g|² s² / 12
 * (each coordinate is uniform on an interval of length s, variance s²/12). For any C² function this
 * is the leading term as s → 0 with |g|² replaced by the mean of |∇f|² over the cube. It is smaller
 * than `constantLossBound` by the factor 12 d.
 *
 * @param gradSq mean of |∇f|² over the cube (>= 0), |g|² for an affine f.
 * @param s cell side in (0, 1].
 * @throws {RangeError} if `gradSq` < 0 or `s` outside (0, 1].
 * @example midpointConstantLoss(1, 0.1) // => ≈ 0.000833
 */
export function midpointConstantLoss(gradSq: number, s: number): number {
  requireInRange("gradSq", gradSq, { min: 0 });
  requireInRange("s", s, { min: 0, max: 1, minOpen: true });
  return (gradSq * s * s) / 12;
}

/**
 * Bound for a piecewise-affine representation (the step the paper states as "s⁴ instead of s²"):
 * on each cell take the first-order Taylor polynomial at the centre; Taylor's theorem with
 * |∇²f| <= H (operator norm) bounds the error by H |x - centre|² / 2 <= H (s √d / 2)² / 2 = H d s² / 8,
 * so L <= H² d² s⁴ / 64 = (H² d² / 64) N^(-4/d), alpha = 4/d.
 *
 * @param hess bound H on the Hessian's norm (>= 0).
 * @param s cell side in (0, 1].
 * @param d dimension (> 0).
 * @throws {RangeError} if `hess` < 0, `s` outside (0, 1] or `d` <= 0.
 * @example linearLossBound(1, 0.1, 2) // => 6.25e-6
 */
export function linearLossBound(hess: number, s: number, d: number): number {
  requireInRange("hess", hess, { min: 0 });
  requireInRange("s", s, { min: 0, max: 1, minOpen: true });
  requirePositive("d", d);
  const pointwise = (hess * d * s * s) / 8;
  return pointwise * pointwise;
}

/**
 * Bound for a target of Hölder exponent h, |f(x) - f(y)| <= C |x - y|^h with 0 < h <= 1: any
 * representation that takes a value of f on each cell errs by at most C (s √d)^h, so
 * L <= C² d^h s^(2h) = C² d^h N^(-2h/d), alpha = 2h/d. A higher polynomial degree does not improve
 * the power for such targets (a Hölder-h function need not be differentiable anywhere).
 *
 * @param c Hölder constant C (>= 0).
 * @param h Hölder exponent in (0, 1].
 * @param s cell side in (0, 1].
 * @param d dimension (> 0).
 * @throws {RangeError} if `c` < 0, `h` outside (0, 1], `s` outside (0, 1] or `d` <= 0.
 * @example holderLossBound(1, 0.5, 0.01, 1) // => 0.01
 */
export function holderLossBound(c: number, h: number, s: number, d: number): number {
  requireInRange("c", c, { min: 0 });
  requireInRange("h", h, { min: 0, max: 1, minOpen: true });
  requireInRange("s", s, { min: 0, max: 1, minOpen: true });
  requirePositive("d", d);
  return c * c * d ** h * s ** (2 * h);
}

/**
 * The loss exponent the cell argument gives for a target of smoothness r represented by
 * polynomials of degree k on each cell: the pointwise error is s^min(r, k+1), the loss its square,
 * so L ∝ s^(2 min(r, k+1)) = N^(-2 min(r, k+1)/d).
 *
 * - r = 2 (twice differentiable), k = 0: 2/d (eq. 13); k = 1: 4/d (eq. 9, Sharma and Kaplan).
 * - r = h in (0, 1] (Hölder): 2h/d whatever k, which is half of eq. 17's 4h/d.
 *
 * @param r smoothness of the target (> 0): Hölder exponent h if <= 1, number of bounded derivatives otherwise.
 * @param k polynomial degree on each cell (integer >= 0): 0 constant, 1 affine.
 * @param d dimension (> 0).
 * @throws {RangeError} if `r` <= 0, `k` not a non-negative integer or `d` <= 0.
 * @example piecewiseExponent(2, 1, 40) // => 0.1
 */
export function piecewiseExponent(r: number, k: number, d: number): number {
  requirePositive("r", r);
  requireInteger("k", k, 0);
  requirePositive("d", d);
  return (2 * Math.min(r, k + 1)) / d;
}
