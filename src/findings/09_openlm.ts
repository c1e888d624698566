/**
 * Findings of notebook 09: the paper's claims confronted with the 104 open training runs of Gadre et
 * al. 2024 ("Language models scale reliably with over-training and on downstream tasks",
 * arXiv:2403.08540), three training sets × eight validation sets. Loads the runs (checksummed), fits
 * Hoffmann et al.'s Approach 3 law per training set and validation set with bootstrap intervals,
 * forecasts the largest runs from the smaller ones, and returns the claim records and the analysis
 * the notebook's figures and tables draw from. Computed once per process and settings.
 *
 * @module
 */
import { type ChinchillaFit, chinchillaLoss, fitChinchilla, fitData, type ParameterSummary } from "../fit/chinchilla";
import { type ChinchillaLaw } from "../paper";
import { crossover, cutAlongN, cutFrontierInN, pedestalRatio, runningExponentOfCut, runsBeyondCrossover } from "../fit/chinchilla_pedestal";
import { percentileInterval } from "../stats/bootstrap";
import { dimensionForExponent } from "../theory/intrinsic_dimension";
import {
  type OpenLmRow,
  OPENLM_TRAIN_DATASETS,
  OPENLM_TRAIN_LABELS,
  OPENLM_VAL_LABELS,
  OPENLM_VAL_SETS,
  parseOpenLmCsv,
  selectRows,
  type SizeConvention,
  toRuns,
} from "../datasets/openlm_data";
import {
  bootstrapLaw,
  clusterBootstrap,
  type LawFit,
  logResiduals,
  maxTAdjusted,
  pairedInterval,
  predictLoss,
  quantileMonteCarloError,
  resampleValues,
  spearman,
} from "../fit/openlm_fit";
import { criticalPedestal } from "../theory/pedestal";
import { studentTQuantile } from "../stats/student_t";
import { formatNumber } from "../_util/format";
import { requireFields, requireInRange, requireInteger, requireSettings, requireString } from "../_util/validate";
import { chinchillaHeadline } from "./08_chinchilla";
import { claim, type Claim, type Findings, memoise } from "./claim";
import { readInput } from "./inputs";


/** Settings of notebook 09 (its parameters). */
export interface Settings09 {
  /** Bootstrap resamples per fit, integer in [50, 2000]. */
  resamples: number;
  /** Bootstrap seed, integer >= 0. */
  seed: number;
  /** Interval coverage, in [0.5, 0.99]. */
  level: number;
  /** The forecast fits runs with at most this many parameters and predicts the larger ones, in [1.6e8, 6.8e9). */
  forecastMaxParams: number;
  /** Units of N in which eq. 4's "N = 1" is taken, each in [1, 1e9]. */
  units: number[];
}

/** The notebook's defaults. 400 resamples: see `analysis09().monteCarlo` for why that is enough. */
export const SETTINGS_09: Readonly<Settings09> = {
  resamples: 400,
  seed: 2024,
  level: 0.95,
  forecastMaxParams: 5e8,
  units: [1, 1e6, 1e9],
};

/**
 * The relative error of loss prediction Gadre et al. 2024 report for their own law (in N and M) on the
 * large runs, about 0.7 % (arXiv:2403.08540, as quoted by the audit of issue 16; not rechecked here).
 */
export const GADRE_2024_REPORTED_ERROR = 0.007;

/** Binomial coefficient n choose k, for the sign test. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

/** The paper's band of language-model exponents (§1, §6). */
export const EXPONENT_BAND = [0.05, 0.1] as const;

/** The paper's threshold dimension (§6: d > 40 gives α < 0.1 under α = 4/d). */
export const THRESHOLD_DIMENSION = 40;

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
export interface Analysis09 {
  settings: Settings09;
  rows: OpenLmRow[];
  /** Notebook 08's Approach 3 refit of the 240 headline Chinchilla runs (`chinchillaHeadline()`, the grid fit alone, not `analysis08()`). */
  chinchilla: ChinchillaLaw;
  /** Bootstrap standard errors of the Chinchilla refit's α and β (`chinchillaHeadline()`). */
  chinchillaStderr: { alpha: number; beta: number };
  /** Fits with N = all parameters, by training set and validation set. */
  fits: DomainFit[];
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

/**
 * Completes and checks notebook 09's settings before any computation: no unknown key, each value of
 * its default's kind (finite numbers, an array of them), then each value in its range.
 */
function validate(settings: Partial<Settings09> | undefined): Settings09 {
  const s = requireSettings("settings", settings, SETTINGS_09 as Settings09);
  requireInteger("resamples", s.resamples, 50, 2000);
  requireInteger("seed", s.seed, 0);
  requireInRange("level", s.level, { min: 0.5, max: 0.99 });
  requireInRange("forecastMaxParams", s.forecastMaxParams, { min: 1.6e8, max: 6.8e9, maxOpen: true });
  if (!Array.isArray(s.units) || s.units.length === 0) throw new RangeError(`\`units\` must be a non-empty array, got ${JSON.stringify(s.units)}`);
  s.units.forEach((u, i) => requireInRange(`units[${i}]`, u, { min: 1, max: 1e9 }));
  return s;
}

const loadRows = memoise((_: null): OpenLmRow[] => parseOpenLmCsv(readInput("gadre2024_openlm_runs.csv")));

/** A selection of runs for a grid fit: training set, validation set, size convention, and which runs are kept. */
interface Selection {
  t: string;
  v: string;
  size: SizeConvention;
  /** Largest N kept (null: all). */
  maxParams: number | null;
  /** Leave out the runs with this token multiplier (null: none). */
  dropM: number | null;
  /** Leave out the runs of this model size (null: none). */
  dropSize: number | null;
  /** Huber threshold (null: Hoffmann et al.'s 10⁻³). */
  delta: number | null;
}

const select = (sel: Selection): OpenLmRow[] =>
  selectRows(loadRows(null), sel.t, sel.v).filter((r) =>
    (sel.maxParams === null || r.params <= sel.maxParams) && r.tokenMultiplier !== sel.dropM && r.params !== sel.dropSize
  );

/** The grid fit of a selection: independent of the bootstrap's seed and resamples, so computed once per process. */
const gridFit = memoise((sel: Selection): ChinchillaFit =>
  fitChinchilla(fitData(toRuns(select(sel), sel.size)), sel.delta === null ? {} : { delta: sel.delta })
);

const selection = (t: string, v: string, over: Partial<Selection> = {}): Selection =>
  ({ t, v, size: "params", maxParams: null, dropM: null, dropSize: null, delta: null, ...over });

function fitDomain(rows: OpenLmRow[], trainDataset: string, valSet: string, s: Settings09, size: SizeConvention = "params", maxParams = Infinity): DomainFit {
  const all = selectRows(rows, trainDataset, valSet);
  const sel = selection(trainDataset, valSet, { size, maxParams: Number.isFinite(maxParams) ? maxParams : null });
  const runs = toRuns(select(sel), size).map(({ N, D, loss }) => ({ N, D, loss }));
  const data = fitData(runs);
  const fit = gridFit(sel);
  const lawFit: LawFit = { runs, data, fit, bootstrap: bootstrapLaw(data, fit, { resamples: s.resamples, seed: s.seed, level: s.level }) };
  const top = all.reduce((a, b) => (b.params > a.params ? b : a));
  return { trainDataset, valSet, lawFit, summary: lawFit.bootstrap.summary, largestLoss: top.loss };
}

/**
 * Runs notebook 09's analysis: 30 grid fits with bootstraps (24 per training × validation set, 3 with
 * N without embeddings, 3 forecast fits); the Chinchilla refit is notebook 08's (`analysis08()`). Computed once per process and
 * settings (missing settings take `SETTINGS_09`). The settings are checked before any computation.
 * @throws {TypeError} if `settings` is not an object or a value is not of its default's kind;
 *   {RangeError} for an unknown key, a non-finite value or a value outside its range.
 * @example analysis09().fits.length // 24
 */
export function analysis09(settings: Partial<Settings09> = {}): Analysis09 {
  return runAnalysis(validate(settings));
}

const runAnalysis = memoise((s: Settings09): Analysis09 => {
  const rows = loadRows(null);
  const headline = chinchillaHeadline();
  const chinchilla = headline.law;
  // Every validation set lists a training set's runs in the same order, so equal seeds give paired resamples.
  for (const t of OPENLM_TRAIN_DATASETS) {
    const order = selectRows(rows, t, "c4_val").map((r) => r.run).join();
    for (const v of OPENLM_VAL_SETS) {
      if (selectRows(rows, t, v).map((r) => r.run).join() !== order) throw new Error(`runs of ${t} on ${v} are not in c4_val's order`);
    }
  }
  const fits = OPENLM_TRAIN_DATASETS.flatMap((t) => OPENLM_VAL_SETS.map((v) => fitDomain(rows, t, v, s)));
  const noEmbed = OPENLM_TRAIN_DATASETS.map((t) => fitDomain(rows, t, "c4_val", s, "params_no_embed"));
  const forecastFits = OPENLM_TRAIN_DATASETS.map((t) => fitDomain(rows, t, "c4_val", s, "params", s.forecastMaxParams));
  const forecast = forecastFits.flatMap((ff) =>
    selectRows(rows, ff.trainDataset, "c4_val").filter((r) => r.params > s.forecastMaxParams).map((r): ForecastRow => {
      const p = predictLoss(ff.lawFit, r.params, r.trainTokens);
      return {
        train_dataset: r.trainDataset, val_set: r.valSet, run: r.run, params: r.params, train_tokens: r.trainTokens,
        loss: r.loss, predicted: p.predicted, pred_low: p.low, pred_high: p.high,
      };
    })
  );
  const forecastNoShort = OPENLM_TRAIN_DATASETS.flatMap((t) => {
    const law = gridFit(selection(t, "c4_val", { maxParams: s.forecastMaxParams, dropM: 0.25 })).law;
    return selectRows(rows, t, "c4_val").filter((r) => r.params > s.forecastMaxParams).map((r): ForecastRow => {
      const predicted = chinchillaLoss(law, r.params, r.trainTokens);
      return {
        train_dataset: r.trainDataset, val_set: r.valSet, run: r.run, params: r.params, train_tokens: r.trainTokens,
        loss: r.loss, predicted, pred_low: predicted, pred_high: predicted,
      };
    });
  });
  const residuals = OPENLM_TRAIN_DATASETS.flatMap((t) => {
    const f = fits.find((x) => x.trainDataset === t && x.valSet === "c4_val")!;
    const sel = selectRows(rows, t, "c4_val");
    const res = logResiduals(f.lawFit.fit.law, f.lawFit.runs);
    const rms = Math.sqrt(res.reduce((a, r) => a + r * r, 0) / res.length);
    const group = (by: "M" | "N", key: (r: OpenLmRow) => number) =>
      [...new Set(sel.map(key))].sort((a, b) => a - b).map((value): ResidualGroup => {
        const idx = sel.map((r, i) => (key(r) === value ? i : -1)).filter((i) => i >= 0);
        const mean = idx.reduce((a, i) => a + res[i], 0) / idx.length;
        return { train_dataset: t, by, value, runs: idx.length, mean_residual: mean, bound: (2 * rms) / Math.sqrt(idx.length) };
      });
    return [...group("M", (r) => r.tokenMultiplier), ...group("N", (r) => r.params)];
  });
  const section3 = OPENLM_TRAIN_DATASETS.map((t): Section3 => {
    const f = fits.find((x) => x.trainDataset === t && x.valSet === "c4_val")!;
    const sel = selectRows(rows, t, "c4_val");
    const top = sel.reduce((a, b) => (b.params > a.params ? b : a));
    const law = f.lawFit.fit.law;
    const cut = cutAlongN(law, top.trainTokens);
    const running = resampleValues(f.lawFit.bootstrap, (l) => runningExponentOfCut(cutAlongN(l, top.trainTokens), top.params));
    const [runningLow, runningHigh] = percentileInterval(running, s.level);
    const beyond = runsBeyondCrossover(toRuns(sel), law);
    const front = cutFrontierInN(law);
    const fRunning = resampleValues(f.lawFit.bootstrap, (l) => runningExponentOfCut(cutFrontierInN(l), top.params));
    const [frontierRunningLow, frontierRunningHigh] = percentileInterval(fRunning, s.level);
    return {
      trainDataset: t, N: top.params, D: top.trainTokens, crossover: crossover(cut), beyond: beyond.ownD, total: beyond.total,
      runningExponent: runningExponentOfCut(cut, top.params), runningLow, runningHigh,
      p: s.units.map((u) => pedestalRatio(cut, u)),
      pCrit: s.units.map((u) => criticalPedestal(Math.max(1, top.params / u), cut.gamma)),
      frontierCrossover: crossover(front), frontierBeyond: beyond.frontier,
      frontierRunning: runningExponentOfCut(front, top.params), frontierRunningLow, frontierRunningHigh,
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
    const f = fits.find((x) => x.trainDataset === t && x.valSet === "c4_val")!;
    const res = logResiduals(f.lawFit.fit.law, f.lawFit.runs);
    return { train_dataset: t, inside: res.filter((r) => Math.abs(r) <= 1e-3).length, runs: res.length };
  });
  const cluster = OPENLM_TRAIN_DATASETS.map((t): ClusterRow => {
    const f = fits.find((x) => x.trainDataset === t && x.valSet === "c4_val")!;
    const cb = clusterBootstrap(f.lawFit.data, f.lawFit.fit, f.lawFit.runs.map((r) => r.N), { resamples: s.resamples, seed: s.seed });
    const [cluster_low, cluster_high] = percentileInterval(cb.estimates.alpha, s.level);
    const r = param(f, "alpha");
    const loso = sensitivity.filter((x) => x.train_dataset === t && x.variant.startsWith("without N")).map((x) => x.alpha);
    return {
      train_dataset: t, alpha: r.estimate, run_low: r.ci_low, run_high: r.ci_high, cluster_low, cluster_high, redrawn: cb.redrawn,
      loso_min: Math.min(...loso), loso_max: Math.max(...loso),
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
    settings: s, rows, chinchilla, chinchillaStderr: { alpha: headline.alphaStderr, beta: headline.betaStderr }, fits, noEmbed, forecastFits,
    forecast, forecastNoShort, residuals, section3, sensitivity, huberInside, cluster, monteCarlo: { worstFraction, worstAbsolute },
  };
});

const f = (v: number, d = 3) => formatNumber(v, d);
const pct = (v: number, d = 2) => `${formatNumber(100 * v, d)} %`;
const T = (t: string) => OPENLM_TRAIN_LABELS[t] ?? t;
const V = (v: string) => OPENLM_VAL_LABELS[v] ?? v;
const param = (fit: DomainFit, p: ParameterSummary["parameter"]) => fit.summary.find((r) => r.parameter === p)!;

/** The c4_val fit of a training set. */
export function c4Fit(a: Analysis09, trainDataset: string): DomainFit {
  return fitOf(a, trainDataset, "c4_val");
}

/** The fit of one training set on one validation set. @throws {TypeError}/{RangeError} naming what is not there. */
function fitOf(a: Analysis09, trainDataset: string, valSet: string): DomainFit {
  requireFields("a", a, ["fits", "settings"], "analysis09()");
  requireString("trainDataset", trainDataset);
  requireString("valSet", valSet);
  const found = Array.isArray(a.fits) ? a.fits.find((x) => x.trainDataset === trainDataset && x.valSet === valSet) : undefined;
  if (!found) throw new RangeError(`\`trainDataset\` = ${JSON.stringify(trainDataset)} with \`valSet\` = ${JSON.stringify(valSet)} has no fit in \`a\``);
  return found;
}

/** Paired interval of alpha(v1) - alpha(v2) over the same resamples, for one training set. */
export function alphaDifference(a: Analysis09, trainDataset: string, v1: string, v2: string): [number, number] {
  const get = (v: string) => fitOf(a, trainDataset, v).lawFit.bootstrap.estimates.alpha;
  return pairedInterval(get(v1), get(v2), a.settings.level);
}

/** Spearman's correlation between alpha and the largest run's loss across the eight validation sets, with its bootstrap interval. */
export function exponentLossCorrelation(a: Analysis09, trainDataset: string): { rho: number; low: number; high: number } {
  const fs = OPENLM_VAL_SETS.map((v) => fitOf(a, trainDataset, v));
  const losses = fs.map((x) => x.largestLoss);
  const rho = spearman(fs.map((x) => x.lawFit.fit.law.alpha), losses);
  const B = a.settings.resamples;
  const rhos = Array.from({ length: B }, (_, b) => spearman(fs.map((x) => x.lawFit.bootstrap.estimates.alpha[b]), losses));
  const [low, high] = percentileInterval(rhos, a.settings.level);
  return { rho, low, high };
}

function claims09(a: Analysis09): Claim[] {
  const s = a.settings;
  const L = `${formatNumber(100 * s.level, 3)} %`;
  const c4 = OPENLM_TRAIN_DATASETS.map((t) => c4Fit(a, t));
  const ch = a.chinchilla;

  // 1. Chinchilla's exponents against each training set's fit: two-sample z with both fits' bootstrap standard errors.
  const zCrit = studentTQuantile((1 + s.level) / 2, 1e6); // the normal quantile, to 10⁻⁶
  const inside = c4.flatMap((x) => (["alpha", "beta"] as const).map((p) => {
    const r = param(x, p);
    const z = (ch[p] - r.estimate) / Math.sqrt(r.stderr ** 2 + a.chinchillaStderr[p] ** 2);
    return { t: x.trainDataset, p, ok: ch[p] >= r.ci_low && ch[p] <= r.ci_high, r, z };
  }));
  const nInside = inside.filter((x) => x.ok).length;
  const maxZ = Math.max(...inside.map((x) => Math.abs(x.z)));
  const c1 = claim({
    id: "09.chinchilla-exponents",
    paper: "ours",
    ref: "§3; Hoffmann et al. 2022 Approach 3",
    claim: "The law refitted to the Chinchilla runs (notebook 08) has the exponents α, β of these runs too (C4 validation loss, N = all parameters)",
    numbers: {
      chinchilla_alpha: ch.alpha, chinchilla_beta: ch.beta, inside: nInside, total: inside.length, max_abs_z: maxZ,
      chinchilla_alpha_stderr: a.chinchillaStderr.alpha, chinchilla_beta_stderr: a.chinchillaStderr.beta,
      ...Object.fromEntries(c4.flatMap((x) => [[`alpha_${x.trainDataset}`, param(x, "alpha").estimate], [`beta_${x.trainDataset}`, param(x, "beta").estimate]])),
      ...Object.fromEntries(inside.map((x) => [`z_${x.p}_${x.t}`, x.z])),
    },
    // The verdict rests on the largest two-sample |z| (both fits' uncertainty), not on the count inside one fit's intervals.
    verdict: maxZ > zCrit ? "does not hold" : "holds",
    reason: `Chinchilla refit α = ${f(ch.alpha)} ± ${f(a.chinchillaStderr.alpha, 2)}, β = ${f(ch.beta)} ± ${f(a.chinchillaStderr.beta, 2)}; ` +
      `two-sample z (both bootstrap standard errors): ` +
      inside.map((x) => `${T(x.t)} ${x.p === "alpha" ? "α" : "β"} ${f(x.r.estimate)} ± ${f(x.r.stderr, 2)}: z = ${f(x.z, 3)}`).join(", ") +
      `; largest |z| ${f(maxZ, 3)} > ${f(zCrit, 3)}. (${nInside} of ${inside.length} Chinchilla values inside our ${L} intervals, a count near its ` +
      `Monte-Carlo error that the verdict does not use.) E is not comparable (other data, other tokenizer)`,
  });

  // 2. The exponents against the paper's band (the main loss decides; other domains in the reason).
  // The verdict reads the run-level intervals and every fit variant (each size left out is the deterministic
  // size-level check); the size-level (cluster) interval ends sit within their Monte-Carlo error of 0.1 for one
  // training set, so they are reported, not used.
  const variantLow = Math.min(...a.sensitivity.map((x) => x.alpha));
  const c4Low = Math.max(...c4.map((x) => param(x, "alpha").ci_low));
  const c4Lowest = Math.min(...c4.map((x) => param(x, "alpha").ci_low), variantLow);
  const inBand = a.fits.filter((x) => param(x, "alpha").ci_low <= EXPONENT_BAND[1]).length;
  const c2 = claim({
    id: "09.alpha-band",
    paper: "s1.exponent-band",
    ref: "§1, §6",
    claim: `The model-size exponent α of language models lies in the paper's band ${EXPONENT_BAND[0]}–${EXPONENT_BAND[1]}`,
    numbers: {
      lowest_c4_alpha_ci_low: c4Lowest, lowest_variant_alpha: variantLow, fits_reaching_band: inBand, fits: a.fits.length,
      lowest_cluster_low: Math.min(...a.cluster.map((x) => x.cluster_low)),
    },
    verdict: c4Lowest > EXPONENT_BAND[1] ? "does not hold" : c4Low <= EXPONENT_BAND[1] ? "holds" : "not testable",
    reason: `α of the reducible term, with the pedestal E + B/D^β fitted separately: on C4 validation the run-level intervals start at ` +
      `${c4.map((x) => f(param(x, "alpha").ci_low)).join(", ")}, and every fit variant (least squares, without M = 0.25, each size ` +
      `left out) keeps α at ${f(variantLow)} or more, all above ${EXPONENT_BAND[1]}. The size-level (cluster) intervals of the ` +
      `robustness table are wider, and with six sizes their ends move with the seed (one lies near ${EXPONENT_BAND[1]}), so the verdict does not read them; over all ${a.fits.length} fits ` +
      `(3 training × 8 validation sets) ${inBand} interval${inBand === 1 ? "" : "s"} reach${inBand === 1 ? "es" : ""} down to ${EXPONENT_BAND[1]}`,
  });

  // 3. Size convention.
  const conv = OPENLM_TRAIN_DATASETS.map((t, i) => {
    const x = c4Fit(a, t), y = a.noEmbed[i];
    const [lo, hi] = pairedInterval(y.lawFit.bootstrap.estimates.alpha, x.lawFit.bootstrap.estimates.alpha, s.level);
    return { t, with: x.lawFit.fit.law.alpha, without: y.lawFit.fit.law.alpha, lo, hi };
  });
  const moved = conv.filter((c) => c.lo > 0 || c.hi < 0).length;
  const c3 = claim({
    id: "09.size-convention",
    paper: "ours",
    ref: "Kaplan et al. 2020 vs Hoffmann et al. 2022 (not the paper)",
    claim: "Counting N without the embedding parameters (Kaplan's convention) instead of all parameters (Chinchilla's) changes the fitted α",
    numbers: Object.fromEntries(conv.flatMap((c) => [[`alpha_params_${c.t}`, c.with], [`alpha_no_embed_${c.t}`, c.without]])),
    // One training set whose α moves beyond its paired interval is enough to show the convention matters.
    verdict: moved > 0 ? "holds" : "not testable",
    reason: conv.map((c) => `${T(c.t)}: α ${f(c.with)} → ${f(c.without)} (paired ${L} interval of the change [${f(c.lo, 2)}, ${f(c.hi, 2)}])`).join("; ") +
      `; ${moved} of ${conv.length} changes exclude 0`,
  });

  // 4. Crossover, on both cuts: along N at the largest run's D, and the compute-optimal frontier.
  const s3 = a.section3;
  const largestBeyond = s3.filter((x) => x.N > x.crossover).length;
  const largestBeyondF = s3.filter((x) => x.N > x.frontierCrossover).length;
  const allRuns = s3.reduce((n, x) => n + x.total, 0), allBeyond = s3.reduce((n, x) => n + x.beyond, 0);
  const allBeyondF = s3.reduce((n, x) => n + x.frontierBeyond, 0);
  const both = largestBeyond + largestBeyondF;
  const c4c = claim({
    id: "09.beyond-crossover",
    paper: "s3.beyond-crossover",
    ref: "§3, eqs. 6–8",
    claim: "Large language models lie beyond the crossover of eqs. 6–7, where the pedestal exceeds the power-law part",
    numbers: {
      largest_beyond: largestBeyond, largest_beyond_frontier: largestBeyondF, training_sets: s3.length,
      runs_beyond: allBeyond, runs_beyond_frontier: allBeyondF, runs: allRuns,
    },
    verdict: both === 2 * s3.length ? "holds" : both === 0 ? "does not hold" : "not testable",
    reason: `the 6.9B model lies beyond the crossover in ${largestBeyond} of ${s3.length} training sets on the fixed-D cut (at its own D: ` +
      s3.map((x) => `${T(x.trainDataset)} ${f(x.crossover)}`).join(", ") + ` parameters) and in ${largestBeyondF} of ${s3.length} on the ` +
      `compute-optimal frontier (` + s3.map((x) => `${T(x.trainDataset)} ${f(x.frontierCrossover)}`).join(", ") + `); of all runs, ` +
      `${allBeyond} of ${allRuns} lie beyond the fixed-D crossover of their own D (nearly automatic for that cut) and ${allBeyondF} of ${allRuns} ` +
      `beyond the frontier's`,
  });

  // 5. Running exponent at the largest model, on both cuts.
  const maxHigh = Math.max(...s3.flatMap((x) => [x.runningHigh, x.frontierRunningHigh]));
  const cuts = s3.flatMap((x) => [x.runningExponent, x.frontierRunning]);
  const runningInBand = cuts.filter((r) => r >= EXPONENT_BAND[0] && r <= EXPONENT_BAND[1]).length;
  const runningBelow = cuts.filter((r) => r < EXPONENT_BAND[0]).length;
  const c5 = claim({
    id: "09.running-exponent",
    paper: "s1.exponent-band",
    ref: "§1, §3, eq. 5",
    claim: `At the largest model the total loss falls with N as slowly as the paper's small exponents say (running exponent at most ${EXPONENT_BAND[1]})`,
    numbers: {
      ...Object.fromEntries(s3.flatMap((x) => [[`running_${x.trainDataset}`, x.runningExponent], [`running_frontier_${x.trainDataset}`, x.frontierRunning]])),
      max_upper_end: maxHigh, in_band: runningInBand, below_band: runningBelow,
    },
    // On the fitted laws' running exponents (estimates); an interval end near 0.1 would make the verdict seed-dependent.
    verdict: cuts.every((r) => r <= EXPONENT_BAND[1]) ? "holds" : s3.every((x) => x.runningLow > EXPONENT_BAND[1] && x.frontierRunningLow > EXPONENT_BAND[1]) ? "does not hold" : "not testable",
    reason: `−d log L/d log N at N = 6.9·10⁹, on the fixed-D cut at its own D: ` +
      s3.map((x) => `${T(x.trainDataset)} ${f(x.runningExponent)} [${f(x.runningLow)}, ${f(x.runningHigh)}]`).join(", ") +
      `; on the compute-optimal frontier: ` +
      s3.map((x) => `${T(x.trainDataset)} ${f(x.frontierRunning)} [${f(x.frontierRunningLow)}, ${f(x.frontierRunningHigh)}]`).join(", ") +
      `; ${runningInBand} of ${cuts.length} inside ${EXPONENT_BAND[0]}–${EXPONENT_BAND[1]}, ${runningBelow} below it`,
  });

  // 6. Pedestal ratio and its unit, on both cuts.
  const pAll = s3.flatMap((x) => [...x.p, ...x.frontierP]);
  const above = pAll.filter((p) => p > 0.01).length;
  const pcWins = s3.every((x) =>
    x.p.every((p, i) => (p > x.pCrit[i]) === (x.N > x.crossover)) && x.frontierP.every((p, i) => (p > x.frontierPCrit[i]) === (x.N > x.frontierCrossover))
  );
  const c6 = claim({
    id: "09.pedestal-unit",
    paper: "s3.pedestal-above-001",
    ref: "§3, eqs. 4, 8",
    claim: "The pedestal ratio p of eq. 4 is above 0.01 for real models (the paper: \"well above\")",
    numbers: {
      ...Object.fromEntries(s3.flatMap((x) => s.units.map((u, i) => [`p_${x.trainDataset}_unit_${u}`, x.p[i]]))),
      ...Object.fromEntries(s3.flatMap((x) => s.units.map((u, i) => [`p_frontier_${x.trainDataset}_unit_${u}`, x.frontierP[i]]))),
      above: above, values: pAll.length, eq8_same_as_crossover: pcWins ? 1 : 0,
    },
    verdict: above === pAll.length ? "holds" : above === 0 ? "does not hold" : "not testable",
    reason: `with N in units of ${s.units.map((u) => f(u)).join(" / ")}: on the fixed-D cut at the 6.9B run's D p = ` +
      s3.map((x) => `${T(x.trainDataset)} ${x.p.map((p) => f(p, 2)).join(" / ")}`).join(", ") +
      `; on the compute-optimal frontier p = ` + s3.map((x) => `${T(x.trainDataset)} ${x.frontierP.map((p) => f(p, 2)).join(" / ")}`).join(", ") +
      `: ${above} of ${pAll.length} above 0.01, ${above === pAll.length || above === 0 ? "the same side in every unit and cut" : "which side of 0.01 depends on the unit and the cut"}; ` +
      `eq. 8 (p against p_crit(N/u)) ${pcWins ? "agrees with the crossover in every unit and on both cuts" : "disagrees with the crossover somewhere"}`,
  });

  // 7. Forecast: coverage, and the bias (every prediction on one side), with the M = 0.25 runs left out beside.
  const fc = a.forecast;
  const errs = fc.map((r) => (r.predicted - r.loss) / r.loss);
  const maxErr = Math.max(...errs.map(Math.abs));
  const meanAbs = errs.reduce((m, e) => m + Math.abs(e), 0) / errs.length;
  const covered = fc.filter((r) => r.loss >= r.pred_low && r.loss <= r.pred_high).length;
  const under = errs.filter((e) => e < 0).length;
  // Sign test: under no bias each prediction is too low with probability 1/2; two-sided p of a count this lopsided.
  const k = Math.max(under, fc.length - under);
  let tail = 0;
  for (let j = k; j <= fc.length; j++) tail += binomial(fc.length, j) / 2 ** fc.length;
  const signP = Math.min(1, 2 * tail);
  const errsNo = a.forecastNoShort.map((r) => (r.predicted - r.loss) / r.loss);
  const maxNo = Math.max(...errsNo.map(Math.abs));
  const meanNo = errsNo.reduce((m, e) => m + Math.abs(e), 0) / errsNo.length;
  const c7 = claim({
    id: "09.forecast",
    paper: "ours",
    ref: "Gadre et al. 2024; the use of a scaling law",
    claim: `A law fitted to the runs up to ${f(s.forecastMaxParams)} parameters predicts the larger runs' C4 validation loss without bias`,
    numbers: {
      predictions: fc.length, inside: covered, below_measured: under, max_abs_relative_error: maxErr, mean_abs_relative_error: meanAbs,
      sign_test_p: signP, max_abs_error_without_short: maxNo, mean_abs_error_without_short: meanNo, gadre_reported_error: GADRE_2024_REPORTED_ERROR,
    },
    // On the point predictions (grid fits, independent of the seed): a sign test of the errors at the notebook's level.
    verdict: signP < 1 - s.level ? "does not hold" : "holds",
    reason: `errors ` +
      fc.map((r, i) => `${T(r.train_dataset)} ${f(r.params, 2)}: ${errs[i] >= 0 ? "+" : ""}${pct(errs[i])}`).join(", ") +
      ` (mean |error| ${pct(meanAbs)}). ${under} of ${fc.length} predictions are too low: a bias, not scatter (sign test p = ${f(signP, 2)}); ` +
      `${covered} of ${fc.length} measured losses lie inside the ${L} bootstrap intervals, a count that moves with the seed. ` +
      `Refitted without the M = 0.25 runs that the residual table flags: mean |error| ${pct(meanNo)}, worst ${pct(maxNo)}; ` +
      `Gadre et al. report errors of about ${pct(GADRE_2024_REPORTED_ERROR, 1)} with their own law (in N and M)`,
    headline: `A law fitted only to runs up to ${f(s.forecastMaxParams, 2)} parameters predicts the C4 validation loss of the ` +
      `${fc.length} larger runs (up to 6.9·10⁹ parameters) to within ${pct(maxErr)} (mean ${pct(meanAbs)}), but ${under} of ${fc.length} ` +
      `predictions are too low (sign test p = ${f(signP, 2)}): a bias, not scatter, which its wide bootstrap intervals hide. Without the M = 0.25 runs ` +
      `the errors are ${pct(meanNo)} on average (worst ${pct(maxNo)}), against the ${pct(GADRE_2024_REPORTED_ERROR, 1)} Gadre et al. report for their law.`,
  });

  // 8. Domains differ? 28 paired comparisons per training set, family-wise controlled by max-T; in-distribution apart.
  const pairs: [string, string][] = [];
  OPENLM_VAL_SETS.forEach((v, i) => OPENLM_VAL_SETS.slice(i + 1).forEach((w) => pairs.push([v, w])));
  const alphaOf = (t: string, v: string) => a.fits.find((y) => y.trainDataset === t && y.valSet === v)!;
  const fwer = 1 - s.level;
  const perTrain = OPENLM_TRAIN_DATASETS.map((t) => {
    const point = pairs.map(([v, w]) => alphaOf(t, v).lawFit.fit.law.alpha - alphaOf(t, w).lawFit.fit.law.alpha);
    const boot = pairs.map(([v, w]) => {
      const x = alphaOf(t, v).lawFit.bootstrap.estimates.alpha, y = alphaOf(t, w).lawFit.bootstrap.estimates.alpha;
      return x.map((xb, b) => xb - y[b]);
    });
    const mt = maxTAdjusted(point, boot);
    const best = mt.p.indexOf(Math.min(...mt.p));
    const survive = pairs.filter((_, k) => mt.p[k] <= fwer);
    const uncorrected = pairs.filter(([v, w]) => {
      const [lo, hi] = alphaDifference(a, t, v, w);
      return lo > 0 || hi < 0;
    });
    return { t, survive, uncorrected, globalP: mt.p[best], globalErr: mt.mcError[best], bestPair: pairs[best] };
  });
  const own: [string, string][] = [["c4_original", "c4_val"], ["rpj", "paloma_redpajama"], ["rw_original", "paloma_falcon_refinedweb"]];
  const ownAlpha = own.map(([t, v]) => alphaOf(t, v));
  const ownPairs = [[0, 1], [0, 2], [1, 2]].map(([i, j]) => {
    // Different runs: independent resamples, so the b-th draws of the two fits pair at random, as independent draws should.
    const [lo, hi] = pairedInterval(ownAlpha[i].lawFit.bootstrap.estimates.alpha, ownAlpha[j].lawFit.bootstrap.estimates.alpha, s.level);
    return { i, j, lo, hi };
  });
  const ownDiffer = ownPairs.filter((x) => x.lo > 0 || x.hi < 0).length;
  const anyDiffer = perTrain.filter((x) => x.survive.length > 0).length;
  const c8 = claim({
    id: "09.domains-differ",
    paper: "s4.data-set-exponent",
    ref: "§4, eq. 9; §6",
    claim: "The data set the exponent: the same models measured on different validation data have different α",
    numbers: {
      pairs: pairs.length, own_domain_pairs_differ: ownDiffer,
      ...Object.fromEntries(perTrain.flatMap((x) => [[`survive_maxT_${x.t}`, x.survive.length], [`global_p_${x.t}`, x.globalP], [`uncorrected_${x.t}`, x.uncorrected.length]])),
      ...Object.fromEntries(own.map(([t], i) => [`alpha_own_${t}`, ownAlpha[i].lawFit.fit.law.alpha])),
    },
    // The verdict rests on the family-wise test (every training set must show a surviving pair), never on the
    // uncorrected counts, which move with the seed. No surviving pair is no evidence that the domains share α.
    verdict: anyDiffer === perTrain.length ? "holds" : "not testable",
    reason: `max-T over the ${pairs.length} paired comparisons of each training set (family-wise ${pct(fwer, 2)}): ` +
      perTrain.map((x) => `${T(x.t)} ${x.survive.length} pair${x.survive.length === 1 ? "" : "s"} survive (smallest adjusted p = ` +
        `${f(x.globalP, 2)} ± ${f(x.globalErr, 1)}, ${V(x.bestPair[0])} − ${V(x.bestPair[1])})`).join("; ") +
      `. Without the correction ${perTrain.map((x) => `${T(x.t)} ${x.uncorrected.length}`).join(", ")} of ${pairs.length} paired intervals exclude 0 ` +
      `(counts of that size are inside their Monte-Carlo error). Those comparisons are transfer (code or German–English on a web-trained model); ` +
      `in distribution, each training set on its own validation set, α = ${ownAlpha.map((x, i) => `${T(own[i][0])} ${f(x.lawFit.fit.law.alpha)}`).join(", ")}, ` +
      `and ${ownDiffer} of the 3 differences excludes 0 (` + ownPairs.map((x) => `[${f(x.lo, 2)}, ${f(x.hi, 2)}]`).join(", ") + `)`,
  });

  // 9. Ordering of exponents against loss level.
  const cor = OPENLM_TRAIN_DATASETS.map((t) => ({ t, ...exponentLossCorrelation(a, t) }));
  const neg = cor.filter((c) => c.high < 0).length, pos = cor.filter((c) => c.low > 0).length;
  const c9 = claim({
    id: "09.order-vs-loss",
    paper: "s4.data-set-exponent",
    ref: "§4, eq. 9",
    claim: "Harder data (larger d) have smaller α: across validation sets α falls as the loss level rises",
    numbers: Object.fromEntries(cor.flatMap((c) => [[`rho_${c.t}`, c.rho], [`rho_low_${c.t}`, c.low], [`rho_high_${c.t}`, c.high]])),
    verdict: neg === cor.length ? "holds" : pos === cor.length ? "does not hold" : "not testable",
    reason: `Spearman's ρ between α and the 6.9B model's loss over the 8 validation sets (${L} bootstrap interval): ` +
      cor.map((c) => `${T(c.t)} ${f(c.rho, 2)} [${f(c.low, 2)}, ${f(c.high, 2)}]`).join(", ") +
      `; ${neg} negative, ${pos} positive, ${cor.length - neg - pos} undecided. The loss level mixes the domain's entropy with its distance from the training set`,
  });

  // Fit-choice sensitivity: the reducible α under every variant.
  const minVariant = Math.min(...a.sensitivity.map((x) => x.alpha)), maxVariant = Math.max(...a.sensitivity.map((x) => x.alpha));
  const huberIn = a.huberInside;
  const c12 = claim({
    id: "09.fit-choice",
    paper: "ours",
    ref: "our check of the fits (Huber δ, least squares, leave one size out, without M = 0.25)",
    claim: `The reducible-loss α on C4 validation stays above ${EXPONENT_BAND[1]} (d = 4/α below ${THRESHOLD_DIMENSION}) whatever the fit choice`,
    numbers: { min_alpha: minVariant, max_alpha: maxVariant, variants: a.sensitivity.length, ...Object.fromEntries(huberIn.map((x) => [`huber_inside_${x.train_dataset}`, x.inside])) },
    verdict: minVariant > EXPONENT_BAND[1] ? "holds" : "does not hold",
    reason: `over ${a.sensitivity.length} fits (3 training sets × the headline, least squares, without M = 0.25, and each of the six sizes left out) ` +
      `α runs from ${f(minVariant)} to ${f(maxVariant)} (d = 4/α ${f(4 / maxVariant, 3)}–${f(4 / minVariant, 3)}); leaving one size out moves C4's α over ` +
      `${f(a.cluster[0].loso_min)}–${f(a.cluster[0].loso_max)}. With δ = 10⁻³ only ${huberIn.map((x) => `${x.inside} of ${x.runs}`).join(", ")} residuals ` +
      `fall inside δ: the headline fit is nearly least absolute deviations`,
  });

  // 10. Implied d = 4/alpha.
  const dRows = a.fits.map((x) => {
    const r = param(x, "alpha");
    return { x, d: dimensionForExponent(r.estimate), dLow: dimensionForExponent(r.ci_high), dHigh: dimensionForExponent(r.ci_low) };
  });
  const dMax = Math.max(...dRows.map((r) => r.dHigh));
  const dC4High = Math.max(...dRows.filter((r) => r.x.valSet === "c4_val").map((r) => r.dHigh));
  const dC4Low = Math.min(...dRows.filter((r) => r.x.valSet === "c4_val").map((r) => r.dLow));
  const dAbove = dRows.filter((r) => r.dHigh >= THRESHOLD_DIMENSION).length;
  const dC4 = c4.map((x) => dimensionForExponent(x.lawFit.fit.law.alpha));
  const c10 = claim({
    id: "09.implied-dimension",
    paper: "s6.small-because-high-d",
    ref: "§4, eq. 9; §6 (Sharma & Kaplan 2022)",
    claim: `The model-size exponent of the reducible loss is Sharma–Kaplan's 4/d with d above ${THRESHOLD_DIMENSION} (so α < 0.1)`,
    numbers: {
      d_c4_max_upper_end: dC4High, d_max_upper_end: dMax, fits_reaching_threshold: dAbove, d_min: Math.min(...dRows.map((r) => r.d)), d_max: Math.max(...dRows.map((r) => r.d)),
      ...Object.fromEntries(c4.map((x, i) => [`d_c4_${x.trainDataset}`, dC4[i]])),
    },
    verdict: dC4High < THRESHOLD_DIMENSION ? "does not hold" : dC4Low > THRESHOLD_DIMENSION ? "holds" : "not testable",
    reason: `d = 4/α from the model-size exponent of the reducible loss (in scope for Sharma–Kaplan: α of N with the data term separated, ` +
      `i.e. a model trained on enough data): ${f(Math.min(...dRows.map((r) => r.d)), 2)}–${f(Math.max(...dRows.map((r) => r.d)), 2)} over the 24 fits ` +
      `(C4 validation: ${dC4.map((d) => f(d, 2)).join(", ")}, intervals up to ${f(dC4High, 2)}); ${dAbove} of the ${dRows.length} intervals reach ${THRESHOLD_DIMENSION} (highest upper end ${f(dMax, 2)}). Which α is Sharma–Kaplan's decides: Kaplan's total-loss α_N = 0.076 would give d = ${f(dimensionForExponent(0.076), 2)}. ` +
      `So the data show that "reducible α = 4/d" and "d > ${THRESHOLD_DIMENSION}" cannot both hold, not that language has d < ${THRESHOLD_DIMENSION}; ` +
      `and if 4/d is only a lower bound on α, d ≥ 4/α says nothing against d > ${THRESHOLD_DIMENSION}`,
    headline: `On the open training runs of Gadre et al. 2024 the model-size exponent of the reducible loss is ` +
      `${f(Math.min(...c4.map((x) => x.lawFit.fit.law.alpha)), 2)}–${f(Math.max(...c4.map((x) => x.lawFit.fit.law.alpha)), 2)} on C4 validation ` +
      `(d = 4/α ≈ ${f(Math.min(...dC4), 2)}–${f(Math.max(...dC4), 2)}: "reducible α = 4/d" and the paper's d > ${THRESHOLD_DIMENSION} cannot both hold), ` +
      `in every fit variant we tried (least squares, without M = 0.25, each size left out: ${f(minVariant, 2)}–${f(maxVariant, 2)}), while the running exponent of the ` +
      `total loss at 6.9·10⁹ parameters is ${f(Math.min(...s3.map((x) => x.runningExponent)), 2)}–${f(Math.max(...s3.map((x) => x.runningExponent)), 2)} ` +
      `at the largest run's D and ${f(Math.min(...s3.map((x) => x.frontierRunning)), 2)}–${f(Math.max(...s3.map((x) => x.frontierRunning)), 2)} along the ` +
      `compute-optimal frontier: small because of the pedestal, not because α is.`,
  });

  // 11. Over-training.
  const flagged = a.residuals.filter((g) => Math.abs(g.mean_residual) > g.bound);
  const worst = a.residuals.reduce((m, g) => (Math.abs(g.mean_residual) > Math.abs(m.mean_residual) ? g : m));
  const c11 = claim({
    id: "09.over-training",
    paper: "others",
    ref: "Gadre et al. 2024; §3, eq. 3",
    claim: "One law L = E + A/N^α + B/D^β holds across token multipliers M = 0.25…32 and model sizes",
    numbers: { groups: a.residuals.length, flagged: flagged.length, worst_mean_residual: worst.mean_residual },
    verdict: flagged.length === 0 ? "holds" : "does not hold",
    reason: `mean log residual of each M group and each size group about its training set's fit, against 2 s/√n (s the fit's RMS residual): ` +
      `${flagged.length} of ${a.residuals.length} groups beyond it` +
      (flagged.length ? ` (${flagged.map((g) => `${T(g.train_dataset)} ${g.by} = ${f(g.value, 3)}: ${pct(g.mean_residual)}`).join(", ")})` : "") +
      `; largest |mean| ${pct(Math.abs(worst.mean_residual))}`,
  });

  return [c1, c2, c3, c4c, c5, c6, c7, c8, c9, c10, c12, c11];
}

/**
 * Markdown summary of the runs for notebook 09: how many runs per training set, the ranges of N,
 * D and M, the runs per model size, and the embeddings' share of the smallest and largest model.
 * @example runsNote09(analysis09()).startsWith("**104 runs")
 */
export function runsNote09(a: Analysis09): string {
  requireFields("a", a, ["rows"], "analysis09()");
  const c4 = a.rows.filter((r) => r.valSet === "c4_val");
  const range = (v: number[]) => `${f(Math.min(...v))} – ${f(Math.max(...v))}`;
  const per = OPENLM_TRAIN_DATASETS.map((t) => `${T(t)} ${c4.filter((r) => r.trainDataset === t).length}`).join(", ");
  const sizes = [...new Set(c4.map((r) => r.params))].sort((x, y) => x - y);
  const share = (n: number) => 1 - c4.find((r) => r.params === n)!.paramsNoEmbed / n;
  return `**${c4.length} runs** (${per}), each evaluated on ${OPENLM_VAL_SETS.length} validation sets (${a.rows.length} rows). ` +
    `N: ${range(c4.map((r) => r.params))} parameters (${range(c4.map((r) => r.paramsNoEmbed))} without embeddings); ` +
    `D: ${range(c4.map((r) => r.trainTokens))} tokens; M: ${range(c4.map((r) => r.tokenMultiplier))}; ` +
    `C4 validation loss: ${range(c4.map((r) => r.loss))} nats per token. ` +
    `Distinct model sizes: ${sizes.length}, with ${sizes.map((n) => c4.filter((r) => r.params === n).length).join(", ")} runs; ` +
    `the embeddings are ${pct(share(sizes[0]), 2)} of the smallest model's parameters and ${pct(share(sizes[sizes.length - 1]), 2)} of the largest's. The forecast fits the runs with N ≤ ${f(a.settings.forecastMaxParams)} ` +
    `(${c4.filter((r) => r.params <= a.settings.forecastMaxParams).length} runs) and predicts the other ${c4.filter((r) => r.params > a.settings.forecastMaxParams).length}.`;
}

/**
 * Markdown note on the bootstrap of notebook 09: resamples, warm starts, grid fallbacks, and the
 * Monte-Carlo error of the interval endpoints.
 * @example bootstrapNote09(analysis09())
 */
export function bootstrapNote09(a: Analysis09): string {
  requireFields("a", a, ["fits", "noEmbed", "forecastFits", "settings"], "analysis09()");
  const all = [...a.fits, ...a.noEmbed, ...a.forecastFits];
  const B = a.settings.resamples;
  return `${all.length} fits, each bootstrapped with ${B} resamples of its runs (seed ${a.settings.seed}): ${all.length * B} refits, ` +
    `each started from its fit's optimum (a refit that stops with E near 0 is run again from E's full-data value; one ` +
    `that does not converge after two warm restarts is refitted from the whole grid, and \`npm run bench\` prints how many). ` +
    `Monte-Carlo error of the ${pct(a.settings.level, 3)} interval ends of α on C4 validation (distribution-free 95% bound from the ` +
    `order statistics around the ${pct((1 - a.settings.level) / 2, 3)} and ${pct((1 + a.settings.level) / 2, 3)} positions): at most ` +
    `${f(a.monteCarlo.worstAbsolute, 2)} in α, ${pct(a.monteCarlo.worstFraction)} of the interval's width; it shrinks as 1/√${B}.`;
}

/**
 * The claim records of notebook 09 (memoised by settings; the analysis runs once per process).
 * @throws {TypeError} or {RangeError} for invalid settings, as `analysis09`.
 * @example findings09().claims.map((c) => c.id)
 */
export function findings09(settings: Partial<Settings09> = {}): Findings {
  return findingsOf(validate(settings));
}

const findingsOf = memoise((s: Settings09): Findings => ({
  notebook: "09_openlm",
  title: "A second real dataset: the open training runs of Gadre et al. 2024",
  claims: claims09(analysis09(s)),
}));
