/**
 * Fully connected networks (multilayer perceptrons) of any depth and width, trained by mean-squared
 * error: a packed parameter vector, a forward pass, exact backpropagation into a gradient vector,
 * initialisation (He, or "kink" initialisation of the first layer through data points), and widening
 * with warm starts (new units with zero outgoing weights, so the function is unchanged).
 *
 * Layout of `params` (one Float64Array): for each layer l = 0 … L (L hidden layers, then the output
 * layer), its weights W_l (m_l rows of k_l inputs, row-major: one row per unit) followed by its biases
 * b_l (m_l). Inputs are n×k row-major arrays of samples.
 *
 * Pure numerics: deterministic given the `Random`, no I/O.
 *
 * @module
 */
import { Random } from "../stats/random";
import { wasmFloat64Arrays } from "./_wasm";
import { requireFiniteArray, requireInRange, requireInteger, requireObject, requireOptions } from "../_util/validate";
import {
  abtUnchecked,
  abUnchecked,
  activate,
  type Activation,
  activationBackward,
  atbUnchecked,
  requireActivation,
} from "./kernels";

/** The architecture of a network. */
export interface MlpShape {
  /** Input dimension, integer ≥ 1. */
  inputs: number;
  /** Widths of the hidden layers (each an integer ≥ 1; at least one layer). */
  hidden: number[];
  /** Output dimension, integer ≥ 1 (default 1). */
  outputs?: number;
  /** Activation of every hidden layer; the output layer is linear. */
  activation: Activation;
}

/** A network: its shape and its packed parameters. */
export interface Mlp {
  shape: Required<MlpShape>;
  params: Float64Array;
}

/** Offsets of each layer's weights and biases in the packed vector, and the layer sizes. */
export interface MlpLayout {
  /** Layer sizes [inputs, ...hidden, outputs]. */
  sizes: number[];
  /** Offset of W_l in `params`. */
  weights: number[];
  /** Offset of b_l in `params`. */
  biases: number[];
  /** Total parameter count N = Σ_l (k_l + 1) m_l. */
  count: number;
}

/**
 * Checks a shape and fills in defaults.
 * @throws {RangeError} naming the field out of range.
 * @example requireMlpShape({ inputs: 2, hidden: [8], activation: "relu" }).outputs // => 1
 */
export function requireMlpShape(shape: MlpShape): Required<MlpShape> {
  requireObject("shape", shape);
  requireOptions("shape", shape, ["inputs", "hidden", "outputs", "activation"]);
  const inputs = requireInteger("shape.inputs", shape.inputs, 1);
  if (!Array.isArray(shape.hidden) || shape.hidden.length === 0) {
    throw new RangeError(`\`shape.hidden\` must be a non-empty array of widths, got ${JSON.stringify(shape.hidden)}`);
  }
  const hidden = shape.hidden.map((w, i) => requireInteger(`shape.hidden[${i}]`, w, 1));
  const outputs = requireInteger("shape.outputs", shape.outputs ?? 1, 1);
  const activation = requireActivation("shape.activation", shape.activation);
  return { inputs, hidden, outputs, activation };
}

/**
 * The packed layout of a shape.
 * @throws {RangeError} if the shape is invalid.
 * @example mlpLayout({ inputs: 2, hidden: [8], activation: "relu" }).count // (2 + 1)·8 + (8 + 1)·1 = 33
 */
export function mlpLayout(shape: MlpShape): MlpLayout {
  const s = requireMlpShape(shape);
  const sizes = [s.inputs, ...s.hidden, s.outputs];
  const weights: number[] = [], biases: number[] = [];
  let off = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    weights.push(off);
    off += sizes[l] * sizes[l + 1];
    biases.push(off);
    off += sizes[l + 1];
  }
  return { sizes, weights, biases, count: off };
}

/**
 * Parameter count of a one-hidden-layer network with `inputs` inputs, width `w` and one output:
 * N = (inputs + 2)·w + 1.
 * @example oneHiddenLayerParameters(2, 8) // => 33
 */
export function oneHiddenLayerParameters(inputs: number, w: number): number {
  requireInteger("inputs", inputs, 1);
  requireInteger("w", w, 1);
  return (inputs + 2) * w + 1;
}

/** Options of `createMlp`. */
export interface InitOptions {
  /**
   * Training inputs (n×inputs): if given, each first-layer bias is set so that the unit's kink
   * (w·x + b = 0) passes through a randomly chosen one of these points ("kink" initialisation).
   */
  kinkPoints?: Float64Array;
  /** Multiplier of the first layer's weight scale (default 1). */
  firstLayerScale?: number;
  /** Standard deviation of the output weights times √(fan-in) (default 0.1). */
  outputScale?: number;
}

const INIT_KEYS = ["kinkPoints", "firstLayerScale", "outputScale"];

/** He (ReLU) or Glorot-like (tanh, GELU) variance factor of a hidden layer's weights. */
function gain(activation: Activation): number {
  return activation === "relu" ? 2 : 1;
}

function initUnit(
  params: Float64Array,
  layout: MlpLayout,
  l: number,
  j: number,
  rng: Random,
  activation: Activation,
  options: InitOptions,
  incoming: (p: number) => boolean,
): void {
  const k = layout.sizes[l], last = l === layout.sizes.length - 2;
  const w0 = layout.weights[l] + j * k;
  const sd = last
    ? (options.outputScale ?? 0.1) / Math.sqrt(k)
    : Math.sqrt(gain(activation) / k) * (l === 0 ? options.firstLayerScale ?? 1 : 1);
  for (let p = 0; p < k; p++) params[w0 + p] = incoming(p) ? sd * rng.normal() : 0;
  let b = 0;
  if (l === 0 && options.kinkPoints !== undefined) {
    const n = options.kinkPoints.length / k;
    const q = rng.int(n) * k;
    for (let p = 0; p < k; p++) b -= params[w0 + p] * options.kinkPoints[q + p];
  }
  params[layout.biases[l] + j] = b;
}

function checkInit(shape: Required<MlpShape>, options: InitOptions): void {
  requireOptions("options", options, INIT_KEYS);
  if (options.kinkPoints !== undefined) {
    requireFiniteArray("options.kinkPoints", options.kinkPoints);
    if (options.kinkPoints.length % shape.inputs !== 0) {
      throw new RangeError(
        `\`options.kinkPoints\` length must be a multiple of inputs = ${shape.inputs}, got ${options.kinkPoints.length}`,
      );
    }
  }
  requireInRange("options.firstLayerScale", options.firstLayerScale ?? 1, { min: 0, minOpen: true });
  requireInRange("options.outputScale", options.outputScale ?? 0.1, { min: 0 });
}

/**
 * A new network with random weights: hidden layers N(0, g/k) (g = 2 for ReLU, 1 otherwise; the first
 * layer times `firstLayerScale`), biases 0 (or kink-initialised in the first layer), output weights
 * N(0, outputScale²/k), output bias 0.
 *
 * @throws {RangeError} if the shape or an option is invalid.
 * @example createMlp({ inputs: 2, hidden: [8], activation: "relu" }, new Random(1)).params.length // => 33
 */
export function createMlp(shape: MlpShape, rng: Random, options: InitOptions = {}): Mlp {
  const s = requireMlpShape(shape);
  if (!(rng instanceof Random)) throw new TypeError("`rng` must be a Random");
  checkInit(s, options);
  const layout = mlpLayout(s);
  const params = new Float64Array(layout.count);
  for (let l = 0; l + 1 < layout.sizes.length; l++) {
    for (let j = 0; j < layout.sizes[l + 1]; j++) {
      initUnit(params, layout, l, j, rng, s.activation, options, () => true);
    }
  }
  return { shape: s, params };
}

/**
 * Widens every hidden layer of `net` to `hidden` (each ≥ the old width), copying the old weights. New
 * units get random incoming weights (as `createMlp`), and every weight from a new unit into an old unit
 * of the next layer (or the output) is zero, so the widened network computes exactly the same function.
 *
 * @throws {RangeError} if `hidden` has the wrong length or a width shrinks.
 * @example
 * const net = createMlp({ inputs: 1, hidden: [2], activation: "relu" }, new Random(1));
 * widenMlp(net, [4], new Random(2)).shape.hidden // => [4]
 */
export function widenMlp(net: Mlp, hidden: number[], rng: Random, options: InitOptions = {}): Mlp {
  requireObject("net", net);
  const old = requireMlpShape(net.shape);
  if (!Array.isArray(hidden) || hidden.length !== old.hidden.length) {
    throw new RangeError(`\`hidden\` must have ${old.hidden.length} widths, got ${JSON.stringify(hidden)}`);
  }
  hidden.forEach((w, i) => requireInteger(`hidden[${i}]`, w, old.hidden[i]));
  checkInit(old, options);
  const shape = { ...old, hidden: [...hidden] };
  const from = mlpLayout(old), to = mlpLayout(shape);
  const params = new Float64Array(to.count);
  for (let l = 0; l + 1 < to.sizes.length; l++) {
    const kOld = from.sizes[l], mOld = from.sizes[l + 1], k = to.sizes[l], m = to.sizes[l + 1];
    for (let j = 0; j < m; j++) {
      if (j < mOld) {
        // an old unit: old incoming weights, zero from new units of the layer below
        for (let p = 0; p < k; p++) {
          params[to.weights[l] + j * k + p] = p < kOld ? net.params[from.weights[l] + j * kOld + p] : 0;
        }
        params[to.biases[l] + j] = net.params[from.biases[l] + j];
      } else {
        initUnit(params, to, l, j, rng, shape.activation, options, () => true);
        // a new unit's outgoing weights are zero: set in the next layer by the `p >= kOld` branch above;
        // the output layer has no new units, so this covers every path to the output
      }
    }
  }
  return { shape, params };
}

/** Buffers of a forward/backward pass over n samples (reused across calls). */
export class MlpWorkspace {
  readonly n: number;
  readonly layout: MlpLayout;
  /** Pre-activations of each hidden layer (n×m_l). */
  readonly z: Float64Array[];
  /** Activations of each hidden layer (n×m_l). */
  readonly a: Float64Array[];
  /** Outputs (n×outputs). */
  readonly out: Float64Array;
  readonly g1: Float64Array;
  readonly g2: Float64Array;

  /**
   * @param shape the network's shape.
   * @param n samples per pass, integer ≥ 1.
   * @throws {RangeError} if the shape or `n` is invalid.
   */
  constructor(shape: MlpShape, n: number) {
    requireInteger("n", n, 1);
    this.n = n;
    this.layout = mlpLayout(shape);
    const sizes = this.layout.sizes, hidden = sizes.slice(1, -1).map((m) => n * m);
    const widest = Math.max(...sizes.slice(1)), K = Math.max(...sizes);
    const lengths = [...hidden, ...hidden, n * sizes[sizes.length - 1], n * widest, n * widest];
    // large passes live in WebAssembly memory, where the kernels read and write them without copies
    const total = lengths.reduce((s, x) => s + x, 0);
    const arrays = (total >= 32768 ? wasmFloat64Arrays(lengths, 7 * n * K + 3 * K * K) : null) ??
      lengths.map((length) => new Float64Array(length));
    const L = hidden.length;
    this.z = arrays.slice(0, L);
    this.a = arrays.slice(L, 2 * L);
    [this.out, this.g1, this.g2] = arrays.slice(2 * L);
  }
}

function requireData(net: Mlp, x: Float64Array, n: number): void {
  if (!(x instanceof Float64Array)) throw new TypeError("`x` must be a Float64Array");
  if (x.length !== n * net.shape.inputs) {
    throw new RangeError(`\`x\` must hold n·inputs = ${n * net.shape.inputs} numbers, got ${x.length}`);
  }
}

function forwardInto(
  shape: Required<MlpShape>,
  params: Float64Array,
  x: Float64Array,
  n: number,
  ws: MlpWorkspace,
): void {
  const { sizes, weights, biases } = ws.layout;
  let input = x;
  const L = sizes.length - 1;
  for (let l = 0; l < L; l++) {
    const k = sizes[l], m = sizes[l + 1];
    const W = params.subarray(weights[l], weights[l] + m * k);
    const b = params.subarray(biases[l], biases[l] + m);
    const out = l === L - 1 ? ws.out : ws.z[l];
    abtUnchecked(input, W, b, out, n, k, m);
    if (l < L - 1) {
      activate(shape.activation, ws.z[l], ws.a[l], n * m);
      input = ws.a[l];
    }
  }
}

/**
 * Outputs of `net` at n inputs `x` (n×inputs): a new n×outputs array.
 * @throws {RangeError} if `x` does not hold n·inputs numbers.
 * @example
 * const net = createMlp({ inputs: 1, hidden: [4], activation: "relu" }, new Random(1));
 * mlpPredict(net, new Float64Array([0.5]), 1).length // => 1
 */
export function mlpPredict(net: Mlp, x: Float64Array, n: number, ws?: MlpWorkspace): Float64Array {
  requireInteger("n", n, 1);
  requireData(net, x, n);
  const w = ws !== undefined && ws.n === n && ws.layout.count === net.params.length
    ? ws
    : new MlpWorkspace(net.shape, n);
  forwardInto(net.shape, net.params, x, n, w);
  return w.out.slice(0, n * net.shape.outputs);
}

/**
 * Hidden activations of layer `layer` (0-based) at n inputs: a new n×width array.
 * @throws {RangeError} if `layer` is not a hidden layer index.
 * @example
 * const net = createMlp({ inputs: 1, hidden: [4], activation: "relu" }, new Random(1));
 * mlpHidden(net, new Float64Array([0.5]), 1, 0).length // => 4
 */
export function mlpHidden(net: Mlp, x: Float64Array, n: number, layer: number): Float64Array {
  requireInteger("n", n, 1);
  requireData(net, x, n);
  requireInteger("layer", layer, 0, net.shape.hidden.length - 1);
  const ws = new MlpWorkspace(net.shape, n);
  forwardInto(net.shape, net.params, x, n, ws);
  return ws.a[layer].slice();
}

/**
 * Mean-squared-error loss L = (1/n) Σ_i Σ_o (f_o(x_i) − y_io)² of the network with parameters
 * `params` on (x, y), and its exact gradient by backpropagation written into `grad` (same length as
 * `params`). `ws` must have been made for this shape and n.
 *
 * @throws {RangeError} if a buffer has the wrong length.
 * @example
 * const net = createMlp({ inputs: 1, hidden: [4], activation: "tanh" }, new Random(1));
 * const g = new Float64Array(net.params.length);
 * mlpLossGradient(net.shape, net.params, new Float64Array([0.5]), new Float64Array([1]), g, new MlpWorkspace(net.shape, 1)) // > 0
 */
export function mlpLossGradient(
  shape: MlpShape,
  params: Float64Array,
  x: Float64Array,
  y: Float64Array,
  grad: Float64Array,
  ws: MlpWorkspace,
): number {
  const s = requireMlpShape(shape);
  if (!(ws instanceof MlpWorkspace)) throw new TypeError("`ws` must be an MlpWorkspace");
  const n = ws.n, { count } = ws.layout;
  if (params.length !== count || grad.length !== count) {
    throw new RangeError(`\`params\` and \`grad\` must hold ${count} numbers, got ${params.length} and ${grad.length}`);
  }
  if (x.length !== n * s.inputs) {
    throw new RangeError(`\`x\` must hold n·inputs = ${n * s.inputs} numbers, got ${x.length}`);
  }
  if (y.length !== n * s.outputs) {
    throw new RangeError(`\`y\` must hold n·outputs = ${n * s.outputs} numbers, got ${y.length}`);
  }
  return lossGradientUnchecked(s, params, x, y, grad, ws);
}

/** `mlpLossGradient` without the checks (the trainers' inner loop). */
export function lossGradientUnchecked(
  s: Required<MlpShape>,
  params: Float64Array,
  x: Float64Array,
  y: Float64Array,
  grad: Float64Array,
  ws: MlpWorkspace,
): number {
  const n = ws.n, { sizes, weights, biases } = ws.layout;
  forwardInto(s, params, x, n, ws);
  const L = sizes.length - 1;
  const mo = sizes[L];
  let g = ws.g1, gNext = ws.g2;
  let loss = 0;
  const scale = 2 / n;
  for (let i = 0; i < n * mo; i++) {
    const r = ws.out[i] - y[i];
    loss += r * r;
    g[i] = scale * r;
  }
  for (let l = L - 1; l >= 0; l--) {
    const k = sizes[l], m = sizes[l + 1];
    const input = l === 0 ? x : ws.a[l - 1];
    atbUnchecked(
      g,
      input,
      grad.subarray(weights[l], weights[l] + m * k),
      grad.subarray(biases[l], biases[l] + m),
      n,
      k,
      m,
    );
    if (l > 0) {
      abUnchecked(g, params.subarray(weights[l], weights[l] + m * k), gNext, n, k, m);
      activationBackward(s.activation, ws.z[l - 1], ws.a[l - 1], gNext, n * k);
      const t = g;
      g = gNext;
      gNext = t;
    }
  }
  return loss / n;
}
