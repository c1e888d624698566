/**
 * Column headers for readers: the one place that maps the machine names of the tables' columns (as
 * written in `data/*.csv`, which keep them) to the headers shown in the notebooks and the HTML
 * edition (`table()` of `src/display.ts`), and the machine names in their label columns (`alpha`) to
 * the symbols shown (`α`). Headers use the project's notation as HTML (`α<sub>p</sub>`),
 * which GitHub and the HTML edition render in Markdown tables; a name not listed is shown as it is.
 *
 * @module
 */
import { formatNumber } from "../_util/format";
import { OPENLM_TRAIN_LABELS, OPENLM_VAL_LABELS } from "../datasets/openlm_data";
import { BROWN_GENRES, genreLabel } from "../datasets/lm_data";

/** Machine column name → header shown to readers (Markdown with `<sub>`/`<sup>`). */
export const COLUMN_HEADERS: Readonly<Record<string, string>> = {
  // exponents and their intervals
  alpha: "α",
  alpha_low: "α, low end",
  alpha_high: "α, high end",
  alpha_C: "α<sub>C</sub>",
  alpha_threshold: "α threshold",
  alpha_2_over_d: "α = 2/d",
  alpha_4_over_d: "α = 4/d",
  alpha_eq17_h_1_3: "α by eq. 17, h = 1/3",
  beta: "β",
  beta_low: "β, low end",
  beta_high: "β, high end",
  gamma: "γ",
  error_exponent: "exponent of the error",
  squared_error_exponent: "exponent of the squared error",
  exponent: "exponent",
  running_exponent: "running exponent α<sub>p</sub>",
  running_exponent_at_chinchilla: "α<sub>p</sub> at Chinchilla's size",
  running_low: "α<sub>p</sub>, low end",
  running_high: "α<sub>p</sub>, high end",
  h: "h",
  h_beta_model: "h, beta model",
  h_she_leveque: "h, She–Leveque",
  beta_model: "beta model",
  she_leveque: "She–Leveque",
  // dimensions
  d: "d",
  d_low: "d, low end",
  d_high: "d, high end",
  d_4_over_alpha: "d = 4/α",
  d_eq17_h_1_3: "d by eq. 17, h = 1/3",
  d_over_D: "d/D",
  d_star: "d above which α < the threshold",
  twonn_estimate: "TwoNN estimate of d",
  // sizes, pedestal and crossover
  N_crit: "N<sub>crit</sub>",
  x_crit: "x<sub>crit</sub>",
  p_crit: "p<sub>crit</sub>",
  p_crit_at_chinchilla: "p<sub>crit</sub> at Chinchilla's size",
  "N_alpha_0.1": "N where α<sub>p</sub> = 0.1",
  "N_alpha_0.05": "N where α<sub>p</sub> = 0.05",
  L0: "L₀",
  crossover: "crossover",
  crossover_in_units: "crossover, in the unit of N",
  decades: "decades",
  // costs
  factor_to_halve: "resources to halve",
  doublings_to_halve: "doublings to halve",
  halve_factor: "resources to halve the error",
  halve_error: "to halve the error",
  halve_squared_error: "to halve the squared error",
  halve_2_over_d: "to halve at α = 2/d",
  halve_4_over_d: "to halve at α = 4/d",
  halve_eq17_h_1_3: "to halve by eq. 17, h = 1/3",
  tenfold_error: "points for a tenfold smaller error",
  tenfold_factor: "resources for a tenfold smaller error",
  change_per_doubling: "change per doubling",
  change_per_doubling_percent: "change per doubling (%)",
  reducible_change_per_doubling: "change of L − E per doubling",
  total_change_per_doubling: "change of L per doubling",
  // fits and runs
  hoffmann_2022: "Hoffmann et al. 2022",
  hoffmann_inside: "Hoffmann et al. inside our interval",
  besiroglu_2024: "Besiroglu et al. 2024",
  besiroglu_inside: "Besiroglu et al. inside our interval",
  chinchilla_refit: "Chinchilla refit",
  ours_headline: "ours, headline fit",
  ours_all_runs: "ours, all runs",
  c4_original: "C4",
  c4_original_low: "C4, low end",
  c4_original_high: "C4, high end",
  rpj: "RedPajama",
  rpj_low: "RedPajama, low end",
  rpj_high: "RedPajama, high end",
  rw_original: "RefinedWeb",
  rw_original_low: "RefinedWeb, low end",
  rw_original_high: "RefinedWeb, high end",
  train_dataset: "training set",
  val_set: "validation set",
  train_tokens: "training tokens",
  params: "parameters",
  loss_largest: "loss of the largest run",
  mean_residual: "mean residual",
  pred_low: "forecast, low end",
  pred_high: "forecast, high end",
  predicted: "forecast",
  runs_beyond: "runs beyond the crossover",
  starts_at_best: "starts ending at the best objective",
  objective: "objective",
  stderr: "standard error",
  ci_low: "95 % interval, low end",
  ci_high: "95 % interval, high end",
  n: "runs",
  // notebook 09: run-level against size-level (cluster) bootstrap, one size left out
  run_low: "α, run-level low end",
  run_high: "α, run-level high end",
  cluster_low: "α, size-level low end",
  cluster_high: "α, size-level high end",
  redrawn: "draws redrawn",
  loso_min: "α, one size left out, min",
  loso_max: "α, one size left out, max",
  // notebook 10: trained students against the predictions, and whether N limits the loss
  N_min: "N min",
  N_max: "N max",
  N_decades: "decades of N",
  alpha_upper_half: "α (upper half)",
  four_over_d: "4/d",
  two_h_over_d: "2h/d",
  four_h_over_d: "4h/d (eq. 17)",
  four_over_D: "4/D",
  local_slopes: "local slopes",
  test_over_train: "test/train",
  doubled_n_ratio: "loss with 2n / with n",
  half_over_final_train: "train loss at half / at end",
  top_scatter: "seed scatter (level removed)",
  sample_limited: "sample-limited",
  longer_ratio: "loss with 2× iterations / with 1×",
  optimisation_limited: "optimisation-limited",
  N_fit_max: "largest N in the fit",
  alpha_fit: "α (as fitted)",
  alpha_all_widths: "α (every width)",
  alpha_longer_top: "α (largest width 2× iterations)",
  seed_spread: "seed spread (between teachers)",
  twonn_inputs: "TwoNN d of the inputs",
  twonn_hidden: "TwoNN d of the hidden layer",
  // notebook 11: character transformers
  val_loss: "validation loss",
  seed_sd: "sd over seeds",
  train_loss: "training loss",
  last_quarter_drop: "drop over the last quarter",
  tokens_per_s: "characters per second",
  d_rep: "d of the representations",
  d_rep_min: "d of the representations, min",
  d_rep_max: "d of the representations, max",
  d_over_width: "d/width",
  d_input: "d of the input windows",
  diff_low: "α<sub>genre</sub> − α<sub>all</sub>, low end",
  diff_high: "α<sub>genre</sub> − α<sub>all</sub>, high end",
  p_holm_alpha: "Holm's p, α",
  se_largest: "standard error, largest run",
  p_holm_level: "Holm's p, loss",
};

/**
 * Machine values of the tables' label columns → the cell readers see: the fitted parameters' names in
 * `parameter` of `data/chinchilla_fit.csv`, `data/lm_fit.csv`, … as their symbols, the cuts of
 * `data/chinchilla_pedestal.csv` in the notation, notebook 09's training and validation sets by the names
 * of `OPENLM_TRAIN_LABELS` and `OPENLM_VAL_LABELS` (`rw_original` → RefinedWeb), notebook 07's
 * approximants and notebook 11's genres in words. A cell is replaced only when it is exactly one of these.
 */
export const CELL_VALUES: Readonly<Record<string, string>> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  "frontier, N_opt": "frontier, N<sub>opt</sub>",
  ...OPENLM_TRAIN_LABELS,
  ...OPENLM_VAL_LABELS,
  knn1: "1-nearest neighbour",
  local_linear: "local-linear",
  ...Object.fromEntries(BROWN_GENRES.filter((g) => genreLabel(g) !== g).map((g) => [g, genreLabel(g)])),
};

/** A number in JavaScript's exponent form (`1.4e12`, `5e-7`) inside a label. */
const E_NOTATION = /(?<![\w.])(\d+(?:\.\d+)?)e([+-]?\d+)(?![\w.])/g;

/**
 * The cell readers see for a value of a label column: its entry in `CELL_VALUES`, else the value with
 * any number in exponent form written as `formatNumber` writes it (`1.4·10¹²`).
 * @example cellValue("alpha") // => "α"
 * @example cellValue("N at D = 1.4e12") // => "N at D = 1.4·10¹²"
 * @example cellValue("E") // => "E"
 */
export function cellValue(value: string): string {
  if (Object.hasOwn(CELL_VALUES, value)) return CELL_VALUES[value];
  return value.replace(E_NOTATION, (m) => formatNumber(Number(m)));
}

/**
 * The header readers see for a column: its entry in `COLUMN_HEADERS`, else the name itself.
 * @example columnHeader("alpha_eq17_h_1_3") // => "α by eq. 17, h = 1/3"
 * @example columnHeader("N") // => "N"
 */
export function columnHeader(name: string): string {
  return Object.hasOwn(COLUMN_HEADERS, name) ? COLUMN_HEADERS[name] : name;
}
