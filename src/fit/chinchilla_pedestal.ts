/**
 * The paper's section 3 quantities for a fitted Chinchilla law L(N, D) = E + A/N^alpha + B/D^beta:
 * the pedestal ratio p of eq. 4, which depends on the unit in which N (or C) is counted, and the
 * C-to-A crossover of eqs. 6–7, which in physical units does not.
 *
 * Two one-variable cuts of the law have the form of eq. 3, L = L0 + K z^-gamma:
 * - along N at fixed D: L0 = E + B/D^beta, K = A, gamma = alpha;
 * - along the compute-optimal frontier (Hoffmann et al. 2022 eq. 4), as a function of N_opt:
 *   L0 = E, K = A (alpha + beta)/beta, gamma = alpha; and as a function of C:
 *   L0 = E, K = K_C, gamma = alpha beta/(alpha + beta).
 * Measuring z in units of u (z = u z'), eq. 4's "size 1" is z = u and p = L0 / (L0 + K u^-gamma).
 *
 * @module
 */
import { computeOptimalLoss, frontierExponent, requireLaw } from "./chinchilla";
import type { ChinchillaLaw } from "../paper";
import { criticalSize, maxRunningExponent, pedestalLoss } from "../theory/pedestal";
import { requireFiniteResult, requireInRange, requireObject, requirePositive } from "../_util/validate";

/** A one-variable cut of a fitted law in the form of eq. 3: L(z) = L0 + K z^-gamma. */
export interface PedestalCut {
  /** The pedestal L0 = L(z → ∞), nats per token. */
  L0: number;
  /** Prefactor K of the reducible part (loss × z^gamma). */
  K: number;
  /** Exponent gamma of the reducible part. */
  gamma: number;
}

/**
 * Checks a cut: L0 >= 0, K > 0 and gamma > 0, all finite.
 * @throws {TypeError} if `cut` is not an object; {RangeError} naming the field, e.g. "`cut.K` must be in (0, ∞), got NaN".
 * @example requireCut(cutAlongN(HOFFMANN_2022, 1e11)).gamma // => 0.34 (returns the cut)
 */
export function requireCut(cut: PedestalCut): PedestalCut {
  requireObject("cut", cut);
  requireInRange("cut.L0", cut.L0, { min: 0 });
  requirePositive("cut.K", cut.K);
  requirePositive("cut.gamma", cut.gamma);
  return cut;
}

/**
 * The cut of the law along N at fixed D: L0 = E + B/D^beta, K = A, gamma = alpha.
 * @param D training tokens, > 0.
 * @throws {RangeError} if `D` is not > 0 or the law is invalid.
 * @example cutAlongN(HOFFMANN_2022, 1e11).L0 // => ≈ 2.0316 (E + B / 1e11^beta)
 */
export function cutAlongN(law: ChinchillaLaw, D: number): PedestalCut {
  requireLaw(law);
  requirePositive("D", D);
  return { L0: law.E + law.B / D ** law.beta, K: law.A, gamma: law.alpha };
}

/**
 * The compute-optimal frontier as a function of model size: L_opt = E + A (alpha+beta)/beta · N_opt^-alpha
 * (substituting D_opt(N_opt) from Hoffmann et al. 2022 eq. 4 into the law).
 * @throws {RangeError} if the law is invalid.
 * @example cutFrontierInN(HOFFMANN_2022).gamma // => 0.34 (alpha)
 */
export function cutFrontierInN(law: ChinchillaLaw): PedestalCut {
  requireLaw(law);
  return { L0: law.E, K: (law.A * (law.alpha + law.beta)) / law.beta, gamma: law.alpha };
}

/**
 * The compute-optimal frontier as a function of compute C (FLOP): L_opt = E + K_C C^-alpha_frontier
 * with alpha_frontier = alpha beta/(alpha + beta) (`frontierExponent`; not the paper's alpha_C ~ 1/3);
 * K_C is read off L_opt at C = 1 FLOP.
 * @throws {RangeError} if the law is invalid.
 * @example cutFrontierInC(HOFFMANN_2022).gamma // => ≈ 0.1535 (alpha beta / (alpha + beta))
 */
export function cutFrontierInC(law: ChinchillaLaw): PedestalCut {
  requireLaw(law);
  return { L0: law.E, K: computeOptimalLoss(law, 1) - law.E, gamma: frontierExponent(law) };
}

/**
 * The loss of the cut at z, L(z) = L0 + K z^-gamma (eq. 3 in the cut's variable).
 * @throws {RangeError} if `z` is not > 0.
 * @example cutLoss(cutAlongN(HOFFMANN_2022, 1e11), 7e10) // => ≈ 2.1151 (= chinchillaLoss(HOFFMANN_2022, 7e10, 1e11))
 */
export function cutLoss(cut: PedestalCut, z: number): number {
  requireCut(cut);
  requirePositive("z", z);
  return requireFiniteResult(cut.L0 + cut.K * z ** -cut.gamma, "z", z, "the loss L0 + K z^-gamma");
}

/**
 * Pedestal ratio p = L0 / L(z = unit) of eq. 4 when z is counted in units of `unit` (unit = 1:
 * parameters, tokens or FLOP; 1e6: millions of them). It grows towards 1 as the unit grows.
 * Taking `unit` = z gives p at size z, L0 / L(z), from which the section 3 functions of
 * `pedestal.ts` (eqs. 5–7) give the running exponent and the crossover below.
 * @throws {RangeError} if `unit` is not > 0.
 * @example pedestalRatio(cutAlongN(HOFFMANN_2022, 1e11), 1e6) // p with N in millions of parameters
 */
export function pedestalRatio(cut: PedestalCut, unit = 1): number {
  requireCut(cut);
  requirePositive("unit", unit);
  return cut.L0 / cutLoss(cut, unit);
}

/**
 * Where the reducible part equals the pedestal, K z^-gamma = L0, i.e. z = (K/L0)^(1/gamma): the
 * crossover between the power-law (C) and pedestal (A) regimes of eqs. 6–7, in the physical unit
 * of z. Computed as eq. 7 with N in the cut's own unit, N_crit(p(1), gamma) (`criticalSize`); it
 * equals `unit` · N_crit(p(unit), gamma) for every unit, and there the running exponent is
 * gamma/2. A cut without pedestal (L0 = 0) has no crossover: the result is Infinity.
 * @example crossover(cutAlongN(HOFFMANN_2022, 1e11)) // parameters at which A/N^alpha = E + B/D^beta
 */
export function crossover(cut: PedestalCut): number {
  requireCut(cut);
  if (cut.L0 === 0) return Infinity;
  return criticalSize(pedestalRatio(cut, 1), cut.gamma);
}

/**
 * Running exponent -d log L / d log z of the cut (eq. 5 with x = 1/z, not normalised):
 * gamma K z^-gamma / (L0 + K z^-gamma) = (1 - p(z)) gamma, i.e. eq. 5 at "N = 1" with the unit
 * taken at z (`maxRunningExponent(pedestalRatio(cut, z), gamma)`).
 * @throws {RangeError} if `z` is not > 0.
 * @example runningExponentOfCut(cutFrontierInC(HOFFMANN_2022), 1e24) // => ≈ 0.0178
 */
export function runningExponentOfCut(cut: PedestalCut, z: number): number {
  requireCut(cut);
  requirePositive("z", z);
  return maxRunningExponent(pedestalRatio(cut, z), cut.gamma);
}

/**
 * Fractional change of the total loss when z doubles, 1 - L(2z)/L(z) = 1 - L(x = 1/2; p(z)) of
 * eq. 4 with the unit taken at z (`pedestalLoss`), i.e. (1 - p(z)) (1 - 2^-gamma); compare with
 * the change of the reducible part alone, 1 - 2^-gamma (`lossChangePerDoubling`).
 * @throws {RangeError} if `z` is not > 0.
 * @example totalChangePerDoubling(cutFrontierInC(HOFFMANN_2022), 5.88e23)
 */
export function totalChangePerDoubling(cut: PedestalCut, z: number): number {
  requireCut(cut);
  requirePositive("z", z);
  return 1 - pedestalLoss(0.5, pedestalRatio(cut, z), cut.gamma);
}

/**
 * How many runs lie beyond the crossover (eqs. 6–7) of the fitted law: `ownD` counts runs whose
 * N exceeds the crossover of the cut along N at their own D (`cutAlongN(law, D)`), `frontier`
 * those whose N exceeds the crossover of the compute-optimal frontier in N_opt
 * (`cutFrontierInN(law)`); `total` is the number of runs.
 * @throws {RangeError} if the law is invalid or a run's D is not > 0.
 * @example runsBeyondCrossover([{ N: 1e9, D: 2e10 }], HOFFMANN_2022).ownD // => 1 (the crossover at D = 2·10¹⁰ is N ≈ 4.5·10⁶)
 */
export function runsBeyondCrossover(
  runs: { N: number; D: number }[],
  law: ChinchillaLaw,
): { ownD: number; frontier: number; total: number } {
  requireLaw(law);
  if (!Array.isArray(runs)) throw new TypeError(`\`runs\` must be an array of runs, got ${typeof runs}`);
  runs.forEach((r, i) => {
    requireObject(`runs[${i}]`, r);
    requirePositive(`runs[${i}].N`, r.N);
    requirePositive(`runs[${i}].D`, r.D);
  });
  const frontier = crossover(cutFrontierInN(law));
  return {
    ownD: runs.filter((r) => r.N > crossover(cutAlongN(law, r.D))).length,
    frontier: runs.filter((r) => r.N > frontier).length,
    total: runs.length,
  };
}
