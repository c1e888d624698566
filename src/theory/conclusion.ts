/**
 * Section 6 of the paper and the numbers it rests on: the intrinsic dimension beyond which a law
 * alpha = a h / d falls below a threshold, the dimensional compression d/D of section 5.1, and the
 * published exponents that Sharma and Kaplan's relation turns into intrinsic dimensions.
 *
 * @module
 */
import { HOFFMANN_2022 } from "../paper";
import { dimensionForExponent } from "./intrinsic_dimension";
import { requireInRange, requirePositive } from "../_util/validate";

/**
 * The intrinsic dimension above which alpha = a h / d is strictly below `alpha`: d* = a h / alpha,
 * i.e. `dimensionForExponent(alpha, a h)` with the Hölder exponent h checked. The paper's
 * conclusion is d* = 40 for a = 4, h = 1, alpha = 0.1: alpha < 0.1 needs d > 40, and d = 40 itself
 * gives alpha = 0.1 exactly.
 *
 * @param alpha threshold exponent (> 0).
 * @param a numerator of the smooth law (> 0, default 4: eq. 9; 2 for piecewise constants).
 * @param h Hölder exponent multiplying it, in (0, 1] (default 1: smooth data; eq. 17 otherwise).
 * @throws {RangeError} if `alpha` <= 0, `a` <= 0 or `h` outside (0, 1].
 * @example thresholdDimension(0.1) // => 40
 */
export function thresholdDimension(alpha: number, a = 4, h = 1): number {
  requirePositive("a", a);
  requireInRange("h", h, { min: 0, max: 1, minOpen: true });
  return dimensionForExponent(alpha, a * h);
}

/**
 * Dimensional compression d/D: the intrinsic dimension d of the data manifold over the dimension D
 * of the space it is embedded in (section 5.1: d ≈ 100 against D of several thousands).
 *
 * @param d intrinsic dimension, in (0, D].
 * @param dim embedding dimension D (> 0).
 * @throws {RangeError} if `dim` <= 0 or `d` outside (0, D] (an intrinsic dimension cannot exceed D).
 * @example compressionRatio(100, 4096) // => ≈ 0.0244
 */
export function compressionRatio(d: number, dim: number): number {
  requirePositive("dim", dim);
  requireInRange("d", d, { min: 0, max: dim, minOpen: true });
  return d / dim;
}

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
 */
export const KAPLAN_2020 = { N: 0.076, D: 0.095, C: 0.05 } as const;

/**
 * Published exponents of language-model loss: Kaplan et al. 2020 (`KAPLAN_2020`) and the Chinchilla
 * fit of Hoffmann et al. 2022 (`HOFFMANN_2022`, arXiv:2203.15556, eq. 10).
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
