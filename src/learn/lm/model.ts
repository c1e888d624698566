/**
 * A decoder-only character transformer (GPT-2's block: pre-norm, causal multi-head attention, a 4×
 * GELU MLP, residual connections; learned position embeddings; output tied to the token embedding),
 * with its forward and backward pass written by hand over one flat parameter array.
 *
 * Precision: `float32` (training, as PyTorch trains on a CPU: `Float32Array` storage, and float32
 * arithmetic in the dense products, the attention and the GELU, whose exp and tanh are the project's
 * own, `_f32math.ts`; the layer norms, the cross-entropy and AdamW compute in double precision and
 * store floats) or `float64` (the gradient checks). Everything is sequential and seeded, so a run is
 * reproducible bit for bit; the engine's `Math.exp` (cross-entropy), `Math.cos` and `**` (the schedule,
 * AdamW's bias correction) and `Math.log` (the seeded initialisation) are what still ties the bits to one
 * JavaScript engine.
 *
 * @module
 */
import { Random } from "../../stats/random";
import { type ModelConfig, parameterCount, requireModelConfig } from "./config";
import {
  attentionBackward,
  attentionForward,
  crossEntropyBackward,
  crossEntropyForward,
  encoderBackward,
  encoderForward,
  geluBackward,
  geluForward,
  layernormBackward,
  layernormForward,
} from "./layers";
import { matmulBackward, matmulForward, type Vec } from "./matmul";

/** Floating-point precision of a model's arrays. */
export type Precision = "float32" | "float64";

/** Views of one block's parameters (or gradients) into the flat array. */
export interface BlockTensors {
  ln1w: Vec;
  ln1b: Vec;
  qkvw: Vec;
  qkvb: Vec;
  projw: Vec;
  projb: Vec;
  ln2w: Vec;
  ln2b: Vec;
  fcw: Vec;
  fcb: Vec;
  fc2w: Vec;
  fc2b: Vec;
}

/** Views of all parameters (or gradients). */
export interface ModelTensors {
  wte: Vec;
  wpe: Vec;
  blocks: BlockTensors[];
  lnfw: Vec;
  lnfb: Vec;
}

/** Names and shapes of the parameter tensors in storage order (for checkpoints and weight decay). */
export function tensorShapes(c: ModelConfig): { name: string; shape: number[] }[] {
  const C = c.width;
  const out = [{ name: "wte", shape: [c.vocabSize, C] }, { name: "wpe", shape: [c.context, C] }];
  for (let l = 0; l < c.layers; l++) {
    out.push(
      { name: `h${l}.ln1w`, shape: [C] },
      { name: `h${l}.ln1b`, shape: [C] },
      { name: `h${l}.qkvw`, shape: [3 * C, C] },
      { name: `h${l}.qkvb`, shape: [3 * C] },
      { name: `h${l}.projw`, shape: [C, C] },
      { name: `h${l}.projb`, shape: [C] },
      { name: `h${l}.ln2w`, shape: [C] },
      { name: `h${l}.ln2b`, shape: [C] },
      { name: `h${l}.fcw`, shape: [4 * C, C] },
      { name: `h${l}.fcb`, shape: [4 * C] },
      { name: `h${l}.fc2w`, shape: [C, 4 * C] },
      { name: `h${l}.fc2b`, shape: [C] },
    );
  }
  out.push({ name: "lnfw", shape: [C] }, { name: "lnfb", shape: [C] });
  return out;
}

function views(flat: Vec, c: ModelConfig): ModelTensors {
  let off = 0;
  const take = (n: number) => {
    const v = flat.subarray(off, off + n);
    off += n;
    return v;
  };
  const C = c.width;
  const wte = take(c.vocabSize * C), wpe = take(c.context * C);
  const blocks: BlockTensors[] = [];
  for (let l = 0; l < c.layers; l++) {
    blocks.push({
      ln1w: take(C),
      ln1b: take(C),
      qkvw: take(3 * C * C),
      qkvb: take(3 * C),
      projw: take(C * C),
      projb: take(C),
      ln2w: take(C),
      ln2b: take(C),
      fcw: take(4 * C * C),
      fcb: take(4 * C),
      fc2w: take(4 * C * C),
      fc2b: take(C),
    });
  }
  const lnfw = take(C), lnfb = take(C);
  return { wte, wpe, blocks, lnfw, lnfb };
}

interface BlockActs {
  ln1: Vec;
  ln1m: Vec;
  ln1r: Vec;
  qkv: Vec;
  atty: Vec;
  att: Vec;
  proj: Vec;
  res2: Vec;
  ln2: Vec;
  ln2m: Vec;
  ln2r: Vec;
  fch: Vec;
  fchg: Vec;
  /** The GELU's tanh values, kept for the backward. */
  fcht: Vec;
  fc2: Vec;
  res3: Vec;
}

interface Acts {
  B: number;
  encoded: Vec;
  blocks: BlockActs[];
  lnf: Vec;
  lnfm: Vec;
  lnfr: Vec;
  logits: Vec;
  probs: Vec;
  losses: Vec;
}

/**
 * The model: parameters, gradients, activations for the last forward pass.
 *
 * @example
 * const m = new CharTransformer({ vocabSize: 4, context: 4, width: 8, layers: 1, heads: 2 }, "float64");
 * m.init(1);
 * m.forward(new Uint8Array([0, 1, 2, 3]), new Uint8Array([1, 2, 3, 0]), 1) > 0; // => true
 */
export class CharTransformer {
  readonly config: ModelConfig;
  readonly precision: Precision;
  /** All parameters, in {@link tensorShapes} order. */
  readonly params: Vec;
  /** Gradients of the mean loss of the last {@link backward}, same layout. */
  readonly grads: Vec;
  readonly p: ModelTensors;
  readonly g: ModelTensors;
  #acts: Acts | undefined;
  #grad: Acts | undefined;
  #tokens: Uint8Array | undefined;
  #targets: Uint8Array | null = null;
  #scratch: Vec;

  /** @throws {RangeError} on an invalid configuration. */
  constructor(config: ModelConfig, precision: Precision = "float32") {
    this.config = requireModelConfig({ ...config });
    if (precision !== "float32" && precision !== "float64") {
      throw new RangeError(`\`precision\` must be "float32" or "float64", got ${JSON.stringify(precision)}`);
    }
    this.precision = precision;
    const n = parameterCount(config);
    this.params = this.#alloc(n);
    this.grads = this.#alloc(n);
    this.p = views(this.params, config);
    this.g = views(this.grads, config);
    this.#scratch = this.#alloc(config.context);
  }

  #alloc(n: number): Vec {
    return this.precision === "float32" ? new Float32Array(n) : new Float64Array(n);
  }

  /**
   * GPT-2 initialisation, seeded: weights N(0, 0.02²), the two residual projections N(0, (0.02/√(2L))²),
   * biases 0, layer-norm gains 1.
   */
  init(seed: number): void {
    const rng = new Random(seed);
    const c = this.config, std = 0.02, resid = 0.02 / Math.sqrt(2 * c.layers);
    const fill = (v: Vec, s: number) => {
      for (let i = 0; i < v.length; i++) v[i] = s * rng.normal();
    };
    fill(this.p.wte, std);
    fill(this.p.wpe, std);
    for (const b of this.p.blocks) {
      b.ln1w.fill(1);
      b.ln1b.fill(0);
      b.ln2w.fill(1);
      b.ln2b.fill(0);
      fill(b.qkvw, std);
      b.qkvb.fill(0);
      fill(b.projw, resid);
      b.projb.fill(0);
      fill(b.fcw, std);
      b.fcb.fill(0);
      fill(b.fc2w, resid);
      b.fc2b.fill(0);
    }
    this.p.lnfw.fill(1);
    this.p.lnfb.fill(0);
  }

  /** The activations of a batch of B (`grad`: their gradients, which have no use for the tanh values). */
  #makeActs(B: number, grad = false): Acts {
    const { context: T, width: C, layers: L, heads: NH, vocabSize: V } = this.config;
    const BT = B * T, a = (n: number) => this.#alloc(n);
    const blocks: BlockActs[] = [];
    for (let l = 0; l < L; l++) {
      blocks.push({
        ln1: a(BT * C),
        ln1m: a(BT),
        ln1r: a(BT),
        qkv: a(BT * 3 * C),
        atty: a(BT * C),
        att: a(B * NH * T * T),
        proj: a(BT * C),
        res2: a(BT * C),
        ln2: a(BT * C),
        ln2m: a(BT),
        ln2r: a(BT),
        fch: a(BT * 4 * C),
        fchg: a(BT * 4 * C),
        fcht: a(grad ? 0 : BT * 4 * C),
        fc2: a(BT * C),
        res3: a(BT * C),
      });
    }
    return {
      B,
      encoded: a(BT * C),
      blocks,
      lnf: a(BT * C),
      lnfm: a(BT),
      lnfr: a(BT),
      logits: a(BT * V),
      probs: a(BT * V),
      losses: a(BT),
    };
  }

  /**
   * Forward pass over B sequences of T token ids (row-major B × T). With targets (same shape) returns
   * the mean cross-entropy in nats per character and keeps what the backward needs; without, returns NaN
   * and leaves the next-token probabilities in {@link probabilities}.
   *
   * @throws {RangeError} if the arrays do not hold B·T ids or an id is outside the vocabulary.
   */
  forward(tokens: Uint8Array, targets: Uint8Array | null, B: number): number {
    const { context: T, width: C, heads: NH, vocabSize: V } = this.config;
    const BT = B * T;
    if (!(tokens instanceof Uint8Array) || tokens.length !== BT) {
      throw new RangeError(`\`tokens\` must be a Uint8Array of B·T = ${BT} ids, got length ${tokens?.length}`);
    }
    if (targets !== null && (!(targets instanceof Uint8Array) || targets.length !== BT)) {
      throw new RangeError(`\`targets\` must be null or a Uint8Array of ${BT} ids, got length ${targets?.length}`);
    }
    for (let i = 0; i < BT; i++) {
      if (tokens[i] >= V || (targets !== null && targets[i] >= V)) {
        throw new RangeError(`token ids must be in [0, ${V}), got ${Math.max(tokens[i], targets?.[i] ?? 0)}`);
      }
    }
    if (this.#acts?.B !== B) this.#acts = this.#makeActs(B);
    const A = this.#acts, P = this.p;
    this.#tokens = tokens;
    this.#targets = targets;
    encoderForward(A.encoded, tokens, P.wte, P.wpe, B, T, C);
    let x = A.encoded;
    for (let l = 0; l < this.config.layers; l++) {
      const w = P.blocks[l], a = A.blocks[l];
      layernormForward(a.ln1, a.ln1m, a.ln1r, x, w.ln1w, w.ln1b, BT, C);
      matmulForward(a.qkv, a.ln1, w.qkvw, w.qkvb, BT, C, 3 * C);
      attentionForward(a.atty, a.att, a.qkv, B, T, C, NH);
      matmulForward(a.proj, a.atty, w.projw, w.projb, BT, C, C);
      for (let i = 0; i < BT * C; i++) a.res2[i] = x[i] + a.proj[i];
      layernormForward(a.ln2, a.ln2m, a.ln2r, a.res2, w.ln2w, w.ln2b, BT, C);
      matmulForward(a.fch, a.ln2, w.fcw, w.fcb, BT, C, 4 * C);
      geluForward(a.fchg, a.fch, BT * 4 * C, a.fcht);
      matmulForward(a.fc2, a.fchg, w.fc2w, w.fc2b, BT, 4 * C, C);
      for (let i = 0; i < BT * C; i++) a.res3[i] = a.res2[i] + a.fc2[i];
      x = a.res3;
    }
    layernormForward(A.lnf, A.lnfm, A.lnfr, x, P.lnfw, P.lnfb, BT, C);
    matmulForward(A.logits, A.lnf, P.wte, null, BT, C, V);
    crossEntropyForward(A.probs, A.losses, A.logits, targets, BT, V);
    if (targets === null) return NaN;
    let sum = 0;
    for (let i = 0; i < BT; i++) sum += A.losses[i];
    return sum / BT;
  }

  /** Per-position losses (nats) of the last forward with targets, B × T. */
  get losses(): Vec {
    if (!this.#acts) throw new RangeError("`forward` must run before `losses` is read");
    return this.#acts.losses;
  }

  /** Next-token probabilities of the last forward, B × T × V. */
  get probabilities(): Vec {
    if (!this.#acts) throw new RangeError("`forward` must run before `probabilities` is read");
    return this.#acts.probs;
  }

  /** Residual stream after the last block (the final-layer representation before the final norm), B × T × C. */
  get representations(): Vec {
    if (!this.#acts) throw new RangeError("`forward` must run before `representations` is read");
    return this.#acts.blocks[this.config.layers - 1].res3;
  }

  /** Token + position embeddings of the last forward (the input as the model sees it), B × T × C. */
  get embedded(): Vec {
    if (!this.#acts) throw new RangeError("`forward` must run before `embedded` is read");
    return this.#acts.encoded;
  }

  /**
   * Backward pass of the mean loss of the last forward (which must have had targets): overwrites
   * {@link grads}.
   *
   * @throws {RangeError} if the last forward had no targets.
   */
  backward(): void {
    const A = this.#acts, targets = this.#targets, tokens = this.#tokens;
    if (!A || !targets || !tokens) throw new RangeError("`backward` needs a preceding `forward` with targets");
    const { context: T, width: C, heads: NH, vocabSize: V, layers: L } = this.config;
    const B = A.B, BT = B * T;
    if (this.#grad?.B !== B) this.#grad = this.#makeActs(B, true);
    const G = this.#grad, P = this.p, g = this.g;
    this.grads.fill(0);
    // zero the activation gradients that are accumulated into (the products' dinp overwrite theirs)
    G.logits.fill(0);
    G.encoded.fill(0);
    for (const b of G.blocks) {
      b.qkv.fill(0);
      b.res2.fill(0);
      b.fch.fill(0);
      b.res3.fill(0);
    }
    crossEntropyBackward(G.logits, A.probs, targets, BT, V, 1 / BT);
    matmulBackward(G.lnf, g.wte, null, G.logits, A.lnf, P.wte, BT, C, V, true);
    const last = L > 0 ? A.blocks[L - 1].res3 : A.encoded;
    const dlast = G.blocks[L - 1].res3;
    layernormBackward(dlast, g.lnfw, g.lnfb, G.lnf, last, P.lnfw, A.lnfm, A.lnfr, BT, C);
    for (let l = L - 1; l >= 0; l--) {
      const w = P.blocks[l], gw = g.blocks[l], a = A.blocks[l], d = G.blocks[l];
      const x = l === 0 ? A.encoded : A.blocks[l - 1].res3;
      const dx = l === 0 ? G.encoded : G.blocks[l - 1].res3;
      // res3 = res2 + fc2: the gradient flows to both
      for (let i = 0; i < BT * C; i++) d.res2[i] += d.res3[i];
      matmulBackward(d.fchg, gw.fc2w, gw.fc2b, d.res3, a.fchg, w.fc2w, BT, 4 * C, C, true);
      geluBackward(d.fch, a.fch, d.fchg, BT * 4 * C, a.fcht);
      matmulBackward(d.ln2, gw.fcw, gw.fcb, d.fch, a.ln2, w.fcw, BT, C, 4 * C, true);
      layernormBackward(d.res2, gw.ln2w, gw.ln2b, d.ln2, a.res2, w.ln2w, a.ln2m, a.ln2r, BT, C);
      // res2 = x + proj
      for (let i = 0; i < BT * C; i++) dx[i] += d.res2[i];
      matmulBackward(d.atty, gw.projw, gw.projb, d.res2, a.atty, w.projw, BT, C, C, true);
      attentionBackward(d.qkv, d.atty, a.qkv, a.att, this.#scratch, B, T, C, NH);
      matmulBackward(d.ln1, gw.qkvw, gw.qkvb, d.qkv, a.ln1, w.qkvw, BT, C, 3 * C, true);
      layernormBackward(dx, gw.ln1w, gw.ln1b, d.ln1, x, w.ln1w, a.ln1m, a.ln1r, BT, C);
    }
    encoderBackward(g.wte, g.wpe, G.encoded, tokens, B, T, C);
  }
}
