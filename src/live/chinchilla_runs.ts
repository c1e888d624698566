/**
 * Notebook 08's runs and grid fits in its page (src/live/chinchilla.ts), kept apart from the page so that
 * they can be tested in Node. Notebook 08 leaves its `dropHighest` highest-loss runs out of the headline
 * fit (0–20; 5 by default), and every one of its figures draws from that fit: the runs with the fitted law
 * (Figure 8.2, `figureChinchillaRuns`), the bootstrap histograms of its exponents (Figure 8.1) and its
 * running exponent (Figure 8.3). A grid fit (Approach 3 from the 4,500-point grid) takes about a second in
 * Node and several in a page, so the build computes the notebook's own fit for every value of the
 * parameter's range (`fitsOnce`, shared with the notebook's analysis; `liveChinchillaRunsData` in
 * scripts/site_live.ts) and the page carries all of them with the 245 runs; the page picks the fit of the
 * reader's value and leaves out the runs the notebook does, with `withoutHighestLoss`.
 *
 * The page bootstraps the fit it picked at the reader's resamples and seed with `bootstrapChinchilla`, as
 * the notebook does (each resample refitted from the grid fit's optimum by L-BFGS): a seed draws the same
 * resamples in the page as in the notebook, its first resamples the notebook's first. And for Figure 8.3 a
 * single re-estimate of the notebook's bootstrap (its seed, any of its 1,000 resamples) is refitted alone,
 * with `bootstrapChinchillaDraw`. All memoised by the values.
 *
 * @module
 */
import { type ChinchillaRun, withoutHighestLoss } from "../datasets/chinchilla_data";
import {
  bootstrapChinchilla,
  bootstrapChinchillaDraw,
  type ChinchillaBootstrap,
  type ChinchillaFit,
  fitData,
} from "../fit/chinchilla";
import type { ChinchillaLaw } from "../paper";
import type * as chinchilla from "../findings/08_chinchilla";
import { requireInteger } from "../_util/validate";
import { memoByData } from "./_memo";

/** What the build writes into notebook 08's page for Figure 8.2, which Figures 8.1 and 8.3 read too (`liveChinchillaRunsData`). */
export interface LiveChinchillaRunsData {
  /** All the runs, in the notebook's order (the file's). */
  runs: ChinchillaRun[];
  /** `fits[d]`: the notebook's grid fit of the runs without their `d` highest-loss ones, for every `d` of `range`. */
  fits: ChinchillaFit[];
  /** The notebook's `dropHighest`. */
  dropHighest: number;
  /** The range of `dropHighest` in the notebook's parameter cell (`fits` holds one fit for each value). */
  range: { min: number; max: number };
}

/** What the build writes into notebook 08's page for Figure 8.1 besides the runs (`liveChinchillaBootstrapData`). */
export interface LiveChinchillaBootstrapData {
  /** The notebook's bootstrap resamples, seed and coverage. */
  resamples: number;
  seed: number;
  level: number;
  /** The smallest resample count and the largest seed the notebook's parameter cell allows. */
  minResamples: number;
  maxSeed: number;
}

/** What the number of runs left out decides in notebook 08's analysis (what its three figures read of it). */
export type ChinchillaSelection = Pick<chinchilla.Analysis, "runs" | "headlineRuns" | "dropped" | "fit">;

/** The bootstrap settings a reader chooses (the runs left out, in Figure 8.2). */
export type ChinchillaResampling = { dropHighest: number; resamples: number; seed: number };

/** Checks a reader's `dropHighest` against the fits the page carries. */
function requireDropHighest(data: LiveChinchillaRunsData, dropHighest: number): number {
  return requireInteger("dropHighest", dropHighest, data.range.min, Math.min(data.range.max, data.fits.length - 1));
}

/**
 * Notebook 08's analysis as far as the runs left out decide it: all the runs, the headline runs (the
 * `dropHighest` highest-loss ones left out, as the notebook leaves them out), the runs left out, and the
 * notebook's grid fit of the headline runs, carried in the page. Memoised by the data object and the value.
 * @throws {RangeError} if `dropHighest` is not an integer in the notebook's range (naming it).
 * @example
 * const runs = [3, 1, 2, 4].map((loss, i) => ({ line: i + 2, N: 1e8 * (i + 1), D: 1e10, C: 6e18 * (i + 1), loss }));
 * const fit = { law: { E: 1, A: 1, B: 1, alpha: 0.3, beta: 0.3 }, vector: [0, 0, 0, 0.3, 0.3], objective: 0, starts: 1, polished: 1, startsAtBest: 1, converged: true };
 * const data = { runs, fits: [fit, fit], dropHighest: 1, range: { min: 0, max: 1 } };
 * chinchillaSelection(data, 1).dropped.map((r) => r.loss) // => [4]
 */
export function chinchillaSelection(data: LiveChinchillaRunsData, dropHighest: number): ChinchillaSelection {
  const d = requireDropHighest(data, dropHighest);
  return memoByData(data, ["selection", d], () => {
    const headlineRuns = withoutHighestLoss(data.runs, d);
    // as the notebook's analysis: the runs left out are those not in the headline runs, in file order
    const dropped = data.runs.filter((r) => !headlineRuns.includes(r));
    return { runs: data.runs, headlineRuns, dropped, fit: data.fits[d] };
  });
}

/** The fit data of the headline runs at `dropHighest` (made once per data object and value). */
const fitDataOf = (data: LiveChinchillaRunsData, dropHighest: number) =>
  memoByData(data, ["fitData", dropHighest], () => fitData(chinchillaSelection(data, dropHighest).headlineRuns));

/**
 * The bootstrap of the headline fit at the reader's runs left out, resamples and seed (at the notebook's
 * coverage, `level`): notebook 08's `bootstrap` for those settings, the same resample indices and refits
 * for the same seed. Memoised by the data object and the values.
 * @throws {RangeError} as `chinchillaSelection` (`dropHighest`), or as `bootstrapChinchilla` (`resamples`
 *   outside [2, 10^5]).
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1).map((r, i) => ({ ...r, line: i + 2, C: 6 * r.N * r.D }));
 * const data = { runs, fits: [fitChinchilla(fitData(runs))], dropHighest: 0, range: { min: 0, max: 0 } };
 * chinchillaBootstrap(data, { dropHighest: 0, resamples: 10, seed: 1 }, 0.95).estimates.alpha.length // => 10
 */
export function chinchillaBootstrap(
  data: LiveChinchillaRunsData,
  b: ChinchillaResampling,
  level: number,
): ChinchillaBootstrap {
  const d = requireDropHighest(data, b.dropHighest);
  return memoByData(
    data,
    ["bootstrap", d, b.resamples, b.seed, level],
    () => bootstrapChinchilla(fitDataOf(data, d), data.fits[d], { resamples: b.resamples, seed: b.seed, level }),
  );
}

/**
 * Re-estimate number `draw` (1-based) of the bootstrap of the headline fit at `dropHighest` with `seed`:
 * what notebook 08's bootstrap at that `dropHighest` draws as its resample `draw` (for as many resamples
 * as that or more), refitted alone. Memoised by the data object and the values.
 * @throws {RangeError} as `chinchillaSelection` (`dropHighest`), or as `bootstrapChinchillaDraw` (`draw`
 *   outside [1, 10^5], an invalid seed).
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1).map((r, i) => ({ ...r, line: i + 2, C: 6 * r.N * r.D }));
 * const data = { runs, fits: [fitChinchilla(fitData(runs))], dropHighest: 0, range: { min: 0, max: 0 } };
 * chinchillaDraw(data, { dropHighest: 0, seed: 1, draw: 4 }).alpha === chinchillaBootstrap(data, { dropHighest: 0, resamples: 5, seed: 1 }, 0.95).estimates.alpha[3] // => true
 */
export function chinchillaDraw(
  data: LiveChinchillaRunsData,
  b: { dropHighest: number; seed: number; draw: number },
): ChinchillaLaw {
  const d = requireDropHighest(data, b.dropHighest);
  return memoByData(
    data,
    ["draw", d, b.seed, b.draw],
    () => bootstrapChinchillaDraw(fitDataOf(data, d), data.fits[d], { draw: b.draw, seed: b.seed }),
  );
}
