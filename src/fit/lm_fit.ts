/**
 * Scaling-law fits to notebook 11's own training runs: Hoffmann et al.'s Approach 3 (`fitChinchilla`:
 * L(N, D) = E + A/N^α + B/D^β, Huber loss of log residuals, L-BFGS from the 4,500-start grid) with a
 * **cluster bootstrap** whose resampling unit is the model size: the runs of one size (its seeds, and
 * its data-sweep runs) share an architecture and a learning rate, so they are not independent
 * observations of L(N); a resample draws sizes with replacement and takes every run of a drawn size.
 *
 * @module
 */
import { resampleCounts } from "../stats/bootstrap";
import { Random } from "../stats/random";
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
  requireInRange,
  requireInteger,
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

/**
 * Fits the law to all runs, then refits `resamples` cluster resamples (warm-started at the full-data
 * optimum, as `bootstrapChinchilla` does, and restarted twice from where it stopped if it did not report
 * convergence). A draw with fewer than three distinct sizes or fewer than six runs is drawn again
 * (counted in `redrawn`).
 *
 * @throws {RangeError} on fewer than 6 runs, fewer than 2 clusters, or invalid options.
 * @example fitClusteredLaw(runs, { resamples: 200, seed: 1, level: 0.95 }).summary[3].ci_low
 */
export function fitClusteredLaw(
  runs: readonly ClusteredRun[],
  options: { resamples: number; seed: number; level: number },
): ClusterLawFit {
  if (!Array.isArray(runs)) throw new TypeError(`\`runs\` must be an array of runs, got ${typeof runs}`);
  if (runs.length < 6) throw new RangeError(`\`runs\` must hold at least 6 runs, got ${runs.length}`);
  runs.forEach((r, i) => {
    requireObject(`runs[${i}]`, r);
    requirePositive(`runs[${i}].N`, r.N);
    requirePositive(`runs[${i}].D`, r.D);
    requirePositive(`runs[${i}].loss`, r.loss);
    requireString(`runs[${i}].cluster`, r.cluster);
  });
  requireObject("options", options);
  requireOptions("options", options, ["resamples", "seed", "level"]);
  const resamples = requireInteger("resamples", options.resamples, 2);
  const seed = requireInteger("seed", options.seed, 0);
  const level = requireInRange("level", options.level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const clusters = [...new Set(runs.map((r) => r.cluster))];
  if (clusters.length < 2) throw new RangeError(`\`runs\` must span at least 2 clusters, got ${clusters.length}`);
  const data: FitData = {
    logN: Float64Array.from(runs, (r) => Math.log(r.N)),
    logD: Float64Array.from(runs, (r) => Math.log(r.D)),
    logL: Float64Array.from(runs, (r) => Math.log(r.loss)),
    weight: new Float64Array(runs.length).fill(1),
  };
  const fit = fitChinchilla(data);
  const member = runs.map((r) => clusters.indexOf(r.cluster));
  const sizeOf = clusters.map((c) => runs.find((r) => r.cluster === c)!.N);
  let redrawn = 0, notConverged = 0;
  const rng = new Random(seed);
  const rows: number[][] = [];
  while (rows.length < resamples) {
    const counts = resampleCounts(clusters.length, rng);
    const weight = Float64Array.from(member, (m) => counts[m]);
    const sizes = new Set(sizeOf.filter((_, i) => counts[i] > 0)).size;
    // E + A/N^α + B/D^β needs three distinct N and three distinct D (`fitChinchilla` refuses less): a
    // resample that leaves out the data sweep cannot identify B and β, so it is drawn again (counted).
    const lengths = new Set(Array.from(data.logD).filter((_, i) => weight[i] > 0)).size;
    if (sizes < 3 || lengths < 3 || weight.filter((w) => w > 0).length < 6) {
      redrawn++;
      if (redrawn > 100 * resamples) throw new RangeError("`runs`: too few identifiable cluster resamples");
      continue;
    }
    const d = { ...data, weight };
    // warm start at the full-data optimum, restarted from where it stopped if the optimiser did not
    // report convergence (resamples without the data sweep leave β and B unidentified: a flat direction)
    let warm = fitChinchilla(d, { starts: [fit.vector], screening: false });
    for (let k = 0; k < 2 && !warm.converged; k++) {
      const again = fitChinchilla(d, { starts: [warm.vector], screening: false });
      if (again.objective <= warm.objective) warm = again;
    }
    if (!warm.converged) notConverged++;
    const law = warm.law;
    law.E = Math.max(law.E, Number.MIN_VALUE);
    rows.push(LAW_PARAMETERS.map((p) => law[p]));
  }
  const { estimates, summary } = summariseLawBootstrap(vectorToLaw(fit.vector), rows, level);
  return { fit, estimates, summary, clusters, redrawn, notConverged, resamples, seed, level };
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
 * Two-sided bootstrap p-value of "the difference is 0" from re-estimates of the difference:
 * 2·min(share ≤ 0, share ≥ 0), capped at 1 (its resolution is 1/resamples).
 *
 * @throws {RangeError} on an empty array.
 * @example bootstrapPValue([1, 2, 3, -1]); // => 0.5
 */
export function bootstrapPValue(diffs: readonly number[]): number {
  if (!Array.isArray(diffs) || diffs.length === 0) throw new RangeError("`diffs` must be a non-empty array");
  diffs.forEach((d, i) => {
    if (typeof d !== "number" || !Number.isFinite(d)) {
      throw new RangeError(`\`diffs[${i}]\` must be a finite number, got ${d}`);
    }
  });
  const le = diffs.filter((d) => d <= 0).length / diffs.length;
  const ge = diffs.filter((d) => d >= 0).length / diffs.length;
  return Math.min(1, 2 * Math.min(le, ge));
}
