/**
 * Table of section 3: for each pedestal ratio p, the critical inverse size and size (eqs. 6–7),
 * and the sizes at which the running exponent (eq. 5) falls to 0.1 and to 0.05.
 *
 * @module
 */
import { criticalInverseSize, criticalSize, maxRunningExponent, sizeForExponent } from "../theory/pedestal";
import { type NamedTable, tableFromRows } from "./table";
import { requireList, requirePositive } from "../_util/validate";
import { ALPHA_C } from "../paper";

/**
 * `data/pedestal_thresholds.csv`: columns `p,alpha_C,x_crit,N_crit,N_alpha_0.1,N_alpha_0.05` (one
 * `N_alpha_<t>` column per target t, default the A range's ends 0.1 and 0.05). A size is left empty
 * when the running exponent starts below the target at N = 1.
 * @param pedestals pedestal ratios in (0, 1).
 * @param alphaC exponent of the C regime, > 0.
 * @param targets running exponents, each > 0.
 * @throws {RangeError} if a pedestal is outside (0, 1), `alphaC` <= 0 or a target <= 0.
 * @example pedestalThresholdTable([0.1]).table.get("N_crit", 0) // => 729
 */
export function pedestalThresholdTable(
  pedestals: number[] = [0.001, 0.01, 0.05, 0.1, 0.2],
  alphaC = ALPHA_C,
  targets: number[] = [0.1, 0.05],
): NamedTable {
  requireList("pedestals", pedestals);
  requireList("targets", targets);
  targets.forEach((t, i) => requirePositive(`targets[${i}]`, t));
  const sizeOrEmpty = (t: number, p: number) => t < maxRunningExponent(p, alphaC) ? sizeForExponent(t, p, alphaC) : "";
  const column = (t: number) => `N_alpha_${t}`;
  const rows = pedestals.map((p) => ({
    p,
    alpha_C: alphaC,
    x_crit: criticalInverseSize(p, alphaC),
    N_crit: criticalSize(p, alphaC),
    ...Object.fromEntries(targets.map((t) => [column(t), sizeOrEmpty(t, p)])),
  }));
  return {
    name: "pedestal_thresholds",
    caption: `Where the pedestal takes over: x_crit and N_crit (eqs. 6–7) and the sizes at which α_p falls to ${
      targets.join(" and ")
    } (eq. 5)`,
    table: tableFromRows(rows, ["p", "alpha_C", "x_crit", "N_crit", ...targets.map(column)]),
  };
}

/** Every table of this module, for `npm run reproduce` (the default export, so that barrels re-exporting this module with `export *` do not collide). */
export default [() => pedestalThresholdTable()];
