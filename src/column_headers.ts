/**
 * Column headers for readers: the one place that maps the machine names of the tables' columns (as
 * written in `data/*.csv`, which keep them) to the headers shown in the notebooks and the HTML
 * edition (`table()` of `src/display.ts`). Headers use the project's notation as HTML (`α<sub>p</sub>`),
 * which GitHub and the HTML edition render in Markdown tables; a name not listed is shown as it is.
 *
 * @module
 */

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
};

/**
 * The header readers see for a column: its entry in `COLUMN_HEADERS`, else the name itself.
 * @example columnHeader("alpha_eq17_h_1_3") // => "α by eq. 17, h = 1/3"
 * @example columnHeader("N") // => "N"
 */
export function columnHeader(name: string): string {
  return Object.hasOwn(COLUMN_HEADERS, name) ? COLUMN_HEADERS[name] : name;
}
