/**
 * Section 5.1 of the paper: scaling exponents of three-dimensional homogeneous turbulence.
 *
 * - K41 (Kolmogorov 1941): a constant energy flux eps = v(l)³ / l (eq. 14) gives v(l) = (eps l)^(1/3),
 *   Hölder (Hurst) exponent h = 1/3 and structure-function exponents zeta_p = p/3.
 * - The beta model (Frisch, Sulem & Nelkin 1978; Frisch 1995 §8.5): only a fraction
 *   beta(l) = (l/l0)^(D - dF) of space is active at scale l (eq. 15's beta), so the flux condition
 *   beta v³ / l = eps gives v(l) = (eps l)^(1/3) beta(l)^(-1/3), h = 1/3 - (D - dF)/3 (eq. 16) and
 *   zeta_p = p/3 + (D - dF)(1 - p/3).
 * - She & Leveque 1994: zeta_p = p/9 + 2 (1 - (2/3)^(p/3)), a multifractal model whose most singular
 *   structures are filaments (dimension 1) with h = 1/9.
 *
 * Units: eps in m²/s³, lengths l, l0 in m, velocities in m/s; exponents, dimensions and beta are
 * dimensionless. dF is the fractal dimension of the active (dissipative) set, D the dimension of
 * the embedding space (3 for the fluid, the paper's eq. 16).
 *
 * @module
 */
import { requireFinite, requireFiniteResult, requireInRange, requirePositive } from "../_util/validate";

/**
 * K41 velocity increment across an eddy of size l, from eq. 14 (eps = v³/l constant):
 * v(l) = (eps l)^(1/3).
 *
 * @param eps energy flux per unit mass, m²/s³ (> 0).
 * @param l eddy size, m (> 0).
 * @throws {RangeError} if `eps` <= 0 or `l` <= 0.
 * @example k41Velocity(1, 8) // => 2
 */
export function k41Velocity(eps: number, l: number): number {
  requirePositive("eps", eps);
  requirePositive("l", l);
  return Math.cbrt(eps * l);
}

function checkDimensions(dF: number, dim: number): void {
  requirePositive("dim", dim);
  requireInRange("dF", dF, { min: 0, max: dim, minOpen: true });
}

/**
 * The beta model's active fraction at scale l: beta(l) = (l/l0)^(D - dF), the probability that a
 * cell of side l meets a set of dimension dF inside a D-dimensional region of size l0 (the
 * paper's beta(l) ~ l^(D-d), section 5.1). Equal to 1 at l = l0 and for dF = D.
 *
 * @param l scale, m, in (0, l0].
 * @param dF fractal dimension of the active set, in (0, D].
 * @param dim embedding dimension D (> 0, default 3).
 * @param l0 outer (integral) scale, m (> 0, default 1).
 * @throws {RangeError} if `l0` <= 0, `l` outside (0, l0], `dim` <= 0 or `dF` outside (0, D].
 * @example activeFraction(0.5 ** 10, 2.8) // => 0.25 (= 2^(-10·0.2))
 */
export function activeFraction(l: number, dF: number, dim = 3, l0 = 1): number {
  requirePositive("l0", l0);
  requireInRange("l", l, { min: 0, max: l0, minOpen: true });
  checkDimensions(dF, dim);
  return (l / l0) ** (dim - dF);
}

/**
 * Velocity increment of an active eddy in the beta model, eq. 15 with the flux condition written
 * out: beta(l) v³ / l = eps gives v(l) = (eps l)^(1/3) beta(l)^(-1/3). (The paper prints eps0 to
 * the first power; only eps^(1/3) has the units of a velocity.)
 *
 * @param eps energy flux per unit mass, m²/s³ (> 0).
 * @param l scale, m, in (0, l0].
 * @param dF fractal dimension of the active set, in (0, D].
 * @param dim embedding dimension D (default 3).
 * @param l0 outer scale, m (default 1).
 * @throws {RangeError} as `activeFraction`, or if `eps` <= 0.
 * @example betaModelVelocity(1, 1e-3, 3) // => 0.1 (K41 when dF = D)
 */
export function betaModelVelocity(eps: number, l: number, dF: number, dim = 3, l0 = 1): number {
  requirePositive("eps", eps);
  const beta = activeFraction(l, dF, dim, l0);
  return Math.cbrt((eps * l) / beta);
}

/**
 * The beta model's Hölder exponent of active-eddy velocity increments, eq. 16:
 * h = 1/3 - (D - dF)/3, which is (dF - 2)/3 for D = 3. It equals K41's 1/3 for a space-filling
 * active set (dF = D), is smaller for dF < D, and is negative for dF < D - 1.
 *
 * @param dF fractal dimension of the active set, in (0, D].
 * @param dim embedding dimension D (> 0, default 3).
 * @throws {RangeError} if `dim` <= 0 or `dF` outside (0, D].
 * @example betaModelHurst(2.8) // => ≈ 0.2667
 */
export function betaModelHurst(dF: number, dim = 3): number {
  checkDimensions(dF, dim);
  return 1 / 3 - (dim - dF) / 3;
}

/**
 * The active-set dimension that gives a beta-model Hölder exponent h, the inverse of eq. 16:
 * dF = D - 1 + 3h (= 2 + 3h for D = 3).
 *
 * @param h Hölder exponent, in (1/3 - D/3, 1/3] so that dF is in (0, D].
 * @param dim embedding dimension D (> 0, default 3).
 * @throws {RangeError} if `dim` <= 0, `h` outside that interval, or `h` so close to its lower end that dF
 *   rounds to 0 (the bound 1/3 − D/3 is itself rounded: h = −2/3 for D = 3).
 * @example betaDimensionForHurst(1 / 3) // => 3
 */
export function betaDimensionForHurst(h: number, dim = 3): number {
  requirePositive("dim", dim);
  requireInRange("h", h, { min: 1 / 3 - dim / 3, max: 1 / 3, minOpen: true });
  const dF = dim - 1 + 3 * h;
  // 1/3 − D/3 is rounded: an h one ulp above it (−2/3 for D = 3) passes the range and gives dF = 0
  if (!(dF > 0)) throw new RangeError(`\`h\` = ${h} gives the active-set dimension dF = ${dF}, which must be > 0`);
  return dF;
}

/**
 * K41 structure-function exponent, zeta_p = p/3 for S_p(l) = <|v(x + l) - v(x)|^p> ∝ l^zeta_p.
 *
 * @param p order of the moment (>= 0).
 * @throws {RangeError} if `p` < 0.
 * @example k41StructureExponent(3) // => 1
 */
export function k41StructureExponent(p: number): number {
  requireInRange("p", p, { min: 0 });
  return p / 3;
}

/**
 * Beta-model structure-function exponent (Frisch, Sulem & Nelkin 1978; Frisch 1995 §8.5):
 * S_p(l) = beta(l) v(l)^p, so zeta_p = p h + (D - dF) = p/3 + (D - dF)(1 - p/3). zeta_3 = 1 for
 * every dF (the four-fifths law), zeta_p = p/3 when dF = D.
 *
 * @param p order (>= 0).
 * @param dF fractal dimension of the active set, in (0, D].
 * @param dim embedding dimension D (default 3).
 * @throws {RangeError} if `p` < 0, `dim` <= 0 or `dF` outside (0, D].
 * @example betaStructureExponent(6, 2.8) // => 1.8
 */
export function betaStructureExponent(p: number, dF: number, dim = 3): number {
  requireInRange("p", p, { min: 0 });
  checkDimensions(dF, dim);
  return p / 3 + (dim - dF) * (1 - p / 3);
}

/**
 * She-Leveque structure-function exponent (She & Leveque 1994, Phys. Rev. Lett. 72, 336):
 * zeta_p = p/9 + 2 (1 - (2/3)^(p/3)). zeta_3 = 1 exactly.
 *
 * @param p order (>= 0).
 * @throws {RangeError} if `p` < 0.
 * @example sheLevequeStructureExponent(6) // => 16/9
 */
export function sheLevequeStructureExponent(p: number): number {
  requireInRange("p", p, { min: 0 });
  return p / 9 + 2 * (1 - (2 / 3) ** (p / 3));
}

/**
 * The Hölder exponent "seen" by the p-th moment, zeta_p / p: the h for which a monofractal signal
 * would have the same S_p. For p = 2 it governs mean-square quantities such as the L2 loss of eq. 12
 * and the energy spectrum E(k) ∝ k^-(1 + zeta_2).
 *
 * @param zeta structure-function exponent zeta_p (finite).
 * @param p order (> 0).
 * @throws {RangeError} if `p` <= 0 or `zeta` is not finite.
 * @example effectiveHurst(betaStructureExponent(2, 2.8), 2) // => ≈ 0.3667
 */
export function effectiveHurst(zeta: number, p: number): number {
  requireFinite("zeta", zeta);
  requirePositive("p", p);
  return requireFiniteResult(zeta / p, "p", p, "zeta/p");
}

/**
 * The intermittency exponent mu = 2 - zeta_6 (the exponent of the dissipation's two-point
 * correlation). Beta model: mu = D - dF (so the paper's dF = 2.8 is mu = 0.2); She-Leveque: 2/9.
 *
 * @param zeta6 the sixth-order exponent zeta_6 (finite).
 * @throws {RangeError} if `zeta6` is not finite.
 * @example intermittencyExponent(sheLevequeStructureExponent(6)) // => 2/9
 */
export function intermittencyExponent(zeta6: number): number {
  requireFinite("zeta6", zeta6);
  return 2 - zeta6;
}

/** A point of a multifractal spectrum: Hölder exponent h and dimension D(h) of the set where it holds. */
export interface SpectrumPoint {
  h: number;
  dim: number;
}

/**
 * She-Leveque's singularity spectrum by the Legendre transform zeta_p = min_h [p h + 3 - D(h)]:
 * at order p, h = dzeta/dp = 1/9 + (2/3) ln(3/2) x and D = 3 + p h - zeta_p = 1 + 2x + (2/3) ln(3/2) p x,
 * with x = (2/3)^(p/3). p = 0 gives the space-filling set (D = 3, h ≈ 0.381); p → ∞ the
 * filaments (D → 1, h → 1/9).
 *
 * @param p order (>= 0).
 * @throws {RangeError} if `p` < 0.
 * @example sheLevequeSpectrum(0) // => ≈ { h: 0.3814, dim: 3 }
 */
export function sheLevequeSpectrum(p: number): SpectrumPoint {
  requireInRange("p", p, { min: 0 });
  const x = (2 / 3) ** (p / 3);
  const c = (2 / 3) * Math.log(3 / 2);
  return { h: 1 / 9 + c * x, dim: 1 + 2 * x + c * p * x };
}
