/**
 * Section 3 of the paper: the pedestal law and its running exponent.
 *
 * With x = 1/N and the loss rescaled by its value at N = 1, a loss with a pedestal (an
 * irreducible floor) reads (eq. 4)
 *
 *     L(x; p) = p + (1 - p) x^alpha,     p = L0 / L1 = L(N → ∞) / L(N = 1),
 *
 * and its running exponent (eq. 5) is alpha_p(x) = x L'(x) / L(x). The pedestal ratio p is
 * dimensionless but depends on what "N = 1" means: changing the unit of N changes p.
 *
 * Valid ranges used throughout: x in (0, 1] (N >= 1), p in [0, 1), alpha > 0.
 *
 * @module
 */
import { requireFiniteResult, requireInRange, requirePositive } from "../_util/validate";

const P_RANGE = { min: 0, max: 1, maxOpen: true } as const;
const P_OPEN = { min: 0, max: 1, minOpen: true, maxOpen: true } as const;
const X_RANGE = { min: 0, max: 1, minOpen: true } as const;

/**
 * The rescaled loss with a pedestal, eq. 4: L(x; p) = p + (1 - p) x^alpha.
 *
 * @param x inverse size 1/N, in (0, 1].
 * @param p pedestal ratio L0/L1, in [0, 1).
 * @param alpha exponent of the reducible part, > 0.
 * @throws {RangeError} if an argument is outside its range.
 * @example pedestalLoss(1e-6, 0.1, 1 / 3) // => 0.109 (= 0.1 + 0.9 · 0.01)
 */
export function pedestalLoss(x: number, p: number, alpha: number): number {
  requireInRange("x", x, X_RANGE);
  requireInRange("p", p, P_RANGE);
  requirePositive("alpha", alpha);
  return p + (1 - p) * x ** alpha;
}

/**
 * The running exponent of eq. 5 in closed form (not normalised):
 *
 *     alpha_p(x) = x L'(x; p) / L(x; p) = (1 - p) alpha x^alpha / (p + (1 - p) x^alpha).
 *
 * It equals alpha at p = 0 for every x, (1 - p) alpha at x = 1, alpha / 2 at x = x_crit(p)
 * (eq. 6), and tends to 0 as x → 0 when p > 0.
 *
 * @throws {RangeError} if `x` is outside (0, 1], `p` outside [0, 1) or `alpha` <= 0.
 * @example runningExponent(1, 0.1, 1 / 3) // => 0.3
 */
export function runningExponent(x: number, p: number, alpha: number): number {
  requireInRange("x", x, X_RANGE);
  requireInRange("p", p, P_RANGE);
  requirePositive("alpha", alpha);
  const u = (1 - p) * x ** alpha;
  if (p + u === 0) return alpha; // p = 0 (a pure power law) where x^alpha underflows to 0: the limit
  return (alpha * u) / (p + u);
}

/**
 * The running exponent divided by (1 - p), as the caption of the paper's Figure 1 says its
 * curves are. This makes alpha_p(1) equal alpha (not 1, as the caption states).
 *
 * @throws {RangeError} as `runningExponent`.
 * @example normalisedRunningExponent(1, 0.2, 1 / 3) // => 1/3
 */
export function normalisedRunningExponent(x: number, p: number, alpha: number): number {
  return runningExponent(x, p, alpha) / (1 - p);
}

/**
 * The critical inverse size of eq. 6, x_crit(p) = (p / (1 - p))^(1/alpha_C): below it the
 * pedestal term p exceeds the power-law term (1 - p) x^alpha_C.
 *
 * @param p pedestal ratio in (0, 1) (p = 0 has no crossover).
 * @param alphaC exponent of the power-law regime, > 0 (the paper uses 1/3).
 * @throws {RangeError} if `p` is outside (0, 1) or `alphaC` <= 0.
 * @example criticalInverseSize(0.1, 1 / 3) // => 1/729
 */
export function criticalInverseSize(p: number, alphaC: number): number {
  requireInRange("p", p, P_OPEN);
  requirePositive("alphaC", alphaC);
  return (p / (1 - p)) ** (1 / alphaC);
}

/**
 * The critical size of eq. 7, N_crit(p) = ((1 - p) / p)^(1/alpha_C) = 1 / x_crit: above it the
 * pedestal dominates and the running exponent has fallen below alpha_C / 2. For alpha_C = 1/3 it
 * is ((1 - p)/p)^3.
 *
 * @throws {RangeError} if `p` is outside (0, 1) or `alphaC` <= 0.
 * @example criticalSize(0.1, 1 / 3) // => 729
 */
export function criticalSize(p: number, alphaC: number): number {
  requireInRange("p", p, P_OPEN);
  requirePositive("alphaC", alphaC);
  return requireFiniteResult(((1 - p) / p) ** (1 / alphaC), "p", p, "N_crit = ((1 - p)/p)^(1/alphaC)");
}

/**
 * The critical pedestal of eq. 8, p_crit(N) = 1 / (1 + N^alpha_C), the inverse of eq. 7: for
 * p << p_crit the power-law regime still holds at size N. For large N it behaves as N^(-alpha_C).
 *
 * @param n size N >= 1.
 * @param alphaC exponent > 0.
 * @throws {RangeError} if `n` < 1 or `alphaC` <= 0.
 * @example criticalPedestal(1e6, 1 / 3) // => 1/101
 */
export function criticalPedestal(n: number, alphaC: number): number {
  requireInRange("n", n, { min: 1 });
  requirePositive("alphaC", alphaC);
  return 1 / (1 + n ** alphaC);
}

/**
 * The largest running exponent a pedestal law reaches for N >= 1: alpha_p(1) = (1 - p) alpha.
 *
 * @throws {RangeError} if `p` is outside [0, 1) or `alpha` <= 0.
 */
export function maxRunningExponent(p: number, alpha: number): number {
  requireInRange("p", p, P_RANGE);
  requirePositive("alpha", alpha);
  return (1 - p) * alpha;
}

/**
 * The size N at which the running exponent falls to `target`, from solving eq. 5:
 *
 *     x^alpha = target p / ((1 - p)(alpha - target)),   N = 1 / x.
 *
 * For larger N the running exponent is smaller still (alpha_p decreases monotonically with N).
 *
 * @param target exponent to reach, in (0, (1 - p) alpha): the running exponent starts at
 *   (1 - p) alpha at N = 1 and only decreases.
 * @param p pedestal ratio in (0, 1) (with p = 0 the exponent never changes).
 * @param alpha exponent > 0.
 * @throws {RangeError} if `p` is outside (0, 1), `alpha` <= 0, or `target` outside (0, (1 - p) alpha).
 * @example sizeForExponent(1 / 6, 0.1, 1 / 3) // => 729: alpha_p = alpha/2 at N_crit
 */
export function sizeForExponent(target: number, p: number, alpha: number): number {
  requireInRange("p", p, P_OPEN);
  requirePositive("alpha", alpha);
  requireInRange("target", target, {
    min: 0,
    max: maxRunningExponent(p, alpha),
    minOpen: true,
    maxOpen: true,
  });
  const xAlpha = (target * p) / ((1 - p) * (alpha - target));
  return requireFiniteResult(xAlpha ** (-1 / alpha), "target", target, "the size x^(-1/alpha)");
}

/**
 * How many decades of N the running exponent takes to fall from a fraction `hi` of alpha to a
 * fraction `lo` of it. From eq. 5, alpha_p/alpha = u / (p + u) with u = (1 - p) x^alpha, so the
 * width is log10(hi (1 - lo) / (lo (1 - hi))) / alpha decades, the same for every p > 0.
 *
 * @param alpha exponent > 0.
 * @param hi upper fraction in (0, 1), default 0.9.
 * @param lo lower fraction in (0, hi), default 0.1.
 * @throws {RangeError} if the fractions are not 0 < lo < hi < 1 or `alpha` <= 0.
 * @example transitionWidthDecades(1 / 3) // => ≈ 5.73 (3 log10(81))
 */
export function transitionWidthDecades(alpha: number, hi = 0.9, lo = 0.1): number {
  requirePositive("alpha", alpha);
  requireInRange("hi", hi, { min: 0, max: 1, minOpen: true, maxOpen: true });
  requireInRange("lo", lo, { min: 0, max: hi, minOpen: true, maxOpen: true });
  return requireFiniteResult(
    Math.log10((hi * (1 - lo)) / (lo * (1 - hi))) / alpha,
    "alpha",
    alpha,
    "the width in decades",
  );
}

/**
 * How many decades the pedestal loss of eq. 4 falls between sizes n1 < n2:
 * log10(L(1/n1; p) / L(1/n2; p)). Used to test the paper's reading of "half a decade of loss
 * over several decades of N" against the pedestal ratio p.
 *
 * @param p pedestal ratio in [0, 1).
 * @param alpha exponent > 0.
 * @param n1 smaller size, >= 1.
 * @param n2 larger size, > n1.
 * @throws {RangeError} if an argument is outside its range.
 * @example lossDropDecades(0, 1 / 3, 1, 1e6) // => 2 (no pedestal: alpha decades per decade)
 */
export function lossDropDecades(p: number, alpha: number, n1: number, n2: number): number {
  requireInRange("n1", n1, { min: 1 });
  requireInRange("n2", n2, { min: n1, minOpen: true });
  return Math.log10(pedestalLoss(1 / n1, p, alpha) / pedestalLoss(1 / n2, p, alpha));
}

/**
 * The pedestal ratio p for which the loss of eq. 4 falls by exactly `decades` decades between
 * sizes n1 and n2 (inverse of `lossDropDecades` in p), in closed form. With r = 10^decades,
 * a1 = n1^(-alpha) and a2 = n2^(-alpha), L(1/n1; p) = r L(1/n2; p) is linear in p:
 *
 *     p + (1 - p) a1 = r (p + (1 - p) a2)   ⇔   p = (a1 - r a2) / (r - 1 + a1 - r a2).
 *
 * The drop decreases monotonically as p grows, from alpha log10(n2/n1) at p = 0 towards 0 as
 * p → 1, so every drop in that interval has exactly one p in [0, 1).
 *
 * @param decades observed drop, in (0, alpha log10(n2/n1)).
 * @throws {RangeError} if `decades` is outside that interval, or the sizes or alpha are invalid.
 * @example pedestalForDrop(0.5, 1 / 3, 1e6, 1e9) // => ≈ 0.00315
 */
export function pedestalForDrop(decades: number, alpha: number, n1: number, n2: number): number {
  requirePositive("alpha", alpha);
  const max = lossDropDecades(0, alpha, n1, n2);
  requireInRange("decades", decades, { min: 0, max, minOpen: true, maxOpen: true });
  const r = 10 ** decades;
  const a1 = n1 ** -alpha;
  const a2 = n2 ** -alpha;
  const num = a1 - r * a2;
  return num / (r - 1 + num);
}

/**
 * The size N at which the running exponent of eq. 5 is a fraction `fraction` of alpha, on eq. 4
 * continued to every x > 0 (so the result may be below N = 1, where the paper's x = 1/N leaves
 * (0, 1]): alpha_p / alpha = u / (p + u) with u = (1 - p) x^alpha gives
 *
 *     x^alpha = fraction p / ((1 - p)(1 - fraction)),   N = 1 / x.
 *
 * For p >= 0.1 the 90 % point (fraction 0.9) lies at N <= 1: the curve on N >= 1 starts at
 * (1 - p) alpha <= 0.9 alpha.
 *
 * @param fraction alpha_p / alpha, in (0, 1).
 * @param p pedestal ratio in (0, 1).
 * @param alpha exponent > 0.
 * @throws {RangeError} if `fraction` is outside (0, 1), `p` outside (0, 1) or `alpha` <= 0.
 * @example continuedSizeForFraction(0.9, 0.2, 1 / 3) // => ≈ 0.0878 ((9 · 0.25)^-3, below N = 1)
 */
export function continuedSizeForFraction(fraction: number, p: number, alpha: number): number {
  requireInRange("fraction", fraction, P_OPEN);
  requireInRange("p", p, P_OPEN);
  requirePositive("alpha", alpha);
  const n = ((fraction * p) / ((1 - p) * (1 - fraction))) ** (-1 / alpha);
  return requireFiniteResult(n, "alpha", alpha, "the size N");
}

/**
 * How many decades of N >= 1 the running exponent of eq. 5 spends inside the band [lo, hi]:
 * log10(N(lo) / N(hi)) with N(t) from `sizeForExponent`, where N(hi) is taken as 1 when the curve
 * starts below hi at N = 1, and the result is 0 when it starts below lo. When the curve starts
 * above hi the result, (1/alpha) log10(hi (alpha - lo) / (lo (alpha - hi))), does not depend on p.
 *
 * @param lo lower edge of the band, in (0, hi).
 * @param hi upper edge of the band, > lo.
 * @param p pedestal ratio in (0, 1).
 * @param alpha exponent > 0.
 * @throws {RangeError} if `lo` is outside (0, hi), `p` outside (0, 1) or `alpha` <= 0.
 * @example decadesInBand(0.05, 0.1, 0.01, 1 / 3) // => ≈ 1.16 (3 log10(0.1 · (1/3 − 0.05) / (0.05 · (1/3 − 0.1))))
 */
export function decadesInBand(lo: number, hi: number, p: number, alpha: number): number {
  requirePositive("hi", hi);
  requireInRange("lo", lo, { min: 0, max: hi, minOpen: true, maxOpen: true });
  requireInRange("p", p, P_OPEN);
  requirePositive("alpha", alpha);
  const start = maxRunningExponent(p, alpha);
  if (start <= lo) return 0;
  const nHi = start <= hi ? 1 : sizeForExponent(hi, p, alpha);
  return Math.log10(sizeForExponent(lo, p, alpha) / nHi);
}
