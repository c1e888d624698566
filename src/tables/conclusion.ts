/**
 * Tables of section 6: the intrinsic dimensions beyond which each exponent law falls below 0.1 and
 * 0.05, and the dimensional compression d/D of section 5.1; and notebook 06's notes in words
 * (`conclusionNotes`), from its analysis.
 *
 * @module
 */
import { compressionRatio, thresholdDimension } from "../theory/conclusion";
import { EMBEDDING_WIDTHS } from "../paper";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import { betaStructureExponent, effectiveHurst } from "../theory/turbulence";
import { K41_HURST, PAPER_BETA_DIMENSION } from "../paper";
import { requireFields, requireList } from "../_util/validate";
import { formatNumber as f } from "../_util/format";
import type * as conclusion from "../findings/06_conclusion";

/** The exponent laws alpha = a h / d compared in section 6. */
const THRESHOLD_LAWS: readonly { law: string; a: number; h: number }[] = [
  { law: "4/d (eq. 9, smooth)", a: 4, h: 1 },
  { law: "2/d (eq. 13, piecewise constant)", a: 2, h: 1 },
  { law: "4h/d, h = 1/3 (eq. 17, K41)", a: 4, h: K41_HURST },
  // The squared loss sees the mean-square Hölder exponent ζ₂/2 (0.367 for dF = 2.8, notebooks 05 and 07), not the
  // active eddies' h = (dF − 2)/3 = 0.267 that the paper uses.
  {
    law: "4h/d, h = ζ₂/2 = 0.367 (eq. 17, beta model d_{F} = 2.8, mean-square)",
    a: 4,
    h: effectiveHurst(betaStructureExponent(2, PAPER_BETA_DIMENSION), 2),
  },
  {
    law: "2h/d, h = ζ₂/2 = 0.367 (section 5 argument, beta model d_{F} = 2.8)",
    a: 2,
    h: effectiveHurst(betaStructureExponent(2, PAPER_BETA_DIMENSION), 2),
  },
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
    caption:
      `Dimensional compression d/D for d = ${d} (section 5.1 quotes d ∼ 100) against published embedding widths D`,
    table: tableFromRows(rows, ["model", "D", "d", "d_over_D", "source"]),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [() => thresholdTable(), () => compressionTable()];

/** Notebook 06's worked numbers in words (Markdown). */
export interface ConclusionNotes {
  /** Thresholds at d*, rough-data thresholds and the cost of halving the loss at each threshold. */
  thresholds: string;
  /** The lower-bound reading, on an example. */
  lowerBound: string;
  /** d/D for the published widths and for turbulence. */
  compression: string;
}

/**
 * Notebook 06's notes (Markdown), from its analysis: the thresholds, the lower-bound reading on an example,
 * and the dimensional compression.
 * @example conclusionNotes(conclusion.analysis()).lowerBound.startsWith("Example: d = 50.") // => true
 */
export function conclusionNotes(a: conclusion.Analysis): ConclusionNotes {
  requireFields("analysis", a, [
    "above",
    "alphaAbove",
    "alphaAtDStar",
    "alphaPaper",
    "belowAbove",
    "belowAtDStar",
    "counterexample",
    "dStar",
    "halvingAtLow",
    "halvingAtMax",
    "roughArgument",
    "roughEq17",
    "settings",
    "turbulenceRatio",
    "widths",
  ], "a notebook's analysis");
  const { alphaMax, alphaLow, dPaper, dTurbulence } = a.settings;
  const { dStar, above, alphaPaper } = a;
  const yes = (b: boolean) => (b ? "yes" : "no");
  const cx = a.counterexample;
  const wide = a.widths.filter((w) => w.severalThousands);
  const ratios = wide.map((w) => w.ratio);
  const where = alphaPaper < alphaLow ? "below" : alphaPaper > alphaMax ? "above" : "inside";
  return {
    thresholds: `Under 4/d: d = ${f(dStar)} gives α = ${f(a.alphaAtDStar)} (below ${f(alphaMax)}? ` +
      `${yes(a.belowAtDStar)}), d = ${f(above)} gives ${f(a.alphaAbove)} (below? ` +
      `${yes(a.belowAbove)}). For rough data the thresholds move down: eq. 17 with h = 1/3 puts the ` +
      `${f(alphaMax)} line at d = ${f(a.roughEq17)}, the section 5 argument (2h/d) at ` +
      `d = ${f(a.roughArgument)}. At each threshold halving the loss costs 2^{1/α}: ` +
      `${f(a.halvingAtMax)} at α = ${f(alphaMax)}, ${f(a.halvingAtLow)} at α = ${f(alphaLow)}.`,
    lowerBound:
      `Example: d = ${f(cx.d)}. As a lower bound, eq. 9 says α ≥ ${f(cx.bound)}; α = ${f(cx.alpha)} satisfies it ` +
      `(${yes(cx.alpha >= cx.bound)}), and is not < ${f(alphaMax)}. As an upper bound it says α ≤ ${f(cx.bound)} < ${
        f(alphaMax)
      }.`,
    compression: `For the widths in the thousands (${wide.map((w) => `${w.model}: ${w.width}`).join(", ")}), d/D for ` +
      `d = ${f(dPaper)} runs from ${f(Math.min(...ratios))} to ${f(Math.max(...ratios))}; log₁₀ from ` +
      `${f(Math.log10(Math.min(...ratios)))} to ${f(Math.log10(Math.max(...ratios)))}. Narrower: ` +
      `${
        a.widths.filter((w) => !w.severalThousands).map((w) => `${w.model}, D = ${w.width}: ${f(w.ratio)}`).join("; ")
      }. ` +
      `Turbulence, by comparison: d/D = ${f(dTurbulence)}/3 = ${f(a.turbulenceRatio)}. ` +
      `Under eq. 9, d = ${f(dPaper)} gives α = ${f(alphaPaper)}, ${where} the band ${f(alphaLow)}–${f(alphaMax)} ` +
      "(notebook 4).",
  };
}
