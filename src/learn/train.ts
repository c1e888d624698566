/**
 * Training loops for the networks of `./mlp`: full-batch L-BFGS (two-loop recursion with a
 * backtracking line search, recording the loss after each evaluation; the loss and gradient summed over
 * blocks of `LBFGS_BLOCK` samples, optionally with a soft bound on the output weights) and Adam (Kingma &
 * Ba 2015, Algorithm 1) with a warm-up-then-cosine learning-rate schedule on seeded mini-batches.
 *
 * Deterministic: the same network, data, options and seed give the same parameters bit for bit.
 *
 * @module
 */
import { Random } from "../stats/random";
import { requireInRange, requireInteger, requireOptions } from "../_util/validate";
import { lossGradientUnchecked, type Mlp, mlpLayout, mlpLossGradient, MlpWorkspace, requireMlpShape } from "./mlp";

/** The outcome of a training run. */
export interface TrainResult {
  /** The trained network (a new parameter vector; the input network is not modified). */
  net: Mlp;
  /**
   * Training loss (MSE) at the end. (L-BFGS with `outputWeightLimit` minimises this plus `penalty`.)
   */
  loss: number;
  /** The output-weight bound's penalty at the end (0 without `outputWeightLimit`, and for Adam). */
  penalty: number;
  /** Iterations (accepted L-BFGS steps, or Adam steps). */
  iterations: number;
  /** Loss evaluations on the full training set (L-BFGS) or steps (Adam). */
  evaluations: number;
  /**
   * Lowest objective seen after each evaluation (L-BFGS: the MSE plus the output-weight penalty, which is
   * the MSE without `outputWeightLimit`) or the loss of each step's batch (Adam).
   */
  history: Float64Array;
  /** Why the run stopped. */
  message: string;
}

function requireTrainingData(net: Mlp, x: Float64Array, y: Float64Array): number {
  requireMlpShape(net.shape);
  if (!(x instanceof Float64Array) || !(y instanceof Float64Array)) {
    throw new TypeError("`x` and `y` must be Float64Arrays");
  }
  const n = y.length / net.shape.outputs;
  if (!Number.isInteger(n) || n < 1 || x.length !== n * net.shape.inputs) {
    throw new RangeError(
      `\`x\` (${x.length} numbers) and \`y\` (${y.length}) must hold the same number n ≥ 1 of samples of ${net.shape.inputs} inputs and ${net.shape.outputs} outputs`,
    );
  }
  return n;
}

/** Options of `trainLbfgs`. */
export interface LbfgsTrainOptions {
  /** Maximum iterations (default 1000), integer ≥ 1. */
  iterations?: number;
  /** Correction pairs kept (default 50), integer ≥ 1. */
  memory?: number;
  /** Loss evaluations allowed (default 3 × iterations), integer ≥ 1. */
  maxEvaluations?: number;
  /**
   * A soft bound A > 0 on the output layer's weights (default: none): the objective becomes the MSE plus
   * `OUTPUT_LIMIT_STIFFNESS` · Σ (|a| − A)² over the output weights a with |a| > A. It is zero wherever
   * every output weight is within the bound, so it changes nothing there; it keeps a smooth-activation
   * student out of the degenerate regime in which one unit with near-zero input weights and an output
   * weight of ~10⁷ imitates a polynomial term, which makes the loss so ill-conditioned that L-BFGS stalls.
   */
  outputWeightLimit?: number;
}

/** Samples per block of the L-BFGS loss and gradient (a block's activations stay in the CPU's cache). */
export const LBFGS_BLOCK = 512;

/** Stiffness of the soft bound `outputWeightLimit` (per unit of squared excess weight). */
export const OUTPUT_LIMIT_STIFFNESS = 0.01;

/** Sufficient-decrease constant of the backtracking line search. */
const ARMIJO_C1 = 1e-4;
/** Halvings tried before the line search gives up on a direction. */
const MAX_BACKTRACKS = 40;

/**
 * Trains `net` on (x, y) by full-batch L-BFGS on the mean-squared error: the two-loop recursion
 * (Nocedal & Wright 2006, Algorithm 7.4) with memory `memory`, an Armijo backtracking line search from
 * step 1 (the first step of a fresh memory scaled to move by at most 1), the memory reset to steepest
 * descent when the direction is not a descent direction or the line search fails, and pairs with tiny
 * sᵀy skipped. It stops at the iteration limit or when even steepest descent finds no decrease.
 *
 * Why not the project's `minimizeLbfgs`: its strong-Wolfe line search needs a smooth objective; a ReLU
 * network's loss is piecewise quadratic, and once a kink sits on a training point (kink initialisation
 * puts every unit's there) the directional derivative jumps and the Wolfe curvature test can fail along
 * every step, which stopped growth chains after zero iterations. Backtracking only needs decrease.
 *
 * The loss and its gradient are summed over blocks of `LBFGS_BLOCK` samples (each block's mean weighted
 * by its share of the n samples), so that a block's activations stay in the CPU's cache: 1.5–2.6× faster
 * than one pass over all n at the teacher–student sweep's largest students (n = 4,096–20,480), with sums
 * in a different order (the same to rounding, ~10⁻¹⁵ relative).
 *
 * @throws {RangeError} if the data do not match the network or an option is out of range.
 * @example
 * const net = createMlp({ inputs: 1, hidden: [8], activation: "relu" }, new Random(1));
 * trainLbfgs(net, new Float64Array([0, 0.5, 1]), new Float64Array([0, 1, 0]), { iterations: 50 }).loss // < 1e-6
 */
export function trainLbfgs(net: Mlp, x: Float64Array, y: Float64Array, options: LbfgsTrainOptions = {}): TrainResult {
  const steps = lbfgsSteps(net, x, y, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** The state of `lbfgsSteps` after an iteration (or, first, at the initial parameters). */
export interface LbfgsStep {
  /** Accepted iterations so far (0 for the initial parameters). */
  iteration: number;
  /** Training loss (MSE) at the current parameters. */
  loss: number;
  /** The output-weight bound's penalty at the current parameters (0 without `outputWeightLimit`). */
  penalty: number;
  /** Loss evaluations so far. */
  evaluations: number;
  /**
   * The lowest objective after each evaluation so far (`TrainResult.history` as it grows: the optimiser's
   * own array, appended to in place).
   */
  history: readonly number[];
  /**
   * The current network. Its parameter vector is the optimiser's own: read it before the next step
   * (it is overwritten in place), and copy it (`params.slice()`) to keep it.
   */
  net: Mlp;
}

/**
 * `trainLbfgs` one iteration at a time: the same optimiser, step for step and bit for bit
 * (`trainLbfgs` runs this to the end), for a caller that must do something between iterations (the
 * live edition trains in slices between the browser's frames, and draws the test loss as it falls).
 * It yields the initial state, then the state after each accepted iteration, and returns the
 * `TrainResult` `trainLbfgs` returns. The network and options are checked when it is called.
 *
 * @throws {RangeError} if the data do not match the network or an option is out of range.
 * @example
 * const net = learn.createMlp({ inputs: 1, hidden: [8], activation: "relu" }, new Random(1));
 * [...lbfgsSteps(net, new Float64Array([0, 0.5, 1]), new Float64Array([0, 1, 0]), { iterations: 5 })].length // => 6
 */
export function lbfgsSteps(
  net: Mlp,
  x: Float64Array,
  y: Float64Array,
  options: LbfgsTrainOptions = {},
): Generator<LbfgsStep, TrainResult, void> {
  requireOptions("options", options, ["iterations", "memory", "maxEvaluations", "outputWeightLimit"]);
  const n = requireTrainingData(net, x, y);
  const maxIter = requireInteger("iterations", options.iterations ?? 1000, 1);
  const m = requireInteger("memory", options.memory ?? 50, 1);
  const maxEval = requireInteger("maxEvaluations", options.maxEvaluations ?? 3 * maxIter, 1);
  const limit = options.outputWeightLimit === undefined
    ? Infinity
    : requireInRange("outputWeightLimit", options.outputWeightLimit, { min: 0, minOpen: true });
  const shape = requireMlpShape(net.shape);
  return lbfgsIterations(net, x, y, shape, n, maxIter, m, maxEval, limit);
}

/**
 * The mean-squared error of `params` on (x, y) and its gradient (into `grad`), summed over blocks of
 * `LBFGS_BLOCK` samples: each block's mean loss and gradient weighted by its share nb/n of the samples.
 */
class BlockedLoss {
  private readonly block: number;
  private readonly ws: MlpWorkspace;
  private readonly tail: MlpWorkspace | null;
  private readonly gb: Float64Array;

  constructor(
    private readonly shape: Mlp["shape"],
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    private readonly n: number,
  ) {
    this.block = Math.min(n, LBFGS_BLOCK);
    this.ws = new MlpWorkspace(shape, this.block);
    this.tail = n % this.block === 0 ? null : new MlpWorkspace(shape, n % this.block);
    this.gb = new Float64Array(mlpLayout(shape).count);
  }

  /** The loss at `p`, its gradient written into `grad`. */
  lossGradient(p: Float64Array, grad: Float64Array): number {
    const { shape, x, y, n, block, gb } = this;
    if (block === n) return lossGradientUnchecked(shape, p, x, y, grad, this.ws);
    const k = shape.inputs, o = shape.outputs;
    grad.fill(0);
    let f = 0;
    for (let s = 0; s < n; s += block) {
      const nb = Math.min(block, n - s);
      const ws = nb === block ? this.ws : this.tail!;
      const fb = lossGradientUnchecked(
        shape,
        p,
        x.subarray(s * k, (s + nb) * k),
        y.subarray(s * o, (s + nb) * o),
        gb,
        ws,
      );
      const c = nb / n;
      f += c * fb;
      for (let i = 0; i < grad.length; i++) grad[i] += c * gb[i];
    }
    return f;
  }
}

function* lbfgsIterations(
  net: Mlp,
  x: Float64Array,
  y: Float64Array,
  shape: Mlp["shape"],
  n: number,
  maxIter: number,
  m: number,
  maxEval: number,
  limit: number,
): Generator<LbfgsStep, TrainResult, void> {
  const blocked = new BlockedLoss(shape, x, y, n);
  const P = net.params.length;
  const layout = mlpLayout(shape);
  const outFrom = layout.weights[layout.sizes.length - 2], outTo = layout.biases[layout.sizes.length - 2];
  const history: number[] = [];
  let best = Infinity;
  let mse = NaN, penalty = 0; // of the last evaluation
  /** The objective (MSE + the bound's penalty) and its gradient. */
  const fg = (p: Float64Array, g: Float64Array): number => {
    mse = blocked.lossGradient(p, g);
    penalty = 0;
    if (limit < Infinity) {
      for (let i = outFrom; i < outTo; i++) {
        const excess = Math.abs(p[i]) - limit;
        if (excess > 0) {
          penalty += OUTPUT_LIMIT_STIFFNESS * excess * excess;
          g[i] += 2 * OUTPUT_LIMIT_STIFFNESS * excess * Math.sign(p[i]);
        }
      }
    }
    const f = mse + penalty;
    if (f < best) best = f;
    history.push(best);
    return f;
  };
  const xk = net.params.slice(), g = new Float64Array(P), xt = new Float64Array(P), gt = new Float64Array(P);
  const d = new Float64Array(P);
  const S = Array.from({ length: m }, () => new Float64Array(P));
  const Y = Array.from({ length: m }, () => new Float64Array(P));
  const rho = new Float64Array(m), alpha = new Float64Array(m);
  let count = 0, head = 0; // pairs stored; index of the oldest
  let f = fg(xk, g);
  if (!Number.isFinite(f)) throw new RangeError(`the loss must be finite at the initial parameters, got ${f}`);
  let fMse = mse, fPenalty = penalty; // the two parts of f
  let iterations = 0, message = "iteration limit reached";
  const current: Mlp = { shape, params: xk };
  yield { iteration: 0, loss: fMse, penalty: fPenalty, evaluations: history.length, history, net: current };
  while (iterations < maxIter) {
    if (history.length >= maxEval) {
      message = "evaluation limit reached";
      break;
    }
    // d = −H g by the two-loop recursion over the stored pairs (newest first, then oldest first)
    for (let i = 0; i < P; i++) d[i] = -g[i];
    for (let q = count - 1; q >= 0; q--) {
      const j = (head + q) % m;
      alpha[j] = rho[j] * dot(S[j], d);
      axpy(-alpha[j], Y[j], d);
    }
    if (count > 0) {
      const j = (head + count - 1) % m;
      const gamma = 1 / (rho[j] * dot(Y[j], Y[j]));
      for (let i = 0; i < P; i++) d[i] *= gamma;
    }
    for (let q = 0; q < count; q++) {
      const j = (head + q) % m;
      axpy(alpha[j] - rho[j] * dot(Y[j], d), S[j], d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      count = 0;
      for (let i = 0; i < P; i++) d[i] = -g[i];
      slope = dot(g, d);
      if (!(slope < 0)) {
        message = "zero gradient";
        break;
      }
    }
    let t = count === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    let accepted = false, ft = NaN;
    for (let b = 0; b < MAX_BACKTRACKS; b++) {
      for (let i = 0; i < P; i++) xt[i] = xk[i] + t * d[i];
      ft = fg(xt, gt);
      if (Number.isFinite(ft) && ft <= f + ARMIJO_C1 * t * slope) {
        accepted = true;
        break;
      }
      // next trial: minimiser of the quadratic through f, slope and f_t, kept within [0.1 t, 0.5 t]
      const q = Number.isFinite(ft) ? (-slope * t * t) / (2 * (ft - f - slope * t)) : 0.1 * t;
      t = Math.min(0.5 * t, Math.max(0.1 * t, q));
    }
    if (!accepted) {
      if (count > 0) {
        count = 0;
        continue;
      } // retry from steepest descent
      message = "no decrease along steepest descent";
      break;
    }
    // store the pair s = x_t − x, y = g_t − g (ring buffer; the oldest is overwritten when full)
    const j = count < m ? (head + count) % m : head;
    const s = S[j], yv = Y[j];
    for (let i = 0; i < P; i++) {
      s[i] = xt[i] - xk[i];
      yv[i] = gt[i] - g[i];
    }
    const sy = dot(s, yv);
    if (sy > 1e-10 * Math.sqrt(dot(s, s) * dot(yv, yv))) {
      rho[j] = 1 / sy;
      if (count < m) count++;
      else head = (head + 1) % m;
    }
    xk.set(xt);
    g.set(gt);
    f = ft;
    fMse = mse;
    fPenalty = penalty;
    iterations++;
    yield { iteration: iterations, loss: fMse, penalty: fPenalty, evaluations: history.length, history, net: current };
  }
  return {
    net: { shape, params: xk },
    loss: fMse,
    penalty: fPenalty,
    iterations,
    evaluations: history.length,
    history: Float64Array.from(history),
    message,
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(c: number, a: Float64Array, out: Float64Array): void {
  for (let i = 0; i < a.length; i++) out[i] += c * a[i];
}

/** Options of `trainAdam`. */
export interface AdamOptions {
  /** Steps (default 1000), integer ≥ 1. */
  steps?: number;
  /** Peak learning rate (default 1e-3), > 0. */
  learningRate?: number;
  /** Linear warm-up steps before the cosine decay (default 0). */
  warmup?: number;
  /** Final learning rate as a fraction of the peak (default 0.1), in [0, 1]. */
  finalFraction?: number;
  /** Mini-batch size (default: the whole set); batches drawn with replacement from `seed`. */
  batchSize?: number;
  /** β₁ (default 0.9), β₂ (default 0.999), ε (default 1e-8). */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Seed of the mini-batch draws (default 0). */
  seed?: number;
}

/**
 * Learning rate at step t (0-based) of a linear warm-up to `peak` over `warmup` steps, then a cosine
 * decay to `finalFraction · peak` at the last step.
 * @example learningRateAt(0, 100, 1e-3, 0, 0.1) // => 1e-3
 */
export function learningRateAt(t: number, steps: number, peak: number, warmup: number, finalFraction: number): number {
  requireInteger("steps", steps, 1);
  requireInteger("t", t, 0, steps - 1);
  requireInteger("warmup", warmup, 0, steps - 1);
  if (t < warmup) return (peak * (t + 1)) / warmup;
  const span = steps - warmup;
  const u = span > 1 ? (t - warmup) / (span - 1) : 1;
  return peak * (finalFraction + (1 - finalFraction) * 0.5 * (1 + Math.cos(Math.PI * u)));
}

/**
 * Trains `net` on (x, y) by Adam (Kingma & Ba 2015, Algorithm 1, with bias correction) on the MSE.
 *
 * @throws {RangeError} if the data do not match the network or an option is out of range.
 * @example
 * const net = createMlp({ inputs: 1, hidden: [8], activation: "tanh" }, new Random(1));
 * trainAdam(net, new Float64Array([0, 1]), new Float64Array([0, 1]), { steps: 200, learningRate: 0.01 }).loss // small
 */
export function trainAdam(net: Mlp, x: Float64Array, y: Float64Array, options: AdamOptions = {}): TrainResult {
  requireOptions("options", options, [
    "steps",
    "learningRate",
    "warmup",
    "finalFraction",
    "batchSize",
    "beta1",
    "beta2",
    "epsilon",
    "seed",
  ]);
  const n = requireTrainingData(net, x, y);
  const steps = requireInteger("steps", options.steps ?? 1000, 1);
  const lr = requireInRange("learningRate", options.learningRate ?? 1e-3, { min: 0, minOpen: true });
  const warmup = requireInteger("warmup", options.warmup ?? 0, 0, steps - 1);
  const finalFraction = requireInRange("finalFraction", options.finalFraction ?? 0.1, { min: 0, max: 1 });
  const batch = requireInteger("batchSize", options.batchSize ?? n, 1);
  const b1 = requireInRange("beta1", options.beta1 ?? 0.9, { min: 0, max: 1, maxOpen: true });
  const b2 = requireInRange("beta2", options.beta2 ?? 0.999, { min: 0, max: 1, maxOpen: true });
  const eps = requireInRange("epsilon", options.epsilon ?? 1e-8, { min: 0, minOpen: true });
  const rng = new Random(options.seed ?? 0);
  const shape = requireMlpShape(net.shape);
  const P = net.params.length, k = shape.inputs, o = shape.outputs;
  const params = net.params.slice();
  const grad = new Float64Array(P), m1 = new Float64Array(P), m2 = new Float64Array(P);
  const full = batch >= n;
  const ws = new MlpWorkspace(shape, full ? n : batch);
  const xb = full ? x : new Float64Array(batch * k), yb = full ? y : new Float64Array(batch * o);
  const history = new Float64Array(steps);
  let loss = NaN;
  for (let t = 0; t < steps; t++) {
    if (!full) {
      for (let i = 0; i < batch; i++) {
        const q = rng.int(n);
        xb.set(x.subarray(q * k, q * k + k), i * k);
        yb.set(y.subarray(q * o, q * o + o), i * o);
      }
    }
    loss = lossGradientUnchecked(shape, params, xb, yb, grad, ws);
    history[t] = loss;
    const rate = learningRateAt(t, steps, lr, warmup, finalFraction);
    const c1 = 1 / (1 - b1 ** (t + 1)), c2 = 1 / (1 - b2 ** (t + 1));
    for (let i = 0; i < P; i++) {
      const g = grad[i];
      m1[i] = b1 * m1[i] + (1 - b1) * g;
      m2[i] = b2 * m2[i] + (1 - b2) * g * g;
      params[i] -= (rate * m1[i] * c1) / (Math.sqrt(m2[i] * c2) + eps);
    }
  }
  const finalWs = new MlpWorkspace(shape, n);
  const finalLoss = mlpLossGradient(shape, params, x, y, grad, finalWs);
  if (!Number.isFinite(loss) || !Number.isFinite(finalLoss)) {
    throw new RangeError(`\`learningRate\` = ${lr} is out of range: the loss diverged to ${finalLoss}`);
  }
  return {
    net: { shape, params },
    loss: finalLoss,
    penalty: 0,
    iterations: steps,
    evaluations: steps,
    history,
    message: "step limit reached",
  };
}
