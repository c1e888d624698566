/**
 * The non-matmul layers of the character transformer, forward and backward, written by hand over typed
 * arrays (after the structure of Karpathy's llm.c `train_gpt2.c`): token + position embedding, layer
 * normalisation, the tanh-approximated GELU, causal multi-head self-attention and softmax cross-entropy.
 * Every backward accumulates (`+=`) into its gradient arrays; the caller zeroes them once per step.
 *
 * Shapes use B (batch), T (positions), C (width), NH (heads), V (vocabulary); arrays are row-major.
 *
 * @module
 */
import type { Vec } from "./matmul";
import { causalSoftmaxRow } from "./_softmax";
import {
  wasmAttentionBackward,
  wasmAttentionBackward32,
  wasmAttentionForward,
  wasmAttentionForward32,
} from "./_attention_wasm";
import { wasmGelu32, wasmGeluBackward32 } from "../_wasm";
import { expf, GELUF, tanhf } from "./_f32math";

const f = Math.fround;

/** ε of the layer normalisation (PyTorch's default). */
export const LN_EPS = 1e-5;

/**
 * out[b, t, :] = wte[tokens[b, t], :] + wpe[t, :].
 *
 * @example
 * const out = new Float64Array(2);
 * encoderForward(out, new Uint8Array([1]), new Float64Array([0, 0, 1, 2]), new Float64Array([10, 20]), 1, 1, 2);
 * Array.from(out); // => [11, 22]
 */
export function encoderForward(
  out: Vec,
  tokens: Uint8Array,
  wte: Vec,
  wpe: Vec,
  B: number,
  T: number,
  C: number,
): void {
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const o = (b * T + t) * C, e = tokens[b * T + t] * C, p = t * C;
      for (let c = 0; c < C; c++) out[o + c] = wte[e + c] + wpe[p + c];
    }
  }
}

/** Backward of {@link encoderForward}: dwte[token] += dout, dwpe[t] += dout. */
export function encoderBackward(
  dwte: Vec,
  dwpe: Vec,
  dout: Vec,
  tokens: Uint8Array,
  B: number,
  T: number,
  C: number,
): void {
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const o = (b * T + t) * C, e = tokens[b * T + t] * C, p = t * C;
      for (let c = 0; c < C; c++) {
        const d = dout[o + c];
        dwte[e + c] += d;
        dwpe[p + c] += d;
      }
    }
  }
}

/**
 * Layer normalisation over the last axis: out = (x − mean)/√(var + ε) · w + b (biased variance), for
 * `rows` rows of width C; stores each row's mean and 1/√(var + ε) for the backward.
 *
 * @example
 * const out = new Float64Array(2), m = new Float64Array(1), s = new Float64Array(1);
 * layernormForward(out, m, s, new Float64Array([1, 3]), new Float64Array([1, 1]), new Float64Array([0, 0]), 1, 2);
 * Array.from(out).map((v) => Math.round(v * 1e4) / 1e4); // => [-1, 1]
 */
export function layernormForward(
  out: Vec,
  mean: Vec,
  rstd: Vec,
  inp: Vec,
  w: Vec,
  bias: Vec,
  rows: number,
  C: number,
): void {
  for (let r = 0; r < rows; r++) {
    const x = r * C;
    let m = 0;
    for (let c = 0; c < C; c++) m += inp[x + c];
    m /= C;
    let v = 0;
    for (let c = 0; c < C; c++) {
      const d = inp[x + c] - m;
      v += d * d;
    }
    v /= C;
    const s = 1 / Math.sqrt(v + LN_EPS);
    for (let c = 0; c < C; c++) out[x + c] = (inp[x + c] - m) * s * w[c] + bias[c];
    mean[r] = m;
    rstd[r] = s;
  }
}

/** Backward of {@link layernormForward} (accumulates dinp, dw, dbias). */
export function layernormBackward(
  dinp: Vec,
  dw: Vec,
  dbias: Vec,
  dout: Vec,
  inp: Vec,
  w: Vec,
  mean: Vec,
  rstd: Vec,
  rows: number,
  C: number,
): void {
  for (let r = 0; r < rows; r++) {
    const x = r * C, m = mean[r], s = rstd[r];
    let dnormMean = 0, dnormNormMean = 0;
    for (let c = 0; c < C; c++) {
      const norm = (inp[x + c] - m) * s;
      const dnorm = w[c] * dout[x + c];
      dnormMean += dnorm;
      dnormNormMean += dnorm * norm;
    }
    dnormMean /= C;
    dnormNormMean /= C;
    for (let c = 0; c < C; c++) {
      const norm = (inp[x + c] - m) * s;
      const d = dout[x + c];
      dbias[c] += d;
      dw[c] += norm * d;
      dinp[x + c] += (w[c] * d - dnormMean - norm * dnormNormMean) * s;
    }
  }
}

const GELU_SCALE = Math.sqrt(2 / Math.PI);

/**
 * GELU, tanh approximation (Hendrycks & Gimpel 2016): 0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³))). With
 * `tanhOut`, each tanh is kept there (exactly as computed) for {@link geluBackward}, which then need
 * not compute it again. On Float32Arrays (`tanhOut` one too, or null), every operation is a float32
 * one, the tanh and exp those of `_f32math.ts` (the same bits in every engine; the WebAssembly kernel
 * `gelu32` computes the same); otherwise double precision with `Math.tanh`.
 *
 * @example
 * const out = new Float64Array(1);
 * geluForward(out, new Float64Array([0]), 1);
 * out[0]; // => 0
 */
export function geluForward(out: Vec, inp: Vec, n: number, tanhOut: Vec | null = null): void {
  if (out instanceof Float32Array && inp instanceof Float32Array && !(tanhOut instanceof Float64Array)) {
    const from = wasmGelu32(out, inp, tanhOut, n) ? n - (n % 4) : 0;
    for (let i = from; i < n; i++) {
      const x = inp[i], th = geluTanh32(x);
      if (tanhOut) tanhOut[i] = th;
      out[i] = f(0.5 * x) * f(1 + th);
    }
    return;
  }
  if (tanhOut) {
    for (let i = 0; i < n; i++) {
      const x = inp[i];
      const th = Math.tanh(GELU_SCALE * (x + 0.044715 * x * x * x));
      tanhOut[i] = th;
      out[i] = 0.5 * x * (1 + th);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const x = inp[i];
    out[i] = 0.5 * x * (1 + Math.tanh(GELU_SCALE * (x + 0.044715 * x * x * x)));
  }
}

/**
 * Backward of {@link geluForward}: dinp += gelu′(x) · dout; with `tanhs` (the forward's `tanhOut` for
 * the same input) the tanh values are read instead of computed: the same numbers. In float32 (all
 * Float32Arrays, `tanhs` one too or null) g = ½(1 + th) + (((½x)(1 − th²))·√(2/π))(1 + 3·0.044715·x²), each operation rounded.
 */
export function geluBackward(dinp: Vec, inp: Vec, dout: Vec, n: number, tanhs: Vec | null = null): void {
  if (
    dinp instanceof Float32Array && inp instanceof Float32Array && dout instanceof Float32Array &&
    !(tanhs instanceof Float64Array)
  ) {
    const from = wasmGeluBackward32(dinp, inp, tanhs, dout, n) ? n - (n % 4) : 0;
    for (let i = from; i < n; i++) {
      const x = inp[i], th = tanhs ? tanhs[i] : geluTanh32(x);
      const sech2 = f(1 - f(th * th));
      const g = f(f(0.5 * f(1 + th)) + f(f(f(f(0.5 * x) * sech2) * GELUF.scale) * f(1 + f(f(GELUF.k3 * x) * x))));
      dinp[i] += f(g * dout[i]);
    }
    return;
  }
  if (tanhs) {
    for (let i = 0; i < n; i++) dinp[i] += geluGrad(inp[i], tanhs[i]) * dout[i];
    return;
  }
  for (let i = 0; i < n; i++) {
    const x = inp[i];
    dinp[i] += geluGrad(x, Math.tanh(GELU_SCALE * (x + 0.044715 * x * x * x))) * dout[i];
  }
}

/** tanh(√(2/π)(x + 0.044715 x³)) in float32 arithmetic, the kernel `gelu32`'s. */
function geluTanh32(x: number): number {
  return tanhf(f(GELUF.scale * f(x + f(f(f(GELUF.k * x) * x) * x))));
}

/** gelu′(x) from x and th = tanh(√(2/π)(x + 0.044715 x³)). */
function geluGrad(x: number, th: number): number {
  const sech2 = 1 - th * th;
  return 0.5 * (1 + th) + 0.5 * x * sech2 * GELU_SCALE * (1 + 3 * 0.044715 * x * x);
}

/**
 * Causal multi-head self-attention on packed qkv (B, T, 3C: queries, keys, values, each split into NH
 * heads of C/NH): att[b, h, t, t′] = softmax_{t′ ≤ t}(q_t · k_{t′} / √(C/NH)), out[b, t, h] = Σ att v.
 * Stores the attention weights `att` (B, NH, T, T; zero above the diagonal) for the backward. Where
 * WebAssembly SIMD runs, the products and weighted sums run in `_attention_wasm.ts`, bit for bit these
 * loops' results.
 *
 * @example
 * // one head, one position: the output is the value
 * const out = new Float64Array(1), att = new Float64Array(1);
 * attentionForward(out, att, new Float64Array([1, 2, 5]), 1, 1, 1, 1);
 * out[0]; // => 5
 */
export function attentionForward(out: Vec, att: Vec, qkv: Vec, B: number, T: number, C: number, NH: number): void {
  if (out instanceof Float32Array && att instanceof Float32Array && qkv instanceof Float32Array) {
    if (!wasmAttentionForward32(out, att, qkv, B, T, C, NH)) attentionForward32(out, att, qkv, B, T, C, NH);
    return;
  }
  if (wasmAttentionForward(out, att, qkv, B, T, C, NH)) return;
  const hs = C / NH, C3 = 3 * C, scale = 1 / Math.sqrt(hs);
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      for (let t = 0; t < T; t++) {
        const q = (b * T + t) * C3 + h * hs;
        const a = ((b * NH + h) * T + t) * T;
        let max = -Infinity;
        for (let t2 = 0; t2 <= t; t2++) {
          const k = (b * T + t2) * C3 + C + h * hs;
          let dot = 0;
          for (let i = 0; i < hs; i++) dot += qkv[q + i] * qkv[k + i];
          dot *= scale;
          att[a + t2] = dot;
          if (dot > max) max = dot;
        }
        causalSoftmaxRow(att, a, t, T, max);
        const o = (b * T + t) * C + h * hs;
        for (let i = 0; i < hs; i++) out[o + i] = 0;
        for (let t2 = 0; t2 <= t; t2++) {
          const v = (b * T + t2) * C3 + 2 * C + h * hs, w = att[a + t2];
          for (let i = 0; i < hs; i++) out[o + i] += w * qkv[v + i];
        }
      }
    }
  }
}

/**
 * Backward of {@link attentionForward}: accumulates dqkv from dout, using the stored weights.
 * `scratch` must hold at least T values.
 */
export function attentionBackward(
  dqkv: Vec,
  dout: Vec,
  qkv: Vec,
  att: Vec,
  scratch: Vec,
  B: number,
  T: number,
  C: number,
  NH: number,
): void {
  if (
    dqkv instanceof Float32Array && dout instanceof Float32Array && qkv instanceof Float32Array &&
    att instanceof Float32Array
  ) {
    if (!wasmAttentionBackward32(dqkv, dout, qkv, att, B, T, C, NH)) {
      attentionBackward32(dqkv, dout, qkv, att, B, T, C, NH);
    }
    return;
  }
  if (wasmAttentionBackward(dqkv, dout, qkv, att, scratch, B, T, C, NH)) return;
  const hs = C / NH, C3 = 3 * C, scale = 1 / Math.sqrt(hs);
  const datt = scratch;
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      for (let t = 0; t < T; t++) {
        const a = ((b * NH + h) * T + t) * T;
        const o = (b * T + t) * C + h * hs;
        // out = Σ att v: gradients into att and v
        let dot = 0;
        for (let t2 = 0; t2 <= t; t2++) {
          const v = (b * T + t2) * C3 + 2 * C + h * hs, w = att[a + t2];
          let d = 0;
          for (let i = 0; i < hs; i++) {
            const g = dout[o + i];
            d += qkv[v + i] * g;
            dqkv[v + i] += w * g;
          }
          datt[t2] = d;
          dot += w * d;
        }
        // softmax: dpre = att (datt − Σ att datt); then the scaled q·k product
        const q = (b * T + t) * C3 + h * hs;
        for (let t2 = 0; t2 <= t; t2++) {
          const dpre = att[a + t2] * (datt[t2] - dot) * scale;
          const k = (b * T + t2) * C3 + C + h * hs;
          for (let i = 0; i < hs; i++) {
            dqkv[q + i] += qkv[k + i] * dpre;
            dqkv[k + i] += qkv[q + i] * dpre;
          }
        }
      }
    }
  }
}

/**
 * {@link attentionForward} in float32 arithmetic (every operation rounded to float32, `expf` for the
 * exponentials), in the order of the WebAssembly kernels `gemm32` and `softmax32`: the score of t and u
 * is (Σ_i q_t,i·k_u,i from +0, i increasing) + 0, times scale = fl(1/√hs); the maximum m over u ≤ t,
 * e_u = expf(d_u − m), the sum of e_u from +0, the weights e_u·(1/sum) and +0 above the diagonal; the
 * output (Σ_u att_t,u·v_u,i over every u < T from +0) + 0.
 */
function attentionForward32(
  out: Float32Array,
  att: Float32Array,
  qkv: Float32Array,
  B: number,
  T: number,
  C: number,
  NH: number,
): void {
  const hs = C / NH, C3 = 3 * C, scale = f(1 / Math.sqrt(hs));
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      for (let t = 0; t < T; t++) {
        const q = (b * T + t) * C3 + h * hs, a = ((b * NH + h) * T + t) * T;
        let m = -Infinity;
        for (let u = 0; u <= t; u++) {
          const k = (b * T + u) * C3 + C + h * hs;
          let dot = 0;
          for (let i = 0; i < hs; i++) dot = f(dot + f(qkv[q + i] * qkv[k + i]));
          const d = f(f(dot + 0) * scale);
          att[a + u] = d;
          if (d > m) m = d;
        }
        let sum = 0;
        for (let u = 0; u <= t; u++) {
          const e = expf(f(att[a + u] - m));
          att[a + u] = e;
          sum = f(sum + e);
        }
        const inv = f(1 / sum);
        for (let u = 0; u <= t; u++) att[a + u] = f(att[a + u] * inv);
        for (let u = t + 1; u < T; u++) att[a + u] = 0;
      }
      for (let t = 0; t < T; t++) {
        const o = (b * T + t) * C + h * hs, a = ((b * NH + h) * T + t) * T;
        for (let i = 0; i < hs; i++) {
          let s = 0;
          for (let u = 0; u < T; u++) s = f(s + f(att[a + u] * qkv[(b * T + u) * C3 + 2 * C + h * hs + i]));
          out[o + i] = f(s + 0);
        }
      }
    }
  }
}

/**
 * {@link attentionBackward} in float32 arithmetic, in the order of the WebAssembly kernels: dA_t,u =
 * (Σ_i dout_t,i·v_u,i) + 0 for every u; dot = Σ_{u ≤ t} att·dA from +0, P_t,u = (att·(dA − dot))·scale for
 * u ≤ t and +0 above; then dv_u,i, dq_t,i and dk_u,i each add their products one at a time, over every t
 * (or u) < T in increasing order, to the value they held (the weights above the diagonal are +0).
 */
function attentionBackward32(
  dqkv: Float32Array,
  dout: Float32Array,
  qkv: Float32Array,
  att: Float32Array,
  B: number,
  T: number,
  C: number,
  NH: number,
): void {
  const hs = C / NH, C3 = 3 * C, scale = f(1 / Math.sqrt(hs));
  const P = new Float32Array(T * T), dA = new Float32Array(T * T);
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      const A = (b * NH + h) * T * T, row = (t: number) => (b * T + t) * C3 + h * hs;
      for (let t = 0; t < T; t++) {
        const y = (b * T + t) * C + h * hs;
        for (let u = 0; u < T; u++) {
          let s = 0;
          for (let i = 0; i < hs; i++) s = f(s + f(dout[y + i] * qkv[row(u) + 2 * C + i]));
          dA[t * T + u] = f(s + 0);
        }
        let dot = 0;
        for (let u = 0; u <= t; u++) dot = f(dot + f(att[A + t * T + u] * dA[t * T + u]));
        for (let u = 0; u < T; u++) {
          P[t * T + u] = u <= t ? f(f(att[A + t * T + u] * f(dA[t * T + u] - dot)) * scale) : 0;
        }
      }
      for (let i = 0; i < hs; i++) {
        for (let u = 0; u < T; u++) {
          // dv_u += Σ_t att_t,u dout_t
          let v = dqkv[row(u) + 2 * C + i];
          for (let t = 0; t < T; t++) v = f(v + f(att[A + t * T + u] * dout[(b * T + t) * C + h * hs + i]));
          dqkv[row(u) + 2 * C + i] = v;
          // dk_u += Σ_t P_t,u q_t
          let k = dqkv[row(u) + C + i];
          for (let t = 0; t < T; t++) k = f(k + f(P[t * T + u] * qkv[row(t) + i]));
          dqkv[row(u) + C + i] = k;
        }
        for (let t = 0; t < T; t++) {
          // dq_t += Σ_u P_t,u k_u
          let q = dqkv[row(t) + i];
          for (let u = 0; u < T; u++) q = f(q + f(P[t * T + u] * qkv[row(u) + C + i]));
          dqkv[row(t) + i] = q;
        }
      }
    }
  }
}

/**
 * Softmax over the vocabulary and cross-entropy against targets: probs (rows, V) and losses[r] =
 * −ln probs[r, target[r]] (nats). Numerically stable (max subtracted).
 *
 * @example
 * const p = new Float64Array(2), l = new Float64Array(1);
 * crossEntropyForward(p, l, new Float64Array([0, 0]), new Uint8Array([1]), 1, 2);
 * l[0]; // => ≈ 0.693147 (ln 2)
 */
export function crossEntropyForward(
  probs: Vec,
  losses: Vec,
  logits: Vec,
  targets: Uint8Array | null,
  rows: number,
  V: number,
): void {
  for (let r = 0; r < rows; r++) {
    const x = r * V;
    let max = -Infinity;
    for (let v = 0; v < V; v++) if (logits[x + v] > max) max = logits[x + v];
    let sum = 0;
    for (let v = 0; v < V; v++) {
      const e = Math.exp(logits[x + v] - max);
      probs[x + v] = e;
      sum += e;
    }
    for (let v = 0; v < V; v++) probs[x + v] /= sum;
    if (targets) losses[r] = -(logits[x + targets[r]] - max - Math.log(sum));
  }
}

/** Backward of the mean cross-entropy over `rows`: dlogits = (probs − onehot(target)) · scale. */
export function crossEntropyBackward(
  dlogits: Vec,
  probs: Vec,
  targets: Uint8Array,
  rows: number,
  V: number,
  scale: number,
): void {
  for (let r = 0; r < rows; r++) {
    const x = r * V;
    for (let v = 0; v < V; v++) dlogits[x + v] += probs[x + v] * scale;
    dlogits[x + targets[r]] -= scale;
  }
}
