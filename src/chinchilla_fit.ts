/**
 * Approach 3 of Hoffmann et al. 2022 ("Training Compute-Optimal Large Language Models",
 * arXiv:2203.15556, section 3.3 and appendix D.2): the parametric loss
 *
 *   L(N, D) = E + A / N^alpha + B / D^beta
 *
 * fitted to training runs by minimising the Huber loss (delta = 1e-3) of the residuals of log L,
 * with the law written in log-sum-exp form,
 *
 *   log L(N, D) = LSE(a - alpha log N, b - beta log D, e),   A = e^a, B = e^b, E = e^e,
 *
 * by L-BFGS from a grid of initial values, keeping the best optimum. Also the quantities derived
 * from a fitted law: the compute-optimal allocation of Hoffmann et al. eq. 4 and its loss.
 * N is in parameters, D in tokens, C = 6 N D in FLOP, losses in nats per token.
 *
 * @module
 */
import { type LbfgsOptions, minimizeLbfgs } from "./optimize";
import { bootstrap, percentileInterval, sampleStdDev } from "./bootstrap";
import {
  requireFinite,
  requireFiniteArray,
  requireFiniteResult,
  requireInRange,
  requireInteger,
  requireObject,
  requireOptions,
  requirePositive,
} from "./validate";

/** Parameters of L(N, D) = E + A / N^alpha + B / D^beta. */
export interface ChinchillaLaw {
  /** Irreducible loss E (nats per token), > 0. */
  E: number;
  /** Prefactor A of the parameter term (loss × parameters^alpha), > 0. */
  A: number;
  /** Prefactor B of the data term (loss × tokens^beta), > 0. */
  B: number;
  /** Exponent alpha of the parameter term. */
  alpha: number;
  /** Exponent beta of the data term. */
  beta: number;
}

/** The parameters in the order the optimiser sees them: [a, b, e, alpha, beta] = [log A, log B, log E, alpha, beta]. */
export type LawVector = [number, number, number, number, number];

/** Names of the five parameters, in the order of `LawVector` but reported as E, A, B, alpha, beta. */
export const LAW_PARAMETERS = ["E", "A", "B", "alpha", "beta"] as const;

/**
 * The law Hoffmann et al. 2022 published (their eq. 10): E = 1.69, A = 406.4, B = 410.7,
 * alpha = 0.34, beta = 0.28.
 */
export const HOFFMANN_2022: ChinchillaLaw = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };

/**
 * The refit of the same points by Besiroglu et al. 2024 ("Chinchilla Scaling: A replication
 * attempt", arXiv:2404.10102, Table 1 and text), on the 240 runs left after dropping the five
 * highest-loss ones: E = 1.82, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658 (their
 * bootstrap standard errors: E 0.03, A 124.58, B 1293.23, alpha 0.02, beta 0.02).
 */
export const BESIROGLU_2024: ChinchillaLaw = { E: 1.82, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };

/**
 * The Chinchilla model of Hoffmann et al. 2022: N = 70·10⁹ parameters trained on D = 1.4·10¹²
 * tokens, C = 6 N D ≈ 5.88·10²³ FLOP; where notebook 08 evaluates total-loss changes, running
 * exponents and p_crit.
 */
export const CHINCHILLA_POINT = { N: 70e9, D: 1.4e12, C: 6 * 70e9 * 1.4e12 } as const;

/**
 * Whether `value` rounds to `published` at `decimals` decimal places, i.e. |value - published|
 * <= 0.5 · 10^-decimals (to within rounding of the comparison itself, 1e-12 relative).
 * @throws {RangeError} if `decimals` is not an integer >= 0 or a number is not finite.
 * @example
 * agreesToRounding(0.3473, 0.35, 2) // => true
 * agreesToRounding(477.8, 482.01, 2) // => false
 */
export function agreesToRounding(value: number, published: number, decimals: number): boolean {
  requireFinite("value", value);
  requireFinite("published", published);
  requireInteger("decimals", decimals, 0);
  return Math.abs(value - published) <= 0.5 * 10 ** -decimals * (1 + 1e-12);
}

/**
 * Huber loss with threshold delta: r^2 / 2 for |r| <= delta, delta (|r| - delta / 2) beyond
 * (Huber 1964); quadratic near zero, linear in the tails, continuous with its first derivative.
 *
 * @throws {RangeError} if `r` is not finite or `delta` is not > 0.
 * @example
 * huber(0.5e-3, 1e-3) // => 1.25e-7
 * huber(2e-3, 1e-3) // => 1.5e-6
 */
export function huber(r: number, delta: number): number {
  requireFinite("r", r);
  requirePositive("delta", delta);
  const a = Math.abs(r);
  return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

/**
 * L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022 eq. 2).
 * @throws {RangeError} if `N` or `D` is not > 0 or `law` is not a valid law (`requireLaw`), or the
 *   loss overflows (N or D far below 1).
 * @example chinchillaLoss(HOFFMANN_2022, 70e9, 1.4e12) // => ≈ 1.937
 */
export function chinchillaLoss(law: ChinchillaLaw, N: number, D: number): number {
  requireLaw(law);
  requirePositive("N", N);
  requirePositive("D", D);
  return requireFiniteResult(law.E + law.A / N ** law.alpha + law.B / D ** law.beta, "N", N, "the loss");
}

/**
 * [log A, log B, log E, alpha, beta] of a law.
 * @throws {RangeError} / {TypeError} if `law` is not a valid law (`requireLaw`).
 * @example lawToVector(HOFFMANN_2022)[3] // => 0.34
 */
export function lawToVector(law: ChinchillaLaw): LawVector {
  requireLaw(law);
  return [Math.log(law.A), Math.log(law.B), Math.log(law.E), law.alpha, law.beta];
}

/**
 * The law of a parameter vector [a, b, e, alpha, beta].
 * @throws {TypeError} if `v` is not an array of numbers; {RangeError} if it does not hold exactly 5
 *   finite numbers or a prefactor exp(a), exp(b), exp(e) overflows.
 * @example vectorToLaw([0, 0, 0, 1, 1]).E // => 1
 */
export function vectorToLaw(v: ArrayLike<number>): ChinchillaLaw {
  requireFiniteArray("v", v, 5);
  if (v.length !== 5) throw new RangeError(`\`v\` must hold 5 numbers [a, b, e, alpha, beta], got ${v.length}`);
  const [A, B, E] = [0, 1, 2].map((i) => requireFiniteResult(Math.exp(v[i]), `v[${i}]`, v[i], "its exponential"));
  return { A, B, E, alpha: v[3], beta: v[4] };
}

/** The runs in the form the objective uses: log N, log D, log L, and a weight per run. */
export interface FitData {
  logN: Float64Array;
  logD: Float64Array;
  logL: Float64Array;
  /** Multiplicity of each run (1 for a plain fit; bootstrap counts for a resample). */
  weight: Float64Array;
}

/**
 * Packs runs for the objective (weights 1).
 * @throws {RangeError} if there are no runs or an N, D or loss is not > 0.
 * @example fitData([{ N: 1e8, D: 1e10, loss: 3 }]).logL[0] // => ≈ 1.098612 (ln 3)
 */
export function fitData(runs: { N: number; D: number; loss: number }[]): FitData {
  if (!Array.isArray(runs)) throw new TypeError(`\`runs\` must be an array of runs, got ${typeof runs}`);
  if (runs.length === 0) throw new RangeError("`runs` must not be empty");
  runs.forEach((r, i) => requireObject(`runs[${i}]`, r));
  const n = runs.length;
  const out: FitData = {
    logN: new Float64Array(n), logD: new Float64Array(n), logL: new Float64Array(n),
    weight: new Float64Array(n).fill(1),
  };
  runs.forEach((r, i) => {
    out.logN[i] = Math.log(requirePositive(`runs[${i}].N`, r.N));
    out.logD[i] = Math.log(requirePositive(`runs[${i}].D`, r.D));
    out.logL[i] = Math.log(requirePositive(`runs[${i}].loss`, r.loss));
  });
  return out;
}

/** Hoffmann et al.'s Huber threshold on the log-loss residuals. */
export const HUBER_DELTA = 1e-3;

/**
 * The fitting objective of Hoffmann et al. 2022 (appendix D.2):
 * sum_i w_i Huber_delta(LSE(a - alpha log N_i, b - beta log D_i, e) - log L_i),
 * with its analytic gradient with respect to [a, b, e, alpha, beta] written into `grad`.
 *
 * @param v parameter vector [a, b, e, alpha, beta].
 * @param grad output, length 5 (pass `undefined` to skip the gradient).
 * @returns the objective (non-negative).
 * @throws {RangeError} / {TypeError} if `v` is not 5 finite numbers, `data` is not a `FitData`,
 *   `grad` is not a Float64Array of length 5 or `delta` is not > 0.
 * @example
 * // zero where the law passes through every run
 * const data = fitData([{ N: 70e9, D: 1.4e12, loss: chinchillaLoss(HOFFMANN_2022, 70e9, 1.4e12) }]);
 * huberObjective([Math.log(406.4), Math.log(410.7), Math.log(1.69), 0.34, 0.28], data) // => ≈ 0 ± 1e-15
 */
export function huberObjective(
  v: ArrayLike<number>,
  data: FitData,
  grad?: Float64Array,
  delta = HUBER_DELTA,
): number {
  requireFiniteArray("v", v, 5);
  requireFitData(data);
  if (grad !== undefined && !(grad instanceof Float64Array && grad.length >= 5)) {
    throw new TypeError("`grad` must be a Float64Array of length 5 (or undefined)");
  }
  requirePositive("delta", delta);
  return objective(v, data, grad, delta);
}

/**
 * Checks the shape of a `FitData`: four Float64Arrays of one length, at least one run.
 * @throws {TypeError} e.g. "`data.logN` must be a non-empty Float64Array as long as `data.logN` (see `fitData`)".
 * @example requireFitData(fitData([{ N: 1e8, D: 1e10, loss: 3 }])).logN.length // => 1
 */
export function requireFitData(data: FitData): FitData {
  requireObject("data", data);
  const n = data.logN?.length;
  for (const k of ["logN", "logD", "logL", "weight"] as const) {
    if (!(data[k] instanceof Float64Array) || data[k].length !== n || n === 0) {
      throw new TypeError(`\`data.${k}\` must be a non-empty Float64Array as long as \`data.logN\` (see \`fitData\`)`);
    }
  }
  return data;
}

/** `huberObjective` without the argument checks, for the optimiser's inner loop. */
function objective(v: ArrayLike<number>, data: FitData, grad: Float64Array | undefined, delta: number): number {
  const [a, b, e, alpha, beta] = [v[0], v[1], v[2], v[3], v[4]];
  const { logN, logD, logL, weight } = data;
  let f = 0, ga = 0, gb = 0, ge = 0, gal = 0, gbe = 0;
  for (let i = 0; i < logN.length; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const u = a - alpha * logN[i];
    const t = b - beta * logD[i];
    // Shift by the largest term so that no exponential overflows; that term's exponential is 1.
    const m = Math.max(u, t, e);
    const pu = u === m ? 1 : Math.exp(u - m);
    const pt = t === m ? 1 : Math.exp(t - m);
    const pe = e === m ? 1 : Math.exp(e - m);
    const s = pu + pt + pe;
    const r = m + Math.log(s) - logL[i];
    const ar = Math.abs(r);
    if (ar <= delta) {
      f += w * 0.5 * r * r;
    } else {
      f += w * delta * (ar - 0.5 * delta);
    }
    if (grad) {
      const h = w * (ar <= delta ? r : r > 0 ? delta : -delta) / s;
      ga += h * pu;
      gb += h * pt;
      ge += h * pe;
      gal -= h * pu * logN[i];
      gbe -= h * pt * logD[i];
    }
  }
  if (grad) {
    grad[0] = ga; grad[1] = gb; grad[2] = ge; grad[3] = gal; grad[4] = gbe;
  }
  return f;
}

/**
 * Hoffmann et al.'s grid of initial values: alpha, beta in {0, 0.5, 1, 1.5, 2},
 * e in {-1, -0.5, 0, 0.5, 1}, a, b in {0, 5, 10, 15, 20, 25}: 4,500 starts as [a, b, e, alpha, beta].
 * @example hoffmannGrid().length // => 4500
 */
export function hoffmannGrid(): LawVector[] {
  const ab = [0, 5, 10, 15, 20, 25];
  const es = [-1, -0.5, 0, 0.5, 1];
  const ex = [0, 0.5, 1, 1.5, 2];
  const out: LawVector[] = [];
  for (const a of ab) for (const b of ab) for (const e of es) for (const al of ex) for (const be of ex) {
    out.push([a, b, e, al, be]);
  }
  return out;
}

/** Options of `fitChinchilla`. */
export interface FitOptions {
  /** Starting points (default `hoffmannGrid()`). */
  starts?: LawVector[];
  /** Huber threshold (default 1e-3). */
  delta?: number;
  /** Options passed to the optimiser for the final (tight) runs. */
  lbfgs?: LbfgsOptions;
  /**
   * Screening stage: every start is first run with these loose optimiser options, and only the
   * `keep` lowest are then run to the tight tolerance. `false` runs every start to the tight
   * tolerance (about ten times slower on the 4,500-point grid, with the same optimum on the
   * Chinchilla runs). Default `SCREENING`.
   */
  screening?: { lbfgs: LbfgsOptions; keep: number } | false;
}

/** Fewest runs `fitChinchilla` fits: five parameters need more than five points. */
export const MIN_FIT_RUNS = 6;

/** A fitted law and how it was found. */
export interface ChinchillaFit {
  law: ChinchillaLaw;
  /** The optimum as [a, b, e, alpha, beta]. */
  vector: LawVector;
  /** Objective at the optimum. */
  objective: number;
  /** Number of starts tried. */
  starts: number;
  /** Number of starts run to the tight tolerance. */
  polished: number;
  /** Number of those whose optimum lies within 1e-9 (relative) of the best objective. */
  startsAtBest: number;
  /** Whether the optimiser reported convergence from the best start. */
  converged: boolean;
}

/**
 * Default optimiser settings for the Huber objective: its values are O(1e-3), so the
 * function-decrease test is taken relative to |f| (scale 1e-12 instead of SciPy's 1) and set
 * near rounding level (1e-14): the optimum sits in a long, flat valley (A and B trade off
 * against E), where a looser test such as 1e-10 stops up to 0.001 short in alpha. The gradient
 * test is at 1e-9 (the gradient is a sum of terms bounded by delta times O(log N)).
 */
export const FIT_LBFGS: LbfgsOptions = {
  gradientTolerance: 1e-9,
  functionTolerance: 1e-14,
  functionScale: 1e-12,
  maxIterations: 500,
};

/**
 * Default screening of the grid: at most 50 iterations per start, stopping once an iteration
 * gains less than 0.1% of the objective; the 50 best are then run to `FIT_LBFGS` tolerances.
 */
export const SCREENING = {
  lbfgs: { ...FIT_LBFGS, functionTolerance: 1e-3, maxIterations: 50 },
  keep: 50,
} as const;

/**
 * Fits L(N, D) = E + A/N^alpha + B/D^beta by Approach 3 of Hoffmann et al. 2022: L-BFGS on the
 * Huber objective (`huberObjective`) from every start, keeping the lowest objective. To save time
 * the starts are first screened with loose tolerances (see `FitOptions.screening`). Starts whose
 * objective is not finite are skipped.
 *
 * @throws {RangeError} if `starts` is empty or no start gives a finite optimum.
 * @example fitChinchilla(fitData(loadChinchillaRuns())).law.alpha // => ≈ 0.35 on the 245 Chinchilla runs
 */
export function fitChinchilla(data: FitData, options: FitOptions = {}): ChinchillaFit {
  requireFitData(data);
  requireOptions("options", options, ["starts", "delta", "lbfgs", "screening"]);
  const used = data.weight.filter((w) => w > 0).length;
  if (used < MIN_FIT_RUNS) {
    throw new RangeError(`\`data\` must hold at least ${MIN_FIT_RUNS} runs to fit five parameters, got ${used}`);
  }
  const starts = options.starts ?? hoffmannGrid();
  if (starts.length === 0) throw new RangeError("`starts` must not be empty");
  const delta = requirePositive("delta", options.delta ?? HUBER_DELTA);
  const lbfgs = { ...FIT_LBFGS, ...options.lbfgs };
  const screening = options.screening ?? SCREENING;
  const fg = (x: Float64Array, g: Float64Array) => objective(x, data, g, delta);
  let candidates: ArrayLike<number>[] = starts.filter((s) =>
    Number.isFinite(objective(s, data, undefined, delta))
  );
  if (screening) {
    requireInteger("screening.keep", screening.keep, 1);
    const screened = candidates.map((s) => minimizeLbfgs(fg, s, screening.lbfgs))
      .filter((r) => Number.isFinite(r.f))
      .sort((p, q) => p.f - q.f);
    candidates = screened.slice(0, screening.keep).map((r) => r.x);
  }
  const results: { f: number; x: Float64Array; converged: boolean }[] = [];
  for (const s of candidates) {
    const r = minimizeLbfgs(fg, s, lbfgs);
    if (Number.isFinite(r.f)) results.push({ f: r.f, x: r.x, converged: r.converged });
  }
  if (results.length === 0) throw new RangeError("no start gave a finite optimum");
  let best = results[0];
  for (const r of results) if (r.f < best.f) best = r;
  const startsAtBest = results.filter((r) => r.f <= best.f * (1 + 1e-9) + 1e-300).length;
  const vector = Array.from(best.x) as LawVector;
  return {
    law: vectorToLaw(vector),
    vector,
    objective: best.f,
    starts: starts.length,
    polished: results.length,
    startsAtBest,
    converged: best.converged,
  };
}

/** Bootstrap summary of one parameter. */
export interface ParameterSummary {
  parameter: (typeof LAW_PARAMETERS)[number];
  /** The estimate from all the runs. */
  estimate: number;
  /** Bootstrap standard error. */
  stderr: number;
  /** Lower end of the percentile interval. */
  ci_low: number;
  /** Upper end of the percentile interval. */
  ci_high: number;
}

/**
 * Whether a law's value of the summarised parameter lies inside the summary's percentile
 * interval [ci_low, ci_high] (ends included).
 * @throws {RangeError} / {TypeError} if `summary` is not a parameter summary or `law` not a valid law.
 * @example insideInterval(bootstrap.summary[3], HOFFMANN_2022) // is alpha = 0.34 inside alpha's interval?
 */
export function insideInterval(summary: ParameterSummary, law: ChinchillaLaw): boolean {
  requireSummary(summary);
  requireLaw(law);
  const v = law[summary.parameter];
  return v >= summary.ci_low && v <= summary.ci_high;
}

/**
 * How many bootstrap standard errors a law's value of the summarised parameter lies from the
 * estimate: (law[parameter] - estimate) / stderr (negative below the estimate).
 * @throws {RangeError} if the standard error is not > 0.
 * @example zScore(bootstrap.summary[4], HOFFMANN_2022) // beta = 0.28 in standard errors from our beta
 */
export function zScore(summary: ParameterSummary, law: ChinchillaLaw): number {
  requireSummary(summary);
  requireLaw(law);
  requirePositive("summary.stderr", summary.stderr);
  return (law[summary.parameter] - summary.estimate) / summary.stderr;
}

/** Checks a `ParameterSummary`: a known parameter and finite numbers, ci_low <= ci_high. */
function requireSummary(summary: ParameterSummary): ParameterSummary {
  requireObject("summary", summary);
  if (!LAW_PARAMETERS.includes(summary.parameter)) {
    throw new RangeError(`\`summary.parameter\` must be one of ${LAW_PARAMETERS.join(", ")}, got ${String(summary.parameter)}`);
  }
  for (const k of ["estimate", "stderr", "ci_low", "ci_high"] as const) requireFinite(`summary.${k}`, summary[k]);
  if (summary.ci_low > summary.ci_high) {
    throw new RangeError(`\`summary.ci_low\` must not exceed \`summary.ci_high\`, got ${summary.ci_low} > ${summary.ci_high}`);
  }
  return summary;
}

/** Bootstrap re-estimates of the five parameters and their summary. */
export interface ChinchillaBootstrap {
  /** One array of re-estimates per parameter (natural scale: E, A, B, alpha, beta). */
  estimates: Record<(typeof LAW_PARAMETERS)[number], number[]>;
  /** Estimate, standard error and percentile interval of E, A, B, alpha, beta (in that order). */
  summary: ParameterSummary[];
  resamples: number;
  /** Seed of the resampling. */
  seed: number;
  level: number;
  /** Resamples whose warm-started optimiser run did not report convergence (each then refitted from the grid). */
  notConverged: number;
  /**
   * Largest change of alpha or beta that a grid refit made to a non-converged resample (0 if none):
   * how far short the warm start stopped.
   */
  maxRefitShift: number;
}

/**
 * Bootstraps a Chinchilla fit: each resample (drawn with replacement, as counts) is refitted by
 * L-BFGS starting from the full-data optimum `fit.vector` rather than from the 4,500-point grid
 * (a resample's optimum lies close to the full-data one; the grid is there to escape poor local
 * minima far from it). A resample whose warm-started run does not report convergence is refitted
 * from the grid (`fitChinchilla`). Standard errors are the standard deviations of the
 * re-estimates; intervals are percentile intervals.
 *
 * Two optional repairs for flatter data (notebook 09's runs; both off by default, as in notebook 08):
 * `warmRestarts`, how many times a refit that stops without converging is first restarted from where
 * it stopped before the grid refit; and `collapsedE`, a fraction of the full-data E below which a
 * refit's E counts as collapsed (the optimiser drifted along the flat direction E → 0): that refit is
 * run again with log E put back at the full-data value, keeping the better optimum. An E that
 * underflows to 0 is kept as the smallest positive double, so every re-estimate is a valid law.
 *
 * @param options.resamples number of resamples (default 1000); options.seed (default 2022);
 *   options.level interval coverage (default 0.95); options.delta the Huber δ (default `HUBER_DELTA`);
 *   options.warmRestarts an integer ≥ 0 (default 0); options.collapsedE in [0, 1) (default 0: off).
 * @throws {RangeError} if `resamples` < 2, an option is out of range or unknown, or from `bootstrap` /
 *   `percentileInterval`.
 * @example bootstrapChinchilla(data, fitChinchilla(data)).summary[3] // alpha's row
 */
export function bootstrapChinchilla(
  data: FitData,
  fit: ChinchillaFit,
  options: {
    resamples?: number;
    seed?: number;
    level?: number;
    delta?: number;
    warmRestarts?: number;
    collapsedE?: number;
  } = {},
): ChinchillaBootstrap {
  requireFitData(data);
  requireObject("fit", fit);
  requireFiniteArray("fit.vector", fit.vector, 5);
  requireOptions("options", options, ["resamples", "seed", "level", "delta", "warmRestarts", "collapsedE"]);
  const resamples = requireInteger("resamples", options.resamples ?? 1000, 2);
  const seed = options.seed ?? 2022;
  const level = options.level ?? 0.95;
  const delta = requirePositive("delta", options.delta ?? HUBER_DELTA);
  const warmRestarts = requireInteger("warmRestarts", options.warmRestarts ?? 0, 0);
  const collapsedE = requireInRange("collapsedE", options.collapsedE ?? 0, { min: 0, max: 1, maxOpen: true });
  let notConverged = 0;
  let maxRefitShift = 0;
  const rows = bootstrap(data.logN.length, resamples, seed, (counts) => {
    const d: FitData = { ...data, weight: counts };
    const fg = (x: Float64Array, g: Float64Array) => objective(x, d, g, delta);
    let r = minimizeLbfgs(fg, fit.vector, FIT_LBFGS);
    for (let k = 0; k < warmRestarts && !r.converged; k++) {
      const again = minimizeLbfgs(fg, r.x, FIT_LBFGS);
      if (again.f <= r.f) r = again;
    }
    if (Math.exp(r.x[2]) < collapsedE * fit.law.E) {
      // Stopped with E near 0: try again from the same point with e put back at the full-data value.
      const start = Float64Array.from(r.x);
      start[2] = fit.vector[2];
      const again = minimizeLbfgs(fg, start, FIT_LBFGS);
      if (again.f < r.f) r = again;
    }
    let law = vectorToLaw(r.x);
    if (!r.converged) {
      // Rare: the warm start stopped on a failed line search. Refit this resample from the grid.
      notConverged++;
      const grid = fitChinchilla(d, { delta });
      if (grid.objective <= r.f) {
        maxRefitShift = Math.max(maxRefitShift, Math.abs(grid.law.alpha - law.alpha), Math.abs(grid.law.beta - law.beta));
        law = grid.law;
      }
    }
    law.E = Math.max(law.E, Number.MIN_VALUE);
    return LAW_PARAMETERS.map((p) => law[p]);
  });
  const { estimates, summary } = summariseLawBootstrap(fit.law, rows, level);
  return { estimates, summary, resamples, seed, level, notConverged, maxRefitShift };
}

/**
 * Compute-optimal allocation of a law under C = 6 N D (Hoffmann et al. 2022 eq. 4):
 * N_opt(C) = G (C/6)^(beta/(alpha+beta)), D_opt(C) = (C/6)^(alpha/(alpha+beta)) / G, with
 * G = (alpha A / (beta B))^(1/(alpha+beta)).
 *
 * @param C training compute in FLOP, > 0.
 * @throws {RangeError} if `C` is not > 0 or an exponent is not > 0.
 * @example computeOptimal(HOFFMANN_2022, 5.76e23).N // => ≈ 3.22e10 parameters
 */
export function computeOptimal(law: ChinchillaLaw, C: number): { N: number; D: number } {
  requireLaw(law);
  requirePositive("C", C);
  const s = law.alpha + law.beta;
  const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / s);
  const N = G * (C / 6) ** (law.beta / s), D = (C / 6) ** (law.alpha / s) / G;
  if (!(N > 0 && D > 0 && Number.isFinite(N) && Number.isFinite(D))) {
    throw new RangeError(`\`C\` = ${C} is out of range: the compute-optimal N and D are ${N} and ${D}`);
  }
  return { N, D };
}

/**
 * Loss on the compute-optimal frontier, L_opt(C) = L(N_opt(C), D_opt(C)). Its reducible part
 * L_opt - E is a pure power law in C with exponent alpha beta / (alpha + beta).
 * @throws {RangeError} as `computeOptimal`.
 * @example computeOptimalLoss(HOFFMANN_2022, 5.76e23) // => ≈ 1.931
 */
export function computeOptimalLoss(law: ChinchillaLaw, C: number): number {
  const { N, D } = computeOptimal(law, C);
  return chinchillaLoss(law, N, D);
}

/**
 * Exponent of the reducible loss along the compute-optimal frontier:
 * alpha_frontier = alpha beta / (alpha + beta), so that L_opt(C) - E ∝ C^(-alpha_frontier).
 * (Not the paper's alpha_C ~ 1/3, which is Chinchilla's exponent in N or D, i.e. alpha or beta.)
 * @throws {RangeError} if an exponent is not > 0.
 * @example frontierExponent({ ...HOFFMANN_2022 }) // => ≈ 0.1535 (0.34 · 0.28 / 0.62)
 */
export function frontierExponent(law: ChinchillaLaw): number {
  requireLaw(law);
  return (law.alpha * law.beta) / (law.alpha + law.beta);
}

/**
 * Checks that `law` has finite, positive prefactors and exponents in (0, 5).
 * @throws {RangeError} naming the offending field.
 * @example requireLaw(HOFFMANN_2022) // returns it
 */
export function requireLaw(law: ChinchillaLaw): ChinchillaLaw {
  requireObject("law", law);
  requirePositive("E", law.E);
  requirePositive("A", law.A);
  requirePositive("B", law.B);
  requireInRange("alpha", law.alpha, { min: 0, max: 5, minOpen: true });
  requireInRange("beta", law.beta, { min: 0, max: 5, minOpen: true });
  return law;
}

/**
 * Summarises bootstrap re-estimates of the law of eq. (Approach 3): per parameter, the re-estimates, the
 * full-data estimate, the standard error (sample standard deviation of the re-estimates) and the central
 * percentile interval of coverage `level`.
 *
 * @param law the full-data fit.
 * @param rows one row per resample: E, A, B, alpha, beta in `LAW_PARAMETERS` order.
 * @param level interval coverage in (0, 1).
 * @throws {RangeError} if fewer than 2 rows, a row is not 5 finite numbers, or `level` is outside (0, 1).
 * @example summariseLawBootstrap(HOFFMANN_2022, [[1.7, 400, 410, 0.33, 0.28], [1.68, 410, 411, 0.35, 0.28]], 0.95).summary[3].parameter // => "alpha"
 */
export function summariseLawBootstrap(
  law: ChinchillaLaw,
  rows: readonly (readonly number[])[],
  level: number,
): { estimates: ChinchillaBootstrap["estimates"]; summary: ParameterSummary[] } {
  requireLaw(law);
  if (!Array.isArray(rows) || rows.length < 2) {
    throw new RangeError(`\`rows\` must hold at least 2 resamples, got ${Array.isArray(rows) ? rows.length : typeof rows}`);
  }
  rows.forEach((row, i) => requireFiniteArray(`rows[${i}]`, row as number[], LAW_PARAMETERS.length));
  requireInRange("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const estimates = Object.fromEntries(
    LAW_PARAMETERS.map((p, j) => [p, rows.map((row) => row[j])]),
  ) as ChinchillaBootstrap["estimates"];
  const summary = LAW_PARAMETERS.map((p): ParameterSummary => {
    const [lo, hi] = percentileInterval(estimates[p], level);
    return { parameter: p, estimate: law[p], stderr: sampleStdDev(estimates[p]), ci_low: lo, ci_high: hi };
  });
  return { estimates, summary };
}
