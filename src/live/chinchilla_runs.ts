/**
 * The bootstrap of notebook 08's live bootstrap histograms (Figure 8.1, src/live/chinchilla.ts), kept apart from the page so
 * that it can be tested in Node. The grid fit of the headline runs (Approach 3 from the 4,500-point grid)
 * is the notebook's own, computed at build time by the findings layer (`liveChinchillaBootstrapData` in
 * scripts/site_live.ts) and carried in the page with the runs; the page bootstraps it at the reader's
 * resample count and seed with `bootstrapChinchilla`, as the notebook does (each resample refitted from
 * the grid fit's optimum by L-BFGS). A seed draws the same resample indices in the page as in the
 * notebook: its first resamples are the notebook's first resamples. Memoised by the values.
 *
 * @module
 */
import { bootstrapChinchilla, type ChinchillaBootstrap, type ChinchillaFit, fitData } from "../fit/chinchilla";
import { memoByData } from "./_memo";

/** What the build writes into notebook 08's page for Figure 8.1 (see `liveChinchillaBootstrapData`). */
export interface LiveChinchillaBootstrapData {
  /** The headline runs (the notebook's `dropHighest` highest-loss runs left out), in the notebook's order. */
  runs: { N: number; D: number; loss: number }[];
  /** The notebook's grid fit of those runs. */
  fit: ChinchillaFit;
  /** The notebook's bootstrap resamples, seed and coverage. */
  resamples: number;
  seed: number;
  level: number;
  /** The smallest resample count and the largest seed the notebook's parameter cell allows. */
  minResamples: number;
  maxSeed: number;
}

/** The bootstrap settings a reader chooses. */
export type ChinchillaResampling = { resamples: number; seed: number };

/**
 * The bootstrap of the headline fit at the reader's resamples and seed (at the notebook's coverage, which
 * the histograms do not read): notebook 08's `bootstrap`, the same resample indices and refits for the
 * same seed. Memoised by the data object and the values.
 * @throws {RangeError} as `bootstrapChinchilla` (`resamples` outside [2, 10^5]).
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const data = { runs, fit: fitChinchilla(fitData(runs)), resamples: 10, seed: 1, level: 0.95, minResamples: 5, maxSeed: 99 };
 * chinchillaBootstrap(data, { resamples: 10, seed: 1 }).estimates.alpha.length // => 10
 */
export function chinchillaBootstrap(data: LiveChinchillaBootstrapData, b: ChinchillaResampling): ChinchillaBootstrap {
  return memoByData(
    data,
    [b.resamples, b.seed],
    () =>
      bootstrapChinchilla(fitData(data.runs), data.fit, { resamples: b.resamples, seed: b.seed, level: data.level }),
  );
}
