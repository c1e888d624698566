/**
 * The growth chain of the teacher–student experiment (`./teacher_student`, which re-exports `runChain`,
 * `chainSteps` and their types): one student trained by L-BFGS at the first width, widened and trained
 * again width after width, each width a `RunRow`, with the chain's longer, doubled and grid extras, run to the
 * end (`runChain`) or one iteration at a time (`chainSteps`). The chain's samples, targets and embedded
 * inputs are made by `./_chain_data`. Private to `./teacher_student`.
 *
 * @module
 */
import { gridApproximant } from "../measure/approximation";
import { Random } from "../stats/random";
import { twoNN } from "../measure/twonn";
import { requireInteger, requireOptions } from "../_util/validate";
import { createMlp, type Mlp, mlpHidden, mlpPredict, widenMlp } from "./mlp";
import { planeWaveField } from "./targets";
import { type LbfgsStep, lbfgsSteps } from "./train";
import { hashSeed, makeData } from "./_chain_data";
import type { ChainResult, RunRow, TeacherStudentConfig } from "./teacher_student";
import { requireConfig, targetKind } from "./_teacher_config";

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
  /** CPU clock in ms of the calling thread, for the `cpuSeconds` column (default: none, NaN). */
  cpuNow?: () => number;
  /** Stop the chain after this many widths (default: all; for the reduced reproduction test). */
  maxWidths?: number;
}

/**
 * Runs one growth chain of configuration `c` with seed `seed` (plus its doubled and grid extras).
 *
 * @throws {RangeError} if the configuration or seed is out of range.
 * @example runChain({ ...learn.SWEEP[0], widths: [2, 4], fitMinWidth: 2, iterations: 20, doubled: false, longer: false, gridCells: [] }, 0).rows.length // => 2
 */
export function runChain(c: TeacherStudentConfig, seed: number, options: ChainOptions = {}): ChainResult {
  requireConfig(c);
  requireInteger("seed", seed, 0, 2 ** 31);
  requireOptions("options", options, ["onRow", "now", "cpuNow", "maxWidths"]);
  const steps = chainSteps(c, seed, { now: options.now, cpuNow: options.cpuNow, maxWidths: options.maxWidths });
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
    /**
     * "chain"; "longer" for the largest width's iterations past the chain's (numbered on from the
     * chain's); "doubled" for the retraining on the doubled training set.
     */
    variant: "chain" | "doubled" | "longer";
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
 * on demand) and every row as it is finished (`kind: "row"`; with the longer check the largest width's
 * chain row comes after the iterations of its continued run, just before the longer row), and returning
 * the `ChainResult`. For a
 * caller that must do something between iterations: the live edition of notebook 10 trains a chain
 * in slices between the browser's frames and draws each width's test loss as it falls. The
 * configuration, seed and options are checked when it is called.
 *
 * @throws {RangeError} if the configuration or seed is out of range.
 * @example [...chainSteps({ ...learn.SWEEP[0], widths: [2, 4], fitMinWidth: 2, iterations: 20, doubled: false, longer: false, gridCells: [] }, 0)].filter((s) => s.kind === "row").length // => 2
 */
export function chainSteps(
  c: TeacherStudentConfig,
  seed: number,
  options: Omit<ChainOptions, "onRow"> = {},
): Generator<ChainStep, ChainResult, void> {
  requireConfig(c);
  requireInteger("seed", seed, 0, 2 ** 31);
  requireOptions("options", options, ["now", "cpuNow", "maxWidths"]);
  const now = options.now ?? (() => performance.now());
  const cpuNow = options.cpuNow ?? (() => NaN);
  const widths = c.widths.slice(0, requireInteger("maxWidths", options.maxWidths ?? c.widths.length, 1));
  return chainIterations(c, seed, { wall: now, cpu: cpuNow }, widths, options.maxWidths === undefined);
}

/** A row's clocks: wall and CPU time in ms. */
interface Clocks {
  wall: () => number;
  cpu: () => number;
}

function* chainIterations(
  c: TeacherStudentConfig,
  seed: number,
  clocks: Clocks,
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
  const start = () => ({ wall: clocks.wall(), cpu: clocks.cpu() });
  const elapsed = (t0: { wall: number; cpu: number }) => ({
    seconds: (clocks.wall() - t0.wall) / 1000,
    cpuSeconds: (clocks.cpu() - t0.cpu) / 1000,
  });
  const limit = c.outputWeightLimit === null ? {} : { outputWeightLimit: c.outputWeightLimit };
  /** The row of a student trained to `s` (a copy of its parameters is taken first). */
  const rowOf = (
    s: { net: Mlp; iteration: number; evaluations: number; loss: number; history: readonly number[] },
    variant: "chain" | "doubled" | "longer",
    trainPoints: number,
    t0: { wall: number; cpu: number },
  ): { row: RunRow; net: Mlp } => {
    const net = { shape: s.net.shape, params: s.net.params.slice() };
    const w = net.shape.hidden[0];
    const row: RunRow = {
      ...base,
      activation: c.activation,
      variant,
      width: w,
      parameters: net.params.length,
      trainPoints,
      iterations: s.iteration,
      evaluations: s.evaluations,
      trainLoss: s.loss,
      trainLossHalf: s.history[Math.floor((s.evaluations - 1) / 2)],
      testLoss: testLossOf(net),
      twonnHidden: variant === "chain" && w >= 4 ? hiddenTwoNN(net, data.xTest, c.D) : NaN,
      ...elapsed(t0),
    };
    return { row, net };
  };
  /**
   * Trains `begin` by L-BFGS on (x, y), yielding each iteration, and returns its row and student. With
   * `longer` it trains on to twice the iterations: the row returned is the state where a run of
   * `c.iterations` stops (the same arithmetic, only the limits differ), and `longer` the row at the end.
   */
  function* train(
    begin: Mlp,
    x: Float64Array,
    y: Float64Array,
    variant: "chain" | "doubled",
    longer: boolean,
  ): Generator<ChainStep, { row: RunRow; net: Mlp; longer: RunRow | null }, void> {
    let t0 = start();
    const width = begin.shape.hidden[0], parameters = begin.params.length, n = y.length;
    const steps = lbfgsSteps(begin, x, y, { iterations: c.iterations * (longer ? 2 : 1), ...limit });
    let stop: { row: RunRow; net: Mlp } | null = null;
    let last: LbfgsStep | null = null;
    for (let s = steps.next(); !s.done; s = steps.next()) {
      const st = s.value;
      last = st;
      yield {
        kind: "iteration",
        width,
        parameters,
        variant: stop === null ? variant : "longer",
        iteration: st.iteration,
        trainLoss: st.loss,
        testLoss: () => testLossOf(st.net),
      };
      // where lbfgsSteps with `c.iterations` stops: its iteration limit or its evaluation limit (3×)
      if (longer && stop === null && (st.iteration >= c.iterations || st.evaluations >= 3 * c.iterations)) {
        stop = rowOf(st, variant, n, t0);
        t0 = start(); // the longer row's clocks count what the check adds
      }
    }
    if (!longer) return { ...rowOf(last!, variant, n, t0), longer: null };
    // a run that stopped before the limits (no decrease) is its own longer run
    const more = rowOf(last!, "longer", n, t0).row;
    return stop === null ? { ...rowOf(last!, variant, n, t0), longer: more } : { ...stop, longer: more };
  }
  const init = { kinkPoints: data.xTrain, firstLayerScale: c.firstLayerScale };
  let net: Mlp | null = null;
  let beforeLast: Mlp | null = null;
  const top = c.widths[c.widths.length - 1];
  for (const w of widths) {
    net = net === null
      ? createMlp({ inputs: c.D, hidden: [w], activation: c.activation }, rng, init)
      : widenMlp(net, [w], rng, init);
    if (w === top) beforeLast = net;
    const r: { row: RunRow; net: Mlp; longer: RunRow | null } = yield* train(
      net,
      data.xTrain,
      data.yTrain,
      "chain",
      c.longer && w === top,
    );
    net = r.net;
    for (const row of r.longer === null ? [r.row] : [r.row, r.longer]) {
      rows.push(row);
      yield { kind: "row", row };
    }
  }
  if (c.doubled && beforeLast !== null) {
    const n = c.trainPoints;
    const x2 = new Float64Array(2 * n * c.D), y2 = new Float64Array(2 * n);
    x2.set(data.xTrain);
    x2.set(data.xExtra, n * c.D);
    y2.set(data.yTrain);
    y2.set(data.yExtra, n);
    const r: { row: RunRow } = yield* train(beforeLast, x2, y2, "doubled", false);
    rows.push(r.row);
    yield { kind: "row", row: r.row };
  }
  if (c.gridCells.length > 0 && allWidths) {
    const field = planeWaveField({ d: c.d, h: c.h, seed, maxWavenumber: c.maxWavenumber });
    const g = (t: Float64Array, o: number) => (field.f(t, o) - data.yMean) / data.ySd;
    for (const cells of c.gridCells) {
      const t0 = start();
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
        ...elapsed(t0),
      };
      rows.push(row);
      yield { kind: "row", row };
    }
  }
  const m = Math.min(TWONN_POINTS, nTest);
  const twonnInputs = twoNN(data.xTest.subarray(0, m * c.D), c.D).mle;
  return { config: c.id, seed, rows, twonnInputs };
}
