import { describe, expect, it } from "vitest";
import { twoNN } from "../src/twonn";
import { Random } from "../src/random";
import { expectClose } from "./helpers";

describe("twoNN", () => {
  // Points uniform in the unit d-cube, N = 4000. The statistical error is about d/sqrt(N) (1.6%);
  // points near the faces see truncated neighbourhoods, which biases TwoNN low by a few percent,
  // more so as d grows (measured: 0.995, 1.97, 2.90, 3.92, 4.80). Tolerance 10% of d.
  for (const d of [1, 2, 3, 4, 5]) {
    it(`recovers d = ${d} from points uniform in the ${d}-cube`, () => {
      const r = twoNN(new Random(d * 100 + 4000).uniforms(4000 * d), d);
      expectClose(r.estimate, d, { rel: 0.1 });
      expectClose(r.mle, d, { rel: 0.1 });
      expectClose(r.mleStderr, r.mle / Math.sqrt(4000));
    });
  }

  it("recovers the dimension of a 2-plane embedded in D = 10 (rotation invariance)", () => {
    const rng = new Random(3);
    const n = 3000, pts = new Float64Array(n * 10);
    for (let i = 0; i < n; i++) {
      const u = rng.uniform(), v = rng.uniform();
      for (let j = 0; j < 10; j++) pts[i * 10 + j] = u * Math.cos(j) + v * Math.sin(2 * j);
    }
    expectClose(twoNN(pts, 10).estimate, 2, { rel: 0.1 });
  });

  it("is deterministic", () => {
    const pts = new Random(1).uniforms(3 * 500);
    expect(twoNN(pts, 3)).toEqual(twoNN(pts, 3));
  });

  it("rejects fewer than 3 points, duplicates and a bad discard fraction", () => {
    expect(() => twoNN(new Float64Array([0, 1]), 1)).toThrow(/number of points/);
    expect(() => twoNN(new Float64Array([0, 0, 1, 2]), 1)).toThrow(/distinct/);
    expect(() => twoNN(new Float64Array([0, 1, 3]), 1, 1)).toThrow(/`discard`/);
    expect(() => twoNN(new Float64Array([0, 1, 3]), 2)).toThrow(/multiple/);
  });
});
