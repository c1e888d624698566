/**
 * The experiments of notebook 07, which measure the scaling exponents that section 5 predicts:
 *
 * 1. grid approximation of a smooth target on [0,1]^d (eqs. 11–13: α = 2/d constant, 4/d linear);
 * 2. the same for rough targets of Hölder exponent h (eq. 17: α ∼ 4h/d);
 * 3. nearest-neighbour and local-linear regression on a d-dimensional manifold embedded in R^32
 *    (eq. 9: the exponent follows the intrinsic d), and TwoNN estimates of d;
 * 4. (optional in the issue) grid approximation of an intermittent beta-model cascade in d = 1
 *    (section 5.1, eqs. 15–16), in `./cascade_exponents`.
 *
 * Throughout, the loss is the squared error of eq. 12, L = ∫ |f − f_N|², and α is the exponent of
 * L ∼ N^(−α). Each exponent is fitted on log-log axes separately for every seed (a seed fixes the
 * Monte Carlo points and, for rough targets and manifolds, the random target or embedding and the
 * samples); `alpha` is the mean over seeds and `alphaStderr` the standard error of that mean.
 *
 * Results are memoised per settings, so the table and figure builders of one process share one run.
 * This module holds the settings, the records every experiment returns, experiments 1–3 and the run
 * of all four; the helpers the experiments share (seeding, predicted exponents, the summary over seeds)
 * are in `./_experiments`.
 *
 * @module
 */
import {
  type ApproximantKind,
  gridApproximant,
  meanSquaredError,
  smoothTarget,
  type Target,
  targetValues,
  uniformPoints,
} from "./approximation";
import { KdTree } from "./kdtree";
import { knnRegress, localLinearRegress } from "./knn";
import { randomEmbedding, sampleManifold } from "./manifold";
import { meanStderr } from "../fit/powerlaw_fit";
import { Random } from "../stats/random";
import { cascadeExponents } from "./cascade_exponents";
import { ci95, degreeOf, holderExponent, paperExponent, seedOf, SETTINGS_KEYS, summarise } from "./_experiments";
import { weierstrassTarget } from "./rough";
import { twoNN } from "./twonn";
import { formatFraction } from "../_util/format";
import { requireArray, requireFields, requireFinite, requireInteger, requireSettings } from "../_util/validate";

/** Sizes and repetitions of the four experiments. */
export interface ExperimentSettings {
  /** Independent seeds per exponent (≥ 2 for a standard error). */
  seeds: number;
  /** Monte Carlo points per grid MSE estimate. */
  mcPoints: number;
  /** Cells per side n (N = n^d) for each dimension d of the grid experiments; d = index + 1. */
  gridSides: number[][];
  /** Dimensions of the rough-target grid experiments. */
  roughDims: number[];
  /** Hölder exponents of the rough targets. */
  hs: number[];
  /** Rough targets contain octaves up to wavenumber `roughBandwidth / s_min` (s_min the finest cell side). */
  roughBandwidth: number;
  /** Intrinsic dimensions of the manifold experiments. */
  manifoldDims: number[];
  /** Ambient dimension D of the embedding. */
  ambientDim: number;
  /** Training-set sizes N of the manifold regressions. */
  manifoldSizes: number[];
  /** Query points per manifold MSE estimate. */
  queries: number;
  /** Numbers of points for the TwoNN estimates. */
  twonnSizes: number[];
  /** Codimensions C = 1 − d_F of the beta-model cascades (d = 1); 0 is the non-intermittent cascade. */
  codimensions: number[];
  /** Cells n (= N in d = 1) of the cascade experiment. */
  cascadeSides: number[];
  /** Levels J of the cascades (finest scale 2^(−J), well below 1/max(cascadeSides)). */
  cascadeLevels: number;
}

/**
 * Default sizes: all four experiments in a few seconds on one core (what `npm run reproduce` and the
 * notebook run). At least a decade of N for every exponent, 4 seeds.
 */
export const DEFAULT_SETTINGS: ExperimentSettings = {
  seeds: 4,
  mcPoints: 4096,
  gridSides: [
    [8, 16, 32, 64, 128, 256, 512],
    [4, 8, 16, 32, 64],
    [3, 4, 6, 8, 12, 16, 24, 32],
    [3, 4, 5, 6, 8],
    [3, 4, 5, 6],
  ],
  roughDims: [1, 2, 3],
  hs: [1 / 3, 1 / 2],
  roughBandwidth: 128,
  manifoldDims: [1, 2, 3, 4, 5],
  ambientDim: 32,
  manifoldSizes: [256, 1024, 4096, 16384],
  queries: 512,
  twonnSizes: [1024, 4096],
  codimensions: [0, 0.2, 0.5],
  cascadeSides: [16, 32, 64, 128, 256, 512, 1024],
  cascadeLevels: 18,
};

/**
 * Full sizes: two to three decades of N, 8 seeds, 16k Monte Carlo points; rough targets in d = 1..5.
 * Several minutes on two cores (select with `SMALLNESS_FULL=1` or `full = true` in the notebook).
 */
export const FULL_SETTINGS: ExperimentSettings = {
  seeds: 8,
  mcPoints: 16384,
  gridSides: [
    [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096],
    [4, 8, 16, 32, 64, 128, 256],
    [3, 4, 6, 8, 12, 16, 24, 32],
    [3, 4, 5, 6, 8, 10, 12],
    [3, 4, 5, 6, 7, 8],
  ],
  roughDims: [1, 2, 3, 4, 5],
  hs: [1 / 3, 1 / 2],
  roughBandwidth: 256,
  manifoldDims: [1, 2, 3, 4, 5],
  ambientDim: 32,
  manifoldSizes: [256, 1024, 4096, 16384, 65536],
  queries: 2048,
  twonnSizes: [1024, 4096, 16384, 65536],
  codimensions: [0, 0.1, 0.2, 0.35, 0.5],
  cascadeSides: [16, 32, 64, 128, 256, 512, 1024, 2048, 4096],
  cascadeLevels: 22,
};

/** Experiment family: grid approximation on the cube, or regression on an embedded manifold. */
export type Experiment = "grid" | "manifold";
/** Approximants: the two grid ones of section 5, and their nearest-neighbour analogues. */
export type Approximant = ApproximantKind | "knn1" | "local_linear";

/** One measured loss curve and its fitted exponent. */
export interface ExponentMeasurement {
  experiment: Experiment;
  /** `intermittent`: the beta-model cascade of `cascade.ts` (h is then the active-set exponent). */
  target: "smooth" | "rough" | "intermittent";
  approximant: Approximant;
  /** Intrinsic dimension (the cube's dimension for grids). */
  d: number;
  /** Hölder exponent of a rough target; null for smooth targets. */
  h: number | null;
  /** Sizes N: cells n^d (grid) or training points (manifold). */
  sizes: number[];
  /** Squared error (eq. 12) at each N, averaged over seeds. */
  mse: number[];
  /** Standard error over seeds of the squared error at each N. */
  mseStderr: number[];
  /** Mean over seeds of the fitted exponent of L ∼ N^(−α). */
  alpha: number;
  /** Standard error over seeds of α. */
  alphaStderr: number;
  /**
   * Half-width of the two-sided 95 % confidence interval of α over seeds, Student's t with
   * seeds − 1 degrees of freedom times `alphaStderr` (3.18 s.e. for 4 seeds); 0 for a single seed.
   */
  alphaCi95: number;
  /** Mean over seeds of the regression standard error of α. */
  alphaRegressionStderr: number;
  /** Geometric mean over seeds of the fitted prefactor A of L = A N^(−α). */
  prefactor: number;
  /**
   * What the paper predicts for this row: 2/d (constant, knn1; eq. 13), 4/d (linear, local_linear;
   * section 5 and eq. 9); for rough targets the same times h (section 5.1), i.e. eq. 17's 4h/d for
   * the linear approximant and 2h/d for the constant one.
   */
  alphaPaper: number;
  /**
   * What section 5's own bound gives for a Hölder-h target: the squared error of either
   * approximant is of order s^(2 min(h, order)), so α = 2h/d for h < 1 (= alphaPaper when smooth).
   */
  alphaHolder: number;
}

/** One TwoNN estimate. */
export interface DimensionEstimate {
  /** True intrinsic dimension. */
  d: number;
  /** Ambient dimension. */
  D: number;
  /** Number of points. */
  N: number;
  /** TwoNN (Facco et al. 2017) estimate, mean over seeds. */
  estimate: number;
  /** Standard error over seeds. */
  stderr: number;
  /** Half-width of the 95 % Student-t interval over seeds (seeds − 1 degrees of freedom); 0 for one seed. */
  ci95: number;
}

/**
 * A measured exponent of the intermittent cascade. Its `alphaHolder` is the cascade's mean-square
 * exponent ζ₂ = 2/3 + C/3 (`cascadeZeta2`), the exponent section 5's bound predicts in d = 1.
 */
export interface CascadeMeasurement extends ExponentMeasurement {
  /** Codimension C of the active set. */
  codimension: number;
}

/** Everything the experiments measured. */
export interface MeasuredExponents {
  settings: ExperimentSettings;
  /** Experiments 1–3 (the rows of `data/sk_exponents.csv`). */
  exponents: ExponentMeasurement[];
  dimensions: DimensionEstimate[];
  /** Experiment 4, the intermittent cascades (`data/sk_intermittency.csv`). */
  intermittent: CascadeMeasurement[];
}

/**
 * The Hölder exponent as the notebooks and figures print it (`formatFraction`: "1/3", "1/2" for the
 * simple fractions, otherwise at most three significant digits), "" for a smooth target (`null`).
 *
 * @example
 * formatHolder(1 / 3) // => "1/3"
 * formatHolder(0.5) // => "1/2"
 */
export function formatHolder(h: number | null): string {
  if (h !== null) requireFinite("h", h);
  return h === null ? "" : formatFraction(h);
}

/**
 * Experiments 1 and 2: squared error of the constant and linear grid approximants of a smooth target
 * (`h` null) or of a Weierstrass target of Hölder exponent `h`, in dimension `d`, over the cell
 * counts N = n^d of `sides`. Returns one measurement per approximant.
 *
 * @throws {RangeError} if `d` < 1, `seeds` < 1, fewer than two sides, or `h` is not in (0, 1).
 * @example gridExponents(2, null, [4, 8, 16, 32], { ...DEFAULT_SETTINGS, seeds: 2 })
 */
export function gridExponents(
  d: number,
  h: number | null,
  sides: number[],
  settings: ExperimentSettings,
): ExponentMeasurement[] {
  requireInteger("d", d, 1);
  requireFields("settings", settings, SETTINGS_KEYS, "ExperimentSettings");
  requireArray("sides", sides);
  requireInteger("seeds", settings.seeds, 1);
  requireInteger("sides.length", sides.length, 2);
  const kinds: ApproximantKind[] = ["constant", "linear"];
  const perSeed: number[][][] = kinds.map(() => []);
  const sMin = 1 / Math.max(...sides);
  for (let seed = 0; seed < settings.seeds; seed++) {
    const rngSeed = seedOf(d, Math.round((h ?? 0) * 1e6), seed);
    const f: Target = h === null ? smoothTarget(d) : weierstrassTarget({
      d,
      h,
      seed: rngSeed,
      maxWavenumber: settings.roughBandwidth / sMin,
    }).f;
    const points = uniformPoints(new Random(seedOf(rngSeed, 1)), settings.mcPoints, d);
    const values = targetValues(f, points, d); // f at the Monte Carlo points, shared by every grid
    kinds.forEach((kind, ki) => {
      perSeed[ki].push(sides.map((n) => meanSquaredError(values, gridApproximant(f, d, n, kind), points).value));
    });
  }
  return kinds.map((kind, ki) =>
    summarise({
      experiment: "grid",
      target: h === null ? "smooth" : "rough",
      approximant: kind,
      d,
      h,
      sizes: sides.map((n) => n ** d),
      alphaPaper: paperExponent(degreeOf(kind), d, h),
      alphaHolder: holderExponent(degreeOf(kind), d, h),
    }, perSeed[ki])
  );
}

/**
 * Experiment 3: squared error of 1-nearest-neighbour and local-linear regression of the smooth
 * target of `smoothTarget(d)` (a function of the intrinsic coordinates) from N points on a
 * d-dimensional manifold embedded in R^D (`randomEmbedding`), measured on `queries` fresh points.
 * Neighbours are searched in R^D. Returns one measurement per regressor. With `queryMargin` > 0 the
 * query points are drawn from the inner cube [m, 1 − m]^d of intrinsic coordinates only, which
 * removes the boundary layer where neighbourhoods are one-sided (training points still fill [0,1]^d).
 *
 * @throws {RangeError} if `d` < 1 or `D` < `d`, fewer than two sizes, or `queryMargin` not in [0, 0.5).
 * @example manifoldExponents(2, { ...DEFAULT_SETTINGS, seeds: 2 })
 */
export function manifoldExponents(d: number, settings: ExperimentSettings, queryMargin = 0): ExponentMeasurement[] {
  requireInteger("d", d, 1);
  requireFields("settings", settings, SETTINGS_KEYS, "ExperimentSettings");
  requireArray("settings.manifoldSizes", settings.manifoldSizes);
  requireInteger("seeds", settings.seeds, 1);
  const sizes = settings.manifoldSizes;
  requireInteger("manifoldSizes.length", sizes.length, 2);
  const D = settings.ambientDim;
  const g = smoothTarget(d);
  const kinds: Approximant[] = ["knn1", "local_linear"];
  const perSeed: number[][][] = kinds.map(() => []);
  for (let seed = 0; seed < settings.seeds; seed++) {
    const base = seedOf(100 + d, D, seed);
    const emb = randomEmbedding({ d, D, seed: base });
    const test = sampleManifold(emb, g, settings.queries, new Random(seedOf(base, 1)), queryMargin);
    const curves: number[][] = kinds.map(() => []);
    for (const N of sizes) {
      const train = sampleManifold(emb, g, N, new Random(seedOf(base, 2, N)));
      const tree = new KdTree(train.x, D);
      kinds.forEach((kind, ki) => {
        const pred = kind === "knn1"
          ? knnRegress(tree, train.y, test.x, 1)
          : localLinearRegress(tree, train.x, train.y, test.x, d);
        let e = 0;
        for (let i = 0; i < pred.length; i++) e += (pred[i] - test.y[i]) ** 2;
        curves[ki].push(e / pred.length);
      });
    }
    kinds.forEach((_, ki) => perSeed[ki].push(curves[ki]));
  }
  return kinds.map((kind, ki) =>
    summarise({
      experiment: "manifold",
      target: "smooth",
      approximant: kind,
      d,
      h: null,
      sizes: [...sizes],
      alphaPaper: paperExponent(degreeOf(kind), d, null),
      alphaHolder: holderExponent(degreeOf(kind), d, null),
    }, perSeed[ki])
  );
}

/**
 * TwoNN estimates of the intrinsic dimension `d` from `N` points on the embedded manifold of
 * `manifoldExponents` (only the D-dimensional coordinates are used), mean and standard error over seeds.
 *
 * @throws {RangeError} if `N` < 3 or `d` < 1.
 * @example twonnOnManifold(3, 32, 2000, 4).estimate // => ≈ 3 ± 0.3
 */
export function twonnOnManifold(d: number, D: number, N: number, seeds: number): DimensionEstimate {
  requireInteger("d", d, 1);
  requireInteger("N", N, 3);
  requireInteger("seeds", seeds, 1);
  const est: number[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const base = seedOf(100 + d, D, seed);
    const emb = randomEmbedding({ d, D, seed: base });
    const s = sampleManifold(emb, () => 0, N, new Random(seedOf(base, 3, N)));
    est.push(twoNN(s.x, D).estimate);
  }
  const m = meanStderr(est);
  return { d, D, N, estimate: m.mean, stderr: m.stderr, ci95: ci95(m.stderr, m.n) };
}

const cache = new Map<string, MeasuredExponents>();

/**
 * Runs all four experiments with `settings` (memoised: a second call with equal settings returns
 * the same object).
 *
 * @example measuredExponents().exponents.filter((e) => e.experiment === "grid").length
 */
export function measuredExponents(given: ExperimentSettings = DEFAULT_SETTINGS): MeasuredExponents {
  const settings = requireSettings("settings", given, DEFAULT_SETTINGS);
  const key = JSON.stringify(settings);
  const hit = cache.get(key);
  if (hit) return hit;
  const exponents: ExponentMeasurement[] = [];
  settings.gridSides.forEach((sides, i) => exponents.push(...gridExponents(i + 1, null, sides, settings)));
  for (const h of settings.hs) {
    for (const d of settings.roughDims) exponents.push(...gridExponents(d, h, settings.gridSides[d - 1], settings));
  }
  for (const d of settings.manifoldDims) exponents.push(...manifoldExponents(d, settings));
  const dimensions: DimensionEstimate[] = [];
  for (const d of settings.manifoldDims) {
    for (const N of settings.twonnSizes) dimensions.push(twonnOnManifold(d, settings.ambientDim, N, settings.seeds));
  }
  const intermittent = settings.codimensions.flatMap((c) => cascadeExponents(c, settings));
  const result = { settings, exponents, dimensions, intermittent };
  cache.set(key, result);
  return result;
}
