/**
 * Student's t distribution with an integer number of degrees of freedom: its two-sided probability
 * and its quantiles, for confidence intervals from a handful of seeds (`simple-statistics` computes
 * t statistics but has no t quantile).
 *
 * The probability A(t | ν) = P(|T| ≤ t) has a closed form for integer ν (Abramowitz & Stegun 1964,
 * eq. 26.7.3–4) in θ = arctan(t/√ν); the quantile inverts it by bisection on θ ∈ (0, π/2), where A is
 * increasing.
 *
 * @module
 */
import { requireInRange, requireInteger } from "../_util/validate";

/**
 * P(|T| ≤ t) for Student's t with `df` degrees of freedom (A&S 26.7.3–4, exact for integer ν).
 *
 * @param t ≥ 0.
 * @param df degrees of freedom, an integer in [1, 10⁶].
 * @throws {RangeError} if `t` < 0 or is not finite, or `df` is not an integer in [1, 10⁶].
 * @example studentTTwoSided(12.706204736174707, 1) // => ≈ 0.95 ± 1e-12
 */
export function studentTTwoSided(t: number, df: number): number {
  requireInRange("t", t, { min: 0 });
  requireInteger("df", df, 1, 1e6);
  return twoSidedAtAngle(Math.atan(t / Math.sqrt(df)), df);
}

/** A(t | ν) as a function of θ = arctan(t/√ν): A&S 26.7.3 (ν odd) and 26.7.4 (ν even). */
function twoSidedAtAngle(theta: number, df: number): number {
  const c = Math.cos(theta), s = Math.sin(theta), c2 = c * c;
  if (df % 2 === 0) {
    // sin θ · [1 + (1/2) cos²θ + (1·3)/(2·4) cos⁴θ + … + (1·3···(ν−3))/(2·4···(ν−2)) cos^(ν−2)θ]
    let term = 1, sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return s * sum;
  }
  // (2/π)[θ + sin θ (cos θ + (2/3) cos³θ + … + (2·4···(ν−3))/(1·3···(ν−2)) cos^(ν−2)θ)], ν > 1
  if (df === 1) return (2 / Math.PI) * theta;
  let term = c, sum = c;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * sum);
}

/**
 * The quantile t_p(ν) of Student's t: P(T ≤ t_p) = p. For a two-sided 95 % interval use p = 0.975.
 * Accurate to about 1e-12 relative: bisection to machine precision in the angle, and below an upper
 * tail 1 − p of 1e-4 Newton's method on the tail probability (the regularised incomplete beta), which
 * keeps that accuracy to 1 − p = 1e-15 and beyond.
 *
 * @param p probability in (0, 1).
 * @param df degrees of freedom, an integer in [1, 10⁶] (e.g. seeds − 1 for a mean over seeds).
 * @throws {RangeError} if `p` is not in (0, 1) or `df` is not an integer in [1, 10⁶].
 * @example studentTQuantile(0.975, 3) // => ≈ 3.182446…
 */
export function studentTQuantile(p: number, df: number): number {
  requireInRange("p", p, { min: 0, max: 1, minOpen: true, maxOpen: true });
  requireInteger("df", df, 1, 1e6);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const target = 2 * p - 1;
  let lo = 0, hi = Math.PI / 2;
  for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
    const mid = (lo + hi) / 2;
    if (twoSidedAtAngle(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(df) * Math.tan((lo + hi) / 2);
  // Far tail: 2p − 1 and A(θ) both round near 1, so the bisection above keeps few digits of the tail
  // 1 − p (0.6 % off at 1 − p = 1e-15). Refine with Newton's method on the tail probability itself,
  // P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2) (A&S 26.7.1 with 26.5), computed from 1 − p, which is exact here.
  return 1 - p < FAR_TAIL ? refineTail(t, 2 * (1 - p), df) : t;
}

/** Below this upper-tail probability 1 − p the quantile is refined on the tail itself. */
const FAR_TAIL = 1e-4;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 1e-15 relative). */
function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const c = [
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularised incomplete beta I_x(a, b) by its continued fraction (modified Lentz), for x < (a+1)/(a+b+2). */
function incompleteBetaSmallX(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return (front * h) / a;
}

/** P(|T| > t) for ν = df, accurate in relative terms far in the tail (x = ν/(ν+t²) small). */
function twoSidedTail(t: number, df: number): number {
  const x = df / (df + t * t);
  const a = df / 2, b = 0.5;
  return x < (a + 1) / (a + b + 2) ? incompleteBetaSmallX(x, a, b) : 1 - incompleteBetaSmallX(1 - x, b, a);
}

/** Newton's method for P(|T| > t) = tail from the start t0 (the density is the derivative's half). */
function refineTail(t0: number, tail: number, df: number): number {
  const lnNorm = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  let t = t0;
  for (let i = 0; i < 20; i++) {
    const f = Math.exp(lnNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
    const step = (twoSidedTail(t, df) - tail) / (2 * f);
    // damped: never more than halve or double t in one step
    const next = Math.min(2 * t, Math.max(t / 2, t + step));
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}

/**
 * Half-width of the two-sided `level` confidence interval of a mean from `n` values with standard
 * error `stderr`: t_{(1+level)/2}(n − 1) · stderr. With 4 seeds and level 0.95 the factor is 3.18,
 * not the normal 1.96 (or the rule-of-thumb 2).
 *
 * @param stderr standard error of the mean, ≥ 0.
 * @param n number of values, an integer ≥ 2.
 * @param level confidence level in (0, 1); default 0.95.
 * @throws {RangeError} if `stderr` < 0, `n` < 2 or `level` is not in (0, 1).
 * @example tIntervalHalfWidth(0.01, 4) // => ≈ 0.0318…
 */
export function tIntervalHalfWidth(stderr: number, n: number, level = 0.95): number {
  requireInRange("stderr", stderr, { min: 0 });
  requireInteger("n", n, 2);
  requireInRange("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  return studentTQuantile((1 + level) / 2, n - 1) * stderr;
}
