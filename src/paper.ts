/**
 * The numbers the paper states (Succi, Coveney, Hansen, "On the Smallness of the Large Language Models
 * Scaling Exponents", arXiv 2606.24504), each with the section it is stated in, so that a module uses
 * the paper's value by name instead of writing it again. Below them, the cited works' published
 * numbers that the paper leans on: the fitted laws of Hoffmann et al. 2022 and Besiroglu et al. 2024 and
 * the Chinchilla model. (Kaplan et al. 2020's exponents are `KAPLAN_2020` in `src/theory/conclusion.ts`,
 * the beta model's dimension `PAPER_BETA_DIMENSION` in `src/theory/turbulence.ts`, beside the formulas
 * that use them.)
 *
 * @module
 */

/**
 * The range of the scaling exponents of large language models, the "A" regime: α ∼ 0.05 ÷ 0.1 (§1; §3,
 * Fig. 1: "the A-region 0.05 < α < 0.1"), as [low, high].
 * @example A_RANGE[1] // => 0.1
 */
export const A_RANGE: readonly [number, number] = [0.05, 0.1];

/**
 * The Chinchilla exponent, the "C" regime: α_C ∼ 1/3 (§3, Fig. 1 and eqs. 6–8).
 * @example ALPHA_C * 3 // => 1
 */
export const ALPHA_C = 1 / 3;

/**
 * The pedestal ratios p of Fig. 1 (§3): p = 0.01, 0.05, 0.1, 0.2.
 * @example FIG1_PEDESTALS.length // => 4
 */
export const FIG1_PEDESTALS: readonly number[] = [0.01, 0.05, 0.1, 0.2];

/**
 * The A range as the paper writes it in a label, `0.05–0.1`.
 * @example A_RANGE_TEXT // => "0.05–0.1"
 */
export const A_RANGE_TEXT = `${A_RANGE[0]}–${A_RANGE[1]}`;

/**
 * The pedestal of the paper's worked example of eq. 7, N_crit(0.1) = 729 (§3, after eq. 7).
 * @example PEDESTAL_EXAMPLE // => 0.1
 */
export const PEDESTAL_EXAMPLE = 0.1;

/**
 * The size at which the paper evaluates eq. 8, p_crit(10⁶) ∼ 10⁻² (§3, after eq. 8).
 * @example P_CRIT_EXAMPLE_SIZE // => 1e6
 */
export const P_CRIT_EXAMPLE_SIZE = 1e6;

/**
 * The pedestal the paper says realistic values are "well above": p = 0.01 (§3, last paragraph).
 * @example PEDESTAL_THRESHOLD // => 0.01
 */
export const PEDESTAL_THRESHOLD = 0.01;

/**
 * The intrinsic dimension the paper quotes for language models, d ∼ 100 (§5.1, last paragraph: "an
 * intrinsic dimension d ∼ 100" against embedding widths "in the several thousands").
 * @example LLM_DIMENSION // => 100
 */
export const LLM_DIMENSION = 100;

/**
 * The dimensional compression the paper draws from it, d/D ∼ O(10⁻²) (§5.1, last paragraph).
 * @example LLM_COMPRESSION_RATIO // => 0.01
 */
export const LLM_COMPRESSION_RATIO = 1e-2;

/**
 * The Hölder exponent the paper gives the beta model at its d_F ∼ 2.8 (`PAPER_BETA_DIMENSION`):
 * "d ∼ 2.8, corresponding to h ∼ 0.27" (§5.1, after eq. 16).
 * @example BETA_MODEL_HURST // => 0.27
 */
export const BETA_MODEL_HURST = 0.27;

// the cited works

/** Parameters of L(N, D) = E + A / N^alpha + B / D^beta. */
export interface ChinchillaLaw {
  /** Irreducible loss E (nats per token), > 0. */
  E: number;
  /** Prefactor A of the parameter term (loss × parameters^alpha), > 0. */
  A: number;
  /** Prefactor B of the data term (loss × tokens^beta), > 0. */
  B: number;
  /** Exponent alpha of the parameter term. */
  alpha: number;
  /** Exponent beta of the data term. */
  beta: number;
}

/**
 * The law Hoffmann et al. 2022 published (their eq. 10): E = 1.69, A = 406.4, B = 410.7,
 * alpha = 0.34, beta = 0.28.
 */
export const HOFFMANN_2022: ChinchillaLaw = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };

/**
 * The refit of the same points by Besiroglu et al. 2024 ("Chinchilla Scaling: A replication
 * attempt", arXiv:2404.10102, Table 1 and text), on the 240 runs left after dropping the five
 * highest-loss ones: E = 1.82, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658 (their
 * bootstrap standard errors: E 0.03, A 124.58, B 1293.23, alpha 0.02, beta 0.02).
 */
export const BESIROGLU_2024: ChinchillaLaw = { E: 1.82, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };

/**
 * The highest-loss runs Besiroglu et al. 2024 leave out of their refit of Hoffmann et al.'s points
 * (arXiv:2404.10102, §2): five, leaving 240 of the 245 runs.
 * @example 245 - BESIROGLU_2024_DROPPED // => 240
 */
export const BESIROGLU_2024_DROPPED = 5;

/**
 * The Chinchilla model of Hoffmann et al. 2022: N = 70·10⁹ parameters trained on D = 1.4·10¹²
 * tokens, C = 6 N D ≈ 5.88·10²³ FLOP; where notebook 08 evaluates total-loss changes, running
 * exponents and p_crit.
 */
export const CHINCHILLA_POINT = { N: 70e9, D: 1.4e12, C: 6 * 70e9 * 1.4e12 } as const;

/**
 * The relative error of loss prediction Gadre et al. 2024 report for their own law (in N and the token
 * multiplier M) on their large runs, about 0.7 % ("Language models scale reliably with over-training and
 * on downstream tasks", arXiv:2403.08540, as quoted by the audit of issue 16; not rechecked here);
 * notebook 09 sets its forecast's errors beside it.
 * @example GADRE_2024_REPORTED_ERROR * 100 // => 0.7
 */
export const GADRE_2024_REPORTED_ERROR = 0.007;
