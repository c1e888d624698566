/**
 * Scaling-law fits to notebook 11's own training runs: Hoffmann et al.'s Approach 3 (`fitChinchilla`:
 * L(N, D) = E + A/N^α + B/D^β, Huber loss of log residuals, L-BFGS from the 4,500-start grid) with a
 * **cluster bootstrap** whose resampling unit is the model size: the runs of one size (its seeds, and
 * its data-sweep runs) share an architecture and a learning rate, so they are not independent
 * observations of L(N); a resample draws sizes with replacement and takes every run of a drawn size.
 *
 * The bootstrap is one object, `ClusterBootstrap`, that the notebook (through `fitClusteredLaw`) and its
 * live page (src/live/lm_genres.ts, which carries the grid fits computed at build time) both draw from.
 *
 * @module
 */
import { percentileInterval, resampleCounts } from "../stats/bootstrap";
import { Random } from "../stats/random";
import { log } from "./_f64math";
import {
  type ChinchillaFit,
  fitChinchilla,
  type FitData,
  LAW_PARAMETERS,
  type ParameterSummary,
  summariseLawBootstrap,
  vectorToLaw,
} from "./chinchilla";
import {
  requireFields,
  requireFiniteArray,
  requireInRange,
  requireInteger,
  requireList,
  requireObject,
  requireOptions,
  requirePositive,
  requireString,
} from "../_util/validate";

/** A run for the cluster bootstrap: its size N, tokens D, loss and cluster (size) label. */
export interface ClusteredRun {
  N: number;
  D: number;
  loss: number;
  cluster: string;
}

/** A fit with its cluster-bootstrap re-estimates. */
export interface ClusterLawFit {
  fit: ChinchillaFit;
  /** Re-estimates per parameter (E, A, B, alpha, beta), one per resample. */
  estimates: Record<(typeof LAW_PARAMETERS)[number], number[]>;
  summary: ParameterSummary[];
  /** Distinct clusters. */
  clusters: string[];
  /**
   * Draws refused and drawn again because they held fewer than three distinct sizes or fewer than six
   * runs (α is not identified there): the bootstrap is conditional on an identifiable resample.
   */
  redrawn: number;
  /** Resamples whose optimiser, warm-started and restarted twice, still did not report convergence (kept). */
  notConverged: number;
  resamples: number;
  seed: number;
  level: number;
}

/** The options of a cluster bootstrap: resamples (integer in [2, 100000]), seed (integer ≥ 0) and coverage in (0, 1). */
export interface ClusterResampling {
  resamples: number;
  seed: number;
  level: number;
}

/** Checks a `ClusterResampling`'s values. */
/** Most resamples a cluster bootstrap draws: each is a refit, so 10⁵ already takes minutes. */
const MAX_CLUSTER_RESAMPLES = 100_000;

function requireResampling(options: ClusterResampling): ClusterResampling {
  return {
    resamples: requireInteger("resamples", options.resamples, 2, MAX_CLUSTER_RESAMPLES),
    seed: requireInteger("seed", options.seed, 0),
    level: requireInRange("level", options.level, { min: 0, max: 1, minOpen: true, maxOpen: true }),
  };
}

/** One refit of a resample: its law as a row of `LAW_PARAMETERS` and whether its optimiser converged. */
interface Refit {
  row: number[];
  converged: boolean;
}

/** The resamples of one seed drawn so far: the generator where it stopped, and per resample the counts so far. */
interface SeedDraws {
  rng: Random;
  refits: Refit[];
  redrawn: number;
  /** Draws refused, and refits that did not converge, up to and including each resample. */
  redrawnAt: number[];
  notConvergedAt: number[];
}

/**
 * The cluster bootstrap of `runs` about a fit of them, drawn resample by resample: a seed's draws are
 * kept, so that asking for more resamples of a seed refits only the new ones, fewer resamples are the
 * first ones of more, and another coverage refits nothing. A refit depends only on how many times each
 * cluster was drawn, so it is kept by those counts and reused (exactly: the same weights give the same
 * optimiser run) whenever a later draw, of any seed, repeats them.
 *
 * Each resample draws as many clusters as there are, with replacement, and weights every run by its
 * cluster's count; a draw with fewer than three distinct sizes, fewer than three distinct D or fewer than
 * six runs is drawn again (counted in `redrawn`). It is refitted warm-started at the fit's optimum, as
 * `bootstrapChinchilla` does, and restarted twice from where it stopped if it did not report convergence.
 *
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const cb = new ClusterBootstrap(runs.map((r) => ({ ...r, cluster: String(r.N) })));
 * const more = cb.resample({ resamples: 20, seed: 1, level: 0.9 }), fewer = cb.resample({ resamples: 10, seed: 1, level: 0.5 });
 * more.estimates.alpha.length // => 20
 * fewer.estimates.alpha.every((a, i) => a === more.estimates.alpha[i]) // => true
 */
export class ClusterBootstrap {
  /** The fit the resamples are refitted from (the grid fit of the runs unless one was given). */
  readonly fit: ChinchillaFit;
  /** Distinct clusters, in the order of their first run. */
  readonly clusters: readonly string[];
  private readonly data: FitData;
  /** Each run's cluster (index into `clusters`), and each cluster's N. */
  private readonly member: number[];
  private readonly sizeOf: number[];
  private readonly refits = new Map<string, Refit>();
  private readonly seeds = new Map<number, SeedDraws>();

  /**
   * @param runs at least 6 runs in at least 2 clusters.
   * @param fit the fit of `runs` to refit each resample from (a grid fit computed elsewhere, e.g. at a
   *   site's build time); default `fitChinchilla` of the runs from the 4,500-point grid (about half a second).
   * @throws {RangeError} on fewer than 6 runs or 2 clusters, a run with an N, D or loss not > 0, or a fit
   *   whose `vector` is not 5 finite numbers; {TypeError} if `runs` is not an array.
   */
  constructor(runs: readonly ClusteredRun[], fit?: ChinchillaFit) {
    if (!Array.isArray(runs)) throw new TypeError(`\`runs\` must be an array of runs, got ${typeof runs}`);
    if (runs.length < 6) throw new RangeError(`\`runs\` must hold at least 6 runs, got ${runs.length}`);
    runs.forEach((r, i) => {
      requireObject(`runs[${i}]`, r);
      requirePositive(`runs[${i}].N`, r.N);
      requirePositive(`runs[${i}].D`, r.D);
      requirePositive(`runs[${i}].loss`, r.loss);
      requireString(`runs[${i}].cluster`, r.cluster);
    });
    const clusters = [...new Set(runs.map((r) => r.cluster))];
    if (clusters.length < 2) throw new RangeError(`\`runs\` must span at least 2 clusters, got ${clusters.length}`);
    if (fit !== undefined) {
      requireObject("fit", fit);
      requireFiniteArray("fit.vector", fit.vector, 5);
    }
    this.data = {
      // the project's own log, as fitData's: the same bits, and so the same fits, in every engine
      logN: Float64Array.from(runs, (r) => log(r.N)),
      logD: Float64Array.from(runs, (r) => log(r.D)),
      logL: Float64Array.from(runs, (r) => log(r.loss)),
      weight: new Float64Array(runs.length).fill(1),
    };
    this.fit = fit ?? fitChinchilla(this.data);
    this.clusters = clusters;
    this.member = runs.map((r) => clusters.indexOf(r.cluster));
    this.sizeOf = clusters.map((c) => runs.find((r) => r.cluster === c)!.N);
  }

  /** The refit of a resample by its counts per cluster (kept by the counts). */
  private refit(counts: Float64Array): Refit {
    const key = counts.join(",");
    const kept = this.refits.get(key);
    if (kept) return kept;
    const d = { ...this.data, weight: Float64Array.from(this.member, (m) => counts[m]) };
    // warm start at the full-data optimum, restarted from where it stopped if the optimiser did not
    // report convergence (resamples without the data sweep leave β and B unidentified: a flat direction)
    let warm = fitChinchilla(d, { starts: [this.fit.vector], screening: false });
    for (let k = 0; k < 2 && !warm.converged; k++) {
      const again = fitChinchilla(d, { starts: [warm.vector], screening: false });
      if (again.objective <= warm.objective) warm = again;
    }
    const law = warm.law;
    law.E = Math.max(law.E, Number.MIN_VALUE);
    const refit = { row: LAW_PARAMETERS.map((p) => law[p]), converged: warm.converged };
    this.refits.set(key, refit);
    return refit;
  }

  /**
   * How many resamples of `seed` are drawn and refitted so far (0 for a seed not asked for): `resample`
   * with at most that many refits nothing.
   * @example
   * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
   * const cb = new ClusterBootstrap(runs.map((r) => ({ ...r, cluster: String(r.N) })));
   * cb.extend(1, 5);
   * [cb.drawn(1), cb.drawn(2)] // => [5, 0]
   */
  drawn(seed: number): number {
    return this.seeds.get(seed)?.refits.length ?? 0;
  }

  /**
   * Draws and refits the resamples of `seed` until there are `resamples` of them (a caller working in
   * slices, as a page does, extends a seed a resample at a time, then asks `resample` for its summary).
   * @throws {RangeError} as `resample`.
   * @example
   * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
   * const cb = new ClusterBootstrap(runs.map((r) => ({ ...r, cluster: String(r.N) })));
   * cb.extend(3, 4);
   * cb.drawn(3) // => 4
   */
  extend(seed: number, resamples: number): void {
    this.draw(requireInteger("seed", seed, 0), requireInteger("resamples", resamples, 2, MAX_CLUSTER_RESAMPLES));
  }

  /** Draws (and refits) the resamples of `seed` until there are `resamples` of them. */
  private draw(seed: number, resamples: number): SeedDraws {
    let s = this.seeds.get(seed);
    if (!s) {
      s = { rng: new Random(seed), refits: [], redrawn: 0, redrawnAt: [], notConvergedAt: [] };
      this.seeds.set(seed, s);
    }
    const { logD } = this.data;
    while (s.refits.length < resamples) {
      const counts = resampleCounts(this.clusters.length, s.rng);
      const weight = this.member.map((m) => counts[m]);
      const sizes = new Set(this.sizeOf.filter((_, i) => counts[i] > 0)).size;
      // E + A/N^α + B/D^β needs three distinct N and three distinct D (`fitChinchilla` refuses less): a
      // resample that leaves out the data sweep cannot identify B and β, so it is drawn again (counted).
      const lengths = new Set(Array.from(logD).filter((_, i) => weight[i] > 0)).size;
      if (sizes < 3 || lengths < 3 || weight.filter((w) => w > 0).length < 6) {
        s.redrawn++;
        if (s.redrawn > 100 * resamples) throw new RangeError("`runs`: too few identifiable cluster resamples");
        continue;
      }
      const refit = this.refit(counts);
      const before = s.notConvergedAt.length > 0 ? s.notConvergedAt[s.notConvergedAt.length - 1] : 0;
      s.refits.push(refit);
      s.redrawnAt.push(s.redrawn);
      s.notConvergedAt.push(before + (refit.converged ? 0 : 1));
    }
    return s;
  }

  /**
   * The first `resamples` resamples of `seed`, refitted, with the fit and their summary at coverage `level`
   * (what `fitClusteredLaw` returns).
   * @throws {RangeError} if `resamples` is not an integer in [2, 100000], `seed` not one ≥ 0, `level` not in (0, 1), or
   *   more than 100 draws per resample asked for are refused (too few identifiable resamples).
   */
  resample(options: ClusterResampling): ClusterLawFit {
    requireObject("options", options);
    requireOptions("options", options, ["resamples", "seed", "level"]);
    const { resamples, seed, level } = requireResampling(options);
    const s = this.draw(seed, resamples);
    const rows = s.refits.slice(0, resamples).map((r) => r.row);
    const { estimates, summary } = summariseLawBootstrap(vectorToLaw(this.fit.vector), rows, level);
    return {
      fit: this.fit,
      estimates,
      summary,
      clusters: [...this.clusters],
      redrawn: s.redrawnAt[resamples - 1],
      notConverged: s.notConvergedAt[resamples - 1],
      resamples,
      seed,
      level,
    };
  }
}

/**
 * Fits the law to all runs (from the 4,500-point grid, or from `options.fit` when given: a fit of these
 * runs computed elsewhere), then refits `resamples` cluster resamples (see `ClusterBootstrap`). A draw
 * with fewer than three distinct sizes or fewer than six runs is drawn again (counted in `redrawn`).
 *
 * @throws {RangeError} on fewer than 6 runs, fewer than 2 clusters, or invalid options.
 * @example fitClusteredLaw(runs, { resamples: 200, seed: 1, level: 0.95 }).summary[3].ci_low
 */
export function fitClusteredLaw(
  runs: readonly ClusteredRun[],
  options: ClusterResampling & { fit?: ChinchillaFit },
): ClusterLawFit {
  requireObject("options", options);
  requireOptions("options", options, ["resamples", "seed", "level", "fit"]);
  const { fit, ...resampling } = options;
  requireResampling(resampling); // before the grid fit: a bad option is refused at once
  return new ClusterBootstrap(runs, fit).resample(resampling);
}

/** One fit's α against the pooled fit's over the same resamples (`compareExponents`). */
export interface ExponentComparison {
  /** α's row of the fit's bootstrap summary (estimate, standard error, interval). */
  alpha: ParameterSummary;
  /** Percentile interval of α − α_pooled over the paired resamples, at the pooled fit's coverage. */
  diffLow: number;
  diffHigh: number;
  /** Two-sided bootstrap p of α − α_pooled = 0 (`bootstrapPValue`). */
  p: number;
  /** `p` adjusted by Holm's step-down procedure over all the fits compared. */
  pHolm: number;
}

/**
 * Compares each fit's α with the pooled fit's, resample by resample: the fits must be cluster bootstraps
 * of the same runs' sizes and lengths with the pooled fit's seed and resamples (the same draws, so that
 * resample b of each is the same clusters), e.g. of the loss on each part of a validation text. Gives the
 * percentile interval of α − α_pooled at the pooled fit's coverage, its two-sided bootstrap p-value and
 * Holm's adjustment of those over the fits (notebook 11's per-genre exponents).
 *
 * @throws {RangeError} if `fits` is empty or a fit was not drawn with the pooled fit's clusters, seed and
 *   resamples.
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const pooled = fitClusteredLaw(runs.map((r) => ({ ...r, cluster: String(r.N) })), { resamples: 20, seed: 1, level: 0.9 });
 * compareExponents(pooled, [pooled])[0].p // => 1 (a fit against itself: every difference is 0)
 */
export function compareExponents(pooled: ClusterLawFit, fits: readonly ClusterLawFit[]): ExponentComparison[] {
  const FIELDS = ["estimates", "summary", "clusters", "resamples", "seed", "level", "redrawn"];
  const requireFit = (name: string, f: ClusterLawFit) => {
    requireFields(name, f, FIELDS, "a fit of fitClusteredLaw or ClusterBootstrap.resample");
    requireFields(`${name}.estimates`, f.estimates, ["alpha"], "the fit's bootstrap estimates");
    requireFiniteArray(`${name}.estimates.alpha`, f.estimates.alpha);
    requireList(`${name}.clusters`, f.clusters);
    requireList(`${name}.summary`, f.summary);
    if (!f.summary.some((x) => x?.parameter === "alpha")) {
      throw new TypeError(`\`${name}.summary\` must hold the summary of alpha`);
    }
  };
  requireFit("pooled", pooled);
  if (!Array.isArray(fits as unknown) || fits.length === 0) {
    throw new RangeError("`fits` must be a non-empty array of fits");
  }
  fits.forEach((f, i) => {
    requireFit(`fits[${i}]`, f);
    if (f.estimates.alpha.length !== pooled.estimates.alpha.length) {
      throw new RangeError(`\`fits[${i}]\` must hold as many resamples as the pooled fit`);
    }
    if (
      f.seed !== pooled.seed || f.resamples !== pooled.resamples || f.redrawn !== pooled.redrawn ||
      f.clusters.join("\0") !== pooled.clusters.join("\0")
    ) {
      throw new RangeError(
        `\`fits[${i}]\` must be drawn as the pooled fit was (its clusters, seed ${pooled.seed} and ` +
          `${pooled.resamples} resamples), got seed ${f.seed} and ${f.resamples} resamples`,
      );
    }
  });
  const out = fits.map((f): ExponentComparison => {
    const diffs = f.estimates.alpha.map((a, b) => a - pooled.estimates.alpha[b]);
    const [lo, hi] = percentileInterval(diffs, pooled.level);
    return {
      alpha: f.summary.find((x) => x.parameter === "alpha")!,
      diffLow: lo,
      diffHigh: hi,
      p: bootstrapPValue(diffs),
      pHolm: 0,
    };
  });
  holmAdjust(out.map((g) => g.p)).forEach((p, i) => (out[i].pHolm = p));
  return out;
}

/**
 * Holm's step-down adjustment of p-values (Holm 1979, "A simple sequentially rejective multiple test
 * procedure"): sort ascending, p₍ᵢ₎ × (m − i + 1) made monotone, capped at 1. Rejecting where the adjusted
 * value is below α controls the family-wise error rate at α.
 *
 * @throws {RangeError} if a p-value is outside [0, 1].
 * @example holmAdjust([0.01, 0.04, 0.03]); // => [0.03, 0.06, 0.06]
 */
export function holmAdjust(p: readonly number[]): number[] {
  if (!Array.isArray(p) || p.length === 0) throw new RangeError("`p` must be a non-empty array of p-values");
  p.forEach((v, i) => requireInRange(`p[${i}]`, v, { min: 0, max: 1 }));
  const m = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([v, i], k) => {
    running = Math.max(running, Math.min(1, v * (m - k)));
    out[i] = running;
  });
  return out;
}

/**
 * Two-sided bootstrap p-value of "the difference is 0" from R re-estimates of the difference:
 * 2·(1 + k)/(R + 1), k the smaller of the counts ≤ 0 and ≥ 0, capped at 1 (Davison & Hinkley 1997,
 * §4.4, eq. 4.11: the observed value counts as one more draw, so that no p is 0). Its smallest value is
 * 2/(R + 1): with m tests under Holm's correction at level a, R + 1 ≥ 2m/a resamples are needed before
 * any difference can be found (600 for 15 tests at 0.05).
 *
 * @throws {RangeError} on an empty array.
 * @example bootstrapPValue([1, 2, 3, -1]); // => 0.8
 */
export function bootstrapPValue(diffs: readonly number[]): number {
  if (!Array.isArray(diffs) || diffs.length === 0) throw new RangeError("`diffs` must be a non-empty array");
  diffs.forEach((d, i) => {
    if (typeof d !== "number" || !Number.isFinite(d)) {
      throw new RangeError(`\`diffs[${i}]\` must be a finite number, got ${d}`);
    }
  });
  const le = diffs.filter((d) => d <= 0).length, ge = diffs.filter((d) => d >= 0).length;
  return Math.min(1, (2 * (1 + Math.min(le, ge))) / (diffs.length + 1));
}
