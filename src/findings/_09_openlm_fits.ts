/**
 * The runs of Gadre et al. 2024 and their grid fits, for notebook 09 (private to `09_openlm.ts` and its
 * claims): the one place that reads `data/gadre2024_openlm_runs.csv` (through `readInput`, checksummed),
 * the selections of runs a fit is made on, the grid fits (independent of the bootstrap's seed and
 * resamples, so memoised: each runs once per process) and a training set's fit on one validation set
 * with its bootstrap.
 *
 * @module
 */
import { type ChinchillaFit, fitChinchilla, fitData, type ParameterSummary } from "../fit/chinchilla";
import { type OpenLmRow, parseOpenLmCsv, selectRows, type SizeConvention, toRuns } from "../datasets/openlm_data";
import { bootstrapLaw, type LawFit } from "../fit/openlm_fit";
import { memoise } from "../_util/memoise";
import { cached } from "./_analysis_cache";
import { readInput } from "./inputs";
import type { DomainFit, Settings } from "./09_openlm";

/**
 * The 104 runs × 8 validation sets of `data/gadre2024_openlm_runs.csv`, read once per process.
 * @example loadRows(null).length // => 832
 */
export const loadRows = memoise((_: null): OpenLmRow[] => parseOpenLmCsv(readInput("gadre2024_openlm_runs.csv")));

/** A selection of runs for a grid fit: training set, validation set, size convention, and which runs are kept. */
export interface Selection {
  t: string;
  v: string;
  size: SizeConvention;
  /** Largest N kept (null: all). */
  maxParams: number | null;
  /** Leave out the runs with this token multiplier (null: none). */
  dropM: number | null;
  /** Leave out the runs of this model size (null: none). */
  dropSize: number | null;
  /** Huber threshold (null: Hoffmann et al.'s 10⁻³). */
  delta: number | null;
}

/**
 * The runs a selection keeps.
 * @example select(selection("rpj", "c4_val", { dropM: 0.25 })).length // => 31
 */
export const select = (sel: Selection): OpenLmRow[] =>
  selectRows(loadRows(null), sel.t, sel.v).filter((r) =>
    (sel.maxParams === null || r.params <= sel.maxParams) && r.tokenMultiplier !== sel.dropM &&
    r.params !== sel.dropSize
  );

/**
 * The grid fit of a selection: independent of the bootstrap's seed and resamples, so computed once per process,
 * and shared with other processes of the same command (`cached`: a rerun at other settings reuses them).
 * @example gridFit(selection("rpj", "c4_val")).law.alpha // => ≈ 0.243
 */
export const gridFit = memoise((sel: Selection): ChinchillaFit =>
  cached(
    "09_openlm-grid",
    sel,
    () => fitChinchilla(fitData(toRuns(select(sel), sel.size)), sel.delta === null ? {} : { delta: sel.delta }),
  )
);

/**
 * A selection of one training set's runs on one validation set: all of them, N = all parameters,
 * Huber δ = 10⁻³, but for what `over` changes.
 * @example selection("rpj", "c4_val", { dropM: 0.25 }).dropM // => 0.25
 */
export const selection = (t: string, v: string, over: Partial<Selection> = {}): Selection => ({
  t,
  v,
  size: "params",
  maxParams: null,
  dropM: null,
  dropSize: null,
  delta: null,
  ...over,
});

/**
 * One training set's fit on one validation set (runs with N ≤ `maxParams` counted by `size`), with its
 * bootstrap at the settings' resamples, seed and level, and the loss of the training set's largest run.
 * @example fitDomain(loadRows(null), "rpj", "c4_val", { ...openlm.defaults, resamples: 50 }).lawFit.runs.length // => 35
 */
export function fitDomain(
  rows: OpenLmRow[],
  trainDataset: string,
  valSet: string,
  s: Settings,
  size: SizeConvention = "params",
  maxParams = Infinity,
): DomainFit {
  const all = selectRows(rows, trainDataset, valSet);
  const sel = selection(trainDataset, valSet, { size, maxParams: Number.isFinite(maxParams) ? maxParams : null });
  const runs = toRuns(select(sel), size).map(({ N, D, loss }) => ({ N, D, loss }));
  const data = fitData(runs);
  const fit = gridFit(sel);
  const lawFit: LawFit = {
    runs,
    data,
    fit,
    bootstrap: bootstrapLaw(data, fit, { resamples: s.resamples, seed: s.seed, level: s.level }),
  };
  const top = all.reduce((a, b) => (b.params > a.params ? b : a));
  return { trainDataset, valSet, lawFit, summary: lawFit.bootstrap.summary, largestLoss: top.loss };
}

/**
 * A fit's summary row of one parameter.
 * @example param(openlm.analysis().c4Fits.rpj, "alpha").estimate // => ≈ 0.243
 */
export const param = (fit: DomainFit, p: ParameterSummary["parameter"]): ParameterSummary =>
  fit.summary.find((r) => r.parameter === p)!;
