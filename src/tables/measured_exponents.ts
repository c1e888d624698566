/**
 * Tables of notebook 07 (section 5 measured): the fitted scaling exponents of every experiment
 * against the paper's formulas, the TwoNN estimates of the intrinsic dimension, and the smaller
 * tables and sentences the notebook shows. Every builder draws from `measured.analysis` (the findings
 * layer), which runs the experiments once per process; by default with the notebook's default
 * settings (the committed CSVs; `SMALLNESS_FULL=1 npm run reproduce` passes `full` to the builders of
 * the default export instead).
 *
 * @module
 */
import type { MeasuredExponents } from "../measure/measured_exponents";
import { formatHolder } from "../measure/measured_exponents";
import { formatPower, minusSign, superscript } from "../_util/format";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import * as measured from "../findings/07_measured_exponents";
import { requireFields, requireObject } from "../_util/validate";

/** The experiments' result for the notebook's default settings (memoised in the findings layer). */
const environmentResult = (): MeasuredExponents => measured.analysis().result;
/** The notebook-07 analysis for its default settings. */
const environmentAnalysis = (): measured.Analysis => measured.analysis();
/** The experiments' result at the full sizes when `options.full` (as `npm run reproduce` passes it), else the defaults. */
const resultFor = (options?: { full?: boolean }): MeasuredExponents =>
  measured.analysis(options?.full ? { full: true } : {}).result;

/** Rounds to 4 decimals for the CSV (the fits are not meaningful beyond that). */
const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/**
 * `data/sk_exponents.csv`, one row per measured loss curve, columns
 * `experiment,target,approximant,d,h,alpha_measured,alpha_stderr,alpha_paper`:
 * experiment `grid` or `manifold`; target `smooth` or `rough`; approximant `constant`, `linear`,
 * `knn1` or `local_linear`; h the Hölder exponent (empty for smooth targets); alpha_measured the
 * exponent of the squared error L = ∫|f − f_N|² (eq. 12), L ∼ N^(−α), as the mean of per-seed
 * log-log fits; alpha_stderr its standard error over seeds; alpha_paper the paper's formula for the
 * row: 2/d (constant, knn1; eq. 13) or 4/d (linear, local_linear; section 5, eq. 9), times h for
 * rough targets (section 5.1: 2h/d, and eq. 17's 4h/d for the linear approximant).
 *
 * @example skExponentsTable().table.numRows() // => 32 with the default settings
 */
export function skExponentsTable(result: MeasuredExponents = environmentResult()): NamedTable {
  requireFields("result", result, ["exponents"], "a notebook's analysis");
  const rows = result.exponents.map((e) => ({
    experiment: e.experiment,
    target: e.target,
    approximant: e.approximant,
    d: e.d,
    h: e.h === null ? "" : r4(e.h),
    alpha_measured: r4(e.alpha),
    alpha_stderr: r4(e.alphaStderr),
    alpha_paper: r4(e.alphaPaper),
  }));
  return {
    name: "sk_exponents",
    caption:
      "Measured exponents α of the squared error L ∼ N^{−α} (eq. 12) against the paper's formulas (eqs. 9, 13, 17)",
    table: tableFromRows(rows, [
      "experiment",
      "target",
      "approximant",
      "d",
      "h",
      "alpha_measured",
      "alpha_stderr",
      "alpha_paper",
    ]),
  };
}

/**
 * `data/intrinsic_dimension.csv`, columns `d,D,N,twonn_estimate`: the TwoNN estimate (Facco et al.
 * 2017; mean over seeds) of the intrinsic dimension d of N points on the manifold embedded in R^D.
 *
 * @example intrinsicDimensionTable().table.columnNames() // => ["d", "D", "N", "twonn_estimate"]
 */
export function intrinsicDimensionTable(
  result: MeasuredExponents = environmentResult(),
): NamedTable {
  requireFields("result", result, ["dimensions"], "a notebook's analysis");
  const rows = result.dimensions.map((e) => ({ d: e.d, D: e.D, N: e.N, twonn_estimate: r4(e.estimate) }));
  return {
    name: "intrinsic_dimension",
    caption: "TwoNN estimates of the intrinsic dimension d from points embedded in R^{D}",
    table: tableFromRows(rows, ["d", "D", "N", "twonn_estimate"]),
  };
}

/**
 * `data/sk_intermittency.csv`, columns
 * `codimension,beta,approximant,alpha_measured,alpha_stderr,alpha_paper,zeta2`: for beta-model
 * cascades in d = 1 with active-set codimension C (β = 2^(−C)), the measured exponent of the squared
 * error of each grid approximant; `alpha_paper` applies the paper's rule to the active-set exponent
 * h = 1/3 − C/3 of eq. 16 (2h constant, 4h linear, eq. 17); `zeta2` = 2/3 + C/3 is the mean-square
 * exponent, which section 5's bound predicts for both approximants.
 *
 * @example intermittencyTable().table.numRows() // => 6 with the default settings
 */
export function intermittencyTable(result: MeasuredExponents = environmentResult()): NamedTable {
  requireFields("result", result, ["intermittent"], "a notebook's analysis");
  const rows = result.intermittent.map((e) => ({
    codimension: e.codimension,
    beta: r4(2 ** -e.codimension),
    approximant: e.approximant,
    alpha_measured: r4(e.alpha),
    alpha_stderr: r4(e.alphaStderr),
    alpha_paper: r4(e.alphaPaper),
    zeta2: r4(e.alphaHolder),
  }));
  return {
    name: "sk_intermittency",
    caption:
      "Intermittent (beta-model) cascades in d = 1: measured exponent of the squared error against eq. 17 on the active-set h and against ζ₂",
    table: tableFromRows(rows, [
      "codimension",
      "beta",
      "approximant",
      "alpha_measured",
      "alpha_stderr",
      "alpha_paper",
      "zeta2",
    ]),
  };
}

const f2 = (v: number) => minusSign(v.toFixed(2));
const f3 = (v: number) => minusSign(v.toFixed(3));
const named = (name: string, caption: string, rows: Record<string, unknown>[]): NamedTable => ({
  name,
  caption,
  table: tableFromRows(rows, Object.keys(rows[0] ?? {})),
});
/** The interval column's header: a 95 % Student-t half-width over the seeds. */
const ci = (a: measured.Analysis) => `± 95 % (t, ${a.experiments.seeds - 1} df)`;

/**
 * The 1-D check of the constants (notebook 07): sin 2πx on n = 8, 32, 128 cells, the losses and
 * their ratios to the exact leading terms s²/12·2π² (constant) and s⁴/120·8π⁴ (linear).
 * @example constantsTable(measured.analysis()).table.numRows() // => 3
 */
export function constantsTable(a: measured.Analysis = environmentAnalysis()): NamedTable {
  requireFields("a", a, ["constants"], "a notebook's analysis");
  return named(
    "sk_constants_1d",
    "1-D losses of sin 2πx against their exact leading terms",
    a.constants.map((r) => ({
      n: r.n,
      "L constant": r.lossConstant,
      "ratio to s²/12·2π²": r.ratioConstant,
      "L linear": r.lossLinear,
      "ratio to s⁴/120·8π⁴": r.ratioLinear,
    })),
  );
}

/**
 * Experiment 1 (smooth targets on grids): measured α with its 95 % t-interval over seeds, the
 * regression standard error, the slope at the largest N and the paper's 2/d or 4/d (eq. 13).
 * @example smoothExponentsTable(measured.analysis()).table.numRows() // => 10
 */
export function smoothExponentsTable(a: measured.Analysis = environmentAnalysis()): NamedTable {
  requireFields("a", a, ["smooth"], "a notebook's analysis");
  return named(
    "sk_smooth_grid",
    "Smooth targets on grids: measured exponents against 2/d and 4/d",
    a.smooth.map(
      ({ e, lastSlope }) => ({
        approximant: e.approximant,
        d: e.d,
        "N range": `${e.sizes[0]}–${e.sizes.at(-1)}`,
        "α measured": f3(e.alpha),
        [ci(a)]: f3(e.alphaCi95),
        "± s.e. (regression)": f3(e.alphaRegressionStderr),
        "slope at largest N": f3(lastSlope),
        "paper (2/d, 4/d)": f3(e.alphaPaper),
      }),
    ),
  );
}

/**
 * Experiment 1's constants and bounds: the largest ratio of L to notebook 5's bound, L over the
 * leading term s²/12 ⟨|∇f|²⟩ at the largest N (constant approximant), and where the asymptote starts.
 * The column names avoid the pipe character, which would split a Markdown table cell.
 * @example smoothBoundsTable(measured.analysis()).table.columnNames()[2] // => "max L / bound"
 */
export function smoothBoundsTable(a: measured.Analysis = environmentAnalysis()): NamedTable {
  requireFields("a", a, ["smooth"], "a notebook's analysis");
  return named(
    "sk_smooth_bounds",
    "Smooth targets: bounds, constants and the onset of the asymptote",
    a.smooth.map(
      (r) => ({
        approximant: r.e.approximant,
        d: r.e.d,
        "max L / bound": f3(r.maxBoundRatio),
        "L / (s²/12 · mean ‖∇f‖²) at largest N": r.gradRatio === null ? "" : f3(r.gradRatio),
        "asymptote from N =": r.onset === null ? "not reached" : String(r.onset),
      }),
    ),
  );
}

/**
 * Experiment 2 (rough targets): measured α with its 95 % t-interval, the slope at the largest N,
 * section 5's 2h/d and eq. 17's 4h/d.
 * @example roughExponentsTable(measured.analysis()).table.numRows() // => 12
 */
export function roughExponentsTable(a: measured.Analysis = environmentAnalysis()): NamedTable {
  requireFields("a", a, ["rough"], "a notebook's analysis");
  return named(
    "sk_rough_grid",
    "Rough targets on grids: measured exponents against 2h/d and eq. 17's 4h/d",
    a.rough.map(
      ({ e, lastSlope, eq17 }) => ({
        h: formatHolder(e.h),
        d: e.d,
        approximant: e.approximant,
        "α measured": f3(e.alpha),
        [ci(a)]: f3(e.alphaCi95),
        "slope at largest N": f3(lastSlope),
        "2h/d": f3(e.alphaHolder),
        "4h/d (eq. 17)": f3(eq17),
        "measured / (4h/d)": f2(e.alpha / eq17),
      }),
    ),
  );
}

/**
 * Experiment 3 (manifolds in R^D): measured α of 1-NN and local-linear regression with its 95 %
 * t-interval, the paper's 2/d and 4/d of the intrinsic d, and what a grid in D dimensions would give.
 * @example manifoldExponentsTable(measured.analysis()).table.numRows() // => 10
 */
export function manifoldExponentsTable(a: measured.Analysis = environmentAnalysis()): NamedTable {
  requireFields("a", a, ["experiments", "manifold"], "a notebook's analysis");
  const D = a.experiments.ambientDim;
  return named(
    "sk_manifold",
    "Regression on manifolds: measured exponents against the intrinsic d",
    a.manifold.map(
      (e) => ({
        approximant: e.approximant,
        d: e.d,
        "α measured": f3(e.alpha),
        [ci(a)]: f3(e.alphaCi95),
        "paper (2/d, 4/d)": f3(e.alphaPaper),
        [`grid in D = ${D} (2/D, 4/D)`]: f3(e.alphaPaper * e.d / D),
      }),
    ),
  );
}

/**
 * Experiment 3 re-measured with queries in the inner cube [m, 1 − m]^d, beside the exponents over
 * all queries.
 * @example interiorTable(measured.analysis()).table.numRows() // => 6 with interiorDims = [3, 4, 5]
 */
export function interiorTable(a: measured.Analysis = environmentAnalysis()): NamedTable {
  requireFields("a", a, ["interior", "settings"], "a notebook's analysis");
  const m = a.settings.interiorMargin;
  return named(
    "sk_manifold_interior",
    "Manifold exponents with queries away from the boundary",
    a.interior.map(
      ({ all, inner }) => ({
        d: inner.d,
        approximant: inner.approximant,
        "α, all queries": f3(all.alpha),
        [`α, queries in [${m}, ${1 - m}]^{d}`]: f3(inner.alpha),
        [ci(a)]: f3(inner.alphaCi95),
        paper: f3(inner.alphaPaper),
      }),
    ),
  );
}

/**
 * Experiment 4 (beta-model cascades, d = 1): measured α with its 95 % t-interval against ζ₂ and
 * against the paper's rule on the active-set h (eq. 17 with eq. 16).
 * @example cascadeTable(measured.analysis()).table.numRows() // => 6
 */
export function cascadeTable(a: measured.Analysis = environmentAnalysis()): NamedTable {
  requireFields("a", a, ["cascade"], "a notebook's analysis");
  return named(
    "sk_cascade",
    "Intermittent cascades: measured exponents against ζ₂ and eq. 17",
    a.cascade.map((e) => ({
      C: e.codimension,
      "d_{F} = 1 − C": f2(1 - e.codimension),
      approximant: e.approximant,
      "α measured": f3(e.alpha),
      [ci(a)]: f3(e.alphaCi95),
      "ζ₂ = 2/3 + C/3": f3(e.alphaHolder),
      "paper: 2h or 4h, h = 1/3 − C/3": f3(e.alphaPaper),
    })),
  );
}

/**
 * The notebook's line on the run's sizes, as Markdown.
 * @example settingsNote(measured.analysis()).startsWith("Settings: **default**, 4 seeds") // => true
 */
export function settingsNote(a: measured.Analysis = environmentAnalysis()): string {
  requireFields("a", a, ["experiments", "settings", "t95"], "a notebook's analysis");
  const x = a.experiments;
  return `Settings: **${a.settings.full ? "full" : "default"}**, ${x.seeds} seeds (95 % intervals use ` +
    `Student's t with ${x.seeds - 1} degrees of freedom, t = ${f2(a.t95)}), ${x.mcPoints} Monte Carlo points ` +
    `per grid estimate, ${x.queries} query points per manifold estimate, manifolds embedded in ${
      formatPower("R", x.ambientDim)
    }.`;
}

/**
 * Where the slope between the two largest sizes is closer to the prediction than the fit over the
 * whole range: for the smooth grids (`"smooth"`, against 2/d, 4/d) or the rough grids at the largest
 * rough dimension (`"rough"`, against 2h/d), as a Markdown sentence.
 * @example closerNote(measured.analysis(), "smooth").startsWith("The slope at the largest N is closer") // => true
 */
export function closerNote(a: measured.Analysis = environmentAnalysis(), which: "smooth" | "rough" = "smooth"): string {
  requireFields("a", a, ["experiments", "rough", "smooth"], "a notebook's analysis");
  requireObject("a", a);
  if (which !== "smooth" && which !== "rough") {
    throw new RangeError(`\`which\` must be "smooth" or "rough", got ${String(which)}`);
  }
  const closer = <T extends { e: { alpha: number }; lastSlope: number }>(rows: T[], pred: (r: T) => number) =>
    rows.filter((r) => Math.abs(r.lastSlope - pred(r)) < Math.abs(r.e.alpha - pred(r)));
  if (which === "smooth") {
    const c = closer(a.smooth, (r) => r.e.alphaPaper);
    return `The slope at the largest N is closer to the prediction than the fit over the whole range in ` +
      `${c.length} of ${a.smooth.length} rows (${c.map((r) => `${r.e.approximant} d = ${r.e.d}`).join(", ")}).`;
  }
  const dTop = Math.max(...a.experiments.roughDims);
  const top = a.rough.filter((r) => r.e.d === dTop);
  const c = closer(top, (r) => r.e.alphaHolder);
  return `At d = ${dTop} the slope between the two largest grids is closer to 2h/d than the fit in ` +
    `${c.length} of ${top.length} rows (${c.map((r) => `h = ${formatHolder(r.e.h)} ${r.e.approximant}`).join(", ")}).`;
}

/**
 * The structure-function check of the rough target, as a Markdown sentence.
 * @example roughnessNote(measured.analysis()).startsWith("S₂(δ) for δ = 10⁻⁵ … 10⁻²") // => true
 */
export function roughnessNote(a: measured.Analysis = environmentAnalysis()): string {
  requireFields("a", a, ["roughness"], "a notebook's analysis");
  const r = a.roughness;
  const tens = (v: number) => `10${superscript(Math.round(Math.log10(v)))}`;
  return `S₂(δ) for δ = ${tens(r.deltas[0])} … ${tens(r.deltas.at(-1)!)}: ${
    r.s2.map((v) => v.toPrecision(3)).join(", ")
  }. Fitted slope ` +
    `**${f3(r.slope)}**, against 2h = ${f3(2 * r.h)} (${r.octaves} octaves, d = ${r.d}, h = ${formatHolder(r.h)}).`;
}

/**
 * How far the manifold exponents at d ≥ 3 sit from 2/d and 4/d, as a Markdown sentence.
 * @example excessNote(measured.analysis()).endsWith("(all above).") // => true
 */
export function excessNote(a: measured.Analysis = environmentAnalysis()): string {
  requireFields("a", a, ["manifold"], "a notebook's analysis");
  const excess = a.manifold.filter((e) => e.d >= 3).map((e) => 100 * (e.alpha / e.alphaPaper - 1));
  if (excess.length === 0) return "No manifold of dimension 3 or more was measured.";
  const side = excess.every((x) => x > 0) ? "all above" : excess.every((x) => x < 0) ? "all below" : "on both sides";
  return `For d ≥ 3 the measured exponents are ${
    excess.map((x) => minusSign(x.toFixed(1))).join(", ")
  } % away from 2/d ` +
    `and 4/d (${side}).`;
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [
  (options) => skExponentsTable(resultFor(options)),
  (options) => intrinsicDimensionTable(resultFor(options)),
  (options) => intermittencyTable(resultFor(options)),
];
