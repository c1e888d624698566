/**
 * The two CSV files of the teacher–student sweep (`data/teacher_student_runs.csv`, one row per trained
 * or grid approximant, and `data/teacher_student_exponents.csv`, one row per configuration and variant),
 * formatted from and parsed back into the records of `./teacher_student`. Numbers are written in
 * JavaScript's shortest round-trip form, so a parsed row equals the computed one bit for bit; a
 * quantity that was not measured is an empty cell. Strings only: no I/O.
 *
 * @module
 */
import { csvLines, parseDecimal, rowsToCsv } from "../_util/csv";
import type { ChainResult, ExponentSummary, RunRow } from "./teacher_student";

/** Columns of `data/teacher_student_runs.csv`. */
export const RUN_COLUMNS = [
  "config",
  "target",
  "d",
  "D",
  "h",
  "activation",
  "variant",
  "width",
  "parameters",
  "seed",
  "training_points",
  "iterations",
  "evaluations",
  "train_loss",
  "train_loss_half",
  "test_loss",
  "twonn_hidden",
  "twonn_inputs",
  "seconds",
  "cpu_seconds",
  "code_version",
] as const;

/** Columns of `data/teacher_student_exponents.csv`. */
export const EXPONENT_COLUMNS = [
  "config",
  "target",
  "d",
  "D",
  "h",
  "activation",
  "variant",
  "alpha",
  "alpha_low",
  "alpha_high",
  "alpha_stderr",
  "alpha_upper",
  "seeds",
  "parameters_min",
  "parameters_max",
  "local_slopes",
  "test_train_ratio",
  "doubled_ratio",
  "doubled_stderr",
  "longer_ratio",
  "longer_stderr",
  "seed_spread",
  "top_scatter",
  "sample_limited",
  "optimisation_limited",
  "twonn_inputs",
  "twonn_hidden",
  "prediction_4_over_d",
  "prediction_2h_over_d",
  "prediction_4h_over_d",
  "prediction_4_over_D",
  "code_version",
] as const;

const cell = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Formats finished chains as the runs CSV (rows in the order given).
 * @example runsToCsv([], "abc").split(",")[0] // => "config"
 */
export function runsToCsv(chains: ChainResult[], codeVersion: string): string {
  const rows = chains.flatMap((ch) =>
    ch.rows.map((r) => ({
      config: r.config,
      target: r.target,
      d: r.d,
      D: r.D,
      h: r.h,
      activation: r.activation,
      variant: r.variant,
      width: r.width,
      parameters: r.parameters,
      seed: r.seed,
      training_points: r.trainPoints,
      iterations: r.iterations,
      evaluations: r.evaluations,
      train_loss: cell(r.trainLoss),
      train_loss_half: cell(r.trainLossHalf),
      test_loss: cell(r.testLoss),
      twonn_hidden: cell(r.twonnHidden),
      twonn_inputs: cell(ch.twonnInputs),
      seconds: Math.round(r.seconds * 100) / 100,
      cpu_seconds: Number.isFinite(r.cpuSeconds) ? Math.round(r.cpuSeconds * 100) / 100 : null,
      code_version: codeVersion,
    }))
  );
  return rowsToCsv(rows, [...RUN_COLUMNS]);
}

/**
 * Formats exponent summaries as the exponents CSV.
 * @example exponentsToCsv([], "abc").startsWith("config,target") // => true
 */
export function exponentsToCsv(summaries: ExponentSummary[], codeVersion: string): string {
  const rows = summaries.map((s) => ({
    config: s.config,
    target: s.target,
    d: s.d,
    D: s.D,
    h: s.h,
    activation: s.activation,
    variant: s.variant,
    alpha: s.alpha,
    alpha_low: cell(s.alphaLow),
    alpha_high: cell(s.alphaHigh),
    alpha_stderr: s.alphaStderr,
    alpha_upper: s.alphaUpper,
    seeds: s.seeds,
    parameters_min: s.parametersMin,
    parameters_max: s.parametersMax,
    local_slopes: s.localSlopes.map((v) => v.toFixed(4)).join(";"),
    test_train_ratio: cell(s.testTrainRatio),
    doubled_ratio: cell(s.doubledRatio),
    doubled_stderr: cell(s.doubledStderr),
    longer_ratio: cell(s.longerRatio),
    longer_stderr: cell(s.longerStderr),
    seed_spread: cell(s.seedSpread),
    top_scatter: cell(s.topScatter),
    sample_limited: s.sampleLimited ? "yes" : "no",
    optimisation_limited: s.optimisationLimited ? "yes" : "no",
    twonn_inputs: cell(s.twonnInputs),
    twonn_hidden: cell(s.twonnHidden),
    prediction_4_over_d: s.prediction4OverD,
    prediction_2h_over_d: s.prediction2hOverD,
    prediction_4h_over_d: s.prediction4hOverD,
    prediction_4_over_D: s.prediction4OverAmbient,
    code_version: codeVersion,
  }));
  return rowsToCsv(rows, [...EXPONENT_COLUMNS]);
}

/** A parsed CSV: one record per data row, by column name (strings). */
export type CsvRecord = Record<string, string>;

/**
 * Parses one of the two files into records, checking the header.
 * @throws {RangeError} if the header differs from `columns` or a row has the wrong number of cells.
 * @example parseSweepCsv("a\n1\n", ["a"])[0].a // => "1"
 */
export function parseSweepCsv(text: string, columns: readonly string[]): CsvRecord[] {
  const lines = csvLines(text);
  if (lines.length === 0 || lines[0] !== columns.join(",")) {
    throw new RangeError(`the header must be ${columns.join(",")}, got ${lines[0] ?? "(empty file)"}`);
  }
  return lines.slice(1).map((line, i) => {
    const cells = line.split(",");
    if (cells.length !== columns.length) {
      throw new RangeError(`line ${i + 2}: expected ${columns.length} cells, got ${cells.length}`);
    }
    return Object.fromEntries(columns.map((c, j) => [c, cells[j]]));
  });
}

/**
 * A numeric cell: a plain decimal, or NaN for an empty cell (not measured).
 * @throws {RangeError} if the cell is neither.
 * @example numberCell({ a: "" }, "a") // => NaN
 */
export function numberCell(r: CsvRecord, column: string): number {
  const v = r[column];
  if (v === "") return NaN;
  const x = parseDecimal(v);
  if (Number.isNaN(x)) throw new RangeError(`\`${column}\` must be a number or empty, got ${JSON.stringify(v)}`);
  return x;
}

/**
 * The run rows of a parsed runs CSV, as `RunRow`s.
 * @throws {RangeError} if a cell is malformed.
 * @example parseRuns(runsToCsv([], "x")) // => []
 */
export function parseRuns(text: string): (RunRow & { twonnInputs: number; codeVersion: string })[] {
  return parseSweepCsv(text, RUN_COLUMNS).map((r) => ({
    config: r.config,
    target: r.target as RunRow["target"],
    d: numberCell(r, "d"),
    D: numberCell(r, "D"),
    h: numberCell(r, "h"),
    activation: r.activation as RunRow["activation"],
    variant: r.variant as RunRow["variant"],
    width: numberCell(r, "width"),
    parameters: numberCell(r, "parameters"),
    seed: numberCell(r, "seed"),
    trainPoints: numberCell(r, "training_points"),
    iterations: numberCell(r, "iterations"),
    evaluations: numberCell(r, "evaluations"),
    trainLoss: numberCell(r, "train_loss"),
    trainLossHalf: numberCell(r, "train_loss_half"),
    testLoss: numberCell(r, "test_loss"),
    twonnHidden: numberCell(r, "twonn_hidden"),
    seconds: numberCell(r, "seconds"),
    cpuSeconds: numberCell(r, "cpu_seconds"),
    twonnInputs: numberCell(r, "twonn_inputs"),
    codeVersion: r.code_version,
  }));
}
