import { describe, expect, it } from "vitest";
import { jacobiEigen } from "../../src/stats/eigen";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

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

  it("returns a diagonal matrix's entries and the unit vectors (the doc example)", () => {
    const V = new Float64Array(4), lam = new Float64Array(2);
    jacobiEigen(new Float64Array([2, 0, 0, 1]), 2, V, lam);
    expect(Array.from(lam)).toEqual([2, 1]);
    expect(Array.from(V)).toEqual([1, 0, 0, 1]);
  });

  it("rejects a bad n, wrong lengths, other array types and non-finite entries", () => {
    const ok = () => new Float64Array(4);
    expect(() => jacobiEigen(ok(), 0, ok(), new Float64Array(0))).toThrow(/`n`/);
    expect(() => jacobiEigen(new Float64Array(3), 2, ok(), new Float64Array(2))).toThrow(/`A` must hold 4 values/);
    expect(() => jacobiEigen(ok(), 2, ok(), new Float64Array(3))).toThrow(/`lam` must hold 2 values/);
    expect(() => jacobiEigen(ok(), 2, new Float32Array(4) as never, new Float64Array(2))).toThrow(TypeError);
    expect(() => jacobiEigen(new Float64Array([1, NaN, NaN, 1]), 2, ok(), new Float64Array(2))).toThrow(/A\[1\]/);
  });
});
