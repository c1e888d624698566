import { describe, expect, it } from "vitest";
import { Random } from "../../src/stats/random";
import {
  abtUnchecked,
  abUnchecked,
  activate,
  activationBackward,
  atbUnchecked,
  TRANSPOSE_MIN,
} from "../../src/learn/kernels";
import { matmulBackward, matmulForward } from "../../src/learn/lm/matmul";
import { geluBackward, geluForward } from "../../src/learn/lm/layers";
import { wasmKernelsActive } from "../../src/learn/_wasm";
import { bits, both } from "./_wasm_helpers";

// edge sizes around every block (1, 2, 3, 4, 5, 7, 8, 9) and sizes across the transposing thresholds
const DIMS = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33];
const shapes = (rng: Random, count: number): [number, number, number][] => {
  // the last three reach the zero-skipping product (64 or more columns, a sparse left operand)
  const out: [number, number, number][] = [[1, 1, 1], [64, TRANSPOSE_MIN.k, TRANSPOSE_MIN.m], [67, 35, 19]];
  out.push([33, 64, 64], [66, 67, 65], [5, 9, 81]);
  while (out.length < count) {
    out.push([DIMS[rng.int(DIMS.length)], DIMS[rng.int(DIMS.length)], DIMS[rng.int(DIMS.length)]]);
  }
  return out;
};

describe("WebAssembly kernels", () => {
  it("are compiled and in use here (Deno and Node have WebAssembly SIMD)", () => {
    expect(wasmKernelsActive()).toBe(true);
  });

  it("give the MLP's products bit for bit as the JavaScript loops, zeros and signed zeros included", () => {
    const rng = new Random(7);
    for (const [n, k, m] of shapes(rng, 40)) {
      const a = rng.normals(n * k), w = rng.normals(m * k), b = rng.normals(m), g = rng.normals(n * m);
      for (let i = 0; i < g.length; i += 3) g[i] = 0; // the zero-skipping
      for (let i = 1; i < g.length; i += 7) g[i] = -0;
      for (let i = 0; i < a.length; i += 2) a[i] = 0; // a ReLU layer's half zeros
      if (n === 66) w[7] = Infinity; // 0·∞ is NaN: the zero-skipping must not skip then
      if (n === 66) a[2 * k + 1] = -Infinity;
      const [js, wa] = both(() => {
        const f = new Float64Array(n * m), f0 = new Float64Array(n * m), d = new Float64Array(n * k);
        const dw = new Float64Array(m * k), db = new Float64Array(m);
        const dw2 = Float64Array.from(w), db2 = Float64Array.from(b);
        abtUnchecked(a, w, b, f, n, k, m);
        abtUnchecked(a, w, null, f0, n, k, m);
        abUnchecked(g, w, d, n, k, m);
        atbUnchecked(g, a, dw, db, n, k, m);
        atbUnchecked(g, a, dw2, db2, n, k, m, true);
        return bits([f, f0, d, dw, db, dw2, db2]);
      });
      expect(wa, `n = ${n}, k = ${k}, m = ${m}`).toEqual(js);
    }
  });

  it("give the ReLU and its backward bit for bit, NaN, ±0 and ±∞ included, at odd and even lengths", () => {
    const rng = new Random(3);
    for (const length of [1, 2, 3, 8, 17, 1000]) {
      const z = rng.normals(length), g0 = rng.normals(length);
      const special = [NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324];
      for (let i = 0; i < length; i += 3) z[i] = special[(i / 3) % special.length];
      for (let i = 1; i < length; i += 4) g0[i] = special[i % special.length];
      const [js, wa] = both(() => {
        const a = new Float64Array(length + 1).fill(7), g = Float64Array.from(g0);
        activate("relu", z, a, length);
        activationBackward("relu", z, a, g, length);
        const inPlace = Float64Array.from(z);
        activate("relu", inPlace, inPlace, length);
        return bits([a, g, inPlace]);
      });
      expect(wa, `length ${length}`).toEqual(js);
    }
  });

  it("give the language model's products bit for bit, in float32 and float64", () => {
    const rng = new Random(11);
    for (const [rows, C, O] of shapes(rng, 40)) {
      for (const T of [Float32Array, Float64Array]) {
        const v = (len: number) => T.from(rng.normals(len));
        const inp = v(rows * C), w = v(O * C), b = v(O), dout = v(rows * O);
        const dinp0 = v(rows * C), dw0 = v(O * C), db0 = v(O);
        for (let i = 0; i < dout.length; i += 4) dout[i] = 0;
        const [js, wa] = both(() => {
          const out = new T(rows * O), out0 = new T(rows * O);
          const dinp = T.from(dinp0), dw = T.from(dw0), db = T.from(db0);
          matmulForward(out, inp, w, b, rows, C, O);
          matmulForward(out0, inp, w, null, rows, C, O);
          matmulBackward(dinp, dw, db, dout, inp, w, rows, C, O);
          // dinp overwritten (`dinpZero`): as accumulating into zeros, whatever it held
          const over = T.from(dinp0), zeros = new T(rows * C), dw2 = T.from(dw0), dw3 = T.from(dw0);
          matmulBackward(over, dw2, null, dout, inp, w, rows, C, O, true);
          matmulBackward(zeros, dw3, null, dout, inp, w, rows, C, O);
          expect(bits([over, dw2])).toEqual(bits([zeros, dw3]));
          return bits([out, out0, dinp, dw, db, over, dw2]);
        });
        expect(wa, `${T.name} rows = ${rows}, C = ${C}, O = ${O}`).toEqual(js);
      }
    }
  });

  it("give the float32 GELU and its backward bit for bit, kept tanh values or not, at lengths not multiples of 4", () => {
    const rng = new Random(13);
    for (const n of [1, 3, 4, 7, 8, 1001, 4096]) {
      const inp = Float32Array.from(rng.normals(n), (x) => 4 * x), dout = Float32Array.from(rng.normals(n));
      const d0 = Float32Array.from(rng.normals(n));
      inp[0] = 30; // saturated tanh
      if (n > 1) inp[1] = -0;
      if (n > 2) inp[2] = -30;
      const [js, wa] = both(() => {
        const out = new Float32Array(n), th = new Float32Array(n), out2 = new Float32Array(n);
        const d = Float32Array.from(d0), d2 = Float32Array.from(d0);
        geluForward(out, inp, n, th);
        geluForward(out2, inp, n);
        geluBackward(d, inp, dout, n, th);
        geluBackward(d2, inp, dout, n);
        return bits([out, th, out2, d, d2]);
      });
      expect(wa, `n = ${n}`).toEqual(js);
    }
  });
});
