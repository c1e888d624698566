// Gradient checks of every layer against central finite differences, in float64: the loss is a fixed
// random projection Σ out·R of the layer's output, so each backward is checked for a generic upstream
// gradient. With h = 1e-6 the central difference is accurate to ~1e-9 relative for these smooth
// functions; the tolerance 1e-6 leaves three orders of magnitude of margin.
import { describe, expect, it } from "vitest";
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
} from "../../../src/learn/lm/layers";
import { matmulBackward, matmulForward } from "../../../src/learn/lm/matmul";
import { Random } from "../../../src/stats/random";

const rng = new Random(20);
const randn = (n: number, s = 1) => Float64Array.from({ length: n }, () => s * rng.normal());

/** Max relative error between the analytic gradient `g` of f at x and central differences. */
function check(x: Float64Array, f: () => number, g: Float64Array): number {
  const h = 1e-6;
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const x0 = x[i];
    x[i] = x0 + h;
    const fp = f();
    x[i] = x0 - h;
    const fm = f();
    x[i] = x0;
    const fd = (fp - fm) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - g[i]) / Math.max(1, Math.abs(fd)));
  }
  return worst;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i], 0);

describe("layer gradients (float64, central differences)", () => {
  it("matmul: input, weight and bias, for sizes that exercise the 4×4 blocks and their remainders", () => {
    for (const [rows, C, O] of [[5, 3, 6], [8, 4, 8], [1, 7, 3]]) {
      const inp = randn(rows * C), w = randn(O * C), b = randn(O), R = randn(rows * O);
      const out = new Float64Array(rows * O);
      const f = () => (matmulForward(out, inp, w, b, rows, C, O), dot(out, R));
      const di = new Float64Array(rows * C), dw = new Float64Array(O * C), db = new Float64Array(O);
      matmulBackward(di, dw, db, R, inp, w, rows, C, O);
      expect(check(inp, f, di)).toBeLessThan(1e-6);
      expect(check(w, f, dw)).toBeLessThan(1e-6);
      expect(check(b, f, db)).toBeLessThan(1e-6);
    }
  });
  it("matmul forward equals the naive triple loop", () => {
    const rows = 7, C = 5, O = 9, inp = randn(rows * C), w = randn(O * C), b = randn(O);
    const out = new Float64Array(rows * O);
    matmulForward(out, inp, w, b, rows, C, O);
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < O; o++) {
        let s = b[o];
        for (let c = 0; c < C; c++) s += inp[r * C + c] * w[o * C + c];
        expect(Math.abs(out[r * O + o] - s)).toBeLessThan(1e-12);
      }
    }
  });
  it("layer norm: input, gain and bias", () => {
    const rows = 4, C = 6, inp = randn(rows * C), w = randn(C), b = randn(C), R = randn(rows * C);
    const out = new Float64Array(rows * C), m = new Float64Array(rows), s = new Float64Array(rows);
    const f = () => (layernormForward(out, m, s, inp, w, b, rows, C), dot(out, R));
    f();
    const di = new Float64Array(rows * C), dw = new Float64Array(C), db = new Float64Array(C);
    layernormBackward(di, dw, db, R, inp, w, m, s, rows, C);
    expect(check(inp, f, di)).toBeLessThan(1e-6);
    expect(check(w, f, dw)).toBeLessThan(1e-6);
    expect(check(b, f, db)).toBeLessThan(1e-6);
  });
  it("GELU", () => {
    const n = 20, inp = randn(n, 2), R = randn(n), out = new Float64Array(n);
    const f = () => (geluForward(out, inp, n), dot(out, R));
    const di = new Float64Array(n);
    geluBackward(di, inp, R, n);
    expect(check(inp, f, di)).toBeLessThan(1e-6);
  });
  it("GELU with the tanh values kept: the same bits forward and backward, and the tanh values are tanh's", () => {
    for (const F of [Float32Array, Float64Array]) {
      const n = 1001, inp = F.from(randn(n, 3)), dout = F.from(randn(n));
      inp[0] = 0;
      inp[1] = -0;
      inp[2] = 40; // tanh saturates at 1
      const out = new F(n), kept = new F(n), tanhs = new F(n), di = F.from(dout), dk = F.from(dout);
      geluForward(out, inp, n);
      geluForward(kept, inp, n, tanhs);
      geluBackward(di, inp, dout, n);
      geluBackward(dk, inp, dout, n, tanhs);
      expect(Array.from(kept)).toEqual(Array.from(out));
      expect(Array.from(dk)).toEqual(Array.from(di));
      const k = Math.sqrt(2 / Math.PI);
      for (const i of [0, 2, 3, 500]) {
        const x = inp[i], th = Math.tanh(k * (x + 0.044715 * x * x * x));
        // float64: Math.tanh itself; float32: tanhf of the float32 argument, within 3·10⁻⁷ of it
        if (F === Float64Array) expect(tanhs[i]).toBe(th);
        else expect(Math.abs(tanhs[i] - th)).toBeLessThan(3e-7);
      }
      expect(tanhs[2]).toBe(1);
    }
  });
  it("GELU in float32 agrees with the double-precision GELU to float32's precision", () => {
    const n = 2000,
      x64 = randn(n, 3),
      x32 = Float32Array.from(x64),
      o32 = new Float32Array(n),
      o64 = new Float64Array(n);
    const d32 = new Float32Array(n), d64 = new Float64Array(n), ones = new Float32Array(n).fill(1);
    geluForward(o32, x32, n);
    geluForward(o64, Float64Array.from(x32), n);
    geluBackward(d32, x32, ones, n);
    geluBackward(d64, Float64Array.from(x32), Float64Array.from(ones), n);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(o32[i] - o64[i])).toBeLessThan(1e-6 * (1 + Math.abs(o64[i])));
      // the derivative: a dozen float32 operations on terms up to about 3 in size, so some 30 ulps (2⁻²³)
      expect(Math.abs(d32[i] - d64[i])).toBeLessThan(4e-6 * (1 + Math.abs(d64[i])));
    }
  });
  it("attention in float32 agrees with the double-precision attention to float32's precision, forward and backward", () => {
    const B = 2, T = 9, C = 12, NH = 3, n = B * T * 3 * C;
    const q64 = randn(n), q32 = Float32Array.from(q64), d64 = randn(B * T * C), d32 = Float32Array.from(d64);
    const x64 = Float64Array.from(q32), y64 = Float64Array.from(d32); // the same inputs
    const o32 = new Float32Array(B * T * C), a32 = new Float32Array(B * NH * T * T), g32 = new Float32Array(n);
    const o64 = new Float64Array(B * T * C), a64 = new Float64Array(B * NH * T * T), g64 = new Float64Array(n);
    attentionForward(o32, a32, q32, B, T, C, NH);
    attentionForward(o64, a64, x64, B, T, C, NH);
    attentionBackward(g32, d32, q32, a32, new Float32Array(T), B, T, C, NH);
    attentionBackward(g64, y64, x64, a64, new Float64Array(T), B, T, C, NH);
    // sums of at most T·hs = 36 products of order 1: some tens of float32 ulps (2⁻²³ ≈ 1.2·10⁻⁷)
    for (let i = 0; i < a64.length; i++) expect(Math.abs(a32[i] - a64[i])).toBeLessThan(2e-6);
    for (let i = 0; i < o64.length; i++) expect(Math.abs(o32[i] - o64[i])).toBeLessThan(1e-5);
    for (let i = 0; i < n; i++) expect(Math.abs(g32[i] - g64[i])).toBeLessThan(1e-5 * (1 + Math.abs(g64[i])));
    for (let hb = 0; hb < B * NH; hb++) { // every row's weights sum to 1 over t′ ≤ t, none above
      for (let t = 0; t < T; t++) {
        const row = a32.subarray((hb * T + t) * T, (hb * T + t + 1) * T);
        expect(Math.abs(row.subarray(0, t + 1).reduce((x, y) => x + y, 0) - 1)).toBeLessThan(1e-6);
        expect(row.subarray(t + 1).every((x) => x === 0)).toBe(true);
      }
    }
  });
  it("causal attention, two heads", () => {
    const B = 2, T = 4, C = 6, NH = 2, qkv = randn(B * T * 3 * C), R = randn(B * T * C);
    const out = new Float64Array(B * T * C), att = new Float64Array(B * NH * T * T);
    const f = () => (attentionForward(out, att, qkv, B, T, C, NH), dot(out, R));
    f();
    const d = new Float64Array(qkv.length);
    attentionBackward(d, R, qkv, att, new Float64Array(T), B, T, C, NH);
    expect(check(qkv, f, d)).toBeLessThan(1e-6);
  });
  it("attention is causal: changing a later position leaves earlier outputs unchanged", () => {
    const B = 1, T = 5, C = 4, NH = 1, qkv = randn(T * 3 * C);
    const out1 = new Float64Array(T * C), out2 = new Float64Array(T * C), att = new Float64Array(T * T);
    attentionForward(out1, att, qkv, B, T, C, NH);
    for (let i = 4 * 3 * C; i < 5 * 3 * C; i++) qkv[i] += 1;
    attentionForward(out2, att, qkv, B, T, C, NH);
    expect(Array.from(out2.subarray(0, 4 * C))).toEqual(Array.from(out1.subarray(0, 4 * C)));
  });
  it("softmax cross-entropy", () => {
    const rows = 3, V = 5, logits = randn(rows * V), tg = new Uint8Array([0, 4, 2]);
    const p = new Float64Array(rows * V), l = new Float64Array(rows);
    const f = () => (crossEntropyForward(p, l, logits, tg, rows, V), l.reduce((a, b) => a + b, 0) / rows);
    f();
    const d = new Float64Array(rows * V);
    crossEntropyBackward(d, p, tg, rows, V, 1 / rows);
    expect(check(logits, f, d)).toBeLessThan(1e-6);
  });
  it("embedding: token and position tables", () => {
    const B = 2, T = 3, C = 4, V = 5, wte = randn(V * C), wpe = randn(T * C), R = randn(B * T * C);
    const tokens = new Uint8Array([1, 1, 4, 0, 2, 1]), out = new Float64Array(B * T * C);
    const f = () => (encoderForward(out, tokens, wte, wpe, B, T, C), dot(out, R));
    const dte = new Float64Array(V * C), dpe = new Float64Array(T * C);
    encoderBackward(dte, dpe, R, tokens, B, T, C);
    expect(check(wte, f, dte)).toBeLessThan(1e-6);
    expect(check(wpe, f, dpe)).toBeLessThan(1e-6);
  });
});
