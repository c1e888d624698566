/**
 * Tables of section 4: what an intrinsic dimension costs (alpha and the resources to halve the
 * loss, for smooth and rough targets), and the intrinsic dimensions that published exponents imply
 * through Sharma and Kaplan's alpha ≈ 4/d.
 *
 * @module
 */
import { PUBLISHED_EXPONENTS } from "../conclusion";
import { dimensionForExponent, halvingFactor, roughExponent, sharmaKaplanExponent } from "../intrinsic_dimension";
import { piecewiseExponent } from "../piecewise";
import { type NamedTable, tableFromRows } from "../tables";
import { K41_HURST } from "../turbulence";

/**
 * `data/intrinsic_dimension_halving_cost.csv`: for each d, alpha and the resources to halve the loss
 * under 4/d (eq. 9), 2/d (eq. 13) and 4h/d with h = 1/3 (eq. 17 as printed). Columns
 * `d,alpha_4_over_d,halve_4_over_d,alpha_2_over_d,halve_2_over_d,alpha_eq17_h_1_3,halve_eq17_h_1_3`.
 * @example halvingCostTable().table.numRows() // 8
 */
export function halvingCostTable(dims: number[] = [4, 10, 20, 40, 80, 100, 200, 400]): NamedTable {
  const rows = dims.map((d) => ({
    d,
    alpha_4_over_d: sharmaKaplanExponent(d),
    halve_4_over_d: halvingFactor(d),
    alpha_2_over_d: piecewiseExponent(2, 0, d),
    halve_2_over_d: halvingFactor(d, 2),
    alpha_eq17_h_1_3: roughExponent(K41_HURST, d),
    halve_eq17_h_1_3: halvingFactor(d, 4, K41_HURST),
  }));
  return {
    name: "intrinsic_dimension_halving_cost",
    caption: "What an intrinsic dimension costs: α and the resources to halve the loss, 2^(1/α), for 4/d, 2/d and eq. 17 with h = 1/3",
    table: tableFromRows(rows, [
      "d",
      "alpha_4_over_d",
      "halve_4_over_d",
      "alpha_2_over_d",
      "halve_2_over_d",
      "alpha_eq17_h_1_3",
      "halve_eq17_h_1_3",
    ]),
  };
}

/**
 * `data/implied_intrinsic_dimension.csv`: published exponents turned into intrinsic dimensions by
 * inverting alpha = 4/d (d = 4/alpha) and eq. 17 with h = 1/3 (d = 4h/alpha). Columns
 * `fit,resource,alpha,d_4_over_alpha,d_eq17_h_1_3,source`.
 */
export function impliedDimensionTable(): NamedTable {
  const rows = PUBLISHED_EXPONENTS.map((e) => ({
    fit: e.fit,
    resource: e.resource,
    alpha: e.alpha,
    d_4_over_alpha: dimensionForExponent(e.alpha),
    d_eq17_h_1_3: dimensionForExponent(e.alpha, 4 * K41_HURST),
    source: e.source,
  }));
  return {
    name: "implied_intrinsic_dimension",
    caption: "Intrinsic dimensions implied by published exponents through α = 4/d (eq. 9) and α = 4h/d with h = 1/3 (eq. 17)",
    table: tableFromRows(rows, ["fit", "resource", "alpha", "d_4_over_alpha", "d_eq17_h_1_3", "source"]),
  };
}

/** Every table of this module, for `npm run reproduce` (default export: barrels re-export with `export *`). */
export default [() => halvingCostTable(), () => impliedDimensionTable()];
