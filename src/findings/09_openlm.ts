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
import type { ChinchillaLaw, ParameterSummary } from "../chinchilla_fit";
import { crossover, cutAlongN, pedestalRatio, runningExponentOfCut, runsBeyondCrossover } from "../chinchilla_pedestal";
import { percentileInterval } from "../bootstrap";
import { dimensionForExponent } from "../intrinsic_dimension";
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
} from "../openlm_data";
import {
  fitLaw,
  type LawFit,
  logResiduals,
  pairedInterval,
  predictLoss,
  quantileMonteCarloError,
  resampleValues,
  spearman,
} from "../openlm_fit";
import { criticalPedestal } from "../pedestal";
import { formatNumber } from "../format";
import { requireFields, requireInRange, requireInteger, requireSettings, requireString } from "../validate";
import { analysis08 } from "./08_chinchilla";
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
}

/** Everything notebook 09 and its figures and tables use. */
export interface Analysis09 {
  settings: Settings09;
  rows: OpenLmRow[];
  /** Notebook 08's Approach 3 refit of the 240 headline Chinchilla runs (`analysis08().fit.law`, its default settings). */
  chinchilla: ChinchillaLaw;
  /** Fits with N = all parameters, by training set and validation set. */
  fits: DomainFit[];
  /** Fits of c4_val with N = parameters without embeddings, by training set. */
  noEmbed: DomainFit[];
  /** The forecast fits (runs up to `forecastMaxParams`, c4_val) and their predictions. */
  forecastFits: DomainFit[];
  forecast: ForecastRow[];
  residuals: ResidualGroup[];
  section3: Section3[];
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

function fitDomain(rows: OpenLmRow[], trainDataset: string, valSet: string, s: Settings09, size: SizeConvention = "params", maxParams = Infinity): DomainFit {
  const all = selectRows(rows, trainDataset, valSet);
  const used = all.filter((r) => r.params <= maxParams);
  const lawFit = fitLaw(toRuns(used, size), { resamples: s.resamples, seed: s.seed, level: s.level });
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
  const rows = parseOpenLmCsv(readInput("gadre2024_openlm_runs.csv"));
  const chinchilla = analysis08().fit.law;
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
    return {
      trainDataset: t, N: top.params, D: top.trainTokens, crossover: crossover(cut), beyond: beyond.ownD, total: beyond.total,
      runningExponent: runningExponentOfCut(cut, top.params), runningLow, runningHigh,
      p: s.units.map((u) => pedestalRatio(cut, u)),
      pCrit: s.units.map((u) => criticalPedestal(Math.max(1, top.params / u), cut.gamma)),
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
  return { settings: s, rows, chinchilla, fits, noEmbed, forecastFits, forecast, residuals, section3, monteCarlo: { worstFraction, worstAbsolute } };
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

  // 1. Chinchilla's exponents inside each training set's intervals?
  const inside = c4.flatMap((x) => (["alpha", "beta"] as const).map((p) => {
    const r = param(x, p);
    return { t: x.trainDataset, p, ok: ch[p] >= r.ci_low && ch[p] <= r.ci_high, r };
  }));
  const nInside = inside.filter((x) => x.ok).length;
  const c1 = claim({
    id: "09.chinchilla-exponents",
    ref: "§3; Hoffmann et al. 2022 Approach 3",
    claim: "The law refitted to the Chinchilla runs (notebook 08) has the exponents α, β of these runs too (C4 validation loss, N = all parameters)",
    numbers: {
      chinchilla_alpha: ch.alpha, chinchilla_beta: ch.beta, inside: nInside, total: inside.length,
      ...Object.fromEntries(c4.flatMap((x) => [[`alpha_${x.trainDataset}`, param(x, "alpha").estimate], [`beta_${x.trainDataset}`, param(x, "beta").estimate]])),
    },
    verdict: nInside === inside.length ? "holds" : "does not hold",
    reason: `Chinchilla refit α = ${f(ch.alpha)}, β = ${f(ch.beta)}; ${nInside} of ${inside.length} inside our ${L} intervals: ` +
      inside.map((x) => `${T(x.t)} ${x.p === "alpha" ? "α" : "β"} ${f(x.r.estimate)} [${f(x.r.ci_low)}, ${f(x.r.ci_high)}]`).join(", ") +
      ". E is not comparable (other data, other tokenizer)",
  });

  // 2. The exponents against the paper's band (the main loss decides; other domains in the reason).
  const c4Low = Math.max(...c4.map((x) => param(x, "alpha").ci_low));
  const c4Lowest = Math.min(...c4.map((x) => param(x, "alpha").ci_low));
  const inBand = a.fits.filter((x) => param(x, "alpha").ci_low <= EXPONENT_BAND[1]).length;
  const c2 = claim({
    id: "09.alpha-band",
    ref: "§1, §6",
    claim: `The model-size exponent α of language models lies in the paper's band ${EXPONENT_BAND[0]}–${EXPONENT_BAND[1]}`,
    numbers: { lowest_c4_alpha_ci_low: c4Lowest, fits_reaching_band: inBand, fits: a.fits.length },
    verdict: c4Lowest > EXPONENT_BAND[1] ? "does not hold" : c4Low <= EXPONENT_BAND[1] ? "holds" : "not testable",
    reason: `α of the reducible term, with the pedestal E + B/D^β fitted separately: on C4 validation the intervals start at ` +
      `${c4.map((x) => f(param(x, "alpha").ci_low)).join(", ")}, all above ${EXPONENT_BAND[1]}; over all ${a.fits.length} fits ` +
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
    ref: "Kaplan et al. 2020 vs Hoffmann et al. 2022 (not the paper)",
    claim: "Counting N without the embedding parameters (Kaplan's convention) instead of all parameters (Chinchilla's) changes the fitted α",
    numbers: Object.fromEntries(conv.flatMap((c) => [[`alpha_params_${c.t}`, c.with], [`alpha_no_embed_${c.t}`, c.without]])),
    // One training set whose α moves beyond its paired interval is enough to show the convention matters.
    verdict: moved > 0 ? "holds" : "not testable",
    reason: conv.map((c) => `${T(c.t)}: α ${f(c.with)} → ${f(c.without)} (paired ${L} interval of the change [${f(c.lo, 2)}, ${f(c.hi, 2)}])`).join("; ") +
      `; ${moved} of ${conv.length} changes exclude 0`,
  });

  // 4. Crossover.
  const s3 = a.section3;
  const largestBeyond = s3.filter((x) => x.N > x.crossover).length;
  const allRuns = s3.reduce((n, x) => n + x.total, 0), allBeyond = s3.reduce((n, x) => n + x.beyond, 0);
  const c4c = claim({
    id: "09.beyond-crossover",
    ref: "§3, eqs. 6–8",
    claim: "Large language models lie beyond the crossover of eqs. 6–7, where the pedestal exceeds the power-law part",
    numbers: { largest_beyond: largestBeyond, training_sets: s3.length, runs_beyond: allBeyond, runs: allRuns },
    verdict: largestBeyond === s3.length ? "holds" : largestBeyond === 0 ? "does not hold" : "not testable",
    reason: `the 6.9B model of ${largestBeyond} of ${s3.length} training sets lies beyond the crossover at its own D (` +
      s3.map((x) => `${T(x.trainDataset)} ${f(x.crossover)} parameters`).join(", ") +
      `); ${allBeyond} of ${allRuns} runs lie beyond the crossover of their own D (the paper's definition)`,
  });

  // 5. Running exponent at the largest model.
  const maxHigh = Math.max(...s3.map((x) => x.runningHigh));
  const runningInBand = s3.filter((x) => x.runningExponent >= EXPONENT_BAND[0] && x.runningExponent <= EXPONENT_BAND[1]).length;
  const runningBelow = s3.filter((x) => x.runningExponent < EXPONENT_BAND[0]).length;
  const c5 = claim({
    id: "09.running-exponent",
    ref: "§1, §3, eq. 5",
    claim: `At the largest model the total loss falls with N as slowly as the paper's small exponents say (running exponent at most ${EXPONENT_BAND[1]})`,
    numbers: {
      ...Object.fromEntries(s3.map((x) => [`running_${x.trainDataset}`, x.runningExponent])),
      max_upper_end: maxHigh, in_band: runningInBand, below_band: runningBelow,
    },
    verdict: maxHigh <= EXPONENT_BAND[1] ? "holds" : s3.every((x) => x.runningLow > EXPONENT_BAND[1]) ? "does not hold" : "not testable",
    reason: `−d log L/d log N at N = 6.9·10⁹ and its own D: ` +
      s3.map((x) => `${T(x.trainDataset)} ${f(x.runningExponent)} [${f(x.runningLow)}, ${f(x.runningHigh)}]`).join(", ") +
      `; ${runningInBand} of ${s3.length} inside ${EXPONENT_BAND[0]}–${EXPONENT_BAND[1]}, ${runningBelow} below it`,
  });

  // 6. Pedestal ratio and its unit.
  const pAll = s3.flatMap((x) => x.p);
  const above = pAll.filter((p) => p > 0.01).length;
  const pcWins = s3.every((x) => x.p.every((p, i) => (p > x.pCrit[i]) === (x.N > x.crossover)));
  const c6 = claim({
    id: "09.pedestal-unit",
    ref: "§3, eqs. 4, 8",
    claim: "The pedestal ratio p of eq. 4 is above 0.01 for real models (the paper: \"well above\")",
    numbers: {
      ...Object.fromEntries(s3.flatMap((x) => s.units.map((u, i) => [`p_${x.trainDataset}_unit_${u}`, x.p[i]]))),
      eq8_same_as_crossover: pcWins ? 1 : 0,
    },
    verdict: above === pAll.length ? "holds" : above === 0 ? "does not hold" : "not testable",
    reason: `along N at the 6.9B run's D, p = ` + s3.map((x) => `${T(x.trainDataset)} ${x.p.map((p) => f(p, 2)).join(" / ")}`).join(", ") +
      ` with N in units of ${s.units.map((u) => f(u)).join(" / ")}: ${above === pAll.length || above === 0 ? "the same side of 0.01 in every unit" : "which side of 0.01 depends on the unit"}; ` +
      `eq. 8 (p against p_crit(N/u)) ${pcWins ? "agrees with the crossover in every unit" : "disagrees with the crossover in some unit"}`,
  });

  // 7. Forecast.
  const fc = a.forecast;
  const errs = fc.map((r) => (r.predicted - r.loss) / r.loss);
  const maxErr = Math.max(...errs.map(Math.abs));
  const meanAbs = errs.reduce((m, e) => m + Math.abs(e), 0) / errs.length;
  const covered = fc.filter((r) => r.loss >= r.pred_low && r.loss <= r.pred_high).length;
  const under = errs.filter((e) => e < 0).length;
  const c7 = claim({
    id: "09.forecast",
    ref: "Gadre et al. 2024; the use of a scaling law",
    claim: `A law fitted to the runs up to ${f(s.forecastMaxParams)} parameters predicts the larger runs' C4 validation loss within its ${L} intervals`,
    numbers: { predictions: fc.length, inside: covered, below_measured: under, max_abs_relative_error: maxErr, mean_abs_relative_error: meanAbs },
    verdict: covered === fc.length ? "holds" : "does not hold",
    reason: `${covered} of ${fc.length} measured losses inside the intervals; errors ` +
      fc.map((r, i) => `${T(r.train_dataset)} ${f(r.params, 2)}: ${errs[i] >= 0 ? "+" : ""}${pct(errs[i])}`).join(", ") +
      ` (mean |error| ${pct(meanAbs)}; ${under} of ${fc.length} predictions below the measured loss)`,
    headline: `A law fitted only to runs up to ${f(s.forecastMaxParams, 2)} parameters predicts the C4 validation loss of the ` +
      `${fc.length} larger runs (up to 6.9·10⁹ parameters) to within ${pct(maxErr)} (mean ${pct(meanAbs)}); ${covered} of ${fc.length} ` +
      `measured losses lie inside its ${L} bootstrap intervals, and ${under} of ${fc.length} predictions are too low.`,
  });

  // 8. Domains differ?
  const pairs: [string, string][] = [];
  OPENLM_VAL_SETS.forEach((v, i) => OPENLM_VAL_SETS.slice(i + 1).forEach((w) => pairs.push([v, w])));
  const perTrain = OPENLM_TRAIN_DATASETS.map((t) => {
    const differ = pairs.filter(([v, w]) => {
      const [lo, hi] = alphaDifference(a, t, v, w);
      return lo > 0 || hi < 0;
    });
    const disjoint = pairs.filter(([v, w]) => {
      const x = param(a.fits.find((y) => y.trainDataset === t && y.valSet === v)!, "alpha");
      const y = param(a.fits.find((z) => z.trainDataset === t && z.valSet === w)!, "alpha");
      return x.ci_low > y.ci_high || y.ci_low > x.ci_high;
    });
    return { t, differ, disjoint };
  });
  const key: [string, string][] = [["paloma_dolma_100_programming_languages", "paloma_ptb"], ["paloma_dolma_100_programming_languages", "de_en"], ["paloma_ptb", "de_en"]];
  const keyText = OPENLM_TRAIN_DATASETS.map((t) =>
    `${T(t)}: ` + key.map(([v, w]) => {
      const [lo, hi] = alphaDifference(a, t, v, w);
      return `${V(v)} − ${V(w)} [${f(lo, 2)}, ${f(hi, 2)}]`;
    }).join(", ")
  ).join("; ");
  const anyDiffer = perTrain.filter((x) => x.differ.length > 0).length;
  const c8 = claim({
    id: "09.domains-differ",
    ref: "§4, eq. 9; §6",
    claim: "The data set the exponent: the same models measured on different validation data have different α",
    numbers: {
      pairs: pairs.length,
      ...Object.fromEntries(perTrain.flatMap((x) => [[`paired_differ_${x.t}`, x.differ.length], [`disjoint_${x.t}`, x.disjoint.length]])),
    },
    // No pair that differs beyond its interval is no evidence that the domains share α: "not testable", not "does not hold".
    verdict: anyDiffer === perTrain.length ? "holds" : "not testable",
    reason: perTrain.map((x) => `${T(x.t)}: ${x.differ.length} of ${pairs.length} pairs differ (paired ${L} interval of the difference excludes 0), ${x.disjoint.length} with disjoint intervals`).join("; ") +
      `. Code, Penn Treebank, German–English: ${keyText}`,
  });

  // 9. Ordering of exponents against loss level.
  const cor = OPENLM_TRAIN_DATASETS.map((t) => ({ t, ...exponentLossCorrelation(a, t) }));
  const neg = cor.filter((c) => c.high < 0).length, pos = cor.filter((c) => c.low > 0).length;
  const c9 = claim({
    id: "09.order-vs-loss",
    ref: "§4, eq. 9",
    claim: "Harder data (larger d) have smaller α: across validation sets α falls as the loss level rises",
    numbers: Object.fromEntries(cor.flatMap((c) => [[`rho_${c.t}`, c.rho], [`rho_low_${c.t}`, c.low], [`rho_high_${c.t}`, c.high]])),
    verdict: neg === cor.length ? "holds" : pos === cor.length ? "does not hold" : "not testable",
    reason: `Spearman's ρ between α and the 6.9B model's loss over the 8 validation sets (${L} bootstrap interval): ` +
      cor.map((c) => `${T(c.t)} ${f(c.rho, 2)} [${f(c.low, 2)}, ${f(c.high, 2)}]`).join(", ") +
      `; ${neg} negative, ${pos} positive, ${cor.length - neg - pos} undecided. The loss level mixes the domain's entropy with its distance from the training set`,
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
    ref: "§4, eq. 9; §6 (Sharma & Kaplan 2022)",
    claim: `Language data have intrinsic dimension above ${THRESHOLD_DIMENSION} (so α = 4/d < 0.1)`,
    numbers: {
      d_c4_max_upper_end: dC4High, d_max_upper_end: dMax, fits_reaching_threshold: dAbove, d_min: Math.min(...dRows.map((r) => r.d)), d_max: Math.max(...dRows.map((r) => r.d)),
      ...Object.fromEntries(c4.map((x, i) => [`d_c4_${x.trainDataset}`, dC4[i]])),
    },
    verdict: dC4High < THRESHOLD_DIMENSION ? "does not hold" : dC4Low > THRESHOLD_DIMENSION ? "holds" : "not testable",
    reason: `d = 4/α from the model-size exponent of the reducible loss (in scope for Sharma–Kaplan: α of N with the data term separated, ` +
      `i.e. a model trained on enough data): ${f(Math.min(...dRows.map((r) => r.d)), 2)}–${f(Math.max(...dRows.map((r) => r.d)), 2)} over the 24 fits ` +
      `(C4 validation: ${dC4.map((d) => f(d, 2)).join(", ")}, intervals up to ${f(dC4High, 2)}); ${dAbove} of the ${dRows.length} intervals reach ${THRESHOLD_DIMENSION} (highest upper end ${f(dMax, 2)}). If 4/d is only a lower bound on α, d ≥ 4/α says nothing against d > ${THRESHOLD_DIMENSION}`,
    headline: `On the open training runs of Gadre et al. 2024 the model-size exponent of the reducible loss is ` +
      `${f(Math.min(...c4.map((x) => x.lawFit.fit.law.alpha)), 2)}–${f(Math.max(...c4.map((x) => x.lawFit.fit.law.alpha)), 2)} on C4 validation ` +
      `(d = 4/α ≈ ${f(Math.min(...dC4), 2)}–${f(Math.max(...dC4), 2)}, below the paper's d > ${THRESHOLD_DIMENSION}), while the running exponent of the ` +
      `total loss at 6.9·10⁹ parameters is ${f(Math.min(...s3.map((x) => x.runningExponent)), 2)}–${f(Math.max(...s3.map((x) => x.runningExponent)), 2)}: small because of the pedestal, not because α is.`,
  });

  // 11. Over-training.
  const flagged = a.residuals.filter((g) => Math.abs(g.mean_residual) > g.bound);
  const worst = a.residuals.reduce((m, g) => (Math.abs(g.mean_residual) > Math.abs(m.mean_residual) ? g : m));
  const c11 = claim({
    id: "09.over-training",
    ref: "Gadre et al. 2024; §3, eq. 3",
    claim: "One law L = E + A/N^α + B/D^β holds across token multipliers M = 0.25…32 and model sizes",
    numbers: { groups: a.residuals.length, flagged: flagged.length, worst_mean_residual: worst.mean_residual },
    verdict: flagged.length === 0 ? "holds" : "does not hold",
    reason: `mean log residual of each M group and each size group about its training set's fit, against 2 s/√n (s the fit's RMS residual): ` +
      `${flagged.length} of ${a.residuals.length} groups beyond it` +
      (flagged.length ? ` (${flagged.map((g) => `${T(g.train_dataset)} ${g.by} = ${f(g.value, 3)}: ${pct(g.mean_residual)}`).join(", ")})` : "") +
      `; largest |mean| ${pct(Math.abs(worst.mean_residual))}`,
  });

  return [c1, c2, c3, c4c, c5, c6, c7, c8, c9, c10, c11];
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
