/**
 * The live edition's one adjustment to its controls' values (presentation only: no equation here).
 * Numbers beside the live figures print with `formatNumber` of `src/_util/format.ts`, as in the notebooks.
 * @module
 */

/**
 * A slider returns 1/3 rounded to the digits the browser keeps; the figure builders print exactly
 * 1/3 (the paper's α_C and K41's h) as "1/3", so that value is given back exactly.
 * @example snapThird(0.33333333333333) === 1 / 3 // => true
 */
export const snapThird = (v: number): number => (Math.abs(v - 1 / 3) < 1e-9 ? 1 / 3 : v);
