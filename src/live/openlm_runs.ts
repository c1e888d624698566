/**
 * The fits of notebook 09's live figures (src/live/openlm.ts), kept apart from the page so that they can
 * be tested in Node. The grid fits (Approach 3 from the 4,500-point grid, about half a second each) are
 * the notebook's own, computed at build time by the findings layer (`liveOpenLmData` in
 * scripts/site_live.ts) and carried in the page; the page bootstraps them at the reader's resample count,
 * seed and coverage with `bootstrapLaw`, as the notebook does (each resample refitted from the grid fit's
 * optimum by L-BFGS). A seed draws the same resample indices for the same runs, in the page as in the
 * notebook: its first resamples are the notebook's first resamples. Each computation is memoised by its
 * values.
 *
 * @module
 */
import { type ChinchillaFit, fitData, type ParameterSummary } from "../fit/chinchilla";
import { bootstrapLaw, predictLoss, type Run } from "../fit/openlm_fit";
import type { ForecastRow } from "../findings/09_openlm";
import { memoByData } from "./_memo";

/** One run of a training set on C4 validation, as the forecast figure needs it. */
export interface LiveOpenLmRun extends Run {
  /** The run's name in Gadre et al.'s table. */
  run: string;
}

/** What the build writes into notebook 09's page (see `liveOpenLmData` in scripts/site_live.ts). */
export interface LiveOpenLmData {
  /** Per training set: its runs on C4 validation and the grid fit of the runs up to each forecast cut. */
  forecast: {
    trainDataset: string;
    runs: LiveOpenLmRun[];
    /** Each cut: the largest N fitted (a model size of the runs) and the grid fit of the runs up to it. */
    cuts: { maxParams: number; fit: ChinchillaFit }[];
  }[];
  /** Per training set and validation set: the runs (N = all parameters) and their grid fit. */
  domains: { trainDataset: string; valSet: string; runs: Run[]; fit: ChinchillaFit }[];
  /** α of notebook 08's Chinchilla refit (Figure 9.3's dashed line). */
  chinchillaAlpha: number;
  /** The notebook's bootstrap seed and resamples. */
  seed: number;
  resamples: number;
}

/** The bootstrap settings a reader chooses. */
export type Bootstrap = { resamples: number; seed: number; level: number };

/** A forecast of one held-out run: notebook 09's `ForecastRow`, the same fields. */
export type LiveForecastRow = ForecastRow;

/**
 * The forecast of the runs larger than the cut `maxParams` (one of the data's cuts), from each training
 * set's grid fit to the runs up to it, bootstrapped at `b`: the rows notebook 09's `forecast` holds.
 * @throws {RangeError} if `maxParams` is not one of the data's cuts.
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8, 1e9], [1, 4, 16], 0.005, 1);
 * const fit = fitChinchilla(fitData(runs.filter((r) => r.N <= 3e8)));
 * const data = { forecast: [{ trainDataset: "t", runs: runs.map((r, i) => ({ ...r, run: `r${i}` })), cuts: [{ maxParams: 3e8, fit }] }], domains: [], chinchillaAlpha: 0.35, seed: 1, resamples: 10 };
 * forecastRows(data, 3e8, { resamples: 10, seed: 1, level: 0.9 }).map((r) => r.params) // => [1e9, 1e9, 1e9]
 */
export function forecastRows(data: LiveOpenLmData, maxParams: number, b: Bootstrap): LiveForecastRow[] {
  return memoByData(data, ["forecast", maxParams, b], () =>
    data.forecast.flatMap(({ trainDataset, runs, cuts }) => {
      const cut = cuts.find((c) => c.maxParams === maxParams);
      if (!cut) {
        throw new RangeError(
          `\`maxParams\` must be one of ${cuts.map((c) => c.maxParams).join(", ")}, got ${maxParams}`,
        );
      }
      const fitted = runs.filter((r) => r.N <= maxParams).map(({ N, D, loss }) => ({ N, D, loss }));
      const packed = fitData(fitted);
      const lawFit = { runs: fitted, data: packed, fit: cut.fit, bootstrap: bootstrapLaw(packed, cut.fit, b) };
      return runs.filter((r) => r.N > maxParams).map((r): LiveForecastRow => {
        const p = predictLoss(lawFit, r.N, r.D);
        return {
          train_dataset: trainDataset,
          val_set: "c4_val",
          run: r.run,
          params: r.N,
          train_tokens: r.D,
          loss: r.loss,
          predicted: p.predicted,
          pred_low: p.low,
          pred_high: p.high,
        };
      });
    }));
}

/** One training set's fit on one validation set, bootstrapped in the page (the fields Figure 9.3 reads). */
export interface LiveDomainFit {
  trainDataset: string;
  valSet: string;
  /** Estimate, standard error and percentile interval of E, A, B, alpha, beta at the reader's settings. */
  summary: ParameterSummary[];
}

/**
 * Every training set's fit on every validation set, bootstrapped at `b` (notebook 09's `fits`, with
 * the reader's resamples, seed and coverage).
 * @example
 * const runs = syntheticRuns({ E: 1.7, A: 120, B: 300, alpha: 0.25, beta: 0.28 }, [1e7, 3e7, 1e8, 3e8], [1, 4, 16], 0.005, 1);
 * const domains = [{ trainDataset: "t", valSet: "v", runs, fit: fitChinchilla(fitData(runs)) }];
 * domainFits({ forecast: [], domains, chinchillaAlpha: 0.35, seed: 1, resamples: 10 }, { resamples: 10, seed: 1, level: 0.9 })[0].summary[3].estimate // => ≈ 0.25 ± 0.02
 */
export function domainFits(data: LiveOpenLmData, b: Bootstrap): LiveDomainFit[] {
  return memoByData(data, ["domains", b], () =>
    data.domains.map(({ trainDataset, valSet, runs, fit }) => ({
      trainDataset,
      valSet,
      summary: bootstrapLaw(fitData(runs), fit, b).summary,
    })));
}
