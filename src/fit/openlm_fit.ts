/**
 * Fitting glue for notebook 09: the Approach 3 law of Hoffmann et al. 2022,
 * L(N, D) = E + A/N^alpha + B/D^beta, fitted to a set of training runs exactly as notebook 08 fits
 * the Chinchilla runs (`fitChinchilla`: Huber delta = 1e-3 on log-loss residuals, L-BFGS from the
 * 4,500-start grid; `bootstrapChinchilla`: resamples refitted from the full-data optimum), plus what
 * the notebook reads off the bootstrap: intervals of predictions, paired differences between fits on
 * the same runs, rank correlations, residuals, and the Monte-Carlo error of a percentile endpoint.
 * Also a generator of synthetic runs from a known law, for the tests and the exercises.
 *
 * N in parameters, D in tokens, losses in nats per token. Pure: no file I/O.
 *
 * @module
 */
import { percentileInterval } from "../stats/bootstrap";
import type { ChinchillaLaw } from "../paper";
import {
  bootstrapChinchilla,
  type ChinchillaBootstrap,
  type ChinchillaFit,
  chinchillaLoss,
  FIT_LBFGS,
  fitChinchilla,
  type FitData,
  fitData,
  huberObjective,
  LAW_PARAMETERS,
  requireFitData,
  requireLaw,
  vectorToLaw,
} from "./chinchilla";
import { minimizeLbfgs } from "../stats/optimize";
import { Random } from "../stats/random";
import {
  requireArray,
  requireFiniteArray,
  requireInRange,
  requireInteger,
  requireObject,
  requireOptions,
  requirePositive,
} from "../_util/validate";

// General statistics, re-exported under their old path.
export { pairedInterval } from "../stats/paired_interval";
export { spearman } from "../stats/rank_correlation";
export { quantileMonteCarloError } from "../stats/quantile_error";

/** One training run as the fit takes it. */
export interface Run {
  /** Parameters. */
  N: number;
  /** Training tokens. */
  D: number;
  /** Loss, nats per token. */
  loss: number;
}

/** A fitted law with its bootstrap. */
export interface LawFit {
  /** The runs fitted (their N, D and loss only). */
  runs: Run[];
  /** Packed runs (see `fitData`). */
  data: FitData;
  /** The grid fit. */
  fit: ChinchillaFit;
  /** The warm-started bootstrap of `fit`. */
  bootstrap: ChinchillaBootstrap;
}

/** Options of `fitLaw`. */
export interface LawFitOptions {
  /** Bootstrap resamples, integer >= 2 (default 400). */
  resamples?: number;
  /** Bootstrap seed (default 2024). */
  seed?: number;
  /** Interval coverage in (0, 1) (default 0.95). */
  level?: number;
}

const FIT_OPTIONS = ["resamples", "seed", "level"] as const;

/** Warm restarts of a non-converged bootstrap refit before it falls back to the 4,500-start grid. */
export const WARM_RESTARTS = 2;

/**
 * A warm-started refit whose pedestal E falls below this fraction of the full-data E is run once more
 * with log E put back at the full-data value, and the better optimum is kept: the optimiser can drift
 * along the flat direction in which E → 0 while A and B absorb it, and stop there on its
 * function-decrease test although the resample's optimum lies elsewhere (seen on the Gadre et al.
 * runs: E ≈ 2·10⁻⁴ at an objective 1.4 % above the optimum the grid finds).
 */
export const COLLAPSED_E = 0.1;

/**
 * Bootstraps an Approach 3 fit as `bootstrapChinchilla` does (the same resamples for the same
 * seed, each refitted by L-BFGS on the Huber objective from the full-data optimum `fit.vector`),
 * with two differences: a refit that stops without converging (a failed line search in the flat
 * valley where A and B trade off against E) is first restarted from where it stopped, up to
 * `WARM_RESTARTS` times, and only then refitted from the whole grid (`fitChinchilla`), which saves
 * a grid fit for most such resamples; and a refit that stops with E below `COLLAPSED_E` times the
 * full-data E is run again with log E reset to the full-data value, keeping the better optimum.
 * `notConverged` counts the resamples that were refitted from the grid.
 *
 * @param options.resamples (default 400), options.seed (default 2024), options.level (default 0.95).
 * @throws {TypeError} if `data` is not a `FitData`, `fit` not a fit or `options` not an object;
 *   {RangeError} if `fit.law` is invalid, an option is unknown, `resamples` < 2 or `level` is outside (0, 1).
 * @example bootstrapLaw(data, fitChinchilla(data), { resamples: 200 }).summary[3] // alpha's row
 */
export function bootstrapLaw(
  data: FitData,
  fit: ChinchillaFit,
  options: LawFitOptions = {},
): ChinchillaBootstrap {
  requireFitData(data);
  requireObject("fit", fit);
  requireLaw(fit.law);
  requireOptions("options", options, FIT_OPTIONS);
  return bootstrapChinchilla(data, fit, {
    resamples: options.resamples ?? 400,
    seed: requireInteger("seed", options.seed ?? 2024, 0),
    level: requireInRange("level", options.level ?? 0.95, { min: 0, max: 1, minOpen: true, maxOpen: true }),
    warmRestarts: WARM_RESTARTS,
    collapsedE: COLLAPSED_E,
  });
}

/**
 * Fits L = E + A/N^alpha + B/D^beta to runs by Approach 3 (`fitChinchilla`, the 4,500-start grid)
 * and bootstraps the fit (`bootstrapLaw`, each resample refitted from the optimum). Two fits
 * of runs listed in the same order with the same seed and resample count draw the same resamples,
 * so their re-estimates are paired (see `pairedInterval`).
 * @throws {TypeError} if `runs` is not an array of runs or `options` not an object; {RangeError} for an
 *   empty run list, a non-finite or non-positive N, D or loss, an unknown option or an option out of range
 *   (`resamples` in [2, 10^5]).
 *   Everything is checked before the (expensive) fit.
 * @example fitLaw(runs, { resamples: 200 }).fit.law.alpha
 */
export function fitLaw(runs: Run[], options: LawFitOptions = {}): LawFit {
  requireOptions("options", options, FIT_OPTIONS);
  const resamples = requireInteger("resamples", options.resamples ?? 400, 2, 100_000); // each a refit: 10^5 is hours
  const seed = requireInteger("seed", options.seed ?? 2024, 0);
  const level = requireInRange("level", options.level ?? 0.95, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const data = fitData(runs);
  const fit = fitChinchilla(data);
  // Only N, D and the loss are fitted; other fields of the given records (a line number…) are not kept.
  const fitted = runs.map(({ N, D, loss }) => ({ N, D, loss }));
  return { runs: fitted, data, fit, bootstrap: bootstrapLaw(data, fit, { resamples, seed, level }) };
}

/**
 * Checks the parts of a bootstrap that `resampleLaw` and `resampleValues` read: `resamples` an integer
 * >= 1 and, for each law parameter, `resamples` finite re-estimates.
 */
function requireBootstrap(name: string, boot: ChinchillaBootstrap): ChinchillaBootstrap {
  requireObject(name, boot);
  const B = requireInteger(`${name}.resamples`, boot.resamples, 1);
  requireObject(`${name}.estimates`, boot.estimates);
  for (const p of LAW_PARAMETERS) {
    const e = requireFiniteArray(`${name}.estimates.${p}`, boot.estimates[p], B);
    if (e.length !== B) {
      throw new RangeError(
        `\`${name}.estimates.${p}\` must hold \`${name}.resamples\` = ${B} numbers, got ${e.length}`,
      );
    }
  }
  return boot;
}

/** The law of resample `b` of a checked bootstrap. */
function lawOf(boot: ChinchillaBootstrap, b: number): ChinchillaLaw {
  const e = boot.estimates;
  return { E: e.E[b], A: e.A[b], B: e.B[b], alpha: e.alpha[b], beta: e.beta[b] };
}

/**
 * The law of bootstrap resample `b` (its five re-estimates).
 * @throws {TypeError} if `boot` is not a bootstrap; {RangeError} if its re-estimates are not finite
 *   or `b` is not an index of a resample.
 * @example resampleLaw(boot, 0).alpha
 */
export function resampleLaw(boot: ChinchillaBootstrap, b: number): ChinchillaLaw {
  requireBootstrap("boot", boot);
  requireInteger("b", b, 0, boot.resamples - 1);
  return lawOf(boot, b);
}

/**
 * Applies `f` to the law of every bootstrap resample: the bootstrap distribution of any quantity
 * derived from the law.
 * @throws {TypeError} if `boot` is not a bootstrap, `f` not a function or `f` returns a non-number;
 *   {RangeError} if the re-estimates are not finite or `f` returns NaN or ±Infinity.
 * @example resampleValues(boot, (law) => chinchillaLoss(law, 7e9, 1.4e11))
 */
export function resampleValues(boot: ChinchillaBootstrap, f: (law: ChinchillaLaw) => number): number[] {
  requireBootstrap("boot", boot);
  if (typeof f !== "function") throw new TypeError(`\`f\` must be a function, got ${f === null ? "null" : typeof f}`);
  return Array.from({ length: boot.resamples }, (_, b) => {
    const v = f(lawOf(boot, b));
    if (typeof v !== "number") throw new TypeError(`\`f\` must return a number, got ${typeof v} for resample ${b}`);
    if (!Number.isFinite(v)) throw new RangeError(`\`f\` must return a finite number, got ${v} for resample ${b}`);
    return v;
  });
}

/** A prediction of the fitted law with its bootstrap percentile interval. */
export interface Prediction {
  /** L(N, D) of the full-data fit. */
  predicted: number;
  /** Lower end of the percentile interval of L(N, D) over the resamples. */
  low: number;
  /** Upper end. */
  high: number;
}

/**
 * Predicts the loss at (N, D) with the fitted law and its percentile interval over the bootstrap
 * resamples (the uncertainty of the law fitted to these runs; it leaves out the scatter of a new run
 * about the law).
 * @throws {TypeError} if `lf` is not a `LawFit`; {RangeError} if `N` or `D` is not > 0 or the fit is invalid.
 * @example predictLoss(lf, 6.9e9, 1.4e11).predicted
 */
export function predictLoss(lf: LawFit, N: number, D: number): Prediction {
  requireObject("lf", lf);
  requireObject("lf.fit", lf.fit);
  requireLaw(lf.fit.law);
  requirePositive("N", N);
  requirePositive("D", D);
  const values = resampleValues(lf.bootstrap, (law) => chinchillaLoss(law, N, D));
  const [low, high] = percentileInterval(values, lf.bootstrap.level);
  return { predicted: chinchillaLoss(lf.fit.law, N, D), low, high };
}

/**
 * Residuals of the runs about a law in log-loss, log L_run - log L(N, D) (the quantity the Huber
 * objective measures; 0.01 is about 1% of the loss).
 * @throws {RangeError} if the law is invalid or a run's N, D or loss is not > 0.
 * @example logResiduals(law, runs)[0]
 */
export function logResiduals(law: ChinchillaLaw, runs: readonly Run[]): number[] {
  requireLaw(law);
  requireArray("runs", runs);
  runs.forEach((r, i) => requireObject(`runs[${i}]`, r));
  return runs.map((r, i) =>
    Math.log(requirePositive(`runs[${i}].loss`, r.loss)) - Math.log(chinchillaLoss(law, r.N, r.D))
  );
}

/**
 * Synthetic training runs from a known law: for every model size and token multiplier M, a run
 * with D = 20 M N tokens and loss L(N, D) times exp(noise · ε), ε standard normal (seeded).
 * @param law the true law.
 * @param sizes model sizes N (parameters), each > 0.
 * @param multipliers token multipliers M, each > 0 (D = 20 M N).
 * @param noise standard deviation of the log-loss noise, >= 0.
 * @param seed integer seed.
 * @throws {RangeError} for an invalid law, size, multiplier, noise or seed.
 * @example syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 1e8], [1, 4], 0.005, 1).length // => 4
 */
export function syntheticRuns(
  law: ChinchillaLaw,
  sizes: readonly number[],
  multipliers: readonly number[],
  noise: number,
  seed: number,
): Run[] {
  requireLaw(law);
  requireArray("sizes", sizes);
  requireArray("multipliers", multipliers);
  requireInRange("noise", noise, { min: 0 });
  const rng = new Random(requireInteger("seed", seed, 0));
  const out: Run[] = [];
  sizes.forEach((N, i) => {
    requirePositive(`sizes[${i}]`, N);
    multipliers.forEach((M, j) => {
      requirePositive(`multipliers[${j}]`, M);
      const D = 20 * M * N;
      out.push({ N, D, loss: chinchillaLoss(law, N, D) * Math.exp(noise * rng.normal()) });
    });
  });
  return out;
}

/**
 * A cluster (size-aware) bootstrap of an Approach 3 fit: the resampling unit is a group of runs (here
 * a model size), not a run, because the runs of one size share its residual (the 7.9·10⁷ model of
 * Gadre et al. sits 2–2.6 % above the law in every training set). Each resample draws as many
 * groups as there are, with replacement, and weights every run by its group's count; a draw with
 * fewer than `minGroups` distinct groups (too few sizes to separate A, α from E) is drawn again
 * (`redrawn` counts them: the bootstrap is conditional on at least `minGroups` sizes). Each resample
 * is refitted by L-BFGS on the Huber objective from the full-data optimum `fit.vector`, restarted up
 * to `WARM_RESTARTS` times from where it stopped.
 * @param groups one group label per run of `data` (e.g. its N), at least `minGroups` distinct.
 * @param options.resamples integer ≥ 2 (default 400), options.seed (default 2024), options.minGroups
 *   integer ≥ 1 (default 3).
 * @throws {TypeError} if `data` is not a `FitData` or `fit` not a fit; {RangeError} if `groups` is not
 *   one finite label per run, has fewer than `minGroups` distinct values, or an option is out of range.
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const lf = fitLaw(runs, { resamples: 2 });
 * clusterBootstrap(lf.data, lf.fit, lf.runs.map((r) => r.N), { resamples: 20 }).estimates.alpha.length // => 20
 */
export function clusterBootstrap(
  data: FitData,
  fit: ChinchillaFit,
  groups: readonly number[],
  options: { resamples?: number; seed?: number; minGroups?: number } = {},
): { estimates: Record<(typeof LAW_PARAMETERS)[number], number[]>; redrawn: number; groups: number } {
  requireFitData(data);
  requireObject("fit", fit);
  requireFiniteArray("fit.vector", fit.vector, 5);
  requireOptions("options", options, ["resamples", "seed", "minGroups"]);
  requireFiniteArray("groups", groups);
  if (groups.length !== data.logN.length) {
    throw new RangeError(`\`groups\` must hold one label per run (${data.logN.length}), got ${groups.length}`);
  }
  const resamples = requireInteger("resamples", options.resamples ?? 400, 2);
  const seed = requireInteger("seed", options.seed ?? 2024, 0);
  const labels = [...new Set(groups)];
  const minGroups = requireInteger("minGroups", options.minGroups ?? 3, 1, labels.length);
  const index = groups.map((g) => labels.indexOf(g));
  const rng = new Random(seed);
  const estimates = Object.fromEntries(LAW_PARAMETERS.map((p) => [p, [] as number[]])) as Record<
    (typeof LAW_PARAMETERS)[number],
    number[]
  >;
  let redrawn = 0;
  for (let b = 0; b < resamples; b++) {
    let counts: number[];
    for (;;) {
      counts = new Array(labels.length).fill(0);
      for (let i = 0; i < labels.length; i++) counts[rng.int(labels.length)]++;
      if (counts.filter((c) => c > 0).length >= minGroups) break;
      redrawn++;
    }
    const weight = Float64Array.from(index, (g) => counts[g]);
    const d: FitData = { ...data, weight };
    const fg = (x: Float64Array, g: Float64Array) => huberObjective(x, d, g);
    let r = minimizeLbfgs(fg, fit.vector, FIT_LBFGS);
    for (let k = 0; k < WARM_RESTARTS && !r.converged; k++) {
      const again = minimizeLbfgs(fg, r.x, FIT_LBFGS);
      if (again.f <= r.f) r = again;
    }
    const law = vectorToLaw(r.x);
    for (const p of LAW_PARAMETERS) estimates[p].push(p === "E" ? Math.max(law.E, Number.MIN_VALUE) : law[p]);
  }
  return { estimates, redrawn, groups: labels.length };
}

/**
 * Family-wise control of several bootstrap comparisons by max-T (Westfall & Young 1993, the
 * single-step max-T adjustment): for each comparison k with point estimate t_k and bootstrap
 * re-estimates t_k^b, the studentised statistic T_k = t_k / s_k (s_k the bootstrap standard
 * deviation) is compared with the bootstrap distribution of max_k |t_k^b − t_k| / s_k, the largest
 * deviation of any comparison when all are centred at their estimates. Adjusted p-value:
 * p_k = (1 + #{b : max ≥ |T_k|}) / (B + 1); a comparison survives at family-wise level 1 − c when
 * p_k ≤ 1 − c. The resamples must be the same for all comparisons (paired), as they are for fits of
 * the same runs with the same seed.
 * @param point the K point estimates; @param boot K arrays of B re-estimates each.
 * @returns the statistics T_k, adjusted p-values p_k, and the Monte-Carlo standard error of each
 *   p_k, sqrt(p_k (1 − p_k) / B).
 * @throws {RangeError} if the arrays are empty, of unequal length, not finite, or a comparison's re-estimates are constant.
 * @example maxTAdjusted([0.5, 0.01], [[0.4, 0.5, 0.6], [0, 0.01, 0.02]]).p.length // => 2
 */
export function maxTAdjusted(
  point: readonly number[],
  boot: readonly (readonly number[])[],
): { t: number[]; p: number[]; mcError: number[] } {
  requireFiniteArray("point", point);
  if (point.length === 0) throw new RangeError("`point` must not be empty");
  requireArray("boot", boot);
  if (boot.length !== point.length) {
    throw new RangeError(`\`boot\` must hold ${point.length} arrays, one per comparison, got ${boot.length}`);
  }
  const B = boot[0].length;
  boot.forEach((b, k) => {
    requireFiniteArray(`boot[${k}]`, b);
    if (b.length !== B) {
      throw new RangeError(`\`boot[${k}]\` must hold ${B} re-estimates, as \`boot[0]\` does, got ${b.length}`);
    }
  });
  if (B < 2) throw new RangeError(`\`boot\` must hold at least 2 re-estimates per comparison, got ${B}`);
  const sd = boot.map((b, k) => {
    const m = b.reduce((a, x) => a + x, 0) / B;
    const v = Math.sqrt(b.reduce((a, x) => a + (x - m) ** 2, 0) / (B - 1));
    if (!(v > 0)) throw new RangeError(`\`boot[${k}]\` must not be constant`);
    return v;
  });
  const t = point.map((x, k) => x / sd[k]);
  const maxDev = Array.from(
    { length: B },
    (_, b) => Math.max(...boot.map((x, k) => Math.abs(x[b] - point[k]) / sd[k])),
  );
  const p = t.map((tk) => (1 + maxDev.filter((m) => m >= Math.abs(tk)).length) / (B + 1));
  return { t, p, mcError: p.map((pk) => Math.sqrt((pk * (1 - pk)) / B)) };
}
