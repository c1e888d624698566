/**
 * The bootstrap of an Approach-3 fit: runs resampled with replacement and refitted, each parameter's
 * standard error and percentile interval, and the comparison of a published law with those intervals.
 *
 * @module
 */
import { minimizeLbfgs } from "../stats/optimize";
import { bootstrap, percentileInterval, resampleCounts, sampleStdDev } from "../stats/bootstrap";
import { Random } from "../stats/random";
import {
  requireFinite,
  requireFiniteArray,
  requireInRange,
  requireInteger,
  requireObject,
  requireOptions,
  requirePositive,
} from "../_util/validate";
import { type ChinchillaLaw, LAW_PARAMETERS, requireLaw, vectorToLaw } from "./law";
import { type FitData, HUBER_DELTA, objective, requireFitData } from "./objective";
import { type ChinchillaFit, FIT_LBFGS, fitChinchilla } from "./approach3";
import { exp } from "./_f64math";

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
    throw new RangeError(
      `\`summary.parameter\` must be one of ${LAW_PARAMETERS.join(", ")}, got ${String(summary.parameter)}`,
    );
  }
  for (const k of ["estimate", "stderr", "ci_low", "ci_high"] as const) requireFinite(`summary.${k}`, summary[k]);
  if (summary.ci_low > summary.ci_high) {
    throw new RangeError(
      `\`summary.ci_low\` must not exceed \`summary.ci_high\`, got ${summary.ci_low} > ${summary.ci_high}`,
    );
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

/** The repairs and the Huber δ of a bootstrap's refits (`bootstrapChinchilla`'s options, checked). */
interface RefitOptions {
  delta: number;
  warmRestarts: number;
  collapsedE: number;
}

/** Checks the refit options `bootstrapChinchilla` and `bootstrapChinchillaDraw` share, with their defaults. */
function refitOptions(options: { delta?: number; warmRestarts?: number; collapsedE?: number }): RefitOptions {
  return {
    delta: requirePositive("delta", options.delta ?? HUBER_DELTA),
    warmRestarts: requireInteger("warmRestarts", options.warmRestarts ?? 0, 0),
    collapsedE: requireInRange("collapsedE", options.collapsedE ?? 0, { min: 0, max: 1, maxOpen: true }),
  };
}

/**
 * One resample's refit (its counts as weights): L-BFGS from the full-data optimum, the optional repairs,
 * and a grid refit when the warm start did not converge. Returns the law, whether the warm start failed to
 * converge, and how far a grid refit that was kept moved α or β (0 if none was kept).
 */
function refitResample(
  data: FitData,
  fit: ChinchillaFit,
  counts: Float64Array,
  { delta, warmRestarts, collapsedE }: RefitOptions,
): { law: ChinchillaLaw; notConverged: boolean; shift: number } {
  const d: FitData = { ...data, weight: counts };
  const fg = (x: Float64Array, g: Float64Array) => objective(x, d, g, delta);
  let r = minimizeLbfgs(fg, fit.vector, FIT_LBFGS);
  for (let k = 0; k < warmRestarts && !r.converged; k++) {
    const again = minimizeLbfgs(fg, r.x, FIT_LBFGS);
    if (again.f <= r.f) r = again;
  }
  if (exp(r.x[2]) < collapsedE * fit.law.E) {
    // Stopped with E near 0: try again from the same point with e put back at the full-data value.
    const start = Float64Array.from(r.x);
    start[2] = fit.vector[2];
    const again = minimizeLbfgs(fg, start, FIT_LBFGS);
    if (again.f < r.f) r = again;
  }
  let law = vectorToLaw(r.x);
  let shift = 0;
  if (!r.converged) {
    // Rare: the warm start stopped on a failed line search. Refit this resample from the grid.
    const grid = fitChinchilla(d, { delta });
    if (grid.objective <= r.f) {
      shift = Math.max(Math.abs(grid.law.alpha - law.alpha), Math.abs(grid.law.beta - law.beta));
      law = grid.law;
    }
  }
  law.E = Math.max(law.E, Number.MIN_VALUE);
  return { law, notConverged: !r.converged, shift };
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
 * @param options.resamples number of resamples, an integer in [2, 10^5] (default 1000); options.seed (default 2022);
 *   options.level interval coverage (default 0.95); options.delta the Huber δ (default `HUBER_DELTA`);
 *   options.warmRestarts an integer ≥ 0 (default 0); options.collapsedE in [0, 1) (default 0: off).
 * @throws {RangeError} if `resamples` is outside [2, 10^5], an option is out of range or unknown, or from `bootstrap` /
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
  const resamples = requireInteger("resamples", options.resamples ?? 1000, 2, 100_000); // each a refit: 10^5 is hours
  const seed = options.seed ?? 2022;
  const level = options.level ?? 0.95;
  const refit = refitOptions(options);
  let notConverged = 0;
  let maxRefitShift = 0;
  const rows = bootstrap(data.logN.length, resamples, seed, (counts) => {
    const r = refitResample(data, fit, counts, refit);
    if (r.notConverged) notConverged++;
    maxRefitShift = Math.max(maxRefitShift, r.shift);
    return LAW_PARAMETERS.map((p) => r.law[p]);
  });
  const { estimates, summary } = summariseLawBootstrap(fit.law, rows, level);
  return { estimates, summary, resamples, seed, level, notConverged, maxRefitShift };
}

/**
 * One re-estimate of `bootstrapChinchilla`, alone: the law that resample number `draw` (1-based) of its
 * bootstrap refits, for the same data, fit, seed and refit options. The resamples before it are drawn (as
 * `bootstrap` draws them, from one seeded `Random`) but not refitted, so it costs one refit (a few
 * milliseconds; a grid refit, about a second, for the rare resample whose warm start does not converge).
 * It is `bootstrapChinchilla(data, fit, { resamples, seed })`'s re-estimate `draw − 1` for any
 * `resamples ≥ draw`.
 *
 * @param options.draw the resample, an integer in [1, 10^5]; options.seed (default 2022); options.delta,
 *   options.warmRestarts and options.collapsedE as in `bootstrapChinchilla`.
 * @throws {RangeError} if `draw` is outside [1, 10^5], an option is out of range or unknown, the seed is
 *   invalid, or the refit is not finite; {TypeError} if `data` or `fit` is not one.
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const data = fitData(runs), fit = fitChinchilla(data);
 * bootstrapChinchillaDraw(data, fit, { draw: 3, seed: 7 }).alpha === bootstrapChinchilla(data, fit, { resamples: 4, seed: 7 }).estimates.alpha[2] // => true
 */
export function bootstrapChinchillaDraw(
  data: FitData,
  fit: ChinchillaFit,
  options: { draw: number; seed?: number; delta?: number; warmRestarts?: number; collapsedE?: number },
): ChinchillaLaw {
  requireFitData(data);
  requireObject("fit", fit);
  requireFiniteArray("fit.vector", fit.vector, 5);
  requireObject("options", options);
  requireOptions("options", options, ["draw", "seed", "delta", "warmRestarts", "collapsedE"]);
  const draw = requireInteger("draw", options.draw, 1, 100_000);
  const refit = refitOptions(options);
  const rng = new Random(options.seed ?? 2022);
  const n = data.logN.length;
  for (let b = 1; b < draw; b++) resampleCounts(n, rng);
  const { law } = refitResample(data, fit, resampleCounts(n, rng), refit);
  for (const p of LAW_PARAMETERS) {
    if (!Number.isFinite(law[p])) throw new RangeError(`resample ${draw - 1}: ${p} must be finite, got ${law[p]}`);
  }
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
    throw new RangeError(
      `\`rows\` must hold at least 2 resamples, got ${Array.isArray(rows) ? rows.length : typeof rows}`,
    );
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
