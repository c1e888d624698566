/**
 * Findings of notebook 08 (real scaling data: the Chinchilla runs). Fits Hoffmann et al. 2022's
 * Approach 3 law to the runs (all of them, and without the highest-loss ones; the runs and the memoised
 * grid fits come from `./_chinchilla`, which notebook 09 shares), bootstraps the headline fit, and turns
 * the results into claim records: the paper's section 3 statements tested on the fitted law, and the
 * published fits (Hoffmann et al. 2022; Besiroglu et al. 2024, arXiv:2404.10102) tested against our
 * intervals. The analysis runs once per process and settings; the tables and notes of
 * `src/tables/chinchilla.ts` and the figures of `src/figures/chinchilla.ts` draw from it.
 *
 * @module
 */
import type { ChinchillaRun } from "../datasets/chinchilla_data";
import {
  bootstrapChinchilla,
  type ChinchillaBootstrap,
  type ChinchillaFit,
  frontierExponent,
  huberObjective,
  lawToVector,
} from "../fit/chinchilla";
import { CHINCHILLA_POINT, HOFFMANN_2022, KAPLAN_2020 } from "../paper";
import { cutFrontierInC, totalChangePerDoubling } from "../fit/chinchilla_pedestal";
import { lossChangePerDoubling } from "../theory/scaling_law";
import { type Findings, memoise } from "./claim";
import { defineNotebook } from "./notebook";
import { fitAllOnce, fitsOnce, HEADLINE } from "./_chinchilla";
import { claimRecords } from "./_08_chinchilla_claims";

/** The parameters of notebook 08 (its first code cell; their ranges are `notebook.ranges`). */
export interface Settings {
  /** Highest-loss runs left out of the headline fit. */
  dropHighest: number;
  /** Bootstrap resamples. */
  resamples: number;
  /** Bootstrap seed. */
  seed: number;
  /** Coverage of the percentile intervals. */
  level: number;
  /** Units u in which eq. 4's "N = 1" is taken in the pedestal table. */
  units: number[];
}

/** Everything notebook 08 and its tables, notes and figures use. */
export interface Analysis {
  /** All 245 runs. */
  runs: ChinchillaRun[];
  /** The runs of the headline fit (the `dropHighest` highest-loss runs left out). */
  headlineRuns: ChinchillaRun[];
  /** The runs left out. */
  dropped: ChinchillaRun[];
  /** Fit on all runs. */
  fitAll: ChinchillaFit;
  /** Headline fit. */
  fit: ChinchillaFit;
  /** Bootstrap of the headline fit. */
  bootstrap: ChinchillaBootstrap;
  /** Hoffmann et al. 2022's published law's objective on the headline runs (ours is `fit.objective`). */
  hoffmannObjective: number;
  /** Fractional loss changes per doubling ("3–4 % per doubling"). */
  perDoubling: {
    /** Kaplan et al. 2020's compute exponent: 1 − 2^(−α_C). */
    kaplan: number;
    /** The refitted law's reducible loss along the compute-optimal frontier. */
    reducible: number;
    /** The refitted law's total loss along the frontier at Chinchilla's budget. */
    total: number;
    /** The same for Hoffmann et al. 2022's published law. */
    hoffmannTotal: number;
  };
}

/** Notebook 08's bootstrap resamples by default (the headline of `./_chinchilla` takes fewer). */
const RESAMPLES = 1000;

/** The analysis, memoised without `units` (which only the notebook's pedestal table reads). */
const analysisOnce = memoise((s: { dropHighest: number; resamples: number; seed: number; level: number }): Analysis => {
  const { runs, headlineRuns, data, fit } = fitsOnce(s.dropHighest);
  const fitAll = fitAllOnce(null);
  const dropped = runs.filter((r) => !headlineRuns.includes(r));
  const bootstrap = bootstrapChinchilla(data, fit, { resamples: s.resamples, seed: s.seed, level: s.level });
  const hoffmannObjective = huberObjective(lawToVector(HOFFMANN_2022), data);
  const P = CHINCHILLA_POINT;
  const perDoubling = {
    kaplan: lossChangePerDoubling(KAPLAN_2020.C),
    reducible: lossChangePerDoubling(frontierExponent(fit.law)),
    total: totalChangePerDoubling(cutFrontierInC(fit.law), P.C),
    hoffmannTotal: totalChangePerDoubling(cutFrontierInC(HOFFMANN_2022), P.C),
  };
  return { runs, headlineRuns, dropped, fitAll, fit, bootstrap, hoffmannObjective, perDoubling };
});

/**
 * Loads the runs, fits the law on all runs and without the `dropHighest` highest-loss ones (Hoffmann et
 * al.'s grid of 4,500 starts each, screened; shared with notebook 09's headline) and bootstraps the
 * headline fit (`resamples` seeded resamples). `units` does not enter: settings differing only in it give
 * the same object.
 */
function analyse({ dropHighest, resamples, seed, level }: Settings): Analysis {
  return analysisOnce({ dropHighest, resamples, seed, level });
}

/**
 * Notebook 08, described once: its parameters (the highest-loss runs left out of the headline fit, the
 * bootstrap's resamples, seed and interval coverage, the units of eq. 4's "N = 1" in the pedestal table;
 * defaults: Besiroglu et al. 2024's five left-out runs, 1,000 resamples, seed 2022, 95 % intervals and N
 * in parameters, millions and billions), its analysis and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "08_chinchilla",
  defaults: {
    dropHighest: HEADLINE.dropHighest,
    resamples: RESAMPLES,
    seed: HEADLINE.seed,
    level: HEADLINE.level,
    units: [1, 1e6, 1e9],
  },
  ranges: {
    dropHighest: { kind: "number", range: { min: 0, max: 20, integer: true } },
    resamples: { kind: "number", range: { min: 50, max: 4000, integer: true } },
    seed: { kind: "number", range: { min: 0, max: 2 ** 31 - 1, integer: true } },
    level: { kind: "number", range: { min: 0.5, max: 0.99 } },
    units: { kind: "list", each: { min: 1, max: 1e10 }, length: [1, 6] },
  },
  analyse,
  claims: claimRecords,
});

/** The notebook's defaults: the values its first code cell assigns. */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 08's analysis at the given settings (defaults for what is left out), computed once per
 * process; settings differing only in `units` give the same object.
 * @throws {RangeError} naming the setting that is outside its range.
 * @example analysis().fit.law.alpha // => ≈ 0.347
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 08 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "08.hoffmann-beta")?.verdict // => "does not hold"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
