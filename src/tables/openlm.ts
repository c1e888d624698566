/**
 * Tables of notebook 09 (the open training runs of Gadre et al. 2024), drawn from the findings
 * (`openlm.analysis()`): the fitted laws with bootstrap errors (`data/openlm_fits.csv`), the forecast of the
 * largest runs (`data/openlm_forecast.csv`), the C4-validation fits beside the Chinchilla refit,
 * exponents and implied dimensions per validation set, the section 3 quantities, and residuals by
 * token multiplier and model size; and the notebook's notes on the runs and on the bootstrap. Nothing
 * here reads a file or runs a fit.
 *
 * @module
 */
import { LAW_PARAMETERS } from "../fit/chinchilla";
import * as openlm from "../findings/09_openlm";
import { dimensionForExponent } from "../theory/intrinsic_dimension";
import { OPENLM_TRAIN_DATASETS, OPENLM_TRAIN_LABELS, OPENLM_VAL_SETS } from "../datasets/openlm_data";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import { formatNumber } from "../_util/format";
import { requireFields, requireList } from "../_util/validate";

/** The `val_set` label of the rows fitted with N = parameters without embeddings (C4 validation loss). */
export const NO_EMBED_LABEL = "c4_val_params_no_embed";

const FIT_COLUMNS = ["train_dataset", "val_set", "parameter", "estimate", "stderr", "ci_low", "ci_high"];

function fitRows(fit: openlm.DomainFit, valSet = fit.valSet): Record<string, unknown>[] {
  return fit.summary.map((r) => ({ train_dataset: fit.trainDataset, val_set: valSet, ...r }));
}

/**
 * `data/openlm_fits.csv`: for each training set and validation set, the Approach 3 fit with N = all
 * parameters (E, A, B, alpha, beta: estimate, bootstrap standard error, percentile interval); then,
 * with `val_set` = `c4_val_params_no_embed`, the C4-validation fits with N = parameters without
 * embeddings. Columns `train_dataset,val_set,parameter,estimate,stderr,ci_low,ci_high`.
 * @example openlmFitsTable().table.numRows() // => 135 = (24 + 3) fits × 5 parameters
 */
export function openlmFitsTable(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["fits", "noEmbed", "settings"], "a notebook's analysis");
  const rows = [...a.fits.flatMap((x) => fitRows(x)), ...a.noEmbed.flatMap((x) => fitRows(x, NO_EMBED_LABEL))];
  return {
    name: "openlm_fits",
    caption:
      `Approach 3 fits L = E + A/N^{α} + B/D^{β} of the Gadre et al. 2024 runs per training set and validation set, ` +
      `with bootstrap standard errors and ${
        100 * a.settings.level
      }% percentile intervals (${a.settings.resamples} resamples); ` +
      `val_set ${NO_EMBED_LABEL}: C4 validation with N counted without embeddings`,
    table: tableFromRows(rows, FIT_COLUMNS),
  };
}

/**
 * `data/openlm_forecast.csv`: the runs larger than `forecastMaxParams`, their measured C4 validation
 * loss and the prediction of the law fitted to the smaller runs, with its bootstrap percentile interval.
 * @example openlmForecastTable().table.numRows() // => 9 with the default settings
 */
export function openlmForecastTable(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["forecast", "settings"], "a notebook's analysis");
  return {
    name: "openlm_forecast",
    caption:
      `Forecast of the larger runs from a law fitted to the runs with at most ${
        formatNumber(a.settings.forecastMaxParams)
      } parameters: ` +
      `measured and predicted C4 validation loss with the ${
        100 * a.settings.level
      }% bootstrap interval of the prediction`,
    table: tableFromRows(a.forecast as unknown as Record<string, unknown>[], [
      "train_dataset",
      "val_set",
      "run",
      "params",
      "train_tokens",
      "loss",
      "predicted",
      "pred_low",
      "pred_high",
    ]),
  };
}

/**
 * `data/openlm_vs_chinchilla.csv`: the C4-validation fit of each training set (estimate and interval)
 * beside our refit of the Chinchilla runs (notebook 08), parameter by parameter.
 * @example openlmComparisonTable().table.numRows() // => 5
 */
export function openlmComparisonTable(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["chinchilla", "c4Fits", "settings"], "a notebook's analysis");
  requireFields("a.c4Fits", a.c4Fits, OPENLM_TRAIN_DATASETS, "the C4-validation fits by training set");
  const rows = LAW_PARAMETERS.map((p) => {
    const row: Record<string, unknown> = { parameter: p, chinchilla_refit: a.chinchilla[p] };
    for (const t of OPENLM_TRAIN_DATASETS) {
      const r = a.c4Fits[t].summary.find((x) => x.parameter === p)!;
      row[t] = r.estimate;
      row[`${t}_low`] = r.ci_low;
      row[`${t}_high`] = r.ci_high;
    }
    return row;
  });
  return {
    name: "openlm_vs_chinchilla",
    caption: `C4-validation fits per training set (estimate, ${
      100 * a.settings.level
    }% interval) beside the Chinchilla refit of notebook 08`,
    table: tableFromRows(rows, [
      "parameter",
      "chinchilla_refit",
      ...OPENLM_TRAIN_DATASETS.flatMap((t) => [t, `${t}_low`, `${t}_high`]),
    ]),
  };
}

/**
 * `data/openlm_domains.csv`: per training set and validation set, alpha and beta with their
 * intervals, the implied intrinsic dimension d = 4/alpha (Sharma & Kaplan 2022; interval from the
 * ends of alpha's), and the loss of the largest run (6.9B parameters, M = 1) on that set.
 * @example openlmDomainsTable().table.numRows() // => 24
 */
export function openlmDomainsTable(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["fits", "settings"], "a notebook's analysis");
  const rows = a.fits.map((x) => {
    const al = x.summary.find((r) => r.parameter === "alpha")!, be = x.summary.find((r) => r.parameter === "beta")!;
    return {
      train_dataset: x.trainDataset,
      val_set: x.valSet,
      alpha: al.estimate,
      alpha_low: al.ci_low,
      alpha_high: al.ci_high,
      beta: be.estimate,
      beta_low: be.ci_low,
      beta_high: be.ci_high,
      d: dimensionForExponent(al.estimate),
      d_low: dimensionForExponent(al.ci_high),
      d_high: dimensionForExponent(al.ci_low),
      loss_largest: x.largestLoss,
    };
  });
  return {
    name: "openlm_domains",
    caption: `Exponents per validation set with ${
      100 * a.settings.level
    }% intervals, the implied intrinsic dimension d = 4/α, and the 6.9B model's loss`,
    table: tableFromRows(rows, [
      "train_dataset",
      "val_set",
      "alpha",
      "alpha_low",
      "alpha_high",
      "beta",
      "beta_low",
      "beta_high",
      "d",
      "d_low",
      "d_high",
      "loss_largest",
    ]),
  };
}

/**
 * `data/openlm_section3.csv`: for each training set's C4-validation fit, at its largest run (N, D), on
 * two cuts of the law (`cut`): `fixed D` (along N at that run's D) and `frontier` (the compute-optimal
 * frontier in N): the crossover of eqs. 6–7, how many runs lie beyond it (at their own D for the
 * fixed-D cut), the running exponent (eq. 5) with its interval, and, per unit of N, the pedestal
 * ratio p (eq. 4) and the critical pedestal p_crit(N/unit) (eq. 8).
 * @example openlmSection3Table().table.numRows() // => 18 = 3 training sets × 2 cuts × 3 units
 */
export function openlmSection3Table(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["section3", "settings"], "a notebook's analysis");
  const rows = a.section3.flatMap((x) => [
    ...a.settings.units.map((unit, i) => ({
      train_dataset: x.trainDataset,
      cut: "fixed D",
      N: x.N,
      D: x.D,
      crossover: x.crossover,
      runs_beyond: x.beyond,
      runs: x.total,
      running_exponent: x.runningExponent,
      running_low: x.runningLow,
      running_high: x.runningHigh,
      unit,
      p: x.p[i],
      p_crit: x.pCrit[i],
    })),
    ...a.settings.units.map((unit, i) => ({
      train_dataset: x.trainDataset,
      cut: "frontier",
      N: x.N,
      D: x.D,
      crossover: x.frontierCrossover,
      runs_beyond: x.frontierBeyond,
      runs: x.total,
      running_exponent: x.frontierRunning,
      running_low: x.frontierRunningLow,
      running_high: x.frontierRunningHigh,
      unit,
      p: x.frontierP[i],
      p_crit: x.frontierPCrit[i],
    })),
  ]);
  return {
    name: "openlm_section3",
    caption:
      "Section 3 on the C4-validation fits, at each training set's largest run, on the fixed-D cut and the compute-optimal frontier: crossover (eqs. 6–7), running exponent (eq. 5), p (eq. 4) and p_{crit} (eq. 8) per unit of N",
    table: tableFromRows(rows, [
      "train_dataset",
      "cut",
      "N",
      "D",
      "crossover",
      "runs_beyond",
      "runs",
      "running_exponent",
      "running_low",
      "running_high",
      "unit",
      "p",
      "p_crit",
    ]),
  };
}

/**
 * `data/openlm_sensitivity.csv`: each training set's C4-validation fit under other fit choices (no
 * bootstrap): the headline (Huber δ = 10⁻³), least squares, without the M = 0.25 runs, and each model
 * size left out. Columns `train_dataset,variant,runs,E,alpha,beta`.
 * @example openlmSensitivityTable().table.numRows() // => 27 = 3 training sets × 9 variants
 */
export function openlmSensitivityTable(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["sensitivity"], "a notebook's analysis");
  requireList("a.sensitivity", a.sensitivity);
  return {
    name: "openlm_sensitivity",
    caption:
      "Fit-choice sensitivity of the C4-validation fits: Huber δ = 10⁻³ (headline), least squares, without M = 0.25, each model size left out",
    table: tableFromRows(a.sensitivity as unknown as Record<string, unknown>[], [
      "train_dataset",
      "variant",
      "runs",
      "E",
      "alpha",
      "beta",
    ]),
  };
}

/**
 * `data/openlm_cluster.csv`: α of each training set's C4-validation fit with its run-level bootstrap
 * interval beside the size-level (cluster) one, the cluster draws redrawn for having fewer than 3
 * sizes, and the range of α with one size left out.
 * @example openlmClusterTable().table.numRows() // => 3
 */
export function openlmClusterTable(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["cluster"], "a notebook's analysis");
  requireList("a.cluster", a.cluster);
  return {
    name: "openlm_cluster",
    caption:
      "α on C4 validation: run-level against size-level (cluster) bootstrap intervals, and α with one model size left out",
    table: tableFromRows(a.cluster as unknown as Record<string, unknown>[], [
      "train_dataset",
      "alpha",
      "run_low",
      "run_high",
      "cluster_low",
      "cluster_high",
      "redrawn",
      "loso_min",
      "loso_max",
    ]),
  };
}

/**
 * `data/openlm_residuals.csv`: mean log residual of the runs about their training set's
 * C4-validation fit, grouped by token multiplier M and by model size N, with the bound 2 s/√n
 * (s the fit's RMS residual) beyond which a group's mean is systematic.
 * @example openlmResidualsTable().table.numRows() // => 42
 */
export function openlmResidualsTable(a: openlm.Analysis = openlm.analysis()): NamedTable {
  requireFields("a", a, ["residuals"], "a notebook's analysis");
  return {
    name: "openlm_residuals",
    caption:
      "Mean log residual (≈ relative error) of the runs about the C4-validation fit, by token multiplier M and by model size N, against 2 s/√n",
    table: tableFromRows(a.residuals as unknown as Record<string, unknown>[], [
      "train_dataset",
      "by",
      "value",
      "runs",
      "mean_residual",
      "bound",
    ]),
  };
}

const f = (v: number, d = 3) => formatNumber(v, d);
const pct = (v: number, d = 2) => `${formatNumber(100 * v, d)} %`;
const T = (t: string) => OPENLM_TRAIN_LABELS[t] ?? t;

/**
 * Markdown summary of the runs for notebook 09: how many runs per training set, the ranges of N,
 * D and M, the runs per model size, and the embeddings' share of the smallest and largest model.
 * @example openlmRunsNote(openlm.analysis()).startsWith("**104 runs") // => true
 */
export function openlmRunsNote(a: openlm.Analysis): string {
  requireFields("a", a, ["rows"], "a notebook's analysis");
  const c4 = a.rows.filter((r) => r.valSet === "c4_val");
  const range = (v: number[]) => `${f(Math.min(...v))} – ${f(Math.max(...v))}`;
  const per = OPENLM_TRAIN_DATASETS.map((t) => `${T(t)} ${c4.filter((r) => r.trainDataset === t).length}`).join(", ");
  const sizes = [...new Set(c4.map((r) => r.params))].sort((x, y) => x - y);
  const share = (n: number) => 1 - c4.find((r) => r.params === n)!.paramsNoEmbed / n;
  return `**${c4.length} runs** (${per}), each evaluated on ${OPENLM_VAL_SETS.length} validation sets (${a.rows.length} rows). ` +
    `N: ${range(c4.map((r) => r.params))} parameters (${range(c4.map((r) => r.paramsNoEmbed))} without embeddings); ` +
    `D: ${range(c4.map((r) => r.trainTokens))} tokens; M: ${range(c4.map((r) => r.tokenMultiplier))}; ` +
    `C4 validation loss: ${range(c4.map((r) => r.loss))} nats per token. ` +
    `Distinct model sizes: ${sizes.length}, with ${
      sizes.map((n) => c4.filter((r) => r.params === n).length).join(", ")
    } runs; ` +
    `the embeddings are ${pct(share(sizes[0]), 2)} of the smallest model's parameters and ${
      pct(share(sizes[sizes.length - 1]), 2)
    } of the largest's. The forecast fits the runs with N ≤ ${f(a.settings.forecastMaxParams)} ` +
    `(${c4.filter((r) => r.params <= a.settings.forecastMaxParams).length} runs) and predicts the other ${
      c4.filter((r) => r.params > a.settings.forecastMaxParams).length
    }.`;
}

/**
 * Markdown note on the bootstrap of notebook 09: resamples, warm starts, grid fallbacks, and the
 * Monte-Carlo error of the interval endpoints.
 * @example openlmBootstrapNote(openlm.analysis()).startsWith("30 fits, each bootstrapped with 400 resamples") // => true
 */
export function openlmBootstrapNote(a: openlm.Analysis): string {
  requireFields("a", a, ["fits", "noEmbed", "forecastFits", "settings"], "a notebook's analysis");
  const all = [...a.fits, ...a.noEmbed, ...a.forecastFits];
  const B = a.settings.resamples;
  return `${all.length} fits, each bootstrapped with ${B} resamples of its runs (seed ${a.settings.seed}): ${
    all.length * B
  } refits, ` +
    `each started from its fit's optimum (a refit that stops with E near 0 is run again from E's full-data value; one ` +
    `that does not converge after two warm restarts is refitted from the whole grid, and \`npm run bench\` prints how many). ` +
    `Monte-Carlo error of the ${
      pct(a.settings.level, 3)
    } interval ends of α on C4 validation (distribution-free 95% bound from the ` +
    `order statistics around the ${pct((1 - a.settings.level) / 2, 3)} and ${
      pct((1 + a.settings.level) / 2, 3)
    } positions): at most ` +
    `${f(a.monteCarlo.worstAbsolute, 2)} in α, ${
      pct(a.monteCarlo.worstFraction)
    } of the interval's width; it shrinks as 1/√${B}.`;
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [
  () => openlmFitsTable(),
  () => openlmForecastTable(),
  () => openlmComparisonTable(),
  () => openlmDomainsTable(),
  () => openlmSection3Table(),
  () => openlmResidualsTable(),
  () => openlmSensitivityTable(),
  () => openlmClusterTable(),
];
