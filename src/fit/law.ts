/**
 * The parametric loss law of Hoffmann et al. 2022 ("Training Compute-Optimal Large Language Models",
 * arXiv:2203.15556, section 3.3, Approach 3),
 *
 *   L(N, D) = E + A / N^alpha + B / D^beta,
 *
 * its published fits (Hoffmann et al. 2022; Besiroglu et al. 2024), and what follows from a law: the
 * compute-optimal allocation of Hoffmann et al. eq. 4, its loss and the frontier's exponent.
 * N is in parameters, D in tokens, C = 6 N D in FLOP, losses in nats per token.
 *
 * @module
 */
import { BESIROGLU_2024, CHINCHILLA_POINT, type ChinchillaLaw, HOFFMANN_2022 } from "../paper";
import { exp, log } from "./_f64math";
import {
  requireFinite,
  requireFiniteArray,
  requireFiniteResult,
  requireInRange,
  requireInteger,
  requireObject,
  requirePositive,
} from "../_util/validate";

// the published laws and the Chinchilla model are the cited works' numbers, kept in src/paper.ts
export { BESIROGLU_2024, CHINCHILLA_POINT, HOFFMANN_2022 };
export type { ChinchillaLaw };

/** The parameters in the order the optimiser sees them: [a, b, e, alpha, beta] = [log A, log B, log E, alpha, beta]. */
export type LawVector = [number, number, number, number, number];

/** Names of the five parameters, in the order of `LawVector` but reported as E, A, B, alpha, beta. */
export const LAW_PARAMETERS = ["E", "A", "B", "alpha", "beta"] as const;

/**
 * Whether `value` rounds to `published` at `decimals` decimal places, i.e. |value - published|
 * <= 0.5 · 10^-decimals (to within rounding of the comparison itself, 1e-12 relative).
 * @throws {RangeError} if `decimals` is not an integer >= 0 or a number is not finite.
 * @example
 * agreesToRounding(0.3473, 0.35, 2) // => true
 * agreesToRounding(477.8, 482.01, 2) // => false
 */
export function agreesToRounding(value: number, published: number, decimals: number): boolean {
  requireFinite("value", value);
  requireFinite("published", published);
  requireInteger("decimals", decimals, 0);
  return Math.abs(value - published) <= 0.5 * 10 ** -decimals * (1 + 1e-12);
}

/**
 * L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022 eq. 2).
 * @throws {RangeError} if `N` or `D` is not > 0 or `law` is not a valid law (`requireLaw`), or the
 *   loss overflows (N or D far below 1).
 * @example chinchillaLoss(HOFFMANN_2022, 70e9, 1.4e12) // => ≈ 1.937
 */
export function chinchillaLoss(law: ChinchillaLaw, N: number, D: number): number {
  requireLaw(law);
  requirePositive("N", N);
  requirePositive("D", D);
  return requireFiniteResult(law.E + law.A / N ** law.alpha + law.B / D ** law.beta, "N", N, "the loss");
}

/**
 * [log A, log B, log E, alpha, beta] of a law (the logarithms by ./_f64math's fdlibm log, the same bits
 * in every engine, as the fits that start from such a vector need).
 * @throws {RangeError} / {TypeError} if `law` is not a valid law (`requireLaw`).
 * @example lawToVector(HOFFMANN_2022)[3] // => 0.34
 */
export function lawToVector(law: ChinchillaLaw): LawVector {
  requireLaw(law);
  return [log(law.A), log(law.B), log(law.E), law.alpha, law.beta];
}

/**
 * The law of a parameter vector [a, b, e, alpha, beta] (the exponentials by ./_f64math's fdlibm exp, the
 * same bits in every engine).
 * @throws {TypeError} if `v` is not an array of numbers; {RangeError} if it does not hold exactly 5
 *   finite numbers, a prefactor exp(a), exp(b), exp(e) overflows, or alpha or beta is not positive.
 * @example vectorToLaw([0, 0, 0, 1, 1]).E // => 1
 */
export function vectorToLaw(v: ArrayLike<number>): ChinchillaLaw {
  requireFiniteArray("v", v, 5);
  if (v.length !== 5) throw new RangeError(`\`v\` must hold 5 numbers [a, b, e, alpha, beta], got ${v.length}`);
  const [A, B, E] = [0, 1, 2].map((i) => requireFiniteResult(exp(v[i]), `v[${i}]`, v[i], "its exponential"));
  // eq. 4's exponents are positive: a law with alpha <= 0 grows with N and is no scaling law
  requirePositive("v[3]", v[3]);
  requirePositive("v[4]", v[4]);
  return { A, B, E, alpha: v[3], beta: v[4] };
}

/**
 * Compute-optimal allocation of a law under C = 6 N D (Hoffmann et al. 2022 eq. 4):
 * N_opt(C) = G (C/6)^(beta/(alpha+beta)), D_opt(C) = (C/6)^(alpha/(alpha+beta)) / G, with
 * G = (alpha A / (beta B))^(1/(alpha+beta)).
 *
 * @param C training compute in FLOP, > 0.
 * @throws {RangeError} if `C` is not > 0 or an exponent is not > 0.
 * @example computeOptimal(HOFFMANN_2022, 5.76e23).N // => ≈ 3.22e10 parameters
 */
export function computeOptimal(law: ChinchillaLaw, C: number): { N: number; D: number } {
  requireLaw(law);
  requirePositive("C", C);
  const s = law.alpha + law.beta;
  const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / s);
  const N = G * (C / 6) ** (law.beta / s), D = (C / 6) ** (law.alpha / s) / G;
  if (!(N > 0 && D > 0 && Number.isFinite(N) && Number.isFinite(D))) {
    throw new RangeError(`\`C\` = ${C} is out of range: the compute-optimal N and D are ${N} and ${D}`);
  }
  return { N, D };
}

/**
 * Loss on the compute-optimal frontier, L_opt(C) = L(N_opt(C), D_opt(C)). Its reducible part
 * L_opt - E is a pure power law in C with exponent alpha beta / (alpha + beta).
 * @throws {RangeError} as `computeOptimal`.
 * @example computeOptimalLoss(HOFFMANN_2022, 5.76e23) // => ≈ 1.931
 */
export function computeOptimalLoss(law: ChinchillaLaw, C: number): number {
  const { N, D } = computeOptimal(law, C);
  return chinchillaLoss(law, N, D);
}

/**
 * Exponent of the reducible loss along the compute-optimal frontier:
 * alpha_frontier = alpha beta / (alpha + beta), so that L_opt(C) - E ∝ C^(-alpha_frontier).
 * (Not the paper's alpha_C ~ 1/3, which is Chinchilla's exponent in N or D, i.e. alpha or beta.)
 * @throws {RangeError} if an exponent is not > 0.
 * @example frontierExponent({ ...HOFFMANN_2022 }) // => ≈ 0.1535 (0.34 · 0.28 / 0.62)
 */
export function frontierExponent(law: ChinchillaLaw): number {
  requireLaw(law);
  return (law.alpha * law.beta) / (law.alpha + law.beta);
}

/**
 * Checks that `law` has finite, positive prefactors and exponents in (0, 5).
 * @throws {RangeError} naming the offending field.
 * @example requireLaw(HOFFMANN_2022) // returns it
 */
export function requireLaw(law: ChinchillaLaw): ChinchillaLaw {
  requireObject("law", law);
  requirePositive("E", law.E);
  requirePositive("A", law.A);
  requirePositive("B", law.B);
  requireInRange("alpha", law.alpha, { min: 0, max: 5, minOpen: true });
  requireInRange("beta", law.beta, { min: 0, max: 5, minOpen: true });
  return law;
}
