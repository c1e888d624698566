import { describe, expect, it } from "vitest";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

describe("Random", () => {
  it("the same seed gives the same stream, another seed another stream", () => {
    const a = new Random(7).uniforms(5), b = new Random(7).uniforms(5), c = new Random(8).uniforms(5);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
  it("uniform() has mean 1/2 and variance 1/12 within 5 standard errors (n = 1e5)", () => {
    const n = 100_000, u = new Random(1).uniforms(n);
    const mean = u.reduce((s, x) => s + x, 0) / n;
    const v = u.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    // standard error of the mean: sqrt(1/12/n) = 9.1e-4; of the variance: sqrt(1/180/n) = 2.4e-4
    expectClose(mean, 0.5, { abs: 5 * Math.sqrt(1 / 12 / n) });
    expectClose(v, 1 / 12, { abs: 5 * Math.sqrt(1 / 180 / n) });
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
  });
  it("normal() has mean 0, variance 1 and fourth moment 3 within 5 standard errors (n = 1e5)", () => {
    const n = 100_000, z = new Random(2).normals(n);
    const m1 = z.reduce((s, x) => s + x, 0) / n;
    const m2 = z.reduce((s, x) => s + x * x, 0) / n;
    const m4 = z.reduce((s, x) => s + x ** 4, 0) / n;
    // standard errors: 1/sqrt(n), sqrt(2/n), sqrt(96/n) (Var z^4 = 105 - 9 = 96)
    expectClose(m1, 0, { abs: 5 / Math.sqrt(n) });
    expectClose(m2, 1, { abs: 5 * Math.sqrt(2 / n) });
    expectClose(m4, 3, { abs: 5 * Math.sqrt(96 / n) });
  });
  it("int(n) covers [0, n) evenly (chi-square with 9 dof below its 0.999 quantile 27.88)", () => {
    const rng = new Random(3), counts = new Array(10).fill(0), n = 50_000;
    for (let i = 0; i < n; i++) counts[rng.int(10)]++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88);
  });
  it("rejects a bad seed and a bad n", () => {
    expect(() => new Random(-1)).toThrow("`seed` must be an integer in [0, 4294967295], got -1");
    expect(() => new Random(0).int(0)).toThrow(RangeError);
    expect(() => new Random(0).uniformIn(1, 1)).toThrow(RangeError);
  });
});

describe("known-answer vectors (issue 18): a mutation of the generator fails here, not only in the golden files", () => {
  // Reference values from an independent Python implementation of splitmix32 seeding and xoshiro128**
  // written from Blackman & Vigna's reference C code (xoshiro128starstar.c) with arbitrary-precision
  // integers masked to 32 bits; uniform = (hi27·2^26 + lo26)/2^53, normal by Marsaglia's polar method
  // with the second variate kept, int by rejection below 2^32 − (2^32 mod n).
  it("nextUint32 for seeds 0, 42 and 2^32 − 1", () => {
    const words = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 6 }, () => r.nextUint32());
    };
    expect(words(0)).toEqual([3809008728, 1133695204, 53579671, 2891528803, 139681546, 2203266335]);
    expect(words(42)).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]);
    expect(words(2 ** 32 - 1)).toEqual([835879718, 1921286648, 2356205009, 1885780724, 980451116, 1053911718]);
  });
  it("uniform (53 bits) for seed 42, exactly", () => {
    const r = new Random(42);
    expect([r.uniform(), r.uniform(), r.uniform()]).toEqual([
      0.6606157208001621,
      0.1117019639532224,
      0.0791056456144914,
    ]);
  });
  it("normal for seed 7 (to 1 ulp: Math.log and Math.sqrt of two libraries)", () => {
    const r = new Random(7);
    const want = [-1.5370383110628956, -0.2949978339025397, 2.7798852822589497, 0.5592582996313386];
    for (const w of want) expectClose(r.normal(), w, { rel: 4e-16 });
  });
  it("int for seed 3: ten draws below 10, then two below 2^32", () => {
    const r = new Random(3);
    expect(Array.from({ length: 10 }, () => r.int(10))).toEqual([3, 9, 5, 5, 8, 8, 9, 9, 9, 5]);
    expect([r.int(2 ** 32), r.int(2 ** 32)]).toEqual([3786717342, 3855854804]);
  });
});

describe("draw counts, rejection and messages (issue 18: mutants `npm run mutate` found alive)", () => {
  it("uniforms(n) and normals(n) draw exactly n values: the next draw is the stream's next", () => {
    const r = new Random(42);
    expect(Array.from(r.uniforms(2))).toEqual([0.6606157208001621, 0.1117019639532224]);
    expect(r.uniform()).toBe(0.0791056456144914);
    const s = new Random(7);
    s.normals(3);
    expectClose(s.normal(), 0.5592582996313386, { rel: 4e-16 });
  });
  it("uniformIn maps the same uniform onto [a, b)", () => {
    expect(new Random(42).uniformIn(2, 5)).toBe(2 + 3 * 0.6606157208001621);
    expect(() => new Random(1).uniformIn(-1e308, 1e308)).toThrow("`b` - `a` must be finite, got Infinity");
    expect(() => new Random(1).uniformIn(1, 0)).toThrow("`b` must be in (1, ∞), got 0");
    expect(() => new Random(1).uniformIn(NaN, 0)).toThrow("`a` must be in (-∞, ∞), got NaN");
  });
  it("int rejects the words above the last whole multiple of n (seed 0: the first word, 3809008728, is rejected for n = 3·2^30)", () => {
    expect(new Random(0).int(3 * 2 ** 30)).toBe(1133695204);
  });
  it("int rejects a word equal to the limit itself (n = 3809008728, seed 0's first word: the limit 2^32 − (2^32 mod n) is n)", () => {
    // accepting it would return 3809008728 mod n = 0; the next word, 1133695204, is below the limit
    expect(2 ** 32 - (2 ** 32 % 3809008728)).toBe(3809008728);
    expect(new Random(0).int(3809008728)).toBe(1133695204);
  });
  it("names the count in its refusals", () => {
    expect(() => new Random(1).int(0)).toThrow("`n` must be an integer in [1, 4294967296], got 0");
    expect(() => new Random(1).uniforms(-1)).toThrow("`n` must be an integer in [0, 67108864], got -1");
    expect(() => new Random(1).normals(0.5)).toThrow("`n` must be an integer in [0, 67108864], got 0.5");
  });
});
