/**
 * The Chinchilla runs and their grid fits, shared by notebooks 08 and 09 (private to the findings
 * layer). The one place that reads `data/chinchilla_fig4_points.csv` (through `readInput`); the grid
 * fits of Hoffmann et al. 2022's Approach 3 law (4,500 starts each) are memoised here so that notebook
 * 08's analysis and the headline notebook 09 compares with share them: each runs once per process, and once
 * per command where the processes share a folder of analyses (`cached`).
 *
 * @module
 */
import { type ChinchillaRun, parseChinchillaCsv, withoutHighestLoss } from "../datasets/chinchilla_data";
import { bootstrapChinchilla, fitChinchilla, fitData } from "../fit/chinchilla";
import { BESIROGLU_2024_DROPPED, type ChinchillaLaw } from "../paper";
import { cached } from "./_analysis_cache";
import { memoise } from "./claim";
import { readInput } from "./inputs";

/** The input file of notebook 08 (verified by `readInput`). */
export const CHINCHILLA_INPUT = "chinchilla_fig4_points.csv";

/**
 * Reads and parses `data/chinchilla_fig4_points.csv` (245 runs; see `parseChinchillaCsv`), after
 * `readInput` has checked the file's SHA-256 and row count.
 * @throws {Error} if the file is missing or changed; {RangeError} if it is malformed.
 * @example loadChinchillaRuns().length // => 245
 */
export function loadChinchillaRuns(): ChinchillaRun[] {
  return parseChinchillaCsv(readInput(CHINCHILLA_INPUT));
}

/**
 * The headline fit's settings, notebook 08's defaults: Besiroglu et al. 2024's five highest-loss runs
 * left out, bootstrap seed 2022, 95 % percentile intervals.
 * @example HEADLINE.seed // => 2022
 */
export const HEADLINE = Object.freeze({ dropHighest: BESIROGLU_2024_DROPPED, seed: 2022, level: 0.95 });

/**
 * Resamples of the small bootstrap behind `chinchillaHeadline`'s standard errors (notebook 08 itself
 * takes 1,000 by default).
 * @example CHINCHILLA_HEADLINE_RESAMPLES // => 200
 */
export const CHINCHILLA_HEADLINE_RESAMPLES = 200;

/**
 * The grid fit on all 245 runs, computed once per process (the argument is the memo's key: pass `null`).
 * @example fitAllOnce(null) === fitAllOnce(null) // => true
 */
export const fitAllOnce = memoise((_: null) =>
  cached("08_chinchilla-grid", { dropHighest: 0 }, () => fitChinchilla(fitData(loadChinchillaRuns())))
);

/**
 * The runs, the headline runs (the `dropHighest` highest-loss runs left out), their fit data and their
 * grid fit: computed once per `dropHighest` (0 reuses `fitAllOnce`).
 * @example fitsOnce(5).headlineRuns.length // => 240
 */
export const fitsOnce = memoise((dropHighest: number) => {
  const runs = loadChinchillaRuns();
  const headlineRuns = dropHighest === 0 ? runs : withoutHighestLoss(runs, dropHighest);
  const data = fitData(headlineRuns);
  const fit = dropHighest === 0
    ? fitAllOnce(null)
    : cached("08_chinchilla-grid", { dropHighest }, () => fitChinchilla(data));
  return { runs, headlineRuns, data, fit };
});

/** Notebook 08's headline law with bootstrap standard errors of its exponents. */
export interface ChinchillaHeadline {
  /** The fitted law. */
  law: ChinchillaLaw;
  /** Bootstrap standard error of α. */
  alphaStderr: number;
  /** Bootstrap standard error of β. */
  betaStderr: number;
  /** Resamples of that bootstrap (`CHINCHILLA_HEADLINE_RESAMPLES`). */
  resamples: number;
}

const headlineOnce = memoise((_: null): ChinchillaHeadline => cached("08_chinchilla-headline", HEADLINE, headline));

function headline(): ChinchillaHeadline {
  const { data, fit } = fitsOnce(HEADLINE.dropHighest);
  const boot = bootstrapChinchilla(data, fit, {
    resamples: CHINCHILLA_HEADLINE_RESAMPLES,
    seed: HEADLINE.seed,
    level: HEADLINE.level,
  });
  const se = (p: "alpha" | "beta") => boot.summary.find((r) => r.parameter === p)!.stderr;
  return { law: fit.law, alphaStderr: se("alpha"), betaStderr: se("beta"), resamples: CHINCHILLA_HEADLINE_RESAMPLES };
}

/**
 * Notebook 08's headline law alone, cheaply: the Approach 3 refit of the 240 headline runs (the same
 * grid fit as `chinchilla.analysis().fit`, so the same law) with bootstrap standard errors of α and β
 * from `CHINCHILLA_HEADLINE_RESAMPLES` resamples (seed 2022) instead of notebook 08's 1,000; what
 * notebook 09 compares its fits with. Memoised: computed once per process.
 * @example chinchillaHeadline().law.alpha // => ≈ 0.347
 */
export function chinchillaHeadline(): ChinchillaHeadline {
  return headlineOnce(null);
}
