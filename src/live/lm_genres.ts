/**
 * The bootstrap of notebook 11's live per-genre exponents (`figureLmGenres`, src/live/lm.ts), kept apart
 * from the page so that it can be tested in Node. The grid fits (Approach 3 from the 4,500-point grid,
 * about half a second each: sixteen of them, the pooled validation loss and each genre's) are the
 * notebook's own, computed at build time by the findings layer (`liveLmGenresData` in
 * scripts/site_live.ts) and carried in the page with the runs; the page bootstraps them at the reader's
 * resamples, seed and coverage with the notebook's `ClusterBootstrap` (each resample of sizes refitted
 * from the grid fit's optimum by L-BFGS) and compares the genres with `genreFitsOf`, as the notebook
 * does. A seed draws the same sizes in the page as in the notebook: its first resamples are the
 * notebook's first resamples. The draws of a seed are kept, so more resamples refit only the new ones,
 * fewer or another coverage refit none, and a refit is reused whenever a draw repeats its sizes; the
 * page draws a seed's resamples in slices (`extendGenreResamples`) and shows the figure as they come.
 *
 * @module
 */
import type { ChinchillaFit } from "../fit/chinchilla";
import { ClusterBootstrap, type ClusterLawFit, type ClusterResampling } from "../fit/lm_fit";
import type { GenreFit } from "../findings/11_language_model";
import { genreFitsOf } from "../findings/_11_language_model_genres";
import { memoByData } from "./_memo";

/** What the build writes into notebook 11's page for its per-genre exponents (see `liveLmGenresData`). */
export interface LiveLmGenresData {
  /** The runs the law is fitted to (the size and data sweeps, in the notebook's order): N, D and size. */
  runs: { N: number; D: number; cluster: string }[];
  /** The pooled fit: each run's validation loss and the notebook's grid fit of it. */
  pooled: { loss: number[]; fit: ChinchillaFit };
  /** Per genre, in the notebook's order: each run's loss on it, its grid fit, the largest model's loss. */
  genres: { genre: string; loss: number[]; fit: ChinchillaFit; largestLoss: number }[];
  /** The notebook's resamples, seed and coverage (its parameters' defaults). */
  resamples: number;
  seed: number;
  level: number;
  /** The notebook's ranges: its fewest resamples, and its coverage's bounds. */
  minResamples: number;
  levelRange: { min: number; max: number };
}

/** Notebook 11's pooled fit and per-genre exponents at a reader's settings (what its figure draws). */
export interface LiveGenreExponents {
  /** The pooled fit's cluster bootstrap (the notebook's `law`). */
  law: ClusterLawFit;
  /** Each genre's α against the pooled α (the notebook's `genreFits`). */
  genreFits: GenreFit[];
}

/** The sixteen bootstraps of a page's data: the pooled fit's, then each genre's (made once per data object). */
function bootstrapsOf(data: LiveLmGenresData): { pooled: ClusterBootstrap; genres: ClusterBootstrap[] } {
  return memoByData(data, ["bootstraps"], () => {
    const runsWith = (loss: number[]) => data.runs.map((r, i) => ({ ...r, loss: loss[i] }));
    return {
      pooled: new ClusterBootstrap(runsWith(data.pooled.loss), data.pooled.fit),
      genres: data.genres.map((g) => new ClusterBootstrap(runsWith(g.loss), g.fit)),
    };
  });
}

/** The last settings computed and their result (a reader's page asks for one setting at a time, twice). */
const last = new WeakMap<LiveLmGenresData, { key: string; value: LiveGenreExponents }>();

/**
 * The pooled fit's and every genre's cluster bootstrap at the reader's resamples, seed and coverage, and
 * the genres compared with the pooled α: notebook 11's `law` and `genreFits` for those settings, the same
 * draws and refits for the same seed.
 * @throws {RangeError} as `ClusterBootstrap.resample` (`resamples` below 2, a negative or fractional seed,
 *   `level` outside (0, 1)).
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const fit = fitChinchilla(fitData(runs)), loss = runs.map((r) => r.loss);
 * const data = { runs: runs.map((r) => ({ N: r.N, D: r.D, cluster: String(r.N) })), pooled: { loss, fit }, genres: [{ genre: "news", loss, fit, largestLoss: 2 }], resamples: 10, seed: 1, level: 0.9, minResamples: 5, levelRange: { min: 0.5, max: 0.99 } };
 * genreExponents(data, { resamples: 10, seed: 1, level: 0.9 }).genreFits[0].pHolm // => 1 (the genre is the pooled fit)
 */
export function genreExponents(data: LiveLmGenresData, settings: ClusterResampling): LiveGenreExponents {
  const key = JSON.stringify([settings.resamples, settings.seed, settings.level]);
  const kept = last.get(data);
  if (kept?.key === key) return kept.value;
  const { pooled, genres } = bootstrapsOf(data);
  const s = { resamples: settings.resamples, seed: settings.seed, level: settings.level };
  const law = pooled.resample(s);
  const genreFits = genreFitsOf(
    law,
    data.genres.map((g, i) => ({ genre: g.genre, law: genres[i].resample(s), largestLoss: g.largestLoss })),
  );
  const value = { law, genreFits };
  last.set(data, { key, value });
  return value;
}

/**
 * How many resamples of `seed` every one of the sixteen bootstraps has drawn and refitted so far:
 * `genreExponents` with at most that many refits nothing.
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const fit = fitChinchilla(fitData(runs)), loss = runs.map((r) => r.loss);
 * const data = { runs: runs.map((r) => ({ N: r.N, D: r.D, cluster: String(r.N) })), pooled: { loss, fit }, genres: [{ genre: "news", loss, fit, largestLoss: 2 }], resamples: 10, seed: 1, level: 0.9, minResamples: 5, levelRange: { min: 0.5, max: 0.99 } };
 * extendGenreResamples(data, 4, 3);
 * [genreResamplesDrawn(data, 4), genreResamplesDrawn(data, 5)] // => [3, 0]
 */
export function genreResamplesDrawn(data: LiveLmGenresData, seed: number): number {
  const { pooled, genres } = bootstrapsOf(data);
  return Math.min(pooled.drawn(seed), ...genres.map((g) => g.drawn(seed)));
}

/**
 * Draws and refits the resamples of `seed` in all sixteen bootstraps until each has `resamples` (the
 * page calls it a resample at a time, between which it gets control back).
 * @throws {RangeError} as `ClusterBootstrap.extend`.
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const fit = fitChinchilla(fitData(runs)), loss = runs.map((r) => r.loss);
 * const data = { runs: runs.map((r) => ({ N: r.N, D: r.D, cluster: String(r.N) })), pooled: { loss, fit }, genres: [{ genre: "news", loss, fit, largestLoss: 2 }], resamples: 10, seed: 1, level: 0.9, minResamples: 5, levelRange: { min: 0.5, max: 0.99 } };
 * extendGenreResamples(data, 2, 6);
 * genreResamplesDrawn(data, 2) // => 6
 */
export function extendGenreResamples(data: LiveLmGenresData, seed: number, resamples: number): void {
  const { pooled, genres } = bootstrapsOf(data);
  for (const b of [pooled, ...genres]) b.extend(seed, resamples);
}
