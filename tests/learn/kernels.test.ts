import { describe, expect, it } from "vitest";
import { Random } from "../../src/stats/random";
import { matmulAB, matmulABt, matmulAtB, TRANSPOSE_MIN } from "../../src/learn/kernels";

/** Naive triple loops, summing over the inner index in order: the reference of every kernel. */
function naiveABt(a: Float64Array, w: Float64Array, b: Float64Array | null, n: number, k: number, m: number) {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * w[j * k + p];
      out[i * m + j] = s + (b === null ? 0 : b[j]);
    }
  }
  return out;
}

const maxRelErr = (x: Float64Array, y: Float64Array) => {
  let scale = 0, err = 0;
  for (let i = 0; i < x.length; i++) {
    scale = Math.max(scale, Math.abs(y[i]));
    err = Math.max(err, Math.abs(x[i] - y[i]));
  }
  return err / Math.max(scale, 1e-300);
};

// shapes below and above the transposing paths, with edge remainders of every block size
const SHAPES: [number, number, number][] = [[1, 1, 1], [5, 3, 7], [9, 2, 13], [37, 33, 17], [
  64,
  TRANSPOSE_MIN.k,
  TRANSPOSE_MIN.m,
], [70, 40, 50]];

/**
 * gᵀ·a element by element in the direct loops' order: sample pairs (g₀a₀ + g₁a₁ added to the sum; a pair
 * of two zero g entries skipped), then a last single sample: the arithmetic every path of `matmulAtB`
 * below `TRANSPOSE_MIN` must reproduce bit for bit.
 */
function pairwiseAtB(g: Float64Array, a: Float64Array, start: Float64Array, n: number, k: number, m: number) {
  const out = start.slice();
  for (let j = 0; j < m; j++) {
    for (let p = 0; p < k; p++) {
      let s = out[j * k + p];
      let i = 0;
      for (; i + 1 < n; i += 2) {
        const c0 = g[i * m + j], c1 = g[(i + 1) * m + j];
        if (c0 === 0 && c1 === 0) continue;
        s += c0 * a[i * k + p] + c1 * a[(i + 1) * k + p];
      }
      if (i < n) s += g[i * m + j] * a[i * k + p];
      out[j * k + p] = s;
    }
  }
  return out;
}

describe("matmulAtB for layers of 1–4 inputs (the exchanged loops)", () => {
  it("gives the direct loops' sums bit for bit, overwriting or accumulating, n even or odd", () => {
    for (const [n, k, m] of [[512, 2, 96], [77, 3, 13], [10, 4, 5], [9, 1, 3]]) {
      const rng = new Random(n + k + m);
      const a = rng.normals(n * k), g = rng.normals(n * m);
      for (let i = 0; i < g.length; i++) if (rng.uniform() < 0.5) g[i] = 0;
      const dw = new Float64Array(m * k), db = new Float64Array(m);
      matmulAtB(g, a, dw, db, n, k, m);
      expect(Array.from(dw)).toEqual(Array.from(pairwiseAtB(g, a, new Float64Array(m * k), n, k, m)));
      expect(Array.from(db)).toEqual(
        Array.from(pairwiseAtB(g, new Float64Array(n).fill(1), new Float64Array(m), n, 1, m)),
      );
      const before = dw.slice();
      matmulAtB(g, a, dw, null, n, k, m, true);
      expect(Array.from(dw)).toEqual(Array.from(pairwiseAtB(g, a, before, n, k, m)));
    }
  });
});

describe("dense kernels against naive loops", () => {
  for (const [n, k, m] of SHAPES) {
    it(`n = ${n}, k = ${k}, m = ${m}`, () => {
      const rng = new Random(n * 1000 + k * 10 + m);
      const a = rng.normals(n * k), w = rng.normals(m * k), b = rng.normals(m), g = rng.normals(n * m);
      for (let i = 0; i < g.length; i += 3) g[i] = 0; // exercise the zero-skipping
      const out = new Float64Array(n * m);
      matmulABt(a, w, b, out, n, k, m);
      // the same summation order as the naive loop: equal bit for bit
      expect(Array.from(out)).toEqual(Array.from(naiveABt(a, w, b, n, k, m)));
      // g·w = g·(wᵀ)ᵀ and gᵀ·a: rounding differs with the order (k or n terms of size ~1): 1e-13 relative
      const wt = new Float64Array(k * m);
      for (let j = 0; j < m; j++) for (let p = 0; p < k; p++) wt[p * m + j] = w[j * k + p];
      const ab = new Float64Array(n * k);
      matmulAB(g, w, ab, n, k, m);
      expect(maxRelErr(ab, naiveABt(g, wt, null, n, m, k))).toBeLessThan(1e-13);
      const gt = new Float64Array(m * n), at = new Float64Array(k * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) gt[j * n + i] = g[i * m + j];
        for (let p = 0; p < k; p++) at[p * n + i] = a[i * k + p];
      }
      const dw = new Float64Array(m * k), db = new Float64Array(m);
      matmulAtB(g, a, dw, db, n, k, m);
      expect(maxRelErr(dw, naiveABt(gt, at, null, m, n, k))).toBeLessThan(1e-13);
      const ones = new Float64Array(n).fill(1);
      expect(maxRelErr(db, naiveABt(gt, ones, null, m, n, 1))).toBeLessThan(1e-13);
      // accumulate adds to what is there
      matmulAtB(g, a, dw, null, n, k, m, true);
      expect(maxRelErr(dw, naiveABt(gt, at, null, m, n, k).map((v) => 2 * v))).toBeLessThan(1e-13);
    });
  }
  it("refuses short buffers and bad shapes by name", () => {
    expect(() => matmulABt(new Float64Array(3), new Float64Array(2), null, new Float64Array(2), 2, 2, 1)).toThrow(
      /`a`/,
    );
    expect(() => matmulAB(new Float64Array(2), new Float64Array(2), new Float64Array(2), 0, 2, 1)).toThrow(/`n`/);
    expect(() => matmulAtB(new Float64Array(2), new Float64Array(4), new Float64Array(1), null, 2, 2, 1)).toThrow(
      /`out`/,
    );
  });
});
