/**
 * The numbers the paper states (Succi, Coveney, Hansen, "On the Smallness of the Large Language Models
 * Scaling Exponents", arXiv 2606.24504), each with the section it is stated in, so that a module uses
 * the paper's value by name instead of writing it again. Below them, the cited works' published
 * numbers that the paper leans on: the fitted laws of Hoffmann et al. 2022 and Besiroglu et al. 2024 and
 * the Chinchilla model, Kaplan et al. 2020's exponents, published embedding widths and She & Leveque's
 * constants.
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

/**
 * K41's Hölder exponent of velocity increments, h = 1/3 (§5.1, from eq. 14: v(l) ∝ (ε l)^(1/3)).
 * @example K41_HURST * 3 // => 1
 */
export const K41_HURST = 1 / 3;

/**
 * The fractal dimension of the active set the paper quotes for the beta model, D_F = 2.8 (§5.1).
 * @example PAPER_BETA_DIMENSION // => 2.8
 */
export const PAPER_BETA_DIMENSION = 2.8;

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

/** A model's embedding (hidden) width as published. */
export interface EmbeddingWidth {
  model: string;
  /** d_model, the width of the residual stream. */
  width: number;
  source: string;
}

/**
 * Published embedding widths d_model of some language models, the "embedding dimension of feature
 * space" of section 5.1.
 * @example EMBEDDING_WIDTHS.map((w) => w.width) // => [1600, 4096, 8192, 12288]
 */
export const EMBEDDING_WIDTHS: readonly EmbeddingWidth[] = [
  { model: "GPT-2 XL (1.5B)", width: 1600, source: "Radford et al. 2019, Table 2" },
  { model: "LLaMA 7B", width: 4096, source: "Touvron et al. 2023 (arXiv:2302.13971), Table 2" },
  { model: "LLaMA 65B", width: 8192, source: "Touvron et al. 2023 (arXiv:2302.13971), Table 2" },
  { model: "GPT-3 175B", width: 12288, source: "Brown et al. 2020 (arXiv:2005.14165), Table 2.1" },
];

/** A published scaling exponent of a language model's loss. */
export interface PublishedExponent {
  fit: string;
  /** What the exponent multiplies: parameters N, data D, compute C. */
  resource: string;
  alpha: number;
  source: string;
}

/**
 * Kaplan et al. 2020 (arXiv:2001.08361, eqs. 1.1–1.3): the loss exponents against parameters
 * (alpha_N = 0.076), data (alpha_D = 0.095) and compute on the optimal frontier (alpha_C^min = 0.050).
 * The one place these numbers are typed in.
 * @example KAPLAN_2020.N // => 0.076
 */
export const KAPLAN_2020 = { N: 0.076, D: 0.095, C: 0.05 } as const;

/**
 * Published exponents of language-model loss: Kaplan et al. 2020 (`KAPLAN_2020`) and the Chinchilla
 * fit of Hoffmann et al. 2022 (`HOFFMANN_2022`, arXiv:2203.15556, eq. 10).
 * @example PUBLISHED_EXPONENTS.length // => 5
 */
export const PUBLISHED_EXPONENTS: readonly PublishedExponent[] = [
  { fit: "Kaplan et al. 2020", resource: "parameters N", alpha: KAPLAN_2020.N, source: "arXiv:2001.08361 eq. 1.1" },
  { fit: "Kaplan et al. 2020", resource: "data D", alpha: KAPLAN_2020.D, source: "arXiv:2001.08361 eq. 1.2" },
  {
    fit: "Kaplan et al. 2020",
    resource: "compute C (optimal)",
    alpha: KAPLAN_2020.C,
    source: "arXiv:2001.08361 eq. 1.3",
  },
  {
    fit: "Hoffmann et al. 2022",
    resource: "parameters N",
    alpha: HOFFMANN_2022.alpha,
    source: "arXiv:2203.15556 eq. 10",
  },
  { fit: "Hoffmann et al. 2022", resource: "data D", alpha: HOFFMANN_2022.beta, source: "arXiv:2203.15556 eq. 10" },
];

/**
 * She & Leveque 1994's Hölder exponent of the most singular structures, h_∞ = 1/9.
 * @example SHE_LEVEQUE_MIN_HURST * 9 // => 1
 */
export const SHE_LEVEQUE_MIN_HURST = 1 / 9;

/**
 * The dimension of She & Leveque 1994's most singular structures: filaments, codimension 2 in 3-D, so 1.
 * @example SHE_LEVEQUE_MIN_DIMENSION // => 1
 */
export const SHE_LEVEQUE_MIN_DIMENSION = 1;
