/**
 * The attention of `layers.ts` in the WebAssembly kernels (`src/learn/_wasm.ts`), its softmax's
 * exponentials by the engine's own `Math.exp` imported into the module: every number is computed by
 * the same operations in the same order as the loops of `attentionForward` and `attentionBackward`
 * (tests/learn/lm/_attention_wasm.test.ts compares them bit for bit).
 *
 * Per batch row b and head h: the scores Q·Kᵀ by the product kernel (each a sum over the head's
 * channels from +0, as the loops' `dot`; only the tiles of the causal lower triangle), the softmax
 * row by row by `softmaxRows` (rounded to float32 where the loops store into a Float32Array), and the
 * weighted sums Σ att·v by `weighted` (causal: each row's own range, rounded after every addition into
 * a Float32Array); the backward likewise (dOut·Vᵀ, then the softmax's gradient by `softmaxGrad`, then
 * three weighted sums for dv, dq and dk, each over the range and in the order the loops add, the
 * anti-causal ones reading the weights by columns instead of a transposed copy).
 *
 * @module
 */
import { wasmSession } from "../_wasm";

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
  const w = wasmSession(B * T * C3 + B * T * C + n + 2 * T * T + 3 * T * hs + T + 64, [out, qkv]);
  if (w === null) return false;
  const k = w.kernels, heap = w.heap;
  const X = w.put(qkv, B * T * C3), O = w.alloc(B * T * C), zero = w.alloc(T), A = w.alloc(n);
  heap.fill(0, O, O + B * T * C);
  heap.fill(0, zero, zero + T);
  const weighted = out instanceof Float32Array ? k.weightedr : k.weighted;
  const softmax = att instanceof Float32Array ? k.softmaxRowsr : k.softmaxRows;
  const mark = w.mark();
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < NH; h++) {
      w.release(mark);
      const q0 = X + b * T * C3 + h * hs;
      // S[t, t2] = Σ_i q[t, i] k[t2, i]: B = Kᵀ (hs × T)
      const K = w.panels(q0 + C, hs, T, 1, C3, 4), S = w.alloc(T * T);
      k.gemm(S * 8, q0 * 8, C3 * 8, 8, K * 8, T, hs, T, zero * 8, T, 1); // causal: t2 ≤ t read
      // the weights, rounded as the loops' stores into `att` round
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
  const w = wasmSession(2 * n * C3 + n * C + 5 * T * T + 4 * T * hs + T + 64, [dqkv, qkv]);
  if (w === null) return false;
  const k = w.kernels, heap = w.heap;
  const X = w.put(qkv, n * C3), D = w.put(dqkv, n * C3), Y = w.put(dout, n * C), zero = w.alloc(T);
  heap.fill(0, zero, zero + T);
  const weighted = dqkv instanceof Float32Array ? k.weightedr : k.weighted;
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
      (datt instanceof Float32Array ? k.softmaxGradr : k.softmaxGrad)(P * 8, A * 8, dA * 8, T, scale);
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
