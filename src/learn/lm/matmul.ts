/**
 * The dense matrix products of the language model.
 *
 * Layout as in Karpathy's llm.c: an input `inp` of `rows × inDim` (row-major), a weight `w` of
 * `outDim × inDim` (each output's weights contiguous, as PyTorch's `nn.Linear` stores them) and an
 * optional bias of `outDim`; out = inp · wᵀ + b.
 *
 * Two arithmetics, chosen by the arrays' type. On `Float32Array`s (training) every product and every
 * partial sum is a float32 operation, as in PyTorch's CPU kernels (without their FMA and blocking):
 * each output is summed in a fixed order, over the inner index from +0, the bias added last, and the
 * backward adds each product to the running gradient in turn. The WebAssembly SIMD kernel `gemm32`
 * (`src/learn/_wasm.ts`: four float32 lanes across adjacent outputs, register tiles of 4 rows × 8
 * columns, the inner sum unrolled by four) performs exactly these operations; the JavaScript loops
 * below, each operation rounded by `Math.fround` (which gives the float32 result of + and × computed in
 * double precision), are the reference it is tested against bit for bit (tests/learn/_wasm.test.ts)
 * and what runs where WebAssembly SIMD is missing. On `Float64Array`s (the gradient checks) the
 * arithmetic is double precision, blocked four rows by four outputs, with the f64x2 kernels of the
 * same module.
 *
 * At width 64 the products are about half of a training step (`npm run bench -- lm`: about
 * 30 GFLOP/s per core in the kernel, against 14 for the double-precision arithmetic of the float32
 * model before, and 4 for the JavaScript loops); the rest is the attention (its products by `gemm32`,
 * its softmax by `softmax32`), the GELU (`gelu32`), the copies of operands into the module's memory,
 * the layer norms and AdamW.
 *
 * @module
 */

import { wasmABt, wasmABt32, wasmLinearBackward, wasmLinearBackward32 } from "../_wasm";

/** A floating-point array of either precision. */
export type Vec = Float32Array | Float64Array;

/**
 * out[r, o] = bias[o] + Σ_c inp[r, c] · w[o, c] (overwrites `out`).
 *
 * @param out `rows × outDim`; @param inp `rows × inDim`; @param w `outDim × inDim`;
 * @param bias `outDim` or null.
 * @example
 * const out = new Float64Array(2);
 * matmulForward(out, new Float64Array([1, 2]), new Float64Array([1, 0, 3, 4]), null, 1, 2, 2);
 * Array.from(out); // => [1, 11]
 */
export function matmulForward(
  out: Vec,
  inp: Vec,
  w: Vec,
  bias: Vec | null,
  rows: number,
  inDim: number,
  outDim: number,
): void {
  if (out instanceof Float32Array && inp instanceof Float32Array && w instanceof Float32Array) {
    if (bias === null || bias instanceof Float32Array) return forward32(out, inp, w, bias, rows, inDim, outDim);
  }
  // the edge rows (after the last block of four) start their sums at the bias
  if (wasmABt(out, inp, w, bias, rows, inDim, outDim, rows - (rows % 4))) return;
  const C = inDim, O = outDim;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const i0 = r * C, i1 = i0 + C, i2 = i1 + C, i3 = i2 + C;
    let o = 0;
    for (; o + 4 <= O; o += 4) {
      const w0 = o * C, w1 = w0 + C, w2 = w1 + C, w3 = w2 + C;
      let a00 = 0, a01 = 0, a02 = 0, a03 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0;
      let a20 = 0, a21 = 0, a22 = 0, a23 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
      for (let c = 0; c < C; c++) {
        const x0 = inp[i0 + c], x1 = inp[i1 + c], x2 = inp[i2 + c], x3 = inp[i3 + c];
        const v0 = w[w0 + c], v1 = w[w1 + c], v2 = w[w2 + c], v3 = w[w3 + c];
        a00 += x0 * v0;
        a01 += x0 * v1;
        a02 += x0 * v2;
        a03 += x0 * v3;
        a10 += x1 * v0;
        a11 += x1 * v1;
        a12 += x1 * v2;
        a13 += x1 * v3;
        a20 += x2 * v0;
        a21 += x2 * v1;
        a22 += x2 * v2;
        a23 += x2 * v3;
        a30 += x3 * v0;
        a31 += x3 * v1;
        a32 += x3 * v2;
        a33 += x3 * v3;
      }
      const b0 = bias ? bias[o] : 0,
        b1 = bias ? bias[o + 1] : 0,
        b2 = bias ? bias[o + 2] : 0,
        b3 = bias ? bias[o + 3] : 0;
      const q0 = r * O + o, q1 = q0 + O, q2 = q1 + O, q3 = q2 + O;
      out[q0] = a00 + b0;
      out[q0 + 1] = a01 + b1;
      out[q0 + 2] = a02 + b2;
      out[q0 + 3] = a03 + b3;
      out[q1] = a10 + b0;
      out[q1 + 1] = a11 + b1;
      out[q1 + 2] = a12 + b2;
      out[q1 + 3] = a13 + b3;
      out[q2] = a20 + b0;
      out[q2 + 1] = a21 + b1;
      out[q2 + 2] = a22 + b2;
      out[q2 + 3] = a23 + b3;
      out[q3] = a30 + b0;
      out[q3 + 1] = a31 + b1;
      out[q3 + 2] = a32 + b2;
      out[q3 + 3] = a33 + b3;
    }
    for (; o < O; o++) {
      const wo = o * C;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let c = 0; c < C; c++) {
        const v = w[wo + c];
        a0 += inp[i0 + c] * v;
        a1 += inp[i1 + c] * v;
        a2 += inp[i2 + c] * v;
        a3 += inp[i3 + c] * v;
      }
      const b = bias ? bias[o] : 0;
      out[r * O + o] = a0 + b;
      out[(r + 1) * O + o] = a1 + b;
      out[(r + 2) * O + o] = a2 + b;
      out[(r + 3) * O + o] = a3 + b;
    }
  }
  for (; r < rows; r++) {
    const ir = r * C;
    for (let o = 0; o < O; o++) {
      const wo = o * C;
      let a = bias ? bias[o] : 0;
      for (let c = 0; c < C; c++) a += inp[ir + c] * w[wo + c];
      out[r * O + o] = a;
    }
  }
}

/**
 * Backward of {@link matmulForward}: dinp += dout · w, dw += doutᵀ · inp, dbias += Σ_r dout (all
 * accumulate into their arrays; with `dinpZero`, dinp is overwritten instead, the same numbers as
 * accumulating into an array of zeros, so that the WebAssembly kernels need not copy it in).
 *
 * @example
 * const dinp = new Float64Array(2), dw = new Float64Array(4), db = new Float64Array(2);
 * matmulBackward(dinp, dw, db, new Float64Array([1, 1]), new Float64Array([1, 2]), new Float64Array([1, 0, 3, 4]), 1, 2, 2);
 * Array.from(dinp); // => [4, 4]
 */
export function matmulBackward(
  dinp: Vec,
  dw: Vec,
  dbias: Vec | null,
  dout: Vec,
  inp: Vec,
  w: Vec,
  rows: number,
  inDim: number,
  outDim: number,
  dinpZero = false,
): void {
  const C = inDim, O = outDim;
  if (
    dinp instanceof Float32Array && dw instanceof Float32Array && dout instanceof Float32Array &&
    inp instanceof Float32Array && w instanceof Float32Array && (dbias === null || dbias instanceof Float32Array)
  ) return backward32(dinp, dw, dbias, dout, inp, w, rows, C, O, dinpZero);
  if (wasmLinearBackward(dinp, dw, dbias, dout, inp, w, rows, C, O, dinpZero)) return;
  if (dinpZero) dinp.fill(0, 0, rows * C);
  // dinp[r, :] += Σ_o dout[r, o] w[o, :], four outputs at a time
  for (let r = 0; r < rows; r++) {
    const ir = r * C, dr = r * O;
    let o = 0;
    for (; o + 4 <= O; o += 4) {
      const d0 = dout[dr + o], d1 = dout[dr + o + 1], d2 = dout[dr + o + 2], d3 = dout[dr + o + 3];
      const w0 = o * C, w1 = w0 + C, w2 = w1 + C, w3 = w2 + C;
      for (let c = 0; c < C; c++) {
        dinp[ir + c] += d0 * w[w0 + c] + d1 * w[w1 + c] + d2 * w[w2 + c] + d3 * w[w3 + c];
      }
    }
    for (; o < O; o++) {
      const d = dout[dr + o], wo = o * C;
      for (let c = 0; c < C; c++) dinp[ir + c] += d * w[wo + c];
    }
  }
  // dw[o, :] += Σ_r dout[r, o] inp[r, :], four rows at a time
  for (let o = 0; o < O; o++) {
    const wo = o * C;
    let r = 0, db = 0;
    for (; r + 4 <= rows; r += 4) {
      const d0 = dout[r * O + o], d1 = dout[(r + 1) * O + o], d2 = dout[(r + 2) * O + o], d3 = dout[(r + 3) * O + o];
      db += d0 + d1 + d2 + d3;
      const i0 = r * C, i1 = i0 + C, i2 = i1 + C, i3 = i2 + C;
      for (let c = 0; c < C; c++) {
        dw[wo + c] += d0 * inp[i0 + c] + d1 * inp[i1 + c] + d2 * inp[i2 + c] + d3 * inp[i3 + c];
      }
    }
    for (; r < rows; r++) {
      const d = dout[r * O + o], ir = r * C;
      db += d;
      for (let c = 0; c < C; c++) dw[wo + c] += d * inp[ir + c];
    }
    if (dbias) dbias[o] += db;
  }
}

const f = Math.fround;

/**
 * {@link matmulForward} in single precision (all operands Float32Array): every product and every
 * partial sum rounded to float32 (`Math.fround` of the double-precision operation, which is the
 * float32 operation's result), each output's sum over c in increasing order from +0, the bias added
 * last, as the WebAssembly kernel `gemm32` computes it.
 */
function forward32(
  out: Float32Array,
  inp: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  rows: number,
  C: number,
  O: number,
): void {
  if (wasmABt32(out, inp, w, bias, rows, C, O)) return;
  for (let r = 0; r < rows; r++) {
    const ir = r * C;
    for (let o = 0; o < O; o++) {
      const wo = o * C;
      let a = 0;
      for (let c = 0; c < C; c++) a = f(a + f(inp[ir + c] * w[wo + c]));
      out[r * O + o] = a + (bias ? bias[o] : 0);
    }
  }
}

/**
 * {@link matmulBackward} in single precision: dinp[r, c] (+0 first with `dinpZero`) plus fl(dout[r, o] ·
 * w[o, c]) for o in increasing order, dw[o, c] plus fl(dout[r, o] · inp[r, c]) for r in increasing
 * order, every sum rounded to float32 (the store into a Float32Array rounds), as the WebAssembly kernel
 * `gemm32` accumulates them; the bias gradient summed over blocks of four rows in double precision, as
 * {@link matmulBackward} does.
 */
function backward32(
  dinp: Float32Array,
  dw: Float32Array,
  dbias: Float32Array | null,
  dout: Float32Array,
  inp: Float32Array,
  w: Float32Array,
  rows: number,
  C: number,
  O: number,
  dinpZero: boolean,
): void {
  if (wasmLinearBackward32(dinp, dw, dbias, dout, inp, w, rows, C, O, dinpZero)) return;
  if (dinpZero) dinp.fill(0, 0, rows * C);
  for (let r = 0; r < rows; r++) {
    const ir = r * C, dr = r * O;
    for (let o = 0; o < O; o++) {
      const d = dout[dr + o], wo = o * C;
      for (let c = 0; c < C; c++) {
        dinp[ir + c] += f(d * w[wo + c]);
        dw[wo + c] += f(d * inp[ir + c]);
      }
    }
  }
  if (dbias === null) return;
  for (let o = 0; o < O; o++) {
    let r = 0, db = 0;
    for (; r + 4 <= rows; r += 4) {
      db += dout[r * O + o] + dout[(r + 1) * O + o] + dout[(r + 2) * O + o] + dout[(r + 3) * O + o];
    }
    for (; r < rows; r++) db += dout[r * O + o];
    dbias[o] += db;
  }
}
