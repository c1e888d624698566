/**
 * Table of section 5.1: structure-function exponents zeta_p of K41, the beta model and
 * She-Leveque, and the Hölder exponent zeta_p / p each moment sees.
 *
 * @module
 */
import { type NamedTable, tableFromRows } from "./table";
import {
  betaStructureExponent,
  effectiveHurst,
  k41StructureExponent,
  PAPER_BETA_DIMENSION,
  sheLevequeStructureExponent,
} from "../theory/turbulence";
import { requireList } from "../_util/validate";

/**
 * `data/structure_exponents.csv`: columns `p,k41,beta_model,she_leveque,h_beta_model,h_she_leveque`
 * (zeta_p for each model, then zeta_p / p for the two intermittent ones).
 * @example structureExponentTable().table.numRows() // => 10
 */
export function structureExponentTable(
  orders: number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  dF = PAPER_BETA_DIMENSION,
): NamedTable {
  requireList("orders", orders);
  const rows = orders.map((p) => ({
    p,
    k41: k41StructureExponent(p),
    beta_model: betaStructureExponent(p, dF),
    she_leveque: sheLevequeStructureExponent(p),
    h_beta_model: effectiveHurst(betaStructureExponent(p, dF), p),
    h_she_leveque: effectiveHurst(sheLevequeStructureExponent(p), p),
  }));
  return {
    name: "structure_exponents",
    caption: `Structure-function exponents ζₚ: K41 (p/3), beta model (dF = ${dF}) and She–Leveque 1994, with ζₚ/p`,
    table: tableFromRows(rows, ["p", "k41", "beta_model", "she_leveque", "h_beta_model", "h_she_leveque"]),
  };
}

/** Every table of this module, for `npm run reproduce` (default export: barrels re-export with `export *`). */
export default [() => structureExponentTable()];
