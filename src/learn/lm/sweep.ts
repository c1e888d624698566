/**
 * The plan of the language-model sweep (which models, seeds and schedules are trained) and the one-run
 * procedure the training script executes for each: train with periodic evaluation, then the final
 * losses per genre, the representations' and input windows' TwoNN dimensions at several sample sizes,
 * and a text sample. Pure computation over the encoded corpus (the caller reads files and writes results).
 *
 * @module
 */
import { Random } from "../../stats/random";
import { floatsToBase64 } from "../../_util/base64";
import { twoNN } from "../../measure/twonn";
import { type ModelConfig, nonEmbeddingParameters, parameterCount, type TrainConfig } from "./config";
import { evalWindows } from "./data";
import { generate } from "./sample";
import { Trainer, type TrainerState, windowLosses } from "./train";

/** A model size of the sweep. */
export interface SweepSize {
  /** Short name, `w16l1`. */
  name: string;
  width: number;
  layers: number;
  heads: number;
}

/** One run of the sweep. */
export interface RunSpec {
  /** Unique id, e.g. `w16l1-s0` or `w24l2-s0-d150`. */
  id: string;
  /** `size` (the L(N) sweep), `data` (the data-size sweep at one N) or `check` (short reproduction runs). */
  kind: "size" | "data" | "check";
  model: ModelConfig;
  train: TrainConfig;
  /** Evaluate the curve every this many steps. */
  evalEvery: number;
}

/** Context length of every model (characters). */
export const CONTEXT = 64;
/** Sequences per batch. */
export const BATCH = 16;
/** Validation/training windows per genre in the final evaluation. */
export const FINAL_WINDOWS_PER_GENRE = 48;
/** Windows per genre in each evaluation along the curve. */
export const CURVE_WINDOWS_PER_GENRE = 4;
/** Validation windows whose final-layer representations go to TwoNN. */
export const TWONN_POINTS = 1600;
/** Input positions (the last ones of each window) in the input-window representation. */
export const INPUT_WINDOW = 8;
/** The fixed prompt of the text samples. */
export const PROMPT = "The jury said that ";
/** Characters generated per sample. */
export const SAMPLE_LENGTH = 160;
/** Sampling temperature and seed of the text samples. */
export const SAMPLE_TEMPERATURE = 0.8;
export const SAMPLE_SEED = 1;

/**
 * Peak learning rate by width: 3·10⁻³ up to width 32, then ∝ 1/√width (3·10⁻³·√(32/C)), a stated rule,
 * not a tuned one.
 *
 * @example peakLr(128); // => 0.0015
 */
export function peakLr(width: number): number {
  return width <= 32 ? 3e-3 : 3e-3 * Math.sqrt(32 / width);
}

/** A training configuration of the sweep: AdamW, 5% linear warm-up, cosine to lr/10. */
export function sweepTrainConfig(width: number, steps: number, seed: number): TrainConfig {
  const lr = peakLr(width);
  return {
    batch: BATCH,
    steps,
    lr,
    minLr: lr / 10,
    warmup: Math.max(1, Math.round(0.05 * steps)),
    weightDecay: 0.1,
    beta1: 0.9,
    beta2: 0.99,
    seed,
  };
}

/** Options of {@link sweepPlan}. */
export interface PlanOptions {
  /** Steps of every size run. */
  steps: number;
  /** The sizes and how many seeds each gets. */
  sizes: { size: SweepSize; seeds: number }[];
  /** Name of the size of the data sweep and its shorter step counts. */
  dataSize: string;
  dataSteps: number[];
  /** Steps of the two check runs (the two smallest sizes, seed 0). */
  checkSteps: number;
  vocabSize: number;
}

/**
 * The list of runs: every size × seed at `steps`, the data sweep (seed 0 of `dataSize` at each of
 * `dataSteps`), and the two check runs.
 *
 * @throws {RangeError} if `dataSize` is not among the sizes.
 */
export function sweepPlan(o: PlanOptions): RunSpec[] {
  const runs: RunSpec[] = [];
  const model = (s: SweepSize): ModelConfig => ({
    vocabSize: o.vocabSize,
    context: CONTEXT,
    width: s.width,
    layers: s.layers,
    heads: s.heads,
  });
  const evalEvery = (steps: number) => Math.max(1, Math.round(steps / 12));
  for (const { size, seeds } of o.sizes) {
    for (let seed = 0; seed < seeds; seed++) {
      runs.push({
        id: `${size.name}-s${seed}`,
        kind: "size",
        model: model(size),
        train: sweepTrainConfig(size.width, o.steps, seed),
        evalEvery: evalEvery(o.steps),
      });
    }
  }
  const ds = o.sizes.find((s) => s.size.name === o.dataSize);
  if (!ds) throw new RangeError(`\`dataSize\` must be one of the sizes, got ${o.dataSize}`);
  for (const steps of o.dataSteps) {
    runs.push({
      id: `${ds.size.name}-s0-t${steps}`,
      kind: "data",
      model: model(ds.size),
      train: sweepTrainConfig(ds.size.width, steps, 0),
      evalEvery: evalEvery(steps),
    });
  }
  for (const { size } of o.sizes.slice(0, 2)) {
    runs.push({
      id: `${size.name}-s0-check`,
      kind: "check",
      model: model(size),
      train: sweepTrainConfig(size.width, o.checkSteps, 0),
      evalEvery: Math.max(1, Math.round(o.checkSteps / 4)),
    });
  }
  return runs;
}

/** FLOPs of a run by the 6·N·tokens rule (N non-embedding; Kaplan et al. 2020, §2.1). */
export function runFlops(r: RunSpec): number {
  return 6 * nonEmbeddingParameters(r.model) * r.train.steps * r.train.batch * r.model.context;
}

/** One point of a loss curve. */
export interface CurvePoint {
  step: number;
  tokens: number;
  /** Mean training-batch loss over the steps since the previous point. */
  batchLoss: number;
  /** Loss on the curve's fixed training and validation windows. */
  trainLoss: number;
  valLoss: number;
}

/** The encoded corpus a run needs. */
export interface RunData {
  train: Uint8Array;
  trainByGenre: Map<string, Uint8Array>;
  validationByGenre: Map<string, Uint8Array>;
  vocab: string[];
}

/** Per-genre final losses of one split. */
export interface GenreLoss {
  genre: string;
  split: "train" | "validation";
  windows: number;
  mean: number;
  sd: number;
}

/** TwoNN estimate at one sample size (the neighbourhood scale grows as the sample thins). */
export interface TwoNNPoint {
  what: "representation" | "input";
  points: number;
  /** Facco et al.'s fit, the mean over the disjoint subsets of this size. */
  estimate: number;
  /** Maximum-likelihood estimate, the mean over the subsets. */
  mle: number;
  subsets: number;
}

/** Everything a run produces. */
export interface RunResult {
  id: string;
  N: number;
  params: number;
  trainLoss: number;
  valLoss: number;
  genres: GenreLoss[];
  curve: CurvePoint[];
  twonn: TwoNNPoint[];
  sample: string;
  /** The final parameters as base64 float32 (`floatsToBase64`) for seed 0 of a size run, else "". */
  weights: string;
}

/** Mean and standard deviation of an array. */
function meanSd(x: Float64Array): { mean: number; sd: number } {
  let s = 0;
  for (const v of x) s += v;
  const mean = s / x.length;
  let q = 0;
  for (const v of x) q += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(q / Math.max(1, x.length - 1)) };
}

/**
 * The fixed evaluation windows of a run: `perGenre` evenly spaced windows (`evalWindows`) of each
 * genre's text, genres in alphabetical order, as count × T token and target arrays.
 *
 * @example windowsOf(new Map([["b", new Uint8Array(9)], ["a", new Uint8Array(9)]]), 4, 2).genres; // => ["a", "b"]
 */
export function windowsOf(
  byGenre: Map<string, Uint8Array>,
  T: number,
  perGenre: number,
): { genres: string[]; tokens: Uint8Array; targets: Uint8Array } {
  const genres = [...byGenre.keys()].sort();
  const tokens = new Uint8Array(genres.length * perGenre * T), targets = new Uint8Array(tokens.length);
  genres.forEach((g, i) => {
    const w = evalWindows(byGenre.get(g)!, T, perGenre);
    tokens.set(w.tokens, i * perGenre * T);
    targets.set(w.targets, i * perGenre * T);
  });
  return { genres, tokens, targets };
}

function mean(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** TwoNN of rows at sample sizes n, n/2, n/4, n/8 (means over disjoint subsets, Facco et al.'s decimation). */
export function twoNNScales(points: Float64Array, dim: number, what: TwoNNPoint["what"], seed: number): TwoNNPoint[] {
  const n = points.length / dim;
  // a fixed random order, then disjoint consecutive blocks
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = new Random(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out: TwoNNPoint[] = [];
  for (const parts of [1, 2, 4, 8]) {
    const m = Math.floor(n / parts);
    if (m < 20) break;
    let est = 0, mle = 0;
    for (let p = 0; p < parts; p++) {
      const sub = new Float64Array(m * dim);
      for (let i = 0; i < m; i++) {
        sub.set(points.subarray(order[p * m + i] * dim, (order[p * m + i] + 1) * dim), i * dim);
      }
      const r = twoNN(sub, dim);
      est += r.estimate / parts;
      mle += r.mle / parts;
    }
    out.push({ what, points: m, estimate: est, mle, subsets: parts });
  }
  return out;
}

/** Distinct rows only (TwoNN needs distinct points), keyed by the windows' characters. */
function distinctWindows(tokens: Uint8Array, T: number, from: number): number[] {
  const seen = new Set<string>(), keep: number[] = [];
  for (let i = 0; i < tokens.length / T; i++) {
    const key = Array.from(tokens.subarray(i * T + from, (i + 1) * T)).join(",");
    if (!seen.has(key)) {
      seen.add(key);
      keep.push(i);
    }
  }
  return keep;
}

/**
 * Runs one sweep run from `state` (or from scratch), calling `onProgress` after every step and
 * `onCheckpoint` every `checkpointEvery` steps with what a checkpoint must hold.
 */
export function executeRun(
  spec: RunSpec,
  data: RunData,
  resume: { state: TrainerState; curve: CurvePoint[]; batchSum: number; batchCount: number } | null,
  onProgress: (step: number) => void,
  onCheckpoint: (c: { state: TrainerState; curve: CurvePoint[]; batchSum: number; batchCount: number }) => void,
  checkpointEvery: number,
): RunResult {
  const T = spec.model.context;
  const trainer = new Trainer(spec.model, spec.train, data.train);
  const curve: CurvePoint[] = resume ? resume.curve.slice() : [];
  let batchSum = resume?.batchSum ?? 0, batchCount = resume?.batchCount ?? 0;
  if (resume) trainer.restore(resume.state);
  const curveVal = windowsOf(data.validationByGenre, T, CURVE_WINDOWS_PER_GENRE);
  const curveTrain = windowsOf(data.trainByGenre, T, CURVE_WINDOWS_PER_GENRE);
  const tokensPerStep = spec.train.batch * T;
  while (trainer.stepsDone < spec.train.steps) {
    batchSum += trainer.step();
    batchCount++;
    const s = trainer.stepsDone;
    if (s % spec.evalEvery === 0 || s === spec.train.steps) {
      curve.push({
        step: s,
        tokens: s * tokensPerStep,
        batchLoss: batchSum / batchCount,
        trainLoss: mean(windowLosses(trainer.model, curveTrain.tokens, curveTrain.targets)),
        valLoss: mean(windowLosses(trainer.model, curveVal.tokens, curveVal.targets)),
      });
      batchSum = 0;
      batchCount = 0;
    }
    onProgress(s);
    if (s % checkpointEvery === 0 && s < spec.train.steps) {
      onCheckpoint({ state: trainer.state(), curve, batchSum, batchCount });
    }
  }
  const model = trainer.model;
  const genres: GenreLoss[] = [];
  const overall = { train: 0, validation: 0 };
  for (const [split, byGenre] of [["train", data.trainByGenre], ["validation", data.validationByGenre]] as const) {
    const w = windowsOf(byGenre, T, FINAL_WINDOWS_PER_GENRE);
    const losses = windowLosses(model, w.tokens, w.targets);
    overall[split] = mean(losses);
    w.genres.forEach((genre, i) => {
      const part = losses.subarray(i * FINAL_WINDOWS_PER_GENRE, (i + 1) * FINAL_WINDOWS_PER_GENRE);
      genres.push({ genre, split, windows: part.length, ...meanSd(part) });
    });
  }
  // representations: last position of evenly spaced validation windows over all genres
  let twonn: TwoNNPoint[] = [];
  if (spec.kind === "size") {
    const perGenre = Math.ceil(TWONN_POINTS / data.validationByGenre.size);
    const w = windowsOf(data.validationByGenre, T, perGenre);
    const keep = distinctWindows(w.tokens, T, 0);
    const keepIn = distinctWindows(w.tokens, T, T - INPUT_WINDOW);
    const C = spec.model.width, K = INPUT_WINDOW * C;
    const reps = new Float64Array(keep.length * C), inputs = new Float64Array(keepIn.length * K);
    const keepSet = new Set(keep), keepInSet = new Set(keepIn);
    const rowOf = new Map(keep.map((k, i) => [k, i])), rowInOf = new Map(keepIn.map((k, i) => [k, i]));
    const nWin = w.tokens.length / T;
    for (let start = 0; start < nWin; start += 32) {
      const B = Math.min(32, nWin - start);
      model.forward(w.tokens.subarray(start * T, (start + B) * T), null, B);
      const r = model.representations, e = model.embedded;
      for (let b = 0; b < B; b++) {
        const i = start + b;
        if (keepSet.has(i)) reps.set(r.subarray((b * T + T - 1) * C, (b * T + T) * C), rowOf.get(i)! * C);
        if (keepInSet.has(i)) {
          inputs.set(e.subarray((b * T + T - INPUT_WINDOW) * C, (b * T + T) * C), rowInOf.get(i)! * K);
        }
      }
    }
    twonn = [...twoNNScales(reps, C, "representation", 7), ...twoNNScales(inputs, K, "input", 7)];
  }
  let sample = "", weights = "";
  if (spec.kind === "size" && spec.train.seed === 0) {
    weights = floatsToBase64(model.params as Float32Array);
    const idx = new Map(data.vocab.map((c, i) => [c, i]));
    const prompt = new Uint8Array([...PROMPT].map((c) => idx.get(c)!));
    sample = [...generate(model, prompt, SAMPLE_LENGTH, SAMPLE_TEMPERATURE, SAMPLE_SEED)].map((i) => data.vocab[i])
      .join("");
  }
  return {
    id: spec.id,
    N: nonEmbeddingParameters(spec.model),
    params: parameterCount(spec.model),
    trainLoss: overall.train,
    valLoss: overall.validation,
    genres,
    curve,
    twonn,
    sample,
    weights,
  };
}
