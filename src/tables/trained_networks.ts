/**
 * Tables of notebook 10 (trained students on teachers of known d and h), drawn from `analysis10`:
 * the fitted exponents against the predictions, and the diagnostics that say whether the loss is
 * limited by N (local slopes, test/train ratios, the doubled training set) with the TwoNN estimates.
 *
 * @module
 */
import { type Analysis10, analysis10, configLabel } from "../findings/10_trained_networks";
import { type NamedTable, tableFromRows } from "./table";
import { requireFields, requireList } from "../_util/validate";

const r4 = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

/**
 * `data/teacher_student_summary.csv`: one row per configuration and variant (students or grid), the
 * exponent α (mean over seeds of per-chain least-squares fits), its 95 % t-interval, α over the upper
 * half of the widths, the seeds, the N range of the fit, and the predictions 4/d, 2h/d, 4h/d (eq. 17) and 4/D.
 * @example teacherStudentExponentsTable().table.columnNames()[0] // => "teacher"
 */
export function teacherStudentExponentsTable(a: Analysis10 = analysis10()): NamedTable {
  requireFields("a", a, ["exponents"], "a notebook's analysis");
  requireList("a.exponents", a.exponents);
  const rows = a.exponents.map((e) => ({
    teacher: configLabel(e), approximant: e.variant === "grid" ? "grid (multilinear)" : e.activation === "relu" ? "ReLU students" : `${e.activation.toUpperCase()} students`,
    N_min: e.parametersMin, N_max: e.parametersMax, seeds: e.seeds,
    alpha: r4(e.alpha), alpha_low: r4(e.alphaLow), alpha_high: r4(e.alphaHigh), alpha_upper_half: r4(e.alphaUpper),
    four_over_d: r4(e.prediction4OverD), two_h_over_d: e.h < 1 ? r4(e.prediction2hOverD) : null,
    four_h_over_d: e.h < 1 ? r4(e.prediction4hOverD) : null, four_over_D: e.D > e.d ? r4(e.prediction4OverAmbient) : null,
  }));
  return {
    name: "teacher_student_summary",
    caption: "Exponents of trained students and of the grid control with 95 % t-intervals over seeds, against 4/d, 2h/d, 4h/d (eq. 17) and 4/D",
    table: tableFromRows(rows, [
      "teacher", "approximant", "N_min", "N_max", "seeds", "alpha", "alpha_low", "alpha_high", "alpha_upper_half",
      "four_over_d", "two_h_over_d", "four_h_over_d", "four_over_D",
    ]),
  };
}

/**
 * The diagnostics per student configuration: local slopes of the seed-mean loss between consecutive
 * widths, the test/train ratio at the largest width, the doubled-training-set ratio against the seed
 * spread, and TwoNN of the inputs and of the largest students' hidden activations against d.
 * @example teacherStudentDiagnosticsTable().table.numRows() > 0 // => true
 */
export function teacherStudentDiagnosticsTable(a: Analysis10 = analysis10()): NamedTable {
  requireFields("a", a, ["exponents"], "a notebook's analysis");
  requireList("a.exponents", a.exponents);
  const rows = a.exponents.filter((e) => e.variant === "chain").map((e) => ({
    teacher: configLabel(e), d: e.d,
    local_slopes: e.localSlopes.map((v) => v.toFixed(2)).join(", "),
    test_over_train: r4(e.testTrainRatio), doubled_n_ratio: r4(e.doubledRatio), seed_spread: r4(e.seedSpread),
    twonn_inputs: r4(e.twonnInputs), twonn_hidden: r4(e.twonnHidden),
  }));
  return {
    name: "teacher_student_diagnostics",
    caption: "Local slopes, test/train ratio and doubled-n check at the largest width, and TwoNN dimensions of inputs and hidden activations",
    table: tableFromRows(rows, ["teacher", "d", "local_slopes", "test_over_train", "doubled_n_ratio", "seed_spread", "twonn_inputs", "twonn_hidden"]),
  };
}

/** Every table of this module, for `npm run reproduce`. */
export default [
  () => teacherStudentExponentsTable(),
  () => teacherStudentDiagnosticsTable(),
];
