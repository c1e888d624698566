/**
 * The teacher–student experiment (Sharma & Kaplan 2022, "Scaling laws from the data manifold
 * dimension", JMLR 23(9), §3): students trained on a teacher of known intrinsic dimension d and
 * Hölder exponent h, their test loss against their parameter count N, and the exponent α of
 * L ∝ N^(−α) compared with 4/d (smooth teachers, piecewise-linear approximation), 2h/d (what fixed
 * approximants reach on a Hölder-h target, notebook 07) and the paper's eq. 17, 4h/d.
 *
 * One *chain* per (configuration, seed): a teacher (`planeWaveField`), a training and a test sample of
 * [0, 1]^d (optionally embedded in R^D by the project's `randomEmbedding`), and one student that is
 * trained by full-batch L-BFGS at the first width, then widened (new kink-initialised units with zero
 * output weights: the function is unchanged) and trained again, width after width. Each width gives one
 * row (`RunRow`). Optional extras per chain: the largest width's L-BFGS run continued to twice the
 * iterations ("longer"), the largest width retrained on a doubled training set from the same warm start
 * ("doubled"), and the project's multilinear grid approximant of the same teacher ("grid"). The
 * exponents are fitted per chain and summarised over seeds with t-intervals (`summariseExponents`).
 *
 * Pure numerics: deterministic, seeded; no I/O (the script `scripts/train/teacher_student.ts` writes
 * the CSVs). A chain is run by `./_chain_steps` (`runChain`, `chainSteps`, re-exported here); its samples,
 * targets and embedded inputs are made by `./_chain_data`.
 *
 * @module
 */
import { fitPowerLaw, localSlopes, meanStderr } from "../fit/powerlaw_fit";
import { tIntervalHalfWidth } from "../stats/student_t";
import type { Activation } from "./kernels";
import { targetKind } from "./_teacher_config";
import { requireInteger } from "../_util/validate";

/** One configuration of the sweep: a teacher, an input space and a family of students. */
export interface TeacherStudentConfig {
  /** Stable name, e.g. `"smooth-d2"` (letters, digits, hyphens). */
  id: string;
  /** Intrinsic dimension d of the teacher, integer in [1, 6]. */
  d: number;
  /** Input dimension D ≥ d (D = d: inputs are the points of [0, 1]^d themselves). */
  D: number;
  /** Hölder exponent of the teacher (2 for "smooth"). */
  h: number;
  /** Cut-off wavenumber of the teacher. */
  maxWavenumber: number;
  /** Hidden activation of the students. */
  activation: Activation;
  /** First-layer weight-scale multiplier (1 = He / Glorot; tanh and GELU need a sharper one). */
  firstLayerScale: number;
  /** Widths of the growth chain, strictly increasing. */
  widths: number[];
  /** Smallest width included in the fit of α. */
  fitMinWidth: number;
  /** Training points n. */
  trainPoints: number;
  /** Test points. */
  testPoints: number;
  /** L-BFGS iterations at each width. */
  iterations: number;
  /** Retrain the largest width on a doubled training set (same warm start) as a sample-size check. */
  doubled: boolean;
  /**
   * Train the largest width on to twice `iterations` as an optimisation check (a "longer" row; the chain's
   * row is the same run where `iterations` would have stopped it, so it does not change).
   */
  longer: boolean;
  /** L-BFGS's soft bound on the output weights (`LbfgsTrainOptions.outputWeightLimit`), or null for none. */
  outputWeightLimit: number | null;
  /** Cells per side of the grid control (empty: none; only for D = d). */
  gridCells: number[];
}

/** What names a configuration in the CSVs: its id, its teacher (d, D, h) and the approximant. */
export interface ConfigFields {
  config: string;
  target: "smooth" | "rough";
  d: number;
  D: number;
  h: number;
  activation: Activation | "grid";
}

/** One trained (or grid) approximant. */
export interface RunRow extends ConfigFields {
  /**
   * "chain" (growth chain), "doubled" (largest width, doubled training set), "longer" (largest width,
   * twice the iterations) or "grid" (control).
   */
  variant: "chain" | "doubled" | "longer" | "grid";
  /** Hidden width (cells per side for the grid). */
  width: number;
  /** Parameter count N ((D + 2)·w + 1; for the grid its (n + 1)^d node values). */
  parameters: number;
  seed: number;
  trainPoints: number;
  /** L-BFGS iterations taken (0 for the grid). */
  iterations: number;
  /** Loss evaluations (0 for the grid). */
  evaluations: number;
  /** Training MSE (standardised target) at the end. */
  trainLoss: number;
  /** Training MSE after half the evaluations (shows whether the loss had flattened). */
  trainLossHalf: number;
  /** Test MSE (standardised target). */
  testLoss: number;
  /** TwoNN dimension of the students' hidden activations on the test inputs (NaN if not measured). */
  twonnHidden: number;
  /** Wall-clock seconds of this row's training (not reproducible; excluded from comparisons). */
  seconds: number;
  /**
   * CPU seconds of this row's training, of the thread that ran it (NaN where not measured; not
   * reproducible; excluded from comparisons).
   */
  cpuSeconds: number;
}

/** A chain's rows and what was measured once per chain. */
export interface ChainResult {
  config: string;
  seed: number;
  rows: RunRow[];
  /** TwoNN dimension of the test inputs (in R^D). */
  twonnInputs: number;
}

export { requireConfig, targetKind } from "./_teacher_config";
export { type ChainOptions, type ChainStep, chainSteps, runChain, TWONN_POINTS } from "./_chain_steps";

/** The exponent of one configuration and variant, summarised over seeds. */
export interface ExponentSummary extends ConfigFields {
  variant: "chain" | "grid";
  /**
   * Mean over seeds of the per-chain least-squares α (ln L_test on ln N, widths ≥ fitMinWidth, below a
   * largest width limited by the sample or the optimisation).
   */
  alpha: number;
  /** 95 % t-interval over seeds (n − 1 degrees of freedom). */
  alphaLow: number;
  alphaHigh: number;
  alphaStderr: number;
  /** α fitted over the upper half of the widths only (fit-range sensitivity), mean over seeds. */
  alphaUpper: number;
  seeds: number;
  /** Smallest and largest N in the fit. */
  parametersMin: number;
  parametersMax: number;
  /** Local slopes of the seed-mean ln L between consecutive widths, joined by ";". */
  localSlopes: number[];
  /** Test/train loss ratio at the largest width, mean over seeds (NaN for the grid). */
  testTrainRatio: number;
  /** Test loss at the largest width with the doubled training set over that with n, mean over seeds. */
  doubledRatio: number;
  /**
   * Relative seed spread (standard deviation / mean) of the largest width's test loss. Each seed draws its
   * own teacher, whose loss level differs by several times between seeds: a between-teacher spread.
   */
  seedSpread: number;
  /**
   * The yardstick of the doubled-n check: the seed spread (standard deviation over seeds) of the largest
   * width's ln L_test with each chain's own level divided out (ln L at the largest width minus the chain's
   * mean ln L over the fitted widths): how far one student's loss at the top scatters between seeds once
   * the teacher's difficulty is removed. Relative (a difference of logarithms). NaN for the grid.
   */
  topScatter: number;
  /** Standard error over seeds of the per-seed doubled-n ratio (NaN without the doubled check). */
  doubledStderr: number;
  /**
   * Test loss at the largest width after twice the L-BFGS iterations over that after the chain's, mean
   * over seeds (NaN without the longer check).
   */
  longerRatio: number;
  /** Standard error over seeds of the per-seed longer ratio (NaN without the longer check). */
  longerStderr: number;
  /**
   * False only when the doubled training set moves the largest width's test loss by clearly less than
   * `topScatter` (|1 − doubledRatio| + doubledStderr ≤ topScatter); otherwise that width may be limited by
   * the sample, and the fit stops below it. False without the doubled check.
   */
  sampleLimited: boolean;
  /**
   * The same rule for twice the iterations (|1 − longerRatio| + longerStderr ≤ topScatter, else the
   * largest width may be limited by the optimisation, and the fit stops below it). False without the check.
   */
  optimisationLimited: boolean;
  /** TwoNN of the inputs, mean over seeds. */
  twonnInputs: number;
  /** TwoNN of the largest students' hidden activations, mean over seeds (NaN if not measured). */
  twonnHidden: number;
  /** 4/d, 2h/d, 4h/d (eq. 17) and 4/D. */
  prediction4OverD: number;
  prediction2hOverD: number;
  prediction4hOverD: number;
  prediction4OverAmbient: number;
}

function mean(v: number[]): number {
  return v.reduce((a, b) => a + b, 0) / v.length;
}

/** Sample standard deviation (n − 1; 0 for one value). */
function sd(v: number[]): number {
  const m = mean(v);
  return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, v.length - 1));
}

/**
 * Fits α per chain and summarises each configuration (and its grid control) over seeds. Unless the
 * doubled training set moves the largest width's loss by clearly less than the seed scatter
 * (`topScatter`, by at least the ratio's standard error), that width counts as sample-limited
 * (`sampleLimited`); unless twice the iterations does, as limited by the optimisation
 * (`optimisationLimited`); either way every chain's fit stops at the width below.
 *
 * @param configs the configurations (for their fit ranges).
 * @param chains the finished chains.
 * @throws {RangeError} if a chain names an unknown configuration.
 * @example summariseExponents(SWEEP, []) // => []
 */
export function summariseExponents(configs: TeacherStudentConfig[], chains: ChainResult[]): ExponentSummary[] {
  const out: ExponentSummary[] = [];
  for (const c of configs) {
    const mine = chains.filter((ch) => ch.config === c.id).sort((a, b) => a.seed - b.seed);
    if (mine.length === 0) continue;
    for (const variant of ["chain", "grid"] as const) {
      const perSeed = mine.map((ch) => ch.rows.filter((r) => r.variant === variant));
      if (perSeed.some((rows) => rows.length < 2)) continue;
      const minWidth = variant === "chain" ? c.fitMinWidth : 0;
      const lastTest = perSeed.map((rows) => rows[rows.length - 1].testLoss);
      const spread = sd(lastTest) / mean(lastTest);
      const top = perSeed.map((rows) => {
        const ln = rows.filter((r) => r.width >= minWidth).map((r) => Math.log(r.testLoss));
        return ln[ln.length - 1] - mean(ln);
      });
      const topScatter = variant === "chain" && top.length >= 2 ? sd(top) : NaN;
      /** The check `kind` ("doubled" or "longer"): its mean ratio over seeds, standard error and decision. */
      const check = (kind: "doubled" | "longer") => {
        const ratios = mine.map((ch) => {
          const other = ch.rows.find((r) => r.variant === kind);
          const last = ch.rows.filter((r) => r.variant === "chain").at(-1);
          return other && last ? other.testLoss / last.testLoss : NaN;
        });
        const checked = variant === "chain" && ratios.every(Number.isFinite);
        const ratio = checked ? mean(ratios) : NaN;
        const stderr = checked && ratios.length >= 2 ? sd(ratios) / Math.sqrt(ratios.length) : NaN;
        // unless the check clearly moves the loss less than the scatter, the fit stops at the width below
        return { ratio, stderr, limited: checked && !(Math.abs(1 - ratio) + stderr <= topScatter) };
      };
      const dbl = check("doubled"), longer = check("longer");
      const limited = dbl.limited || longer.limited;
      const widthsFit = perSeed[0].map((r) => r.width).filter((w) => w >= minWidth);
      const maxWidth = limited && widthsFit.length > 2 ? widthsFit[widthsFit.length - 2] : Infinity;
      const fit = (rows: RunRow[]) => rows.filter((r) => r.width >= minWidth && r.width <= maxWidth);
      const alphas = perSeed.map((rows) =>
        fitPowerLaw(fit(rows).map((r) => r.parameters), fit(rows).map((r) => r.testLoss)).alpha
      );
      const upper = perSeed.map((rows) => {
        const f = fit(rows), u = f.slice(Math.min(f.length - 2, Math.floor(f.length / 2)));
        return fitPowerLaw(u.map((r) => r.parameters), u.map((r) => r.testLoss)).alpha;
      });
      const ms = meanStderr(alphas);
      const half = ms.n >= 2 ? tIntervalHalfWidth(ms.stderr, ms.n) : NaN;
      const first = perSeed[0];
      const logMean = first.map((_, i) => Math.exp(mean(perSeed.map((rows) => Math.log(rows[i].testLoss)))));
      const hidden = mine.map((ch) => ch.rows.filter((r) => r.variant === "chain").at(-1)?.twonnHidden ?? NaN);
      const f0 = fit(first);
      out.push({
        config: c.id,
        target: targetKind(c.h),
        d: c.d,
        D: c.D,
        h: c.h,
        activation: variant === "grid" ? "grid" : c.activation,
        variant,
        alpha: ms.mean,
        alphaLow: ms.mean - half,
        alphaHigh: ms.mean + half,
        alphaStderr: ms.stderr,
        alphaUpper: mean(upper),
        seeds: ms.n,
        parametersMin: f0[0].parameters,
        parametersMax: f0[f0.length - 1].parameters,
        localSlopes: localSlopes(first.map((r) => r.parameters), logMean),
        testTrainRatio: variant === "chain"
          ? mean(perSeed.map((rows) => rows[rows.length - 1].testLoss / rows[rows.length - 1].trainLoss))
          : NaN,
        doubledRatio: dbl.ratio,
        doubledStderr: dbl.stderr,
        longerRatio: longer.ratio,
        longerStderr: longer.stderr,
        seedSpread: spread,
        topScatter,
        sampleLimited: dbl.limited,
        optimisationLimited: longer.limited,
        twonnInputs: mean(mine.map((ch) => ch.twonnInputs)),
        twonnHidden: variant === "chain" && hidden.every(Number.isFinite) ? mean(hidden) : NaN,
        prediction4OverD: 4 / c.d,
        prediction2hOverD: (2 * Math.min(c.h, 2)) / c.d,
        prediction4hOverD: (4 * c.h) / c.d,
        prediction4OverAmbient: 4 / c.D,
      });
    }
  }
  return out;
}

/**
 * Notebook 10's exponents at a smallest fitted width: every configuration's fit starts at the larger of
 * `fitMinWidth` and its own (`TeacherStudentConfig.fitMinWidth`), and a configuration with fewer than two
 * finished seeds is left out (an interval needs two chains). What the notebook's analysis and its live
 * page both refit from the committed chains.
 *
 * @param chains the finished chains.
 * @param fitMinWidth smallest hidden width in the fits, an integer ≥ 1.
 * @param configs the configurations (default: the sweep's).
 * @throws {RangeError} if `fitMinWidth` is not an integer ≥ 1, or a chain names an unknown configuration.
 * @example refitExponents([], 2) // => []
 */
export function refitExponents(
  chains: ChainResult[],
  fitMinWidth: number,
  configs: TeacherStudentConfig[] = SWEEP,
): ExponentSummary[] {
  requireInteger("fitMinWidth", fitMinWidth, 1);
  const fitted = configs.map((c) => ({ ...c, fitMinWidth: Math.max(fitMinWidth, c.fitMinWidth) }));
  return summariseExponents(fitted, chains).filter((e) => e.seeds >= 2);
}

const GRID_2D = [4, 8, 16, 32, 64, 128];
/** Widths of the flat d = 2 chains: the fit from w = 2 (N = 9) to w = 96 (N = 385) spans 1.63 decades of N. */
const WIDTHS_D2 = [1, 2, 4, 8, 16, 32, 64, 96];
/** Widths of the D = 16 chains: w = 2 … 72 is N = 37 … 1297 (1.54 decades). */
const WIDTHS_D16 = [1, 2, 4, 8, 16, 32, 72];
const common = {
  firstLayerScale: 1,
  fitMinWidth: 2,
  testPoints: 4096,
  doubled: true,
  longer: true,
  outputWeightLimit: null,
  gridCells: [] as number[],
};

/**
 * The full sweep (`npm run train -- teacher-student`), in order of priority: smooth d = 2, rough d = 2 at
 * h = 1/2, smooth d = 3, d = 2 embedded in D = 16, rough h = 1/3, smooth d = 4, d = 3 in D = 16, GELU
 * students at smooth d = 2. Seeds 0 … SEEDS−1 each. Every fit spans at least 1.5 decades of N (from
 * w = 2, or w = 4 for smooth d = 3, whose local slope below w = 4 is pre-asymptotic). Sized for at
 * most 15 minutes on two idle cores: n ≈ 16 N at the largest width of the flat ReLU configurations (15 N
 * at d = 3, 14 N at d = 4, 11 N for the GELU students), n ≈ 6 N in D = 16 (whose students spend 16/18
 * of their parameters on the first layer). In every configuration the largest width is retrained on 2n
 * from the same warm start (`doubled`) and trained on to twice the iterations (`longer`), the two
 * checks that its loss is limited by N; the GELU students' output weights are softly bounded by 1,000
 * (`outputWeightLimit`: without it two of three GELU chains stalled from a width on, one unit's output
 * weight grown to ~10⁷).
 */
export const SWEEP: TeacherStudentConfig[] = [
  {
    ...common,
    id: "smooth-d2",
    d: 2,
    D: 2,
    h: 2,
    maxWavenumber: 128,
    activation: "relu",
    widths: WIDTHS_D2,
    trainPoints: 6144,
    iterations: 1500,
    gridCells: GRID_2D,
  },
  {
    ...common,
    id: "rough-d2-h12",
    d: 2,
    D: 2,
    h: 0.5,
    maxWavenumber: 512,
    activation: "relu",
    widths: WIDTHS_D2,
    trainPoints: 6144,
    iterations: 1000,
    gridCells: GRID_2D,
  },
  {
    ...common,
    id: "smooth-d3",
    d: 3,
    D: 3,
    h: 2,
    maxWavenumber: 32,
    activation: "relu",
    widths: [1, 2, 4, 8, 16, 32, 64, 136],
    fitMinWidth: 4,
    trainPoints: 10240,
    iterations: 1500,
    gridCells: [2, 4, 8, 16, 32],
  },
  {
    ...common,
    id: "smooth-d2-D16",
    d: 2,
    D: 16,
    h: 2,
    maxWavenumber: 128,
    activation: "relu",
    widths: WIDTHS_D16,
    trainPoints: 8192,
    iterations: 1500,
  },
  {
    ...common,
    id: "rough-d2-h13",
    d: 2,
    D: 2,
    h: 1 / 3,
    maxWavenumber: 512,
    activation: "relu",
    widths: WIDTHS_D2,
    trainPoints: 6144,
    iterations: 1000,
    gridCells: GRID_2D,
  },
  {
    ...common,
    id: "smooth-d4",
    d: 4,
    D: 4,
    h: 2,
    maxWavenumber: 16,
    activation: "relu",
    widths: [1, 2, 4, 8, 16, 32, 72],
    trainPoints: 6144,
    iterations: 1500,
    gridCells: [2, 4, 8, 12, 16],
  },
  {
    ...common,
    id: "smooth-d3-D16",
    d: 3,
    D: 16,
    h: 2,
    maxWavenumber: 32,
    activation: "relu",
    widths: WIDTHS_D16,
    trainPoints: 8192,
    iterations: 1500,
  },
  {
    ...common,
    id: "smooth-d2-gelu",
    d: 2,
    D: 2,
    h: 2,
    maxWavenumber: 128,
    activation: "gelu",
    firstLayerScale: 4,
    outputWeightLimit: 1000,
    widths: WIDTHS_D2,
    trainPoints: 4096,
    iterations: 1500,
  },
];

/** Seeds of the full sweep. */
export const SEEDS = 3;

/**
 * The reduced sweep rerun by the test suite: the first `widths` widths of three configurations' chains
 * (smooth and rough d = 2, d = 2 in D = 16) at one seed each, identical in every setting to the full
 * sweep's (so its rows must equal the committed ones).
 */
export const REDUCED: { config: string; seed: number; widths: number }[] = [
  { config: "smooth-d2", seed: 0, widths: 4 },
  { config: "rough-d2-h12", seed: 1, widths: 4 },
  { config: "smooth-d2-D16", seed: 2, widths: 3 },
];
