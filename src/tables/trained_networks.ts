/**
 * Tables of notebook 10 (trained students on teachers of known d and h), drawn from its analysis
 * (`trainedNetworks.analysis`): the fitted exponents against the predictions, and the diagnostics that say
 * whether the loss is limited by N (local slopes, test/train ratios, the doubled training set) with the
 * TwoNN estimates; the label of a configuration and the note on the committed runs.
 *
 * @module
 */
import * as trainedNetworks from "../findings/10_trained_networks";
import type { ExponentSummary } from "../learn/teacher_student";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import { formatFraction, formatNumber as f } from "../_util/format";
import { requireFields, requireInRange, requireInteger, requireList, requireObject } from "../_util/validate";

/**
 * A configuration's label in figures and tables, e.g. "smooth d = 2", "h = 1/2, d = 2",
 * "d = 2 in D = 16", "GELU, smooth d = 2".
 * @throws {RangeError} naming a field out of range (d ≥ 1, D ≥ d, h > 0, a known activation).
 * @example configLabel({ d: 2, D: 2, h: 0.5, activation: "relu" }) // => "h = 1/2, d = 2"
 */
export function configLabel(e: Pick<ExponentSummary, "d" | "D" | "h" | "activation">): string {
  requireObject("e", e);
  requireInteger("e.d", e.d, 1);
  requireInteger("e.D", e.D, e.d);
  requireInRange("e.h", e.h, { min: 0, minOpen: true });
  if (!["relu", "tanh", "gelu", "grid"].includes(e.activation)) {
    throw new RangeError(`\`e.activation\` must be relu, tanh, gelu or grid, got ${JSON.stringify(e.activation)}`);
  }
  const base = e.h >= 1 ? `smooth d = ${e.d}` : `h = ${formatFraction(e.h)}, d = ${e.d}`;
  const where = e.D > e.d ? `${base} in D = ${e.D}` : base;
  return e.activation === "gelu" ? `GELU, ${where}` : e.activation === "tanh" ? `tanh, ${where}` : where;
}

/**
 * A Markdown paragraph describing the committed runs: chains, rows, seeds, CPU and wall-clock time, code
 * version.
 * @example teacherStudentRunsNote().startsWith("The sweep") // => true
 */
export function teacherStudentRunsNote(a: trainedNetworks.Analysis = trainedNetworks.analysis()): string {
  requireFields("a", a, ["runs"], "a notebook's analysis");
  requireList("a.runs", a.runs);
  requireObject("a", a);
  const students = a.runs.filter((r) => r.variant !== "grid");
  const sum = (key: "seconds" | "cpuSeconds") => a.runs.reduce((t, r) => t + (Number.isFinite(r[key]) ? r[key] : 0), 0);
  const configs = [...new Set(a.runs.map((r) => r.config))];
  const checks = students.filter((r) => r.variant !== "chain").length;
  const cpu = sum("cpuSeconds");
  return `The sweep holds ${a.chains.length} growth chains (${configs.length} configurations × ` +
    `${f(a.chains.length / Math.max(1, configs.length), 2)} seeds): ${students.length} trained students ` +
    `(${checks} of them the doubled-n and twice-the-iterations checks) and ` +
    `${a.runs.length - students.length} grid approximants, ` +
    (cpu > 0 ? `${f(cpu / 60, 3)} CPU-minutes of training (the training threads' own CPU time; ` : "") +
    `${f(sum("seconds") / 60, 3)} minutes of wall clock summed over the runs, two workers on a shared 2-core ` +
    `machine${cpu > 0 ? ")" : ""}, code version \`${a.codeVersion}\` (git commit + SHA-256 of the sweep's sources).`;
}

const r4 = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

/**
 * `data/teacher_student_summary.csv`: one row per configuration and variant (students or grid), the
 * exponent α (mean over seeds of per-chain least-squares fits), its 95 % t-interval, α over the upper
 * half of the widths, the seeds, the N range of the fit (and its decades, log₁₀ N_max/N_min), and the predictions 4/d, 2h/d, 4h/d (eq. 17) and 4/D.
 * @example teacherStudentExponentsTable().table.columnNames()[0] // => "teacher"
 */
export function teacherStudentExponentsTable(a: trainedNetworks.Analysis = trainedNetworks.analysis()): NamedTable {
  requireFields("a", a, ["exponents"], "a notebook's analysis");
  requireList("a.exponents", a.exponents);
  const rows = a.exponents.map((e) => ({
    teacher: configLabel(e),
    approximant: e.variant === "grid"
      ? "grid (multilinear)"
      : e.activation === "relu"
      ? "ReLU students"
      : `${e.activation.toUpperCase()} students`,
    N_min: e.parametersMin,
    N_max: e.parametersMax,
    N_decades: r4(Math.log10(e.parametersMax / e.parametersMin)),
    seeds: e.seeds,
    alpha: r4(e.alpha),
    alpha_low: r4(e.alphaLow),
    alpha_high: r4(e.alphaHigh),
    alpha_upper_half: r4(e.alphaUpper),
    four_over_d: r4(e.prediction4OverD),
    two_h_over_d: e.h < 1 ? r4(e.prediction2hOverD) : null,
    four_h_over_d: e.h < 1 ? r4(e.prediction4hOverD) : null,
    four_over_D: e.D > e.d ? r4(e.prediction4OverAmbient) : null,
  }));
  return {
    name: "teacher_student_summary",
    caption:
      "Exponents of trained students and of the grid control with 95 % t-intervals over seeds, against 4/d, 2h/d, 4h/d (eq. 17) and 4/D",
    table: tableFromRows(rows, [
      "teacher",
      "approximant",
      "N_min",
      "N_max",
      "N_decades",
      "seeds",
      "alpha",
      "alpha_low",
      "alpha_high",
      "alpha_upper_half",
      "four_over_d",
      "two_h_over_d",
      "four_h_over_d",
      "four_over_D",
    ]),
  };
}

/**
 * The diagnostics per student configuration: local slopes of the seed-mean loss between consecutive
 * widths; at the largest width the test/train ratio, the training loss after half the L-BFGS evaluations
 * over the final one (1: flat), the doubled-training-set ratio and the twice-the-iterations ratio against
 * the seed scatter (each chain's level divided out), whether that width is limited by the sample or by
 * the optimisation, the largest N in the fit, α as fitted, over every width (the fit not stopped) and
 * with the largest width's loss after twice the iterations, and the raw seed spread (between teachers);
 * TwoNN of the inputs and of the largest students' hidden activations.
 * @example teacherStudentDiagnosticsTable().table.numRows() > 0 // => true
 */
export function teacherStudentDiagnosticsTable(a: trainedNetworks.Analysis = trainedNetworks.analysis()): NamedTable {
  requireFields("a", a, ["exponents"], "a notebook's analysis");
  requireList("a.exponents", a.exponents);
  requireList("a.chains", a.chains);
  requireObject("a.sensitivity", a.sensitivity);
  /** Training loss after half the evaluations over that at the end, largest width, mean over seeds. */
  const flattening = (config: string) => {
    const last = a.chains.filter((ch) => ch.config === config).map((ch) =>
      ch.rows.filter((r) => r.variant === "chain").at(-1)!
    );
    return last.reduce((t, r) => t + r.trainLossHalf / r.trainLoss, 0) / last.length;
  };
  const rows = a.exponents.filter((e) => e.variant === "chain").map((e) => ({
    teacher: configLabel(e),
    d: e.d,
    local_slopes: e.localSlopes.map((v) => v.toFixed(2)).join(", "),
    test_over_train: r4(e.testTrainRatio),
    half_over_final_train: r4(flattening(e.config)),
    doubled_n_ratio: r4(e.doubledRatio),
    longer_ratio: r4(e.longerRatio),
    top_scatter: r4(e.topScatter),
    sample_limited: Number.isFinite(e.doubledRatio) ? (e.sampleLimited ? "yes" : "no") : "",
    optimisation_limited: Number.isFinite(e.longerRatio) ? (e.optimisationLimited ? "yes" : "no") : "",
    N_fit_max: e.parametersMax,
    alpha_fit: r4(e.alpha),
    alpha_all_widths: r4(a.sensitivity[e.config]?.alphaAll ?? NaN),
    alpha_longer_top: r4(a.sensitivity[e.config]?.alphaLonger ?? NaN),
    seed_spread: r4(e.seedSpread),
    twonn_inputs: r4(e.twonnInputs),
    twonn_hidden: r4(e.twonnHidden),
  }));
  return {
    name: "teacher_student_diagnostics",
    caption:
      "Local slopes; at the largest width the test/train ratio, the flattening of the training loss, and the doubled-n and twice-the-iterations checks against the seed scatter; α as fitted, over every width, and with the largest width trained twice as long; TwoNN dimensions of inputs and hidden activations",
    table: tableFromRows(rows, [
      "teacher",
      "d",
      "local_slopes",
      "test_over_train",
      "half_over_final_train",
      "doubled_n_ratio",
      "longer_ratio",
      "top_scatter",
      "sample_limited",
      "optimisation_limited",
      "N_fit_max",
      "alpha_fit",
      "alpha_all_widths",
      "alpha_longer_top",
      "seed_spread",
      "twonn_inputs",
      "twonn_hidden",
    ]),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [
  () => teacherStudentExponentsTable(),
  () => teacherStudentDiagnosticsTable(),
];
