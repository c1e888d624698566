/**
 * The training loop of the character transformer: a `Trainer` holding the model, AdamW's state and the
 * step counter, stepping over seeded batches, evaluating fixed windows, and exporting/restoring its state
 * for checkpoints (the file I/O is the caller's).
 *
 * @module
 */
import { AdamW, clipGradNorm, GRAD_CLIP, learningRate } from "./adamw";
import { type ModelConfig, requireTrainConfig, type TrainConfig } from "./config";
import { sampleBatch, stepRandom } from "./data";
import { CharTransformer, type Precision, tensorShapes } from "./model";
import type { Vec } from "./matmul";

/** What a checkpoint holds: the step reached, the parameters and AdamW's moments. */
export interface TrainerState {
  step: number;
  params: Vec;
  m: Vec;
  v: Vec;
}

/**
 * Trains a {@link CharTransformer} on a token array.
 *
 * @example
 * const data = new Uint8Array(200).map((_, i) => i % 4);
 * const t = new Trainer({ vocabSize: 4, context: 8, width: 8, layers: 1, heads: 2 }, { batch: 2, steps: 5, lr: 2e-3, minLr: 2e-4, warmup: 0, weightDecay: 0.1, beta1: 0.9, beta2: 0.99, seed: 0 }, data);
 * t.step() > 0; // => true
 */
export class Trainer {
  readonly model: CharTransformer;
  readonly train: TrainConfig;
  readonly opt: AdamW;
  #data: Uint8Array;
  #tokens: Uint8Array;
  #targets: Uint8Array;
  /** Optimiser steps taken. */
  stepsDone = 0;

  /** @throws {RangeError} on invalid configurations or data shorter than a window. */
  constructor(model: ModelConfig, train: TrainConfig, data: Uint8Array, precision: Precision = "float32") {
    this.train = requireTrainConfig({ ...train });
    this.model = new CharTransformer(model, precision);
    this.model.init(train.seed);
    if (!(data instanceof Uint8Array) || data.length < model.context + 1) {
      throw new RangeError(`\`data\` must be a Uint8Array of at least ${model.context + 1} ids`);
    }
    this.#data = data;
    const decay = new Uint8Array(this.model.params.length);
    let off = 0;
    for (const { shape } of tensorShapes(model)) {
      const n = shape.reduce((a, b) => a * b, 1);
      if (shape.length >= 2) decay.fill(1, off, off + n);
      off += n;
    }
    this.opt = new AdamW(this.model.params.length, decay, precision === "float32" ? Float32Array : Float64Array);
    this.#tokens = new Uint8Array(train.batch * model.context);
    this.#targets = new Uint8Array(train.batch * model.context);
  }

  /**
   * One optimiser step on the batch of this step (drawn from `stepRandom(seed, step)`); returns the
   * batch's mean loss before the update (nats per character).
   *
   * @throws {RangeError} once all `steps` are done.
   */
  step(): number {
    const c = this.train, s = this.stepsDone;
    if (s >= c.steps) throw new RangeError(`the run has finished its ${c.steps} steps`);
    sampleBatch(this.#data, this.model.config.context, c.batch, stepRandom(c.seed, s), this.#tokens, this.#targets);
    const loss = this.model.forward(this.#tokens, this.#targets, c.batch);
    this.model.backward();
    clipGradNorm(this.model.grads, GRAD_CLIP);
    this.opt.update(this.model.params, this.model.grads, learningRate(c, s), c.beta1, c.beta2, c.weightDecay, s + 1);
    this.stepsDone = s + 1;
    return loss;
  }

  /** Copies of the state a checkpoint needs. */
  state(): TrainerState {
    return { step: this.stepsDone, params: this.model.params.slice(), m: this.opt.m.slice(), v: this.opt.v.slice() };
  }

  /** @throws {RangeError} if the arrays do not match this model's size. */
  restore(s: TrainerState): void {
    const n = this.model.params.length;
    if (s.params.length !== n || s.m.length !== n || s.v.length !== n) {
      throw new RangeError(`checkpoint arrays must have ${n} entries, got ${s.params.length}`);
    }
    if (!Number.isInteger(s.step) || s.step < 0 || s.step > this.train.steps) {
      throw new RangeError(`checkpoint \`step\` must be in [0, ${this.train.steps}], got ${s.step}`);
    }
    this.model.params.set(s.params);
    this.opt.m.set(s.m);
    this.opt.v.set(s.v);
    this.stepsDone = s.step;
  }
}

/**
 * Mean loss (nats per character) of each of `count` windows (tokens, targets: count × T), evaluated in
 * batches of `batch` windows.
 *
 * @example
 * const train = { batch: 1, steps: 1, lr: 2e-3, minLr: 2e-4, warmup: 0, weightDecay: 0.1, beta1: 0.9, beta2: 0.99, seed: 0 };
 * const m = new Trainer({ vocabSize: 2, context: 2, width: 4, layers: 1, heads: 1 }, train, new Uint8Array(3), "float64").model;
 * windowLosses(m, new Uint8Array(4), new Uint8Array(4), 8).length; // => 2
 */
export function windowLosses(
  model: CharTransformer,
  tokens: Uint8Array,
  targets: Uint8Array,
  batch = 32,
): Float64Array {
  const T = model.config.context, count = tokens.length / T;
  if (!Number.isInteger(count) || targets.length !== tokens.length) {
    throw new RangeError(`\`tokens\` and \`targets\` must both hold a whole number of windows of ${T}`);
  }
  const out = new Float64Array(count);
  for (let start = 0; start < count; start += batch) {
    const B = Math.min(batch, count - start);
    model.forward(tokens.subarray(start * T, (start + B) * T), targets.subarray(start * T, (start + B) * T), B);
    const l = model.losses;
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += l[b * T + t];
      out[start + b] = s / T;
    }
  }
  return out;
}
