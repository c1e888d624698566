/**
 * The Approach-3 fit of Hoffmann et al. 2022 (section 3.3 and appendix D.2): L-BFGS from every point of
 * their grid of initial values on the Huber objective of `./objective`, keeping the best optimum.
 *
 * @module
 */
import { type LbfgsOptions, minimizeLbfgs } from "../stats/optimize";
import { requireInteger, requireOptions, requirePositive } from "../_util/validate";
import { type ChinchillaLaw, type LawVector, vectorToLaw } from "./law";
import { type FitData, HUBER_DELTA, objective, requireFitData } from "./objective";

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
  for (const a of ab) {
    for (const b of ab) {
      for (const e of es) {
        for (const al of ex) {
          for (const be of ex) {
            out.push([a, b, e, al, be]);
          }
        }
      }
    }
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
 * @throws {RangeError} if `starts` is empty, no start gives a finite optimum, or the runs have fewer
 *   than 3 distinct N or D (the law is then not identifiable).
 * @example fitChinchilla(fitData(parseChinchillaCsv(readInput("chinchilla_fig4_points.csv")))).law.alpha // => ≈ 0.35 on the 245 Chinchilla runs
 */
export function fitChinchilla(data: FitData, options: FitOptions = {}): ChinchillaFit {
  requireFitData(data);
  requireOptions("options", options, ["starts", "delta", "lbfgs", "screening"]);
  const used = data.weight.filter((w) => w > 0).length;
  if (used < MIN_FIT_RUNS) {
    throw new RangeError(`\`data\` must hold at least ${MIN_FIT_RUNS} runs to fit five parameters, got ${used}`);
  }
  // E + A/N^alpha needs at least three distinct sizes to separate E, A and alpha (and so for D, B, beta):
  // six copies of one run would otherwise return a plausible-looking law that the data cannot pin down.
  for (const [key, name, params] of [["logN", "N", "A and alpha"], ["logD", "D", "B and beta"]] as const) {
    const distinct = new Set(Array.from(data[key]).filter((_, i) => data.weight[i] > 0)).size;
    if (distinct < 3) {
      throw new RangeError(
        `\`data\` cannot identify the law: its runs have ${distinct} distinct ${name} (at least 3 are needed to fit E, ${params})`,
      );
    }
  }
  const starts = options.starts ?? hoffmannGrid();
  if (starts.length === 0) throw new RangeError("`starts` must not be empty");
  const delta = requirePositive("delta", options.delta ?? HUBER_DELTA);
  const lbfgs = { ...FIT_LBFGS, ...options.lbfgs };
  const screening = options.screening ?? SCREENING;
  const fg = (x: Float64Array, g: Float64Array) => objective(x, data, g, delta);
  let candidates: ArrayLike<number>[] = starts.filter((s) => Number.isFinite(objective(s, data, undefined, delta)));
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
