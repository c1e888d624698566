/**
 * The runs of notebook 07's live figures (src/live/measured_exponents.ts), kept apart from the page so
 * that they can be tested in Node: each turns the reader's values into the experiments' settings and runs
 * the experiment with `src/measure/measured_exponents.ts`, seeded as the notebook seeds it (a setting the
 * notebook also runs gives the notebook's numbers). Each run is memoised by its values, so a figure and
 * the numbers beside it share one run, and going back to earlier values redraws at once. Figure 7.5 (the
 * measured exponents against the predicted) is composed from the runs of Figures 7.1–7.3 at their values
 * (`exponentsResult`), with the cascades, which have no page parameter, from the build.
 *
 * @module
 */
import {
  type CascadeMeasurement,
  DEFAULT_SETTINGS,
  type ExperimentSettings,
  type ExponentMeasurement,
  gridExponents,
  manifoldExponents,
  type MeasuredExponents,
  twonnOnManifold,
} from "../measure/measured_exponents";
import { memoise } from "../_util/memoise";
import { snapThird } from "./format";

/**
 * The experiments' result, as the figure builders read it, for the measurements the page ran.
 * @example asResult(DEFAULT_SETTINGS, []).intermittent // => []
 */
export const asResult = (
  settings: ExperimentSettings,
  exponents: ExponentMeasurement[],
  dimensions: MeasuredExponents["dimensions"] = [],
): MeasuredExponents => ({ settings, exponents, dimensions, intermittent: [] });

/** The reader's values of Figure 7.1 (smooth grids): seeds, Monte Carlo points, and d = 1 up to `dMax`. */
export type Smooth = { seeds: number; mcPoints: number; dMax: number };
/** The reader's values of Figure 7.2 (rough grids): the Hölder exponent h of the targets and the seeds. */
export type Rough = { h: number; seeds: number };
/** The reader's values of Figure 7.3 (manifolds): ambient D, largest training set, queries, seeds. */
export type Manifold = { D: number; nMax: number; queries: number; seeds: number };
/** The reader's values of Figure 7.4 (TwoNN): ambient D, the two sample sizes, seeds. */
export type TwoNN = { D: number; n1: number; n2: number; seeds: number };

/**
 * The settings of a smooth-grid run: the notebook's cell counts for d = 1…dMax.
 * @example smoothSettings({ seeds: 2, mcPoints: 1024, dMax: 2 }).gridSides // => [[8, 16, 32, 64, 128, 256, 512], [4, 8, 16, 32, 64]]
 */
export const smoothSettings = ({ seeds, mcPoints, dMax }: Smooth): ExperimentSettings => ({
  ...DEFAULT_SETTINGS,
  seeds,
  mcPoints,
  gridSides: DEFAULT_SETTINGS.gridSides.slice(0, dMax),
});

/**
 * The smooth grids of d = 1…dMax (experiment 1, `gridExponents` as `measuredExponents` runs it): one
 * measurement per approximant and d.
 * @example smoothRun({ seeds: 2, mcPoints: 1024, dMax: 1 })[1].alpha // => ≈ 4 ± 0.1 (piecewise linear, d = 1)
 */
export const smoothRun: (v: Smooth) => ExponentMeasurement[] = memoise((v: Smooth) => {
  const s = smoothSettings(v);
  return s.gridSides.flatMap((sides, i) => gridExponents(i + 1, null, sides, s));
});

/**
 * The settings of a rough-grid run: one Hölder exponent, d = 1–3 on the notebook's cells and Monte Carlo points.
 * @example roughSettings({ h: 0.3333333333333, seeds: 2 }).hs // => [0.3333333333333333]
 */
export const roughSettings = ({ h, seeds }: Rough): ExperimentSettings => ({
  ...DEFAULT_SETTINGS,
  seeds,
  hs: [snapThird(h)],
});

/**
 * The rough grids (experiment 2) at one h, d = 1–3: one measurement per approximant and d.
 * @example roughRun({ h: 0.5, seeds: 1 }).length // => 6
 */
export const roughRun: (v: Rough) => ExponentMeasurement[] = memoise((v: Rough) => {
  const s = roughSettings(v);
  return s.roughDims.flatMap((d) => gridExponents(d, s.hs[0], s.gridSides[d - 1], s));
});

/**
 * Four training-set sizes over 1.2 decades up to `nMax` (from `nMax`/16), evenly spaced on a log scale.
 * @example manifoldSizes(1024) // => [64, 161, 406, 1024]
 */
export const manifoldSizes = (nMax: number): number[] => [3, 2, 1, 0].map((k) => Math.round(nMax / 16 ** (k / 3)));

/**
 * The settings of a manifold run: d = 1…5 embedded in R^D, trained on `manifoldSizes(nMax)` points.
 * @example manifoldSettings({ D: 16, nMax: 2048, queries: 128, seeds: 1 }).manifoldSizes // => [128, 323, 813, 2048]
 */
export const manifoldSettings = ({ D, nMax, queries, seeds }: Manifold): ExperimentSettings => ({
  ...DEFAULT_SETTINGS,
  seeds,
  ambientDim: D,
  manifoldSizes: manifoldSizes(nMax),
  queries,
});

/**
 * The manifold regressions (experiment 3) of d = 1…5: one measurement per regressor and d.
 * @example manifoldRun({ D: 8, nMax: 1024, queries: 64, seeds: 1 }).length // => 10
 */
export const manifoldRun: (v: Manifold) => ExponentMeasurement[] = memoise((v: Manifold) => {
  const s = manifoldSettings(v);
  return s.manifoldDims.flatMap((d) => manifoldExponents(d, s));
});

/**
 * The TwoNN estimates of d = 1…5 from `n1` and `n2` points in R^D (one size when the two are equal).
 * @example twonnRun({ D: 8, n1: 512, n2: 512, seeds: 1 }).length // => 5
 */
export const twonnRun: (v: TwoNN) => MeasuredExponents["dimensions"] = memoise(({ D, n1, n2, seeds }: TwoNN) =>
  DEFAULT_SETTINGS.manifoldDims.flatMap((d) => [...new Set([n1, n2])].map((N) => twonnOnManifold(d, D, N, seeds)))
);

/**
 * What the build writes into notebook 07's page for Figure 7.5 (`liveMeasuredData` in scripts/site_live.ts):
 * the beta-model cascades of experiment 4 at the notebook's settings, the part of the figure that has no
 * parameter in the page (and more than a second to compute).
 */
export interface LiveMeasuredData {
  /** The notebook's cascade exponents (`result.intermittent` of notebook 07's analysis). */
  cascades: CascadeMeasurement[];
}

/**
 * Figure 7.5's result: the exponents the page measures for Figures 7.1 (smooth grids), 7.2 (rough grids)
 * and 7.3 (manifolds) at their values, each the same memoised run as its own figure, with the build's
 * cascades. The settings are the three runs' (the grids' cells and points, the one h, the ambient D).
 * @example exponentsResult({ seeds: 1, mcPoints: 256, dMax: 1 }, { h: 0.5, seeds: 1 }, { D: 8, nMax: 512, queries: 64, seeds: 1 }, []).exponents.length // => 18
 */
export function exponentsResult(
  smooth: Smooth,
  rough: Rough,
  manifold: Manifold,
  cascades: CascadeMeasurement[],
): MeasuredExponents {
  const settings: ExperimentSettings = {
    ...smoothSettings(smooth),
    hs: roughSettings(rough).hs,
    ambientDim: manifold.D,
    manifoldSizes: manifoldSizes(manifold.nMax),
    queries: manifold.queries,
  };
  const exponents = [...smoothRun(smooth), ...roughRun(rough), ...manifoldRun(manifold)];
  return { ...asResult(settings, exponents), intermittent: cascades };
}
