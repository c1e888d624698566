import { describe, expect, it } from "vitest";
import { bruteForceKnn, KdTree } from "../../src/measure/kdtree";
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
    for (const leaf of [1, 7, 16, 100]) {
      expect(new KdTree(train.x, 32, leaf).query(test.x.subarray(0, 32 * 256), 10).indices).toEqual(
        ten.indices.subarray(0, 2560),
      );
    }
  });

  it("breaks ties as the k-d tree always did (points on a lattice, many at equal distances)", () => {
    // Points on a coarse lattice of a 3-d subspace of R^16 (duplicates among them) and queries half a
    // step off it: most neighbours are tied. The tree's order among tied points is its depth-first
    // order, not the lower index (bruteForceKnn's); the pinned checksums were computed with the tree as
    // it was before issue 18's shadow pruning.
    const rng = new Random(5), D = 16, m = 3000;
    const W = Array.from({ length: D * 3 }, () => rng.int(5) - 2);
    const embed = (t: number[], out: Float64Array, o: number) => {
      for (let r = 0; r < D; r++) out[o + r] = (W[r * 3] * t[0] + W[r * 3 + 1] * t[1] + W[r * 3 + 2] * t[2]) / 4;
    };
    const x = new Float64Array(m * D), q = new Float64Array(400 * D);
    for (let i = 0; i < m; i++) embed([rng.int(12), rng.int(12), rng.int(12)], x, i * D);
    for (let i = 0; i < 400; i++) embed([rng.int(12) + 0.5, rng.int(12), rng.int(12) + 0.5], q, i * D);
    const hash = (a: Int32Array) => a.reduce((h, v) => (h * 31 + v) >>> 0, 0);
    const tree = new KdTree(x, D), six = tree.query(q, 6);
    let weighted = 0;
    for (let i = 0; i < six.distances.length; i++) weighted += six.distances[i] * (i % 7 + 1);
    expect([hash(tree.query(q, 1).indices), hash(six.indices), hash(new KdTree(x, D, 7).query(q, 6).indices), weighted])
      .toEqual([4245220021, 1155132353, 3177366403, 8816.800079930452]);
    expect(Array.from(six.indices)).not.toEqual(Array.from(bruteForceKnn(x, D, q, 6).indices)); // ties do occur
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
    expect(() => tree.query(new Float64Array([0, 0, 0]), 1)).toThrow(
      "`queries` length must be a positive multiple of 2, got 3",
    );
    expect(() => new KdTree(new Float64Array(0), 2)).toThrow(RangeError);
    expect(() => new KdTree(new Float64Array([0, NaN]), 2)).toThrow(/finite/);
    expect(() => bruteForceKnn(new Float64Array([0, 0]), 2, new Float64Array([0, 0]), 2)).toThrow(/`k`/);
  });
});
