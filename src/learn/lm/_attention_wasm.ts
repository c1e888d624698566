/**
 * The attention of `layers.ts` in the WebAssembly kernels (`src/learn/_wasm.ts`): every number is
 * computed by the same operations in the same order as the loops of `layers.ts`
 * (tests/learn/lm/_attention_wasm.test.ts compares them bit for bit). Two arithmetics, as there.
 *
 * Double precision (Float64Array operands: the gradient checks), the softmax's exponentials by the
 * engine's own `Math.exp` imported into the module. Per batch row b and head h: the scores Q·Kᵀ by the
 * product kernel (each a sum over the head's channels from +0, as the loops' `dot`; only the tiles of
 * the causal lower triangle), the softmax row by row by `softmaxRows`, and the weighted sums Σ att·v by
 * `weighted` (causal: each row's own range); the backward likewise (dOut·Vᵀ, then the softmax's gradient by `softmaxGrad`, then
 * three weighted sums for dv, dq and dk, each over the range and in the order the loops add, the
 * anti-causal ones reading the weights by columns instead of a transposed copy).
 *
 * Float32 (the `…32` functions: training), with the project's own `expf`: see their comments.
 *
 * @module
 */
import { doublesOnly, wasmSession } from "../_wasm";

type Vec = Float32Array | Float64Array;

/**
 * `attentionForward` (same arguments) in the WebAssembly kernels; returns false where they are not in
 * use (the caller then runs its loops).
 * @example wasmAttentionForward(new Float64Array(1), new Float64Array(1), new Float64Array([1, 2, 5]), 1, 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmAttentionForward(
  out: Vec,
  att: Vec,
  qkv: Vec,
  B: number,
  T: number,
  C: number,
  NH: number,
): boolean {
  const hs = C / NH, C3 = 3 * C, scale = 1 / Math.sqrt(hs);
  const n = B * NH * T * T;
  if (!doublesOnly(out, att, qkv)) return false;
  const w = wasmSession(B * T * C3 + B * T * C + n + 2 * T * T + 3 * T * hs + T + 64, [out, qkv]);
  if (w === null) return false;
  const k = w.kernels, heap = w.heap;
  const X = w.put(qkv, B * T * C3), O = w.alloc(B * T * C), zero = w.alloc(T), A = w.alloc(n);
  heap.fill(0, O, O + B * T * C);
  heap.fill(0, zero, zero + T);
  const { weighted, softmaxRows: softmax } = k;
  const mark = w.mark();
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      w.release(mark);
      const q0 = X + b * T * C3 + h * hs;
      // S[t, t2] = Σ_i q[t, i] k[t2, i]: B = Kᵀ (hs × T)
      const K = w.panels(q0 + C, hs, T, 1, C3, 4), S = w.alloc(T * T);
      k.gemm(S * 8, q0 * 8, C3 * 8, 8, K * 8, T, hs, T, zero * 8, T, 1); // causal: t2 ≤ t read
      // the weights
      const G = A + (b * NH + h) * T * T;
      softmax(G * 8, S * 8, T, scale);
      const V = w.panels(q0 + 2 * C, T, hs, C3, 1, 8), o = O + b * T * C + h * hs;
      weighted(o * 8, C * 8, G * 8, T * 8, 8, V * 8, T, T, hs, 1);
    }
  }
  w.takeOut(att, A, n);
  w.takeOut(out, O, B * T * C);
  return true;
}

/**
 * `attentionBackward` (same arguments) in the WebAssembly kernels; returns false where they are not
 * in use.
 * @example wasmAttentionBackward(new Float64Array(3), new Float64Array([1]), new Float64Array([1, 2, 5]), new Float64Array([1]), new Float64Array(1), 1, 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmAttentionBackward(
  dqkv: Vec,
  dout: Vec,
  qkv: Vec,
  att: Vec,
  scratch: Vec,
  B: number,
  T: number,
  C: number,
  NH: number,
): boolean {
  const hs = C / NH, C3 = 3 * C, scale = 1 / Math.sqrt(hs);
  const n = B * T;
  if (!doublesOnly(dqkv, dout, qkv, att, scratch)) return false;
  const w = wasmSession(2 * n * C3 + n * C + 5 * T * T + 4 * T * hs + T + 64, [dqkv, qkv]);
  if (w === null) return false;
  const k = w.kernels, heap = w.heap;
  const X = w.put(qkv, n * C3), D = w.put(dqkv, n * C3), Y = w.put(dout, n * C), zero = w.alloc(T);
  heap.fill(0, zero, zero + T);
  const weighted = k.weighted;
  const datt = scratch;
  const mark = w.mark();
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      w.release(mark);
      const q0 = X + b * T * C3 + h * hs, y0 = Y + b * T * C + h * hs, d0 = D + b * T * C3 + h * hs;
      // dA[t, t2] = Σ_i v[t2, i] dout[t, i]: B = Vᵀ (hs × T)
      const Vt = w.panels(q0 + 2 * C, hs, T, 1, C3, 4), dA = w.alloc(T * T);
      k.gemm(dA * 8, y0 * 8, C * 8, 8, Vt * 8, T, hs, T, zero * 8, T, 1); // causal: t2 ≤ t read
      const a0 = (b * NH + h) * T * T;
      // the softmax's backward: P = dpre, from the weights A and dA, in the loops' order
      const A = w.put(att.subarray(a0, a0 + T * T), T * T), P = w.alloc(T * T);
      k.softmaxGrad(P * 8, A * 8, dA * 8, T, scale);
      if (b === B - 1 && h === NH - 1) datt.set(heap.subarray(dA + (T - 1) * T, dA + T * T)); // as the loops leave it
      // dv[t2] += Σ_{t ≥ t2} att[t, t2] dout[t]; dq[t] += Σ_{t2 ≤ t} dpre k[t2]; dk[t2] += Σ_{t ≥ t2} dpre q[t]
      // (the anti-causal sums read A and P by columns)
      const Yp = w.panels(y0, T, hs, C, 1, 8);
      weighted((d0 + 2 * C) * 8, C3 * 8, A * 8, 8, T * 8, Yp * 8, T, T, hs, 2);
      const Kp = w.panels(q0 + C, T, hs, C3, 1, 8);
      weighted(d0 * 8, C3 * 8, P * 8, T * 8, 8, Kp * 8, T, T, hs, 1);
      const Qp = w.panels(q0, T, hs, C3, 1, 8);
      weighted((d0 + C) * 8, C3 * 8, P * 8, 8, T * 8, Qp * 8, T, T, hs, 2);
    }
  }
  w.takeOut(dqkv, D, n * C3);
  return true;
}

/**
 * `attentionForward32` of `layers.ts` (float32 operands, same arguments) in the WebAssembly kernels:
 * per batch row b and head h, the scores by `gemm32` (all T×T, each a float32 sum over the head's
 * channels, plus +0), the softmax by `softmax32`, the outputs Σ_u att[t, u]·v[u] by `gemm32` over all
 * u (the weights above the diagonal are +0), writing into the output's rows in place. Returns false
 * where the kernels are not in use.
 * @example wasmAttentionForward32(new Float32Array(1), new Float32Array(1), new Float32Array([1, 2, 5]), 1, 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmAttentionForward32(
  out: Float32Array,
  att: Float32Array,
  qkv: Float32Array,
  B: number,
  T: number,
  C: number,
  NH: number,
): boolean {
  const hs = C / NH, C3 = 3 * C, scale = Math.fround(1 / Math.sqrt(hs));
  const n = B * NH * T * T;
  const w = wasmSession((B * T * C3 + B * T * C + n + 2 * T * T + 2 * T * hs + T + hs) / 2 + 64, []);
  if (w === null) return false;
  const k = w.kernels;
  const X = 8 * w.put32(qkv, B * T * C3), O = 8 * w.alloc32(B * T * C), A = 8 * w.alloc32(n + 4);
  const zero = w.alloc32(T + hs);
  w.floats().fill(0, 2 * zero, 2 * zero + T + hs);
  const mark = w.mark();
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      w.release(mark);
      const q0 = X + 4 * (b * T * C3 + h * hs);
      // S[t, u] = Σ_i q[t, i] k[u, i]: B = Kᵀ (hs × T)
      const K = w.panels32(q0 + 4 * C, hs, T, 1, C3, 8), S = w.alloc32(T * T);
      k.gemm32(S * 8, T * 4, q0, C3 * 4, K * 8, T, hs, T, zero * 8, 0);
      const G = A + 4 * (b * NH + h) * T * T;
      k.softmax32(G, S * 8, T, scale);
      const V = w.panels32(q0 + 8 * C, T, hs, C3, 1, 8);
      k.gemm32(O + 4 * (b * T * C + h * hs), C * 4, G, T * 4, V * 8, T, T, hs, zero * 8, 0);
    }
  }
  w.out32(att, A / 8, n);
  w.out32(out, O / 8, B * T * C);
  return true;
}

/**
 * `attentionBackward32` of `layers.ts` in the WebAssembly kernels: per b and h, dA = dOut·Vᵀ (`gemm32`,
 * all T×T), the softmax's gradient P by `softmaxGrad32`, then dv += Aᵀ·dOut, dq += P·K and dk += Pᵀ·Q by
 * `gemm32` accumulating into dqkv's rows in place (Aᵀ and Pᵀ transposed copies). `scratch` is not used.
 * Returns false where the kernels are not in use.
 * @example wasmAttentionBackward32(new Float32Array(3), new Float32Array([1]), new Float32Array([1, 2, 5]), new Float32Array([1]), 1, 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmAttentionBackward32(
  dqkv: Float32Array,
  dout: Float32Array,
  qkv: Float32Array,
  att: Float32Array,
  B: number,
  T: number,
  C: number,
  NH: number,
): boolean {
  const hs = C / NH, C3 = 3 * C, scale = Math.fround(1 / Math.sqrt(hs));
  const n = B * T;
  const w = wasmSession((2 * n * C3 + n * C + B * NH * T * T + 5 * T * T + 4 * T * hs + T + hs) / 2 + 64, []);
  if (w === null) return false;
  const k = w.kernels;
  const X = 8 * w.put32(qkv, n * C3), D = w.put32(dqkv, n * C3), Y = 8 * w.put32(dout, n * C);
  const Att = 8 * w.put32(att, B * NH * T * T), zero = w.alloc32(T + hs);
  w.floats().fill(0, 2 * zero, 2 * zero + T + hs);
  const mark = w.mark();
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      w.release(mark);
      const q0 = X + 4 * (b * T * C3 + h * hs), y0 = Y + 4 * (b * T * C + h * hs);
      const d0 = 8 * D + 4 * (b * T * C3 + h * hs), A = Att + 4 * (b * NH + h) * T * T;
      // dA[t, u] = Σ_i dout[t, i] v[u, i]: B = Vᵀ (hs × T)
      const Vt = w.panels32(q0 + 8 * C, hs, T, 1, C3, 8), dA = w.alloc32(T * T);
      k.gemm32(dA * 8, T * 4, y0, C * 4, Vt * 8, T, hs, T, zero * 8, 0);
      const P = w.alloc32(T * T);
      k.softmaxGrad32(P * 8, A, dA * 8, T, scale);
      // dv[u] += Σ_t A[t, u] dout[t]: Aᵀ as rows, dOut in panels
      const At = w.panels32(A, T, T, 1, T, T), Yp = w.panels32(y0, T, hs, C, 1, 8);
      k.gemm32(d0 + 8 * C, C3 * 4, At * 8, T * 4, Yp * 8, T, T, hs, zero * 8, 1);
      // dq[t] += Σ_u P[t, u] k[u]
      const Kp = w.panels32(q0 + 4 * C, T, hs, C3, 1, 8);
      k.gemm32(d0, C3 * 4, P * 8, T * 4, Kp * 8, T, T, hs, zero * 8, 1);
      // dk[u] += Σ_t P[t, u] q[t]
      const Pt = w.panels32(P * 8, T, T, 1, T, T), Qp = w.panels32(q0, T, hs, C3, 1, 8);
      k.gemm32(d0 + 4 * C, C3 * 4, Pt * 8, T * 4, Qp * 8, T, T, hs, zero * 8, 1);
    }
  }
  w.out32(dqkv, D, n * C3);
  return true;
}
