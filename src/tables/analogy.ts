/**
 * Tables of section 2: the numerical-method analogy (eq. 2) and the grid exponent in D
 * dimensions (eq. 10).
 *
 * @module
 */
import { gridRows, methodRows } from "../theory/analogy";
import { type NamedTable, tableFromRows } from "./table";

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
    caption: "Numerical methods and LLMs on one scale: resources to halve or cut tenfold the quantity each exponent describes",
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

/** Every table of this module, for `npm run reproduce` (the default export, so that barrels re-exporting this module with `export *` do not collide). */
export default [() => analogyTable(), () => gridDimensionTable()];
