/**
 * Approach 3 of Hoffmann et al. 2022 ("Training Compute-Optimal Large Language Models",
 * arXiv:2203.15556, section 3.3 and appendix D.2): the parametric loss
 *
 *   L(N, D) = E + A / N^alpha + B / D^beta
 *
 * fitted to training runs by minimising the Huber loss (delta = 1e-3) of the residuals of log L,
 * with the law written in log-sum-exp form,
 *
 *   log L(N, D) = LSE(a - alpha log N, b - beta log D, e),   A = e^a, B = e^b, E = e^e,
 *
 * by L-BFGS from a grid of initial values, keeping the best optimum. Also the quantities derived
 * from a fitted law: the compute-optimal allocation of Hoffmann et al. eq. 4 and its loss.
 * N is in parameters, D in tokens, C = 6 N D in FLOP, losses in nats per token.
 *
 * The implementation is split by concept under `src/fit/` (the law, the objective, the Approach-3 fit,
 * the bootstrap) and `src/stats/huber.ts`; this module re-exports them under their old path.
 *
 * @module
 */
export {
  agreesToRounding,
  chinchillaLoss,
  computeOptimal,
  computeOptimalLoss,
  frontierExponent,
  LAW_PARAMETERS,
  lawToVector,
  requireLaw,
  vectorToLaw,
} from "./law";
export type { LawVector } from "./law";
export { fitData, HUBER_DELTA, huberObjective, requireFitData } from "./objective";
export type { FitData } from "./objective";
export { FIT_LBFGS, fitChinchilla, hoffmannGrid, MIN_FIT_RUNS, SCREENING } from "./approach3";
export type { ChinchillaFit, FitOptions } from "./approach3";
export {
  bootstrapChinchilla,
  bootstrapChinchillaDraw,
  insideInterval,
  summariseLawBootstrap,
  zScore,
} from "./bootstrap";
export type { ChinchillaBootstrap, ParameterSummary } from "./bootstrap";
export { huber } from "../stats/huber";
