/**
 * The numbers the paper states (Succi, Coveney, Hansen, "On the Smallness of the Large Language Models
 * Scaling Exponents", arXiv 2606.24504), each with the section it is stated in, so that a module uses
 * the paper's value by name instead of writing it again. (The cited works' fitted laws are in
 * `src/fit/law.ts`: `HOFFMANN_2022`, `BESIROGLU_2024`; Kaplan et al. 2020's exponents in
 * `src/conclusion.ts`: `KAPLAN_2020`; the beta model's dimension in `src/turbulence.ts`.)
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
