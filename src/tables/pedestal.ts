/**
 * Table of section 3: for each pedestal ratio p, the critical inverse size and size (eqs. 6–7),
 * and the sizes at which the running exponent (eq. 5) falls to 0.1 and to 0.05.
 *
 * @module
 */
import { criticalInverseSize, criticalSize, maxRunningExponent, sizeForExponent } from "../theory/pedestal";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import { requireFields, requireList, requirePositive } from "../_util/validate";
import { A_RANGE, ALPHA_C, P_CRIT_EXAMPLE_SIZE, PEDESTAL_EXAMPLE, PEDESTAL_THRESHOLD } from "../paper";
import { formatAlpha as alphaLabel, formatNumber, formatPower, formatSize as size } from "../_util/format";
import { rowsToMarkdown } from "../_util/markdown";
import type * as pedestal from "../findings/03_pedestal";

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
    caption: `Where the pedestal takes over: x_{crit} and N_{crit} (eqs. 6–7) and the sizes at which α_{p} falls to ${
      targets.join(" and ")
    } (eq. 5)`,
    table: tableFromRows(rows, ["p", "alpha_C", "x_crit", "N_crit", ...targets.map(column)]),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [() => pedestalThresholdTable()];

const f = (v: number, digits = 4) => formatNumber(v, digits);

/** A Markdown table of already formatted cells, through `rowsToMarkdown` (which escapes every cell). */
function markdownTable(header: string[], rows: string[][]): string {
  return rowsToMarkdown(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), header);
}

/** Notebook 03's notes in words (Markdown), one per cell that shows one. */
export interface PedestalNotes {
  /** The running exponent at N = 1 and far out, per pedestal (a table). */
  running: string;
  /** N_crit, x_crit, p_crit worked out. */
  critical: string;
  /** The transition's width in decades, with its table. */
  width: string;
  /** The decades spent in the A band, with its table. */
  band: string;
  /** The lower bound on p an observed loss drop gives, with its table. */
  drop: string;
}

/**
 * Notebook 03's notes (Markdown), from its analysis: the running-exponent table, the critical values,
 * the transition width, the A band and the observed loss drop.
 * @example pedestalNotes(pedestal.analysis()).critical.includes("**729**") // => true
 */
export function pedestalNotes(a: pedestal.Analysis): PedestalNotes {
  requireFields("analysis", a, [
    "alphaAtCrit",
    "band",
    "bandAtThreshold",
    "drops",
    "nCrit",
    "pCritExample",
    "pCritPaper",
    "roundTrip",
    "running",
    "settings",
    "vanishingExponent",
    "width",
    "widths",
    "xCrit",
  ], "a notebook's analysis");
  const s = a.settings;
  const alpha = s.alphaC;
  return {
    running: markdownTable(
      ["p", "α_{p}(1), eq. 5", "(1 − p) α_{C}", "α_{p}(10⁻¹²)"],
      a.running.map((r) => [String(r.p), f(r.atOne), f(r.max), f(r.atTiny)]),
    ),
    critical: [
      `- N_{crit}(${PEDESTAL_EXAMPLE}) = (${f(1 - PEDESTAL_EXAMPLE)}/${PEDESTAL_EXAMPLE})^{1/α_{C}} = ` +
      `${formatPower(f((1 - PEDESTAL_EXAMPLE) / PEDESTAL_EXAMPLE), 1 / alpha)} = **${f(a.nCrit)}**`,
      `- x_{crit}(${PEDESTAL_EXAMPLE}) = 1/N_{crit} = ${f(a.xCrit)}; α_{p} there = ${f(a.alphaAtCrit)} = α_{C}/2`,
      `- p_{crit}(${size(s.nExample)}) = 1/(1 + ${f(s.nExample ** alpha)}) = **${f(a.pCritExample)}**` +
      (s.nExample === P_CRIT_EXAMPLE_SIZE
        ? " (the paper: ∼10⁻²)"
        : ` (at the paper's N = 10⁶: ${f(a.pCritPaper)}; it says ∼10⁻²)`),
      `- round trip: p_{crit}(N_{crit}(0.05)) = ${f(a.roundTrip)}`,
    ].join("\n"),
    width:
      `For α_{C} = ${alphaLabel(alpha)}, α_{p} falls from 0.9 α_{C} to 0.1 α_{C} over **${
        f(a.width, 3)
      } decades** of N ` +
      `(log₁₀ 81 / α_{C}), for every p. The table follows eq. 4 below N = 1 where it must: ` +
      `the 90 % point lies at N = 1 for p = 0.1 and below it for larger p.\n\n` +
      markdownTable(
        ["p", "N at 0.9 α_{C} (eq. 4 continued)", "N at 0.1 α_{C}", "decades", "decades on N ≥ 1"],
        a.widths.map((r) => [String(r.p), f(r.n90), f(r.n10), f(r.decades, 3), f(r.decadesFromOne, 3)]),
      ),
    band:
      `With α_{C} = ${alphaLabel(alpha)} the running exponent spends **${
        f(a.bandAtThreshold.decades, 3)
      } decades** of N in ` +
      `the A band ${A_RANGE[0]}–${A_RANGE[1]} at p = ${PEDESTAL_THRESHOLD}, and falls below ${a.vanishingExponent} ` +
      `at N = **${f(a.bandAtThreshold.nVanish, 2)}**; for larger p it gets there sooner.\n\n` +
      markdownTable(
        [
          "p",
          `N at α_{p} = ${A_RANGE[1]}`,
          `N at α_{p} = ${A_RANGE[0]}`,
          "decades in the band",
          `N at α_{p} = ${a.vanishingExponent}`,
        ],
        a.band.map((r) => [
          String(r.p),
          Number.isNaN(r.nEnter) ? "starts below" : r.nEnter === 1 ? "1 (starts inside)" : f(r.nEnter, 3),
          Number.isNaN(r.nLeave) ? "starts below" : f(r.nLeave, 3),
          f(r.decades, 3),
          f(r.nVanish, 3),
        ]),
      ),
    drop: `A drop of ${f(s.observedDrop)} decades of loss read over each window, with α_{C} = ${alphaLabel(alpha)}: ` +
      `the p of eq. 4 that drops exactly that much, a lower bound on p when the observed drop is at most that, ` +
      `and the exponent of a pure power law (p = 0) that drops as much.\n\n` +
      markdownTable(
        [
          "window of N",
          "decades of N",
          "largest drop (p = 0)",
          `p dropping exactly ${f(s.observedDrop)} (lower bound)`,
          "pure power law α",
        ],
        a.drops.map((r) => [
          `${size(r.n1)} – ${size(r.n2)}`,
          f(r.span, 3),
          f(r.maxDrop, 3),
          Number.isNaN(r.pLower) ? "none: eq. 4 cannot drop that much" : f(r.pLower, 3),
          f(r.pureAlpha, 3),
        ]),
      ),
  };
}
