import { describe, expect, it } from "vitest";
import { bruteForceKnn, jacobiEigen, KdTree, knnRegress, localLinearRegress } from "../../src/measure/knn";
import { smoothTarget } from "../../src/measure/approximation";
import { randomEmbedding, sampleManifold } from "../../src/measure/manifold";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

describe("KdTree", () => {
  it("finds the same neighbours as a brute-force scan on a 4-d manifold in D = 32 (k = 1, 10)", () => {
    const phi = randomEmbedding({ d: 4, D: 32, seed: 1 });
    const train = sampleManifold(phi, () => 0, 3000, new Random(2));
    const test = sampleManifold(phi, () => 0, 200, new Random(3));
    const tree = new KdTree(train.x, 32);
    for (const k of [1, 10]) {
      const a = tree.query(test.x, k), b = bruteForceKnn(train.x, 32, test.x, k);
      expect(a.indices).toEqual(b.indices);
      // same squared distances summed in a different order: a few ulps
      for (let i = 0; i < a.distances.length; i++) expectClose(a.distances[i], b.distances[i], { rel: 1e-12 });
    }
  });

  it("gives the benchmark's workload the same neighbours and distances, bit for bit, as before issue 18's rewrite", () => {
    // `npm run bench`'s k-NN workload (bench/measured_exponents.ts): N = 65,536 points of a 4-d manifold in
    // R^32, 4,096 queries. The pinned checksums were computed with the k-d tree as it was before the
    // build, the query order and the bounding boxes changed (commit d3f2dd1): indices hashed in order,
    // distances summed with weights 1..7, compared exactly.
    const emb = randomEmbedding({ d: 4, D: 32, seed: 1 });
    const g = smoothTarget(4);
    const train = sampleManifold(emb, g, 65_536, new Random(2));
    const test = sampleManifold(emb, g, 4_096, new Random(3));
    const tree = new KdTree(train.x, 32);
    const hash = (a: Int32Array) => a.reduce((h, v) => (h * 31 + v) >>> 0, 0);
    const one = tree.query(test.x, 1), ten = tree.query(test.x, 10);
    let weighted = 0;
    for (let i = 0; i < ten.distances.length; i++) weighted += ten.distances[i] * (i % 7 + 1);
    expect([hash(one.indices), hash(ten.indices), weighted]).toEqual([3481606918, 1600886076, 10880.752304149932]);
    // and every leaf size builds a tree that answers the same
    for (const leaf of [1, 7, 16, 100]) expect(new KdTree(train.x, 32, leaf).query(test.x.subarray(0, 32 * 256), 10).indices).toEqual(ten.indices.subarray(0, 2560));
  });

  it("finds the same neighbours as brute force on uniform points in D = 8 with small leaves", () => {
    const rng = new Random(4);
    const pts = rng.uniforms(8 * 1000), q = rng.uniforms(8 * 100);
    const a = new KdTree(pts, 8, 1).query(q, 5), b = bruteForceKnn(pts, 8, q, 5);
    expect(a.indices).toEqual(b.indices);
  });

  it("answers a hand-made case and sorts neighbours nearest first", () => {
    const tree = new KdTree(new Float64Array([0, 0, 1, 0, 0, 1, 5, 5]), 2, 1);
    const nb = tree.query(new Float64Array([0.9, 0.2]), 3);
    expect(Array.from(nb.indices)).toEqual([1, 0, 2]);
    expectClose(nb.distances[0], Math.hypot(0.1, 0.2));
    expectClose(nb.distances[1], Math.hypot(0.9, 0.2));
  });

  it("handles many identical points", () => {
    const pts = new Float64Array(2 * 100).fill(0.5);
    const nb = new KdTree(pts, 2, 4).query(new Float64Array([0.5, 1.5]), 3);
    expect(Array.from(nb.distances)).toEqual([1, 1, 1]);
  });

  it("rejects k > N, k < 1, bad lengths and non-finite coordinates", () => {
    const tree = new KdTree(new Float64Array([0, 0, 1, 1]), 2);
    expect(() => tree.query(new Float64Array([0, 0]), 3)).toThrow(/`k` must be an integer in \[1, 2\], got 3/);
    expect(() => tree.query(new Float64Array([0, 0]), 0)).toThrow(/`k`/);
    expect(() => tree.query(new Float64Array([0, 0, 0]), 1)).toThrow("`queries` length must be a positive multiple of 2, got 3");
    expect(() => new KdTree(new Float64Array(0), 2)).toThrow(RangeError);
    expect(() => new KdTree(new Float64Array([0, NaN]), 2)).toThrow(/finite/);
    expect(() => bruteForceKnn(new Float64Array([0, 0]), 2, new Float64Array([0, 0]), 2)).toThrow(/`k`/);
  });
});

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

describe("jacobiEigen", () => {
  it("diagonalises a random symmetric matrix: A v = λ v, orthonormal V", () => {
    const n = 7, rng = new Random(11);
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) A[i * n + j] = A[j * n + i] = rng.normal();
    const copy = A.slice(), V = new Float64Array(n * n), lam = new Float64Array(n);
    jacobiEigen(copy, n, V, lam);
    for (let e = 0; e < n; e++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += A[i * n + j] * V[j * n + e];
        expectClose(av, lam[e] * V[i * n + e], { abs: 1e-12 });
      }
      for (let f = 0; f < n; f++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += V[i * n + e] * V[i * n + f];
        expectClose(dot, e === f ? 1 : 0, { abs: 1e-12 });
      }
    }
  });
});
