/**
 * Table of section 1: what a scaling exponent costs. For each exponent: the resources needed to
 * halve the loss (k^(1/alpha) with k = 2), to cut it tenfold, the doublings needed to halve it,
 * and the loss change per doubling of resources (1 - 2^(-alpha)).
 *
 * @module
 */
import { doublingsToCut, lossChangePerDoubling, resourceFactor } from "../theory/scaling_law";
import * as introduction from "../findings/01_introduction";
import { formatNumber, formatPower } from "../_util/format";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import { requireFields, requireList } from "../_util/validate";

/**
 * `data/exponent_cost.csv`: columns `alpha,halve_factor,tenfold_factor,doublings_to_halve,change_per_doubling`.
 * The default exponents are notebook 01's (`introduction.defaults.exponents`): the paper's A range (0.05, 0.1),
 * alpha_C = 1/3, Monte Carlo 1/2, a 2nd-order grid 2.
 * @example exponentCostTable().table.numRows() // => 5
 */
export function exponentCostTable(exponents: number[] = [...introduction.defaults.exponents]): NamedTable {
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
    caption: "What an exponent costs under L = A/N^{α} (eq. 1)",
    table: tableFromRows(rows, [
      "alpha",
      "halve_factor",
      "tenfold_factor",
      "doublings_to_halve",
      "change_per_doubling",
    ]),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [() => exponentCostTable()];

/**
 * Kaplan et al. 2020's exponents priced as in `exponentCostTable`: columns
 * `resource,exponent,halve_factor,change_per_doubling_percent` (not written to `data/`).
 * Drawn from notebook 01's findings (`introduction.analysis`).
 * @example kaplanCostTable().table.numRows() // => 3
 */
export function kaplanCostTable(): NamedTable {
  const rows = introduction.analysis().kaplan.map((k) => ({
    resource: k.resource,
    exponent: k.exponent,
    halve_factor: k.halveFactor,
    change_per_doubling_percent: 100 * k.changePerDoubling,
  }));
  return {
    name: "kaplan_exponent_cost",
    caption:
      "Kaplan et al. 2020's exponents (parameters N, data D, compute C): resources to halve the loss, loss change per doubling",
    table: tableFromRows(rows, ["resource", "exponent", "halve_factor", "change_per_doubling_percent"]),
  };
}

/**
 * Notebook 01's worked example in words (Markdown): the resources a `cut`-fold cut of the loss takes at
 * α = 0.1, the doublings, and the check against eq. 1.
 * @example workedExampleNote(introduction.analysis({ cut: 2 })).includes("**1024**") // => true
 */
export function workedExampleNote(a: introduction.Analysis): string {
  requireFields("analysis", a, ["example", "settings"], "a notebook's analysis");
  const f = (v: number, digits = 4) => formatNumber(v, digits);
  const { alpha, factor, doublings, check } = a.example;
  return `With α = ${alpha}, cutting the loss by k = ${f(a.settings.cut)} needs **${f(factor)}** times ` +
    `the resources, k^{1/α} = ${formatPower(f(a.settings.cut), 1 / alpha)}, i.e. ${f(doublings)} successive ` +
    `doublings. Check against eq. 1 directly: L(1) / L(${f(factor)}) = ${f(check, 12)}.`;
}
