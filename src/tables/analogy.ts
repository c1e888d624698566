/**
 * Tables of section 2: the numerical-method analogy (eq. 2) and the grid exponent in D
 * dimensions (eq. 10).
 *
 * @module
 */
import { requireFields } from "../_util/validate";
import { gridRows, methodRows } from "../theory/analogy";
import { resourceFactor } from "../theory/scaling_law";
import { formatNumber } from "../_util/format";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import type * as analogy from "../findings/02_analogy";

/**
 * `data/analogy_methods.csv`: columns `method,quantity,exponent,halve_factor,tenfold_factor,source`.
 * @example analogyTable().table.numRows() // => 7
 */
export function analogyTable(): NamedTable {
  const rows = methodRows().map((r) => ({
    method: r.method,
    quantity: r.quantity,
    exponent: r.exponent,
    halve_factor: r.halve,
    tenfold_factor: r.tenfold,
    source: r.source,
  }));
  return {
    name: "analogy_methods",
    caption:
      "Numerical methods and LLMs on one scale: resources to halve or cut tenfold the quantity each exponent describes",
    table: tableFromRows(rows, ["method", "quantity", "exponent", "halve_factor", "tenfold_factor", "source"]),
  };
}

/**
 * `data/analogy_grid_dimensions.csv`: a 2nd-order grid in D = 1..6 (eq. 10), columns
 * `D,order,error_exponent,squared_error_exponent,halve_error,halve_squared_error,tenfold_error`.
 */
export function gridDimensionTable(order = 2, dims = [1, 2, 3, 4, 5, 6]): NamedTable {
  const rows = gridRows(order, dims).map((r) => ({
    D: r.dimension,
    order: r.order,
    error_exponent: r.errorExponent,
    squared_error_exponent: r.squaredErrorExponent,
    halve_error: r.halveError,
    halve_squared_error: r.halveSquaredError,
    tenfold_error: r.tenfoldError,
  }));
  return {
    name: "analogy_grid_dimensions",
    caption: `A grid method of order ${order} in D dimensions (eq. 10): exponents and resource factors`,
    table: tableFromRows(rows, [
      "D",
      "order",
      "error_exponent",
      "squared_error_exponent",
      "halve_error",
      "halve_squared_error",
      "tenfold_error",
    ]),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [() => analogyTable(), () => gridDimensionTable()];

const f = (v: number, digits = 4) => formatNumber(v, digits);

/** Notebook 02's notes in words (Markdown), one per cell that shows one. */
export interface AnalogyNotes {
  /** The resources that halve the error of the paper's two examples, a second-order grid and Monte Carlo. */
  factors: string;
  /** The dimensions in which a grid of the notebook's order has the LLM exponent, for its error and its square. */
  llmOnGrid: string;
}

/**
 * Notebook 02's notes (Markdown), from its analysis: the paper's two halving factors (eq. 2) and the LLM
 * exponent placed on the grid scale (eq. 10).
 * @example analogyNotes(analogy.analysis()).llmOnGrid.includes("D = a/α = **20**") // => true
 */
export function analogyNotes(a: analogy.Analysis): AnalogyNotes {
  requireFields("analysis", a, ["dimensionForError", "dimensionForSquaredError", "settings"], "a notebook's analysis");
  const s = a.settings;
  return {
    factors: `- second-order grid, a = 2: 2^{1/2} = **${f(resourceFactor(2, 2))}** (the paper's √2)\n` +
      `- Monte Carlo, a = 1/2: 2² = **${f(resourceFactor(2, 0.5))}** (the paper's 4)`,
    llmOnGrid: `An LLM exponent α = ${f(s.llmExponent)} is what a grid method of order ${f(s.order)} achieves ` +
      `in D = a/α = **${f(a.dimensionForError)}** dimensions for its error (eq. 10), or in ` +
      `D = 2a/α = **${f(a.dimensionForSquaredError)}** dimensions for its squared error.`,
  };
}
