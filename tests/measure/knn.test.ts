import { describe, expect, it } from "vitest";
import { KdTree } from "../../src/measure/kdtree";
import { knnRegress, localLinearRegress } from "../../src/measure/knn";
import { randomEmbedding, sampleManifold } from "../../src/measure/manifold";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

describe("knnRegress", () => {
  it("returns the training label at a training point (k = 1) and the mean of k labels", () => {
    const x = new Float64Array([0, 1, 2, 3]);
    const y = new Float64Array([10, 20, 30, 40]);
    const tree = new KdTree(x, 1);
    expect(Array.from(knnRegress(tree, y, new Float64Array([2]), 1))).toEqual([30]);
    // neighbours of 2.4: 2, 3, 1 → mean 30
    expect(Array.from(knnRegress(tree, y, new Float64Array([2.4]), 3))).toEqual([30]);
    expect(() => knnRegress(tree, new Float64Array(3), x, 1)).toThrow(/`y.length`/);
  });
});

describe("localLinearRegress", () => {
  it("reproduces a target linear in the intrinsic coordinates on a flat manifold", () => {
    // amplitude 0: the manifold is a 3-plane in R^32 and y is affine in it, so the tangent-plane
    // fit is exact up to rounding
    const phi = randomEmbedding({ d: 3, D: 32, seed: 8, amplitude: 0 });
    const g = (t: Float64Array, o: number) => 1 + t[o] - 2 * t[o + 1] + 0.5 * t[o + 2];
    const train = sampleManifold(phi, g, 500, new Random(1));
    const test = sampleManifold(phi, g, 50, new Random(2));
    const pred = localLinearRegress(new KdTree(train.x, 32), train.x, train.y, test.x, 3);
    for (let i = 0; i < 50; i++) expectClose(pred[i], test.y[i], { abs: 1e-10 });
  });

  it("is second-order accurate on a curved manifold: RMS error ÷~16 when N grows 4× in d = 1", () => {
    // squared error ∼ r⁴ ∼ N^(−4), so the RMS error ∼ N^(−2): a 4× larger N divides it by ~16
    const phi = randomEmbedding({ d: 1, D: 32, seed: 9 });
    const g = (t: Float64Array, o: number) => Math.sin(3 * t[o]);
    const test = sampleManifold(phi, g, 200, new Random(3));
    const rms = (n: number) => {
      const train = sampleManifold(phi, g, n, new Random(4));
      const p = localLinearRegress(new KdTree(train.x, 32), train.x, train.y, test.x, 1);
      let s = 0;
      for (let i = 0; i < 200; i++) s += (p[i] - test.y[i]) ** 2;
      return Math.sqrt(s / 200);
    };
    const ratio = rms(400) / rms(1600);
    expect(ratio).toBeGreaterThan(8); // first order would give 4
  });

  it("rejects dims ≥ k, k > N and mismatched arrays", () => {
    const x = new Random(1).uniforms(2 * 10), y = new Float64Array(10);
    const tree = new KdTree(x, 2);
    expect(() => localLinearRegress(tree, x, y, x, 2, 2)).toThrow(/`k`/);
    expect(() => localLinearRegress(tree, x, y, x, 1, 11)).toThrow(/`k` must be an integer in \[2, 10\], got 11/);
    expect(() => localLinearRegress(tree, x, y, x, 3)).toThrow(/`dims`/);
    expect(() => localLinearRegress(tree, x.subarray(2), y, x, 1)).toThrow(/trainPoints/);
  });
});
