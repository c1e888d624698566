/**
 * The configuration objects of the character-level transformer and its training (nanoGPT-style: one
 * plain object each, checked once), and the parameter counts that define the model size N.
 *
 * @module
 */
import { requireInRange, requireInteger, requireOptions } from "../../_util/validate";

/** Architecture of a decoder-only, pre-norm transformer with tied input/output embeddings. */
export interface ModelConfig {
  /** Characters in the vocabulary, V (≤ 256: token ids are bytes). */
  vocabSize: number;
  /** Context length T (positions). */
  context: number;
  /** Residual-stream width C (the model width D of the paper's d/D). */
  width: number;
  /** Transformer blocks L. */
  layers: number;
  /** Attention heads (must divide `width`). */
  heads: number;
}

/** Optimisation settings: AdamW with linear warm-up then cosine decay to `minLr`. */
export interface TrainConfig {
  /** Sequences per step, B. */
  batch: number;
  /** Optimiser steps. */
  steps: number;
  /** Peak learning rate (after warm-up). */
  lr: number;
  /** Final learning rate (end of the cosine). */
  minLr: number;
  /** Warm-up steps (linear from lr/warmup to lr). */
  warmup: number;
  /** Decoupled weight decay, applied to matrices (dimension ≥ 2) only. */
  weightDecay: number;
  /** Adam β₁. */
  beta1: number;
  /** Adam β₂. */
  beta2: number;
  /** Seed of the initialisation and of the batch sampler. */
  seed: number;
}

const MODEL_KEYS = ["vocabSize", "context", "width", "layers", "heads"] as const;
const TRAIN_KEYS = ["batch", "steps", "lr", "minLr", "warmup", "weightDecay", "beta1", "beta2", "seed"] as const;

/**
 * Checks a model configuration.
 *
 * @throws {RangeError} naming the field (e.g. heads not dividing width).
 * @example requireModelConfig({ vocabSize: 85, context: 64, width: 32, layers: 2, heads: 4 }).width; // => 32
 */
export function requireModelConfig(c: ModelConfig): ModelConfig {
  requireOptions("config", c, MODEL_KEYS);
  for (const k of MODEL_KEYS) if (!(k in c)) throw new RangeError(`\`config.${k}\` is required`);
  requireInteger("config.vocabSize", c.vocabSize, 2, 256);
  requireInteger("config.context", c.context, 1, 4096);
  requireInteger("config.width", c.width, 1, 4096);
  requireInteger("config.layers", c.layers, 1, 64);
  requireInteger("config.heads", c.heads, 1, c.width);
  if (c.width % c.heads !== 0) {
    throw new RangeError(`\`config.heads\` must divide \`config.width\` (${c.width}), got ${c.heads}`);
  }
  return c;
}

/**
 * Checks a training configuration.
 *
 * @throws {RangeError} naming the field.
 * @example requireTrainConfig(defaultTrainConfig({ steps: 10 })).steps; // => 10
 */
export function requireTrainConfig(c: TrainConfig): TrainConfig {
  requireOptions("train", c, TRAIN_KEYS);
  for (const k of TRAIN_KEYS) if (!(k in c)) throw new RangeError(`\`train.${k}\` is required`);
  requireInteger("train.batch", c.batch, 1);
  requireInteger("train.steps", c.steps, 1);
  requireInRange("train.lr", c.lr, { min: 0, minOpen: true, max: 1 });
  requireInRange("train.minLr", c.minLr, { min: 0, max: c.lr });
  requireInteger("train.warmup", c.warmup, 0, c.steps);
  requireInRange("train.weightDecay", c.weightDecay, { min: 0, max: 1 });
  requireInRange("train.beta1", c.beta1, { min: 0, max: 1, maxOpen: true });
  requireInRange("train.beta2", c.beta2, { min: 0, max: 1, maxOpen: true });
  requireInteger("train.seed", c.seed, 0, 2 ** 32 - 1);
  return c;
}

/**
 * A training configuration with nanoGPT's character-level defaults (batch 32, lr 2·10⁻³ → 2·10⁻⁴,
 * 5% warm-up, weight decay 0.1, β = (0.9, 0.99)), overridden by `over`.
 *
 * @example defaultTrainConfig({ steps: 100 }).warmup; // => 5
 */
export function defaultTrainConfig(over: Partial<TrainConfig> = {}): TrainConfig {
  requireOptions("over", over, TRAIN_KEYS);
  const steps = over.steps ?? 1000;
  const lr = over.lr ?? 2e-3;
  return requireTrainConfig({
    batch: 32,
    steps,
    lr,
    minLr: lr / 10,
    warmup: Math.round(0.05 * steps),
    weightDecay: 0.1,
    beta1: 0.9,
    beta2: 0.99,
    seed: 0,
    ...over,
  });
}

/**
 * Non-embedding parameters N (Kaplan et al. 2020's count: all but the token and position embeddings):
 * per block 12C² + 13C (qkv 3C² + 3C, output projection C² + C, MLP 8C² + 5C, two layer norms 4C),
 * plus the final layer norm 2C. The output layer is tied to the token embedding, so it adds nothing.
 *
 * @example nonEmbeddingParameters({ vocabSize: 85, context: 64, width: 32, layers: 2, heads: 4 }); // => 25472
 */
export function nonEmbeddingParameters(c: ModelConfig): number {
  requireModelConfig(c);
  return c.layers * (12 * c.width * c.width + 13 * c.width) + 2 * c.width;
}

/**
 * All parameters: N plus the embeddings (V + T)·C.
 *
 * @example parameterCount({ vocabSize: 85, context: 64, width: 32, layers: 2, heads: 4 }); // => 30240
 */
export function parameterCount(c: ModelConfig): number {
  return nonEmbeddingParameters(c) + (c.vocabSize + c.context) * c.width;
}
