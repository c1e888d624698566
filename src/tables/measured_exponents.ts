/**
 * Tables of notebook 07 (section 5 measured): the fitted scaling exponents of every experiment
 * against the paper's formulas, and the TwoNN estimates of the intrinsic dimension.
 *
 * By default the builders run the experiments with `DEFAULT_SETTINGS`; with the environment
 * variable `SMALLNESS_FULL=1` they use `FULL_SETTINGS` (minutes; the committed CSVs are the defaults).
 *
 * @module
 */
import {
  DEFAULT_SETTINGS,
  type ExperimentSettings,
  FULL_SETTINGS,
  type MeasuredExponents,
  measuredExponents,
} from "../measured_exponents";
import { type NamedTable, tableFromRows } from "../tables";

/**
 * The experiment settings selected by the environment: `FULL_SETTINGS` when `SMALLNESS_FULL` is
 * `1` or `true`, `DEFAULT_SETTINGS` otherwise (and wherever the environment cannot be read).
 * @example settingsFromEnvironment() === DEFAULT_SETTINGS // unless SMALLNESS_FULL=1
 */
export function settingsFromEnvironment(): ExperimentSettings {
  let flag: string | undefined;
  try {
    const g = globalThis as {
      Deno?: { env: { get(k: string): string | undefined } };
      process?: { env: Record<string, string | undefined> };
    };
    flag = g.Deno ? g.Deno.env.get("SMALLNESS_FULL") : g.process?.env.SMALLNESS_FULL;
  } catch {
    flag = undefined; // no permission to read the environment: defaults
  }
  return flag === "1" || flag === "true" ? FULL_SETTINGS : DEFAULT_SETTINGS;
}

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
 * @example skExponentsTable().table.numRows() // 32 with the default settings
 */
export function skExponentsTable(result: MeasuredExponents = measuredExponents(settingsFromEnvironment())): NamedTable {
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
    caption: "Measured exponents α of the squared error L ∼ N^(−α) (eq. 12) against the paper's formulas (eqs. 9, 13, 17)",
    table: tableFromRows(rows, ["experiment", "target", "approximant", "d", "h", "alpha_measured", "alpha_stderr", "alpha_paper"]),
  };
}

/**
 * `data/intrinsic_dimension.csv`, columns `d,D,N,twonn_estimate`: the TwoNN estimate (Facco et al.
 * 2017; mean over seeds) of the intrinsic dimension d of N points on the manifold embedded in R^D.
 *
 * @example intrinsicDimensionTable().table.columnNames() // ["d", "D", "N", "twonn_estimate"]
 */
export function intrinsicDimensionTable(
  result: MeasuredExponents = measuredExponents(settingsFromEnvironment()),
): NamedTable {
  const rows = result.dimensions.map((e) => ({ d: e.d, D: e.D, N: e.N, twonn_estimate: r4(e.estimate) }));
  return {
    name: "intrinsic_dimension",
    caption: "TwoNN estimates of the intrinsic dimension d from points embedded in R^D",
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
 * @example intermittencyTable().table.numRows() // 6 with the default settings
 */
export function intermittencyTable(result: MeasuredExponents = measuredExponents(settingsFromEnvironment())): NamedTable {
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
    caption: "Intermittent (beta-model) cascades in d = 1: measured exponent of the squared error against eq. 17 on the active-set h and against ζ₂",
    table: tableFromRows(rows, ["codimension", "beta", "approximant", "alpha_measured", "alpha_stderr", "alpha_paper", "zeta2"]),
  };
}

/** Every table of this module, for `npm run reproduce` (default export, see CONTRIBUTING). */
export default [() => skExponentsTable(), () => intrinsicDimensionTable(), () => intermittencyTable()];
