/**
 * Table of section 1: what a scaling exponent costs. For each exponent: the resources needed to
 * halve the loss (k^(1/alpha) with k = 2), to cut it tenfold, the doublings needed to halve it,
 * and the loss change per doubling of resources (1 - 2^(-alpha)).
 *
 * @module
 */
import { doublingsToCut, lossChangePerDoubling, resourceFactor } from "../theory/scaling_law";
import { analysis01, DEFAULTS_01 } from "../findings/01_introduction";
import { type NamedTable, tableFromRows } from "./table";
import { requireList } from "../_util/validate";

/**
 * `data/exponent_cost.csv`: columns `alpha,halve_factor,tenfold_factor,doublings_to_halve,change_per_doubling`.
 * The default exponents are notebook 01's (`DEFAULTS_01.exponents`): the paper's A range (0.05, 0.1),
 * alpha_C = 1/3, Monte Carlo 1/2, a 2nd-order grid 2.
 * @example exponentCostTable().table.numRows() // => 5
 */
export function exponentCostTable(exponents: number[] = [...DEFAULTS_01.exponents]): NamedTable {
  requireList("exponents", exponents);
  const rows = exponents.map((alpha) => ({
    alpha,
    halve_factor: resourceFactor(2, alpha),
    tenfold_factor: resourceFactor(10, alpha),
    doublings_to_halve: doublingsToCut(2, alpha),
    change_per_doubling: lossChangePerDoubling(alpha),
  }));
  return {
    name: "exponent_cost",
    caption: "What an exponent costs under L = A/N^α (eq. 1)",
    table: tableFromRows(rows, [
      "alpha",
      "halve_factor",
      "tenfold_factor",
      "doublings_to_halve",
      "change_per_doubling",
    ]),
  };
}

/** Every table of this module, for `npm run reproduce` (the default export, so that barrels re-exporting this module with `export *` do not collide). */
export default [() => exponentCostTable()];

/**
 * Kaplan et al. 2020's exponents priced as in `exponentCostTable`: columns
 * `resource,exponent,halve_factor,change_per_doubling_percent` (not written to `data/`).
 * Drawn from notebook 01's findings (`analysis01`).
 * @example kaplanCostTable().table.numRows() // => 3
 */
export function kaplanCostTable(): NamedTable {
  const rows = analysis01().kaplan.map((k) => ({
    resource: k.resource,
    exponent: k.exponent,
    halve_factor: k.halveFactor,
    change_per_doubling_percent: 100 * k.changePerDoubling,
  }));
  return {
    name: "kaplan_exponent_cost",
    caption: "Kaplan et al. 2020's exponents (parameters N, data D, compute C): resources to halve the loss, loss change per doubling",
    table: tableFromRows(rows, ["resource", "exponent", "halve_factor", "change_per_doubling_percent"]),
  };
}
