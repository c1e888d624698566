/**
 * Notebook 11's per-genre comparison, shared by its analysis (`./11_language_model`) and its live page
 * (`src/live/lm_genres.ts`), which bootstraps the same fits in the browser: the runs as the cluster
 * bootstrap takes them, and each genre's α against the pooled α. Private to the findings layer and the
 * live edition.
 *
 * @module
 */
import { type LmRun, sizeName } from "../datasets/lm_data";
import { type ClusteredRun, type ClusterLawFit, compareExponents } from "../fit/lm_fit";
import type { GenreFit } from "./11_language_model";

/**
 * The runs the law is fitted to (the size sweep and the data sweep, in file order) as the cluster
 * bootstrap takes them: N, D (the run's training characters), the loss `loss` picks (the validation loss,
 * or one genre's) and the cluster, the run's size.
 * @example clusteredRuns(languageModel.analysis().runs, (r) => r.valLoss).length // => 19
 */
export function clusteredRuns(runs: readonly LmRun[], loss: (r: LmRun) => number): ClusteredRun[] {
  return runs.filter((r) => r.kind === "size" || r.kind === "data")
    .map((r) => ({ N: r.N, D: r.tokens, loss: loss(r), cluster: sizeName(r.run) }));
}

/**
 * Each genre's α against the pooled α (`compareExponents`: the paired interval of the difference, its
 * bootstrap p and Holm's adjustment over the genres), from the pooled fit's and the genres' cluster
 * bootstraps, drawn with the same seed and resamples: what the notebook's `genreFits` holds, and what its
 * live page computes from the fits it bootstraps in the browser (src/live/lm_genres.ts).
 * @throws {RangeError} as `compareExponents`.
 * @example genreFitsOf(languageModel.analysis().law, [{ genre: "news", law: languageModel.analysis().law, largestLoss: 2.3 }])[0].pHolm // => 1
 */
export function genreFitsOf(
  law: ClusterLawFit,
  genres: readonly { genre: string; law: ClusterLawFit; largestLoss: number }[],
): GenreFit[] {
  const compared = compareExponents(law, genres.map((g) => g.law));
  return genres.map((g, i) => ({ genre: g.genre, ...compared[i], largestLoss: g.largestLoss, fit: g.law.fit }));
}
