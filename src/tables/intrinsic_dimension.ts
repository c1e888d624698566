/**
 * Tables of section 4: what an intrinsic dimension costs (alpha and the resources to halve the
 * loss, for smooth and rough targets), and the intrinsic dimensions that published exponents imply
 * through Sharma and Kaplan's alpha ≈ 4/d.
 *
 * @module
 */
import { KAPLAN_2020, PUBLISHED_EXPONENTS } from "../paper";
import { gridExponent } from "../theory/analogy";
import {
  dimensionForExponent,
  halvingFactor,
  roughExponent,
  sharmaKaplanExponent,
} from "../theory/intrinsic_dimension";
import { piecewiseExponent } from "../theory/piecewise";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import { K41_HURST } from "../paper";
import { requireFields, requireList } from "../_util/validate";
import { formatNumber as f } from "../_util/format";
import { HOFFMANN_2022 } from "../paper";
import type * as intrinsicDimension from "../findings/04_intrinsic_dimension";

/**
 * `data/intrinsic_dimension_halving_cost.csv`: for each d, alpha and the resources to halve the loss
 * under 4/d (eq. 9), 2/d (eq. 13) and 4h/d with h = 1/3 (eq. 17 as printed). Columns
 * `d,alpha_4_over_d,halve_4_over_d,alpha_2_over_d,halve_2_over_d,alpha_eq17_h_1_3,halve_eq17_h_1_3`.
 * @example halvingCostTable().table.numRows() // => 8
 */
export function halvingCostTable(dims: number[] = [4, 10, 20, 40, 80, 100, 200, 400]): NamedTable {
  requireList("dims", dims);
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
    caption:
      "What an intrinsic dimension costs: α and the resources to halve the loss, 2^{1/α}, for 4/d, 2/d and eq. 17 with h = 1/3",
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
 * Whether Sharma and Kaplan's eq. 9 speaks about a published exponent: it predicts the exponent of
 * the loss against model size N (parameters). A data exponent, or the compute-optimal exponent (a
 * combination of the N and data exponents, alpha·beta/(alpha + beta) for a loss E + A/N^alpha +
 * B/D^beta at C ∝ N·D), lies outside it.
 *
 * @param resource the `resource` of a `PublishedExponent` ("parameters N", "data D", "compute C …").
 * @throws {RangeError} if `resource` does not start with "parameters", "data" or "compute"; {TypeError} if not a string.
 * @example eq9Scope("parameters N") // => "model size: eq. 9 applies"
 */
export function eq9Scope(resource: string): string {
  if (typeof resource !== "string") {
    throw new TypeError(`\`resource\` must be a string, got ${resource === null ? "null" : typeof resource}`);
  }
  if (!/^(parameters|compute|data)\b/.test(resource)) {
    throw new RangeError(
      `\`resource\` must start with "parameters", "data" or "compute", got ${JSON.stringify(resource)}`,
    );
  }
  if (resource.startsWith("parameters")) return "model size: eq. 9 applies";
  if (resource.startsWith("compute")) return "compute-optimal, a combination αβ/(α+β): outside eq. 9";
  return "data size: outside eq. 9";
}

/**
 * `data/implied_intrinsic_dimension.csv`: published exponents and the intrinsic dimension eq. 9
 * implies, d = 4/alpha, and eq. 17 with h = 1/3, d = 4h/alpha, for the model-size exponents only
 * (the cells are empty for exponents outside eq. 9's scope, see `eq9Scope`). Columns
 * `fit,resource,alpha,scope,d_4_over_alpha,d_eq17_h_1_3,source`.
 * @example impliedDimensionTable().table.numRows() // => 5
 */
export function impliedDimensionTable(): NamedTable {
  const rows = PUBLISHED_EXPONENTS.map((e) => {
    const inScope = e.resource.startsWith("parameters");
    return {
      fit: e.fit,
      resource: e.resource,
      alpha: e.alpha,
      scope: eq9Scope(e.resource),
      d_4_over_alpha: inScope ? dimensionForExponent(e.alpha) : null,
      d_eq17_h_1_3: inScope ? dimensionForExponent(e.alpha, 4 * K41_HURST) : null,
      source: e.source,
    };
  });
  return {
    name: "implied_intrinsic_dimension",
    caption: "Intrinsic dimensions implied by published model-size exponents through α = 4/d (eq. 9) and α = 4h/d " +
      "with h = 1/3 (eq. 17); data and compute exponents lie outside eq. 9",
    table: tableFromRows(rows, ["fit", "resource", "alpha", "scope", "d_4_over_alpha", "d_eq17_h_1_3", "source"]),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [() => halvingCostTable(), () => impliedDimensionTable()];

/** Notebook 04's notes in words (Markdown), by section. */
export interface IntrinsicDimensionNotes {
  /** Eq. 10 for a second-order method in 1, 3 and 40 dimensions, and a = 4 in 40. */
  gridExamples: string;
  /** Where 4/d reaches each edge of the band, with the strictness of the threshold. */
  bandCrossing: string;
  /** The cost of halving the loss at the band's upper edge and at `dPaper`. */
  halvingCost: string;
  /** The dimensions the published model-size exponents imply, and 4/dPaper against the band. */
  implied: string;
}

/**
 * Notebook 04's notes (Markdown), from its analysis: eq. 10's grid examples, where 4/d crosses the band,
 * what halving the loss costs, and the dimensions published exponents imply.
 * @example
 * const notes = intrinsicDimensionNotes(intrinsicDimension.analysis());
 * notes.bandCrossing.includes("- α = 0.1 is reached at d = 4/0.1 = **40**") // => true
 */
export function intrinsicDimensionNotes(a: intrinsicDimension.Analysis): IntrinsicDimensionNotes {
  requireFields("analysis", a, [
    "alphaPaper",
    "crossings",
    "dFromChinchilla",
    "dFromKaplanN",
    "dHigh",
    "dLow",
    "dPaperName",
    "halvingAtDLow",
    "halvingAtDPaper",
    "settings",
  ], "a notebook's analysis");
  const s = a.settings;
  const [low, high] = s.band;
  const { dLow, dHigh, alphaPaper } = a;
  const yes = (b: boolean) => (b ? "yes" : "no");
  const crossing = (c: intrinsicDimension.BandCrossing) =>
    `- α = ${f(c.alpha)} is reached at d = 4/${f(c.alpha)} = **${f(c.d)}**, where 4/d = ${f(c.alphaAtD)}: ` +
    `"α < ${f(c.alpha)}" needs d > ${f(c.d)} strictly (below at d = ${f(c.d)}? ${yes(c.belowAtD)}; ` +
    `at d = ${f(c.d + 1)}? ${yes(c.belowPastD)}).`;
  const where = alphaPaper < low ? "**below**" : alphaPaper > high ? "**above**" : "inside";
  return {
    gridExamples:
      `A second-order method (a = 2): α = ${f(gridExponent(2, 1))} in 1D, ${f(gridExponent(2, 3))} in 3D, ` +
      `${f(gridExponent(2, 40))} in 40D. With a = 4 in D = 40: α = ${
        f(gridExponent(4, 40))
      }, the top of the paper's band.`,
    bandCrossing: [
      crossing(a.crossings[0]),
      crossing(a.crossings[1]),
      `\nSo the band ${f(low)} ≤ α ≤ ${f(high)} is ${f(dLow)} ≤ d ≤ ${f(dHigh)} under eq. 9.`,
    ].join("\n"),
    halvingCost:
      `At d = ${f(dLow)} (α = ${f(high)}) halving the loss takes ${f(a.halvingAtDLow.factor)} times the resources ` +
      `(${f(a.halvingAtDLow.doublings)} doublings). At d = ${f(s.dPaper)} it takes ${f(a.halvingAtDPaper.factor, 3)} ` +
      `(${f(a.halvingAtDPaper.doublings)} doublings).`,
    implied:
      `Under eq. 9 only the model-size exponents give a dimension: Kaplan et al.'s α_{N} = ${f(KAPLAN_2020.N)} gives ` +
      `d = ${f(a.dFromKaplanN, 3)}, the Chinchilla fit's α = ${f(HOFFMANN_2022.alpha)} gives ` +
      `d = ${f(a.dFromChinchilla, 3)}. The intrinsic dimension ${a.dPaperName} gives ` +
      `α = 4/${f(s.dPaper)} = ${f(alphaPaper)}, ${where} the band ${f(low)}–${f(high)} (which needs ${f(dLow)} ≤ d ≤ ${
        f(dHigh)
      }).`,
  };
}
