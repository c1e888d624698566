/**
 * Tables of section 6: the intrinsic dimensions beyond which each exponent law falls below 0.1 and
 * 0.05, and the dimensional compression d/D of section 5.1.
 *
 * @module
 */
import { compressionRatio, EMBEDDING_WIDTHS, thresholdDimension } from "../theory/conclusion";
import { type NamedTable, tableFromRows } from "./table";
import { betaStructureExponent, effectiveHurst, K41_HURST, PAPER_BETA_DIMENSION } from "../theory/turbulence";
import { requireList } from "../_util/validate";

/** The exponent laws alpha = a h / d compared in section 6. */
const THRESHOLD_LAWS: readonly { law: string; a: number; h: number }[] = [
  { law: "4/d (eq. 9, smooth)", a: 4, h: 1 },
  { law: "2/d (eq. 13, piecewise constant)", a: 2, h: 1 },
  { law: "4h/d, h = 1/3 (eq. 17, K41)", a: 4, h: K41_HURST },
  // The squared loss sees the mean-square Hölder exponent ζ₂/2 (0.367 for dF = 2.8, notebooks 05 and 07), not the
  // active eddies' h = (dF − 2)/3 = 0.267 that the paper uses.
  { law: "4h/d, h = ζ₂/2 = 0.367 (eq. 17, beta model dF = 2.8, mean-square)", a: 4, h: effectiveHurst(betaStructureExponent(2, PAPER_BETA_DIMENSION), 2) },
  { law: "2h/d, h = ζ₂/2 = 0.367 (section 5 argument, beta model dF = 2.8)", a: 2, h: effectiveHurst(betaStructureExponent(2, PAPER_BETA_DIMENSION), 2) },
  { law: "2h/d, h = 1/3 (section 5 argument, K41)", a: 2, h: K41_HURST },
];

/**
 * `data/conclusion_thresholds.csv`: for each law and threshold, the dimension d* = a h / alpha above
 * which alpha is strictly below the threshold. (The resources to halve the loss at d* are
 * 2^(1/alpha) whatever the law, see `exponentCostTable`.) Columns `law,a,h,alpha_threshold,d_star`.
 */
export function thresholdTable(thresholds: number[] = [0.1, 0.05]): NamedTable {
  requireList("thresholds", thresholds);
  const rows = thresholds.flatMap((alpha) =>
    THRESHOLD_LAWS.map(({ law, a, h }) => {
      return { law, a, h, alpha_threshold: alpha, d_star: thresholdDimension(alpha, a, h) };
    })
  );
  return {
    name: "conclusion_thresholds",
    caption: "Section 6: the intrinsic dimension d* above which α < threshold, for each exponent law",
    table: tableFromRows(rows, ["law", "a", "h", "alpha_threshold", "d_star"]),
  };
}

/**
 * `data/dimensional_compression.csv`: d/D for the paper's d ≈ 100 against published embedding widths.
 * Columns `model,D,d,d_over_D,source`.
 */
export function compressionTable(d = 100): NamedTable {
  const rows = EMBEDDING_WIDTHS.map((w) => ({
    model: w.model,
    D: w.width,
    d,
    d_over_D: compressionRatio(d, w.width),
    source: w.source,
  }));
  return {
    name: "dimensional_compression",
    caption: `Dimensional compression d/D for d = ${d} (section 5.1 quotes d ∼ 100) against published embedding widths D`,
    table: tableFromRows(rows, ["model", "D", "d", "d_over_D", "source"]),
  };
}

/** Every table of this module, for `npm run reproduce` (default export: barrels re-export with `export *`). */
export default [() => thresholdTable(), () => compressionTable()];
