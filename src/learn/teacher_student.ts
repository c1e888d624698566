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
 * row (`RunRow`). Optional extras per chain: the largest width retrained on a doubled training set from
 * the same warm start ("doubled"), and the project's multilinear grid approximant of the same teacher
 * ("grid"). The exponents are fitted per chain and summarised over seeds with t-intervals
 * (`summariseExponents`).
 *
 * Pure numerics: deterministic, seeded; no I/O (the script `scripts/train/teacher_student.ts` writes
 * the CSVs). A chain's samples, targets and embedded inputs are made by `./_chain_data`.
 *
 * @module
 */
import { gridApproximant } from "../measure/approximation";
import { fitPowerLaw, localSlopes, meanStderr } from "../fit/powerlaw_fit";
import { Random } from "../stats/random";
import { tIntervalHalfWidth } from "../stats/student_t";
import { twoNN } from "../measure/twonn";
import { requireInRange, requireInteger, requireObject, requireOptions, requireString } from "../_util/validate";
import { type Activation, requireActivation } from "./kernels";
import { createMlp, type Mlp, mlpHidden, mlpPredict, widenMlp } from "./mlp";
import { planeWaveField } from "./targets";
import { lbfgsSteps, type TrainResult } from "./train";
import { hashSeed, makeData } from "./_chain_data";

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
  /** Cells per side of the grid control (empty: none; only for D = d). */
  gridCells: number[];
}

/** "smooth" for h ≥ 1, else "rough". */
export function targetKind(h: number): "smooth" | "rough" {
  return requireInRange("h", h, { min: 0, minOpen: true }) >= 1 ? "smooth" : "rough";
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
  /** "chain" (growth chain), "doubled" (largest width, doubled training set) or "grid" (control). */
  variant: "chain" | "doubled" | "grid";
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
}

/** A chain's rows and what was measured once per chain. */
export interface ChainResult {
  config: string;
  seed: number;
  rows: RunRow[];
  /** TwoNN dimension of the test inputs (in R^D). */
  twonnInputs: number;
}

const CONFIG_KEYS = [
  "id",
  "d",
  "D",
  "h",
  "maxWavenumber",
  "activation",
  "firstLayerScale",
  "widths",
  "fitMinWidth",
  "trainPoints",
  "testPoints",
  "iterations",
  "doubled",
  "gridCells",
];

/**
 * Checks a configuration.
 * @throws {RangeError} naming the field out of range.
 * @example requireConfig(SWEEP[0]).id // => "smooth-d2"
 */
export function requireConfig(c: TeacherStudentConfig): TeacherStudentConfig {
  requireObject("config", c);
  requireOptions("config", c, CONFIG_KEYS);
  for (const k of CONFIG_KEYS) if (!(k in c)) throw new RangeError(`\`config.${k}\` is missing`);
  if (!/^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/.test(requireString("config.id", c.id))) {
    throw new RangeError(`\`config.id\` must be kebab-case, got ${JSON.stringify(c.id)}`);
  }
  requireInteger("config.d", c.d, 1, 6);
  requireInteger("config.D", c.D, c.d, 64);
  requireInRange("config.h", c.h, { min: 0, minOpen: true, max: 4 });
  requireInRange("config.maxWavenumber", c.maxWavenumber, { min: 2, max: 4096 });
  requireActivation("config.activation", c.activation);
  if (c.activation === "identity") {
    throw new RangeError('`config.activation` must be relu, tanh or gelu, got "identity"');
  }
  requireInRange("config.firstLayerScale", c.firstLayerScale, { min: 0, minOpen: true, max: 100 });
  if (!Array.isArray(c.widths) || c.widths.length < 2) {
    throw new RangeError("`config.widths` must hold at least 2 widths");
  }
  c.widths.forEach((w, i) => requireInteger(`config.widths[${i}]`, w, i === 0 ? 1 : c.widths[i - 1] + 1, 4096));
  requireInteger("config.fitMinWidth", c.fitMinWidth, 1);
  if (c.widths.filter((w) => w >= c.fitMinWidth).length < 2) {
    throw new RangeError(`\`config.fitMinWidth\` must leave at least 2 widths to fit, got ${c.fitMinWidth}`);
  }
  requireInteger("config.trainPoints", c.trainPoints, 8, 2 ** 20);
  requireInteger("config.testPoints", c.testPoints, 8, 2 ** 20);
  requireInteger("config.iterations", c.iterations, 1, 1e6);
  if (typeof c.doubled !== "boolean") throw new TypeError("`config.doubled` must be a boolean");
  if (!Array.isArray(c.gridCells)) throw new TypeError("`config.gridCells` must be an array");
  c.gridCells.forEach((n, i) => requireInteger(`config.gridCells[${i}]`, n, 1, 4096));
  if (c.gridCells.length > 0 && c.D !== c.d) throw new RangeError("`config.gridCells` must be empty when D > d");
  return c;
}

function mse(pred: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i] - y[i]) ** 2;
  return s / y.length;
}

/** Points used for the TwoNN estimates (the first this many test inputs). */
export const TWONN_POINTS = 2000;

function hiddenTwoNN(net: Mlp, x: Float64Array, D: number): number {
  const m = Math.min(TWONN_POINTS, x.length / D);
  const a = mlpHidden(net, x.subarray(0, m * D), m, 0);
  try {
    return twoNN(a, net.shape.hidden[0]).mle;
  } catch {
    return NaN; // coincident activation vectors (units all off at several inputs): not measured
  }
}

/** Options of `runChain`. */
export interface ChainOptions {
  /** Called after each row (progress reporting). */
  onRow?: (row: RunRow) => void;
  /** Clock in ms for the `seconds` column (default `performance.now`). */
  now?: () => number;
  /** Stop the chain after this many widths (default: all; for the reduced reproduction test). */
  maxWidths?: number;
}

/**
 * Runs one growth chain of configuration `c` with seed `seed` (plus its doubled and grid extras).
 *
 * @throws {RangeError} if the configuration or seed is out of range.
 * @example runChain({ ...SWEEP[0], widths: [2, 4], fitMinWidth: 2, iterations: 20, doubled: false, gridCells: [] }, 0).rows.length // => 2
 */
export function runChain(c: TeacherStudentConfig, seed: number, options: ChainOptions = {}): ChainResult {
  requireConfig(c);
  requireInteger("seed", seed, 0, 2 ** 31);
  requireOptions("options", options, ["onRow", "now", "maxWidths"]);
  const steps = chainSteps(c, seed, { now: options.now, maxWidths: options.maxWidths });
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (s.value.kind === "row") options.onRow?.(s.value.row);
  }
}

/**
 * One step of a growth chain (`chainSteps`): the student at width `width` after `iteration` L-BFGS
 * iterations at that width (0: just created or widened, before training), or a finished row.
 */
export type ChainStep =
  | {
    kind: "iteration";
    /** Hidden width being trained ("chain" rows; the doubled retraining reports its width too). */
    width: number;
    /** Parameter count N of the student. */
    parameters: number;
    /** "chain", or "doubled" for the retraining on the doubled training set. */
    variant: "chain" | "doubled";
    /** L-BFGS iterations so far at this width. */
    iteration: number;
    /** Training MSE (standardised target) now. */
    trainLoss: number;
    /** Test MSE of the student now, computed when called (valid until the next step). */
    testLoss: () => number;
  }
  | { kind: "row"; row: RunRow };

/**
 * `runChain` one L-BFGS iteration at a time: the same chain, bit for bit (`runChain` runs this to the
 * end), yielding every iteration of every width (`kind: "iteration"`, with the student's test loss
 * on demand) and every row as it is finished (`kind: "row"`), and returning the `ChainResult`. For a
 * caller that must do something between iterations: the live edition of notebook 10 trains a chain
 * in slices between the browser's frames and draws each width's test loss as it falls. The
 * configuration, seed and options are checked when it is called.
 *
 * @throws {RangeError} if the configuration or seed is out of range.
 * @example [...chainSteps({ ...SWEEP[0], widths: [2, 4], fitMinWidth: 2, iterations: 20, doubled: false, gridCells: [] }, 0)].filter((s) => s.kind === "row").length // => 2
 */
export function chainSteps(
  c: TeacherStudentConfig,
  seed: number,
  options: Omit<ChainOptions, "onRow"> = {},
): Generator<ChainStep, ChainResult, void> {
  requireConfig(c);
  requireInteger("seed", seed, 0, 2 ** 31);
  requireOptions("options", options, ["now", "maxWidths"]);
  const now = options.now ?? (() => performance.now());
  const widths = c.widths.slice(0, requireInteger("maxWidths", options.maxWidths ?? c.widths.length, 1));
  return chainIterations(c, seed, now, widths, options.maxWidths === undefined);
}

function* chainIterations(
  c: TeacherStudentConfig,
  seed: number,
  now: () => number,
  widths: number[],
  allWidths: boolean,
): Generator<ChainStep, ChainResult, void> {
  const data = makeData(c, seed);
  const rng = new Random(hashSeed(`student:${c.id}`, seed));
  const target = targetKind(c.h);
  const rows: RunRow[] = [];
  const base = {
    config: c.id,
    target,
    d: c.d,
    D: c.D,
    h: c.h,
    seed,
  };
  const nTest = c.testPoints;
  const testLossOf = (net: Mlp) => mse(mlpPredict(net, data.xTest, nTest), data.yTest);
  /** Trains `start` by L-BFGS on (x, y), yielding each iteration; returns the result. */
  function* train(
    start: Mlp,
    x: Float64Array,
    y: Float64Array,
    variant: "chain" | "doubled",
  ): Generator<ChainStep, TrainResult, void> {
    const width = start.shape.hidden[0], parameters = start.params.length;
    const steps = lbfgsSteps(start, x, y, { iterations: c.iterations });
    for (;;) {
      const s = steps.next();
      if (s.done) return s.value;
      const net = s.value.net;
      yield {
        kind: "iteration",
        width,
        parameters,
        variant,
        iteration: s.value.iteration,
        trainLoss: s.value.loss,
        testLoss: () => testLossOf(net),
      };
    }
  }
  const init = { kinkPoints: data.xTrain, firstLayerScale: c.firstLayerScale };
  let net: Mlp | null = null;
  let beforeLast: Mlp | null = null;
  for (const w of widths) {
    const t0 = now();
    net = net === null
      ? createMlp({ inputs: c.D, hidden: [w], activation: c.activation }, rng, init)
      : widenMlp(net, [w], rng, init);
    if (w === c.widths[c.widths.length - 1]) beforeLast = net;
    const r: TrainResult = yield* train(net, data.xTrain, data.yTrain, "chain");
    net = r.net;
    const testLoss = testLossOf(net);
    const row: RunRow = {
      ...base,
      activation: c.activation,
      variant: "chain",
      width: w,
      parameters: net.params.length,
      trainPoints: c.trainPoints,
      iterations: r.iterations,
      evaluations: r.evaluations,
      trainLoss: r.loss,
      trainLossHalf: r.history[Math.floor((r.history.length - 1) / 2)],
      testLoss,
      twonnHidden: w >= 4 ? hiddenTwoNN(net, data.xTest, c.D) : NaN,
      seconds: (now() - t0) / 1000,
    };
    rows.push(row);
    yield { kind: "row", row };
  }
  if (c.doubled && beforeLast !== null) {
    const t0 = now();
    const n = c.trainPoints;
    const x2 = new Float64Array(2 * n * c.D), y2 = new Float64Array(2 * n);
    x2.set(data.xTrain);
    x2.set(data.xExtra, n * c.D);
    y2.set(data.yTrain);
    y2.set(data.yExtra, n);
    const r = yield* train(beforeLast, x2, y2, "doubled");
    const testLoss = testLossOf(r.net);
    const row: RunRow = {
      ...base,
      activation: c.activation,
      variant: "doubled",
      width: beforeLast.shape.hidden[0],
      parameters: r.net.params.length,
      trainPoints: 2 * n,
      iterations: r.iterations,
      evaluations: r.evaluations,
      trainLoss: r.loss,
      trainLossHalf: r.history[Math.floor((r.history.length - 1) / 2)],
      testLoss,
      twonnHidden: NaN,
      seconds: (now() - t0) / 1000,
    };
    rows.push(row);
    yield { kind: "row", row };
  }
  if (c.gridCells.length > 0 && allWidths) {
    const field = planeWaveField({ d: c.d, h: c.h, seed, maxWavenumber: c.maxWavenumber });
    const g = (t: Float64Array, o: number) => (field.f(t, o) - data.yMean) / data.ySd;
    for (const cells of c.gridCells) {
      const t0 = now();
      const approx = gridApproximant(g, c.d, cells, "linear");
      const pred = new Float64Array(nTest);
      for (let i = 0; i < nTest; i++) pred[i] = approx.evaluate(data.tTest, i * c.d);
      const row: RunRow = {
        ...base,
        activation: "grid",
        variant: "grid",
        width: cells,
        parameters: (cells + 1) ** c.d,
        trainPoints: 0,
        iterations: 0,
        evaluations: 0,
        trainLoss: NaN,
        trainLossHalf: NaN,
        testLoss: mse(pred, data.yTest),
        twonnHidden: NaN,
        seconds: (now() - t0) / 1000,
      };
      rows.push(row);
      yield { kind: "row", row };
    }
  }
  const m = Math.min(TWONN_POINTS, nTest);
  const twonnInputs = twoNN(data.xTest.subarray(0, m * c.D), c.D).mle;
  return { config: c.id, seed, rows, twonnInputs };
}

/** The exponent of one configuration and variant, summarised over seeds. */
export interface ExponentSummary extends ConfigFields {
  variant: "chain" | "grid";
  /** Mean over seeds of the per-chain least-squares α (ln L_test on ln N, widths ≥ fitMinWidth). */
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
  /** Relative seed spread (standard deviation / mean) of the largest width's test loss. */
  seedSpread: number;
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

/**
 * Fits α per chain and summarises each configuration (and its grid control) over seeds.
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
      const fit = (rows: RunRow[]) => rows.filter((r) => r.width >= minWidth);
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
      const lastTest = perSeed.map((rows) => rows[rows.length - 1].testLoss);
      const lastMean = mean(lastTest);
      const spread = Math.sqrt(
        lastTest.reduce((a, v) => a + (v - lastMean) ** 2, 0) / Math.max(1, lastTest.length - 1),
      ) / lastMean;
      const doubled = mine.map((ch) => {
        const dbl = ch.rows.find((r) => r.variant === "doubled");
        const last = ch.rows.filter((r) => r.variant === "chain").at(-1);
        return dbl && last ? dbl.testLoss / last.testLoss : NaN;
      });
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
        doubledRatio: variant === "chain" && doubled.every(Number.isFinite) ? mean(doubled) : NaN,
        seedSpread: spread,
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

const GRID_2D = [4, 8, 16, 32, 64, 128];
const WIDTHS = [1, 2, 4, 8, 16, 32, 64];
const common = { firstLayerScale: 1, fitMinWidth: 4, testPoints: 4096, doubled: false, gridCells: [] as number[] };

/**
 * The full sweep (`npm run train -- teacher-student`), in order of priority: smooth d = 2, rough d = 2 at
 * h = 1/2, smooth d = 3, d = 2 embedded in D = 16, rough h = 1/3, smooth d = 4, d = 3 in D = 16, GELU
 * students at smooth d = 2. Seeds 0 … SEEDS−1 each. Sized for about 15 minutes on two idle cores:
 * n ≥ 16 N at the largest width of the flat configurations (n ≈ 7 N in D = 16, whose students spend
 * 16/18 of their parameters on the first layer).
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
    widths: WIDTHS,
    trainPoints: 4096,
    iterations: 1500,
    doubled: true,
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
    widths: WIDTHS,
    trainPoints: 4096,
    iterations: 1000,
    doubled: true,
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
    widths: WIDTHS,
    trainPoints: 6144,
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
    widths: [1, 2, 4, 8, 16, 32],
    trainPoints: 4096,
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
    widths: WIDTHS,
    trainPoints: 4096,
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
    widths: WIDTHS,
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
    widths: [1, 2, 4, 8, 16, 32],
    trainPoints: 6144,
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
    widths: WIDTHS,
    trainPoints: 4096,
    iterations: 1500,
  },
];

/** Seeds of the full sweep. */
export const SEEDS = 3;

/**
 * The reduced sweep rerun by the test suite: the first `widths` widths of two configurations' chains
 * at seed 0, identical in every setting to the full sweep's (so its rows must equal the committed ones).
 */
export const REDUCED: { config: string; seed: number; widths: number }[] = [
  { config: "smooth-d2", seed: 0, widths: 4 },
  { config: "rough-d2-h12", seed: 1, widths: 4 },
];
