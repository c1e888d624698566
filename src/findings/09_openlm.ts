/**
 * Findings of notebook 09: the paper's claims confronted with the 104 open training runs of Gadre et
 * al. 2024 ("Language models scale reliably with over-training and on downstream tasks",
 * arXiv:2403.08540), three training sets × eight validation sets. Loads the runs (checksummed), fits
 * Hoffmann et al.'s Approach 3 law per training set and validation set with bootstrap intervals,
 * forecasts the largest runs from the smaller ones, and returns the claim records and the analysis
 * the notebook's figures and tables draw from. Computed once per process and settings. The runs and
 * their grid fits are read and made in `_09_openlm_fits.ts`, the claims drawn in `_09_openlm_claims.ts`
 * (§3 and the forecast) and `_09_openlm_claims_domains.ts` (§4 on).
 *
 * @module
 */
import { chinchillaLoss, type ParameterSummary } from "../fit/chinchilla";
import { type ChinchillaLaw } from "../paper";
import {
  crossover,
  cutAlongN,
  cutFrontierInN,
  pedestalRatio,
  runningExponentOfCut,
  runsBeyondCrossover,
} from "../fit/chinchilla_pedestal";
import { percentileInterval } from "../stats/bootstrap";
import { OPENLM_TRAIN_DATASETS, OPENLM_VAL_SETS, type OpenLmRow, selectRows, toRuns } from "../datasets/openlm_data";
import {
  clusterBootstrap,
  type LawFit,
  logResiduals,
  predictLoss,
  quantileMonteCarloError,
  resampleValues,
} from "../fit/openlm_fit";
import { criticalPedestal } from "../theory/pedestal";
import { formatNumber } from "../_util/format";
import { chinchillaHeadline } from "./_chinchilla";
import type { Findings } from "./claim";
import { defineNotebook } from "./notebook";
import { fitDomain, gridFit, loadRows, param, select, type Selection, selection } from "./_09_openlm_fits";
import { claimRecords } from "./_09_openlm_claims";

/** Settings of notebook 09 (its parameters). */
export interface Settings {
  /** Bootstrap resamples per fit, integer in [50, 2000]. */
  resamples: number;
  /** Bootstrap seed, integer ≥ 0. */
  seed: number;
  /** Interval coverage, in [0.5, 0.99]. */
  level: number;
  /** The forecast fits runs with at most this many parameters and predicts the larger ones, in [1.6e8, 6.8e9). */
  forecastMaxParams: number;
  /** Units of N in which eq. 4's "N = 1" is taken, each in [1, 1e9]. */
  units: number[];
}

/** One training set's fit on one validation set. */
export interface DomainFit {
  trainDataset: string;
  valSet: string;
  lawFit: LawFit;
  /** Summary rows E, A, B, alpha, beta (estimate, stderr, percentile interval). */
  summary: ParameterSummary[];
  /** Loss of the largest run (6.9B parameters, M = 1) on this validation set. */
  largestLoss: number;
}

/** A forecast of one large run. */
export interface ForecastRow {
  train_dataset: string;
  val_set: string;
  run: string;
  params: number;
  train_tokens: number;
  loss: number;
  predicted: number;
  pred_low: number;
  pred_high: number;
}

/** Mean log residual of a group of runs (by M or by model size) about a training set's fit. */
export interface ResidualGroup {
  train_dataset: string;
  /** `M` or `N`. */
  by: "M" | "N";
  /** The token multiplier or the model size of the group. */
  value: number;
  runs: number;
  mean_residual: number;
  /** 2 s / sqrt(n), s the RMS of all the fit's residuals: a group mean beyond it is systematic. */
  bound: number;
}

/** Section 3 quantities of a training set's c4_val fit at its largest run. */
export interface Section3 {
  trainDataset: string;
  /** The largest run's N (parameters) and D (tokens). */
  N: number;
  D: number;
  /** Crossover (eqs. 6–7) of the cut along N at the largest run's D, in parameters. */
  crossover: number;
  /** Runs beyond the crossover of their own D, and in all. */
  beyond: number;
  total: number;
  /** Running exponent −d log L/d log N (eq. 5) at the largest run, and its bootstrap interval. */
  runningExponent: number;
  runningLow: number;
  runningHigh: number;
  /** p (eq. 4) along N at the largest run's D, N counted in each unit of the settings. */
  p: number[];
  /** p_crit (eq. 8) at the largest run's size counted in each unit. */
  pCrit: number[];
  /** The same on the compute-optimal frontier cut (`cutFrontierInN`): its crossover in parameters, runs beyond it, */
  frontierCrossover: number;
  frontierBeyond: number;
  /** the running exponent at the largest run's N with its bootstrap interval, */
  frontierRunning: number;
  frontierRunningLow: number;
  frontierRunningHigh: number;
  /** and p and p_crit in each unit. */
  frontierP: number[];
  frontierPCrit: number[];
}

/** One fit-choice variant of a training set's C4-validation fit (no bootstrap). */
export interface SensitivityRow {
  train_dataset: string;
  variant: string;
  runs: number;
  E: number;
  alpha: number;
  beta: number;
}

/** Run-level and size-level (cluster) bootstrap intervals of α for one training set's C4-validation fit. */
export interface ClusterRow {
  train_dataset: string;
  alpha: number;
  run_low: number;
  run_high: number;
  cluster_low: number;
  cluster_high: number;
  /** Cluster draws with fewer than 3 distinct sizes, drawn again. */
  redrawn: number;
  /** α with each model size left out: lowest and highest. */
  loso_min: number;
  loso_max: number;
}

/** Everything notebook 09 and its figures and tables use. */
export interface Analysis {
  settings: Settings;
  rows: OpenLmRow[];
  /** Notebook 08's Approach 3 refit of the 240 headline Chinchilla runs (`chinchillaHeadline()`, the grid fit alone, not `chinchilla.analysis()`). */
  chinchilla: ChinchillaLaw;
  /** Bootstrap standard errors of the Chinchilla refit's α and β (`chinchillaHeadline()`). */
  chinchillaStderr: { alpha: number; beta: number };
  /** Fits with N = all parameters, by training set and validation set. */
  fits: DomainFit[];
  /** The C4-validation fits of `fits`, by training set: `c4Fits.rpj` is RedPajama's. */
  c4Fits: Record<string, DomainFit>;
  /** Fits of c4_val with N = parameters without embeddings, by training set. */
  noEmbed: DomainFit[];
  /** The forecast fits (runs up to `forecastMaxParams`, c4_val) and their predictions. */
  forecastFits: DomainFit[];
  forecast: ForecastRow[];
  /** The forecast refitted without the M = 0.25 runs (which the residual table flags), point predictions only. */
  forecastNoShort: ForecastRow[];
  residuals: ResidualGroup[];
  section3: Section3[];
  /** Fit-choice variants of each training set's C4-validation fit. */
  sensitivity: SensitivityRow[];
  /** Residuals of each headline C4-validation fit inside the Huber threshold δ = 10⁻³, and all residuals. */
  huberInside: { train_dataset: string; inside: number; runs: number }[];
  /** Run-level against size-level bootstrap of α, by training set. */
  cluster: ClusterRow[];
  /** Monte-Carlo error of the alpha interval endpoints, largest over the c4_val fits, as a fraction of the interval width. */
  monteCarlo: { worstFraction: number; worstAbsolute: number };
}

/** A forecast row: a run held out of the fit, with the loss the fit predicts for it and that prediction's interval. */
function forecastRow(r: OpenLmRow, predicted: number, low: number, high: number): ForecastRow {
  return {
    train_dataset: r.trainDataset,
    val_set: r.valSet,
    run: r.run,
    params: r.params,
    train_tokens: r.trainTokens,
    loss: r.loss,
    predicted,
    pred_low: low,
    pred_high: high,
  };
}

function analyse(s: Settings): Analysis {
  const rows = loadRows(null);
  const headline = chinchillaHeadline();
  const chinchilla = headline.law;
  // Every validation set lists a training set's runs in the same order, so equal seeds give paired resamples.
  for (const t of OPENLM_TRAIN_DATASETS) {
    const order = selectRows(rows, t, "c4_val").map((r) => r.run).join();
    for (const v of OPENLM_VAL_SETS) {
      if (selectRows(rows, t, v).map((r) => r.run).join() !== order) {
        throw new Error(`runs of ${t} on ${v} are not in c4_val's order`);
      }
    }
  }
  const fits = OPENLM_TRAIN_DATASETS.flatMap((t) => OPENLM_VAL_SETS.map((v) => fitDomain(rows, t, v, s)));
  const c4Fits = Object.fromEntries(
    OPENLM_TRAIN_DATASETS.map((t) => [t, fits.find((x) => x.trainDataset === t && x.valSet === "c4_val")!]),
  );
  const noEmbed = OPENLM_TRAIN_DATASETS.map((t) => fitDomain(rows, t, "c4_val", s, "params_no_embed"));
  const forecastFits = OPENLM_TRAIN_DATASETS.map((t) => fitDomain(rows, t, "c4_val", s, "params", s.forecastMaxParams));
  const forecast = forecastFits.flatMap((ff) =>
    selectRows(rows, ff.trainDataset, "c4_val").filter((r) => r.params > s.forecastMaxParams).map((r) => {
      const p = predictLoss(ff.lawFit, r.params, r.trainTokens);
      return forecastRow(r, p.predicted, p.low, p.high);
    })
  );
  const forecastNoShort = OPENLM_TRAIN_DATASETS.flatMap((t) => {
    const law = gridFit(selection(t, "c4_val", { maxParams: s.forecastMaxParams, dropM: 0.25 })).law;
    return selectRows(rows, t, "c4_val").filter((r) => r.params > s.forecastMaxParams).map((r) => {
      const predicted = chinchillaLoss(law, r.params, r.trainTokens);
      return forecastRow(r, predicted, predicted, predicted);
    });
  });
  const residuals = OPENLM_TRAIN_DATASETS.flatMap((t) => {
    const f = c4Fits[t];
    const sel = selectRows(rows, t, "c4_val");
    const res = logResiduals(f.lawFit.fit.law, f.lawFit.runs);
    const rms = Math.sqrt(res.reduce((a, r) => a + r * r, 0) / res.length);
    const group = (by: "M" | "N", key: (r: OpenLmRow) => number) =>
      [...new Set(sel.map(key))].sort((a, b) => a - b).map((value): ResidualGroup => {
        const idx = sel.map((r, i) => (key(r) === value ? i : -1)).filter((i) => i >= 0);
        const mean = idx.reduce((a, i) => a + res[i], 0) / idx.length;
        return {
          train_dataset: t,
          by,
          value,
          runs: idx.length,
          mean_residual: mean,
          bound: (2 * rms) / Math.sqrt(idx.length),
        };
      });
    return [...group("M", (r) => r.tokenMultiplier), ...group("N", (r) => r.params)];
  });
  const section3 = OPENLM_TRAIN_DATASETS.map((t): Section3 => {
    const f = c4Fits[t];
    const sel = selectRows(rows, t, "c4_val");
    const top = sel.reduce((a, b) => (b.params > a.params ? b : a));
    const law = f.lawFit.fit.law;
    const cut = cutAlongN(law, top.trainTokens);
    const running = resampleValues(
      f.lawFit.bootstrap,
      (l) => runningExponentOfCut(cutAlongN(l, top.trainTokens), top.params),
    );
    const [runningLow, runningHigh] = percentileInterval(running, s.level);
    const beyond = runsBeyondCrossover(toRuns(sel), law);
    const front = cutFrontierInN(law);
    const fRunning = resampleValues(f.lawFit.bootstrap, (l) => runningExponentOfCut(cutFrontierInN(l), top.params));
    const [frontierRunningLow, frontierRunningHigh] = percentileInterval(fRunning, s.level);
    return {
      trainDataset: t,
      N: top.params,
      D: top.trainTokens,
      crossover: crossover(cut),
      beyond: beyond.ownD,
      total: beyond.total,
      runningExponent: runningExponentOfCut(cut, top.params),
      runningLow,
      runningHigh,
      p: s.units.map((u) => pedestalRatio(cut, u)),
      pCrit: s.units.map((u) => criticalPedestal(Math.max(1, top.params / u), cut.gamma)),
      frontierCrossover: crossover(front),
      frontierBeyond: beyond.frontier,
      frontierRunning: runningExponentOfCut(front, top.params),
      frontierRunningLow,
      frontierRunningHigh,
      frontierP: s.units.map((u) => pedestalRatio(front, u)),
      frontierPCrit: s.units.map((u) => criticalPedestal(Math.max(1, top.params / u), front.gamma)),
    };
  });
  const sizesOf = (t: string) => [...new Set(selectRows(rows, t, "c4_val").map((r) => r.params))].sort((x, y) => x - y);
  const variant = (t: string, name: string, over: Partial<Selection>): SensitivityRow => {
    const sel = selection(t, "c4_val", over);
    const law = gridFit(sel).law;
    return { train_dataset: t, variant: name, runs: select(sel).length, E: law.E, alpha: law.alpha, beta: law.beta };
  };
  const sensitivity = OPENLM_TRAIN_DATASETS.flatMap((t) => [
    variant(t, "Huber δ = 10⁻³ (headline)", {}),
    variant(t, "least squares (δ = 10: every residual inside)", { delta: 10 }),
    variant(t, "without M = 0.25", { dropM: 0.25 }),
    ...sizesOf(t).map((n) => variant(t, `without N = ${formatNumber(n, 2)}`, { dropSize: n })),
  ]);
  const huberInside = OPENLM_TRAIN_DATASETS.map((t) => {
    const f = c4Fits[t];
    const res = logResiduals(f.lawFit.fit.law, f.lawFit.runs);
    return { train_dataset: t, inside: res.filter((r) => Math.abs(r) <= 1e-3).length, runs: res.length };
  });
  const cluster = OPENLM_TRAIN_DATASETS.map((t): ClusterRow => {
    const f = c4Fits[t];
    const cb = clusterBootstrap(f.lawFit.data, f.lawFit.fit, f.lawFit.runs.map((r) => r.N), {
      resamples: s.resamples,
      seed: s.seed,
    });
    const [cluster_low, cluster_high] = percentileInterval(cb.estimates.alpha, s.level);
    const r = param(f, "alpha");
    const loso = sensitivity.filter((x) => x.train_dataset === t && x.variant.startsWith("without N")).map((x) =>
      x.alpha
    );
    return {
      train_dataset: t,
      alpha: r.estimate,
      run_low: r.ci_low,
      run_high: r.ci_high,
      cluster_low,
      cluster_high,
      redrawn: cb.redrawn,
      loso_min: Math.min(...loso),
      loso_max: Math.max(...loso),
    };
  });
  let worstFraction = 0, worstAbsolute = 0;
  const q = (1 - s.level) / 2;
  for (const f of fits.filter((x) => x.valSet === "c4_val")) {
    const a = f.lawFit.bootstrap.estimates.alpha;
    const [lo, hi] = percentileInterval(a, s.level);
    const err = Math.max(quantileMonteCarloError(a, q), quantileMonteCarloError(a, 1 - q));
    worstAbsolute = Math.max(worstAbsolute, err);
    worstFraction = Math.max(worstFraction, err / (hi - lo));
  }
  return {
    settings: s,
    rows,
    chinchilla,
    chinchillaStderr: { alpha: headline.alphaStderr, beta: headline.betaStderr },
    fits,
    c4Fits,
    noEmbed,
    forecastFits,
    forecast,
    forecastNoShort,
    residuals,
    section3,
    sensitivity,
    huberInside,
    cluster,
    monteCarlo: { worstFraction, worstAbsolute },
  };
}

/**
 * Notebook 09, described once: its parameters (bootstrap resamples per fit, an integer in [50, 2000],
 * default 400: see `analysis().monteCarlo` for why that is enough; the seed, an integer ≥ 0; the
 * intervals' coverage in [0.5, 0.99]; the largest run size the forecast fits, in [1.6·10⁸, 6.8·10⁹);
 * the units of N in which eq. 4's "N = 1" is taken, each in [1, 10⁹]), its analysis and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "09_openlm",
  defaults: { resamples: 400, seed: 2024, level: 0.95, forecastMaxParams: 5e8, units: [1, 1e6, 1e9] },
  ranges: {
    resamples: { kind: "number", range: { min: 50, max: 2000, integer: true } },
    seed: { kind: "number", range: { min: 0, integer: true } },
    level: { kind: "number", range: { min: 0.5, max: 0.99 } },
    forecastMaxParams: { kind: "number", range: { min: 1.6e8, max: 6.8e9, maxOpen: true } },
    units: { kind: "list", each: { min: 1, max: 1e9 } },
  },
  analyse,
  claims: claimRecords,
});

/** The notebook's defaults: the values its first code cell assigns. */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 09's analysis at the given settings (defaults for what is left out), computed once per
 * process: 30 grid fits with bootstraps (24 per training × validation set, 3 with N without
 * embeddings, 3 forecast fits); the Chinchilla refit is notebook 08's headline fit (`chinchillaHeadline()`).
 * The settings are checked before any computation.
 * @throws {TypeError} if `settings` is not an object or a value is not of its default's kind;
 *   {RangeError} for an unknown key, a non-finite value or a value outside its range.
 * @example analysis().fits.length // => 24
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 09 at the given settings, computed once per process.
 * @throws {TypeError} or {RangeError} for invalid settings, as `analysis`.
 * @example findings().claims.find((c) => c.id === "09.implied-dimension")?.verdict // => "does not hold"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
