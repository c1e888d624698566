import { describe, expect, it } from "vitest";
import { randomEmbedding, sampleManifold } from "../../src/measure/manifold";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

function dist(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[ao + i] - b[bo + i]) ** 2;
  return Math.sqrt(s);
}

describe("randomEmbedding", () => {
  it("is an isometry when the nonlinear amplitude is zero (orthonormal Q)", () => {
    const phi = randomEmbedding({ d: 3, D: 32, seed: 4, amplitude: 0 });
    const t = new Random(1).uniforms(3 * 50);
    const x = phi.mapAll(t);
    for (let i = 1; i < 50; i++) {
      // |Qt − Qt'| = |t − t'| exactly for orthonormal columns; rounding only
      expectClose(dist(x, 0, x, 32 * i, 32), dist(t, 0, t, 3 * i, 3), { rel: 1e-12 });
    }
  });

  it("bends the plane but keeps distances within the bi-Lipschitz bounds (defaults)", () => {
    // default a = 0.25, ω = 2: the sine part has Lipschitz constant ≲ a·ω·(1 + sqrt(d/D)) ≈ 0.65 for
    // d = 4, so distance ratios lie in [0.35, 1.65]; and midpoints leave the chord (curvature).
    const phi = randomEmbedding({ d: 4, D: 32, seed: 5 });
    const t = new Random(2).uniforms(4 * 200);
    const x = phi.mapAll(t);
    let lo = Infinity, hi = 0, bend = 0;
    const mid = new Float64Array(4), xm = new Float64Array(32);
    for (let i = 0; i < 199; i++) {
      const r = dist(x, 32 * i, x, 32 * (i + 1), 32) / dist(t, 4 * i, t, 4 * (i + 1), 4);
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
      for (let j = 0; j < 4; j++) mid[j] = (t[4 * i + j] + t[4 * i + 4 + j]) / 2;
      phi.map(mid, 0, xm, 0);
      let dev = 0;
      for (let j = 0; j < 32; j++) dev += (xm[j] - (x[32 * i + j] + x[32 * i + 32 + j]) / 2) ** 2;
      bend = Math.max(bend, Math.sqrt(dev));
    }
    expect(lo).toBeGreaterThan(0.35);
    expect(hi).toBeLessThan(1.65);
    expect(bend).toBeGreaterThan(0.01);
  });

  it("rejects D < d, d ≤ 0 and a negative amplitude", () => {
    expect(() => randomEmbedding({ d: 5, D: 4, seed: 1 })).toThrow(/`D` must be an integer in \[5, ∞\), got 4/);
    expect(() => randomEmbedding({ d: 0, D: 4, seed: 1 })).toThrow(/`d`/);
    expect(() => randomEmbedding({ d: 2, D: 4, seed: 1, amplitude: -1 })).toThrow(/amplitude/);
    expect(() => randomEmbedding({ d: 2, D: 4, seed: 1 }).mapAll(new Float64Array(3))).toThrow(/multiple/);
  });
});

describe("sampleManifold", () => {
  it("labels points with the target of their intrinsic coordinates, reproducibly", () => {
    const phi = randomEmbedding({ d: 2, D: 8, seed: 3 });
    const g = (t: Float64Array, o: number) => t[o] - 2 * t[o + 1];
    const a = sampleManifold(phi, g, 20, new Random(7));
    const b = sampleManifold(phi, g, 20, new Random(7));
    expect(b.x).toEqual(a.x);
    expect(a.x.length).toBe(160);
    for (let i = 0; i < 20; i++) expect(a.y[i]).toBe(a.t[2 * i] - 2 * a.t[2 * i + 1]);
    expect(() => sampleManifold(phi, g, 0, new Random(7))).toThrow(/`m`/);
  });
});

describe("sampleManifold with a margin", () => {
  it("draws intrinsic coordinates in the inner cube and rejects margins ≥ 1/2", () => {
    const phi = randomEmbedding({ d: 3, D: 8, seed: 3 });
    const s = sampleManifold(phi, () => 0, 500, new Random(1), 0.2);
    expect(Math.min(...s.t)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...s.t)).toBeLessThan(0.8);
    expect(() => sampleManifold(phi, () => 0, 5, new Random(1), 0.5)).toThrow(
      /`margin` must be in \[0, 0.5\), got 0.5/,
    );
  });
});

describe("sineLipschitzEstimate", () => {
  it("is a·ω·(1 + √(d/D)): 0.588 at d = 1 and 0.698 at d = 5 in R³² with a = 0.25, ω = 2", async () => {
    const { sineLipschitzEstimate } = await import("../../src/measure/manifold");
    // 0.5 · (1 + √(1/32)) = 0.58839; 0.5 · (1 + √(5/32)) = 0.69764 (by hand)
    expectClose(sineLipschitzEstimate({ d: 1, D: 32 }), 0.5883883476483185, { rel: 1e-12 });
    expectClose(sineLipschitzEstimate({ d: 5, D: 32 }), 0.6976423537605237, { rel: 1e-12 });
    expect(() => sineLipschitzEstimate({ d: 6, D: 5 })).toThrow(/`D`/);
  });
});
