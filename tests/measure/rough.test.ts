import { describe, expect, it } from "vitest";
import { structureFunction, weierstrassTarget } from "../../src/measure/rough";
import { fitPowerLaw } from "../../src/fit/powerlaw_fit";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

/** Slope of the structure function S₂(δ) over δ = 1e-5 … 1e-2, averaged over three realisations. */
function structureSlope(d: number, h: number): number {
  const deltas = [1e-5, 1e-4, 1e-3, 1e-2];
  let sum = 0;
  for (const seed of [1, 2, 3]) {
    const { f } = weierstrassTarget({ d, h, seed, maxWavenumber: 1e6 });
    const dir = new Float64Array(d).fill(1);
    const s2 = deltas.map((delta) => structureFunction(f, d, dir, delta, 4000, new Random(5)));
    sum += -fitPowerLaw(deltas, s2).alpha;
  }
  return sum / 3;
}

describe("weierstrassTarget", () => {
  // For a Hölder-h signal S₂(δ) ∼ δ^(2h). Single realisations scatter by about ±0.04 around 2h
  // (measured over seeds 1–3); the mean of three is within ±0.06 (about 3 standard errors).
  it("has structure-function exponent 2h for h = 1/3 in d = 1", () => {
    expectClose(structureSlope(1, 1 / 3), 2 / 3, { abs: 0.06 });
  });
  it("has structure-function exponent 2h for h = 1/2 in d = 2", () => {
    expectClose(structureSlope(2, 1 / 2), 1, { abs: 0.06 });
  });
  it("has structure-function exponent 2h for h = 1/3 in d = 3", () => {
    expectClose(structureSlope(3, 1 / 3), 2 / 3, { abs: 0.06 });
  });

  it("is smooth above the highest octave (S₂ ∼ δ² there)", () => {
    // with octaves only up to κ = 16, increments at δ ≪ 1/16 are differentiable: slope 2
    const { f } = weierstrassTarget({ d: 1, h: 1 / 3, seed: 4, maxWavenumber: 16 });
    const deltas = [1e-6, 1e-5, 1e-4];
    const dir = new Float64Array([1]);
    const s2 = deltas.map((delta) => structureFunction(f, 1, dir, delta, 2000, new Random(6)));
    expectClose(-fitPowerLaw(deltas, s2).alpha, 2, { abs: 0.01 });
  });

  it("counts octaves from the bandwidth and waves per octave", () => {
    // λ = 2, κ_max = 1024: floor(log2 1024) = 10 octaves, d = 3 waves each by default
    const t = weierstrassTarget({ d: 3, h: 0.5, seed: 1, maxWavenumber: 1024 });
    expect(t.octaves).toBe(10);
    expect(t.terms).toBe(30);
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const p = new Float64Array([0.1, 0.7]);
    const a = weierstrassTarget({ d: 2, h: 0.5, seed: 9, maxWavenumber: 1e3 }).f(p, 0);
    const b = weierstrassTarget({ d: 2, h: 0.5, seed: 9, maxWavenumber: 1e3 }).f(p, 0);
    const c = weierstrassTarget({ d: 2, h: 0.5, seed: 10, maxWavenumber: 1e3 }).f(p, 0);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it("rejects h outside (0, 1), d ≤ 0 and a bandwidth below 1", () => {
    expect(() => weierstrassTarget({ d: 1, h: 1, seed: 1, maxWavenumber: 100 })).toThrow(
      /`h` must be in \(0, 1\), got 1/,
    );
    expect(() => weierstrassTarget({ d: 1, h: 0, seed: 1, maxWavenumber: 100 })).toThrow(RangeError);
    expect(() => weierstrassTarget({ d: 0, h: 0.5, seed: 1, maxWavenumber: 100 })).toThrow(/`d`/);
    expect(() => weierstrassTarget({ d: 1, h: 0.5, seed: 1, maxWavenumber: 0.5 })).toThrow(/maxWavenumber/);
    expect(() => weierstrassTarget({ d: 1, h: 0.5, seed: 1, maxWavenumber: 10, lambda: 1 })).toThrow(/lambda/);
  });
});

describe("structureFunction", () => {
  it("equals δ² for the linear function x (exact increments)", () => {
    const s2 = structureFunction((x, o) => x[o], 1, new Float64Array([2]), 0.01, 10, new Random(1));
    expectClose(s2, 1e-4, { rel: 1e-10 });
  });
  it("rejects a zero direction, a wrong length and δ ≤ 0", () => {
    const f = (x: Float64Array, o: number) => x[o];
    expect(() => structureFunction(f, 1, new Float64Array([0]), 0.1, 10, new Random(1))).toThrow(RangeError);
    expect(() => structureFunction(f, 2, new Float64Array([1]), 0.1, 10, new Random(1))).toThrow(/length/);
    expect(() => structureFunction(f, 1, new Float64Array([1]), 0, 10, new Random(1))).toThrow(/`delta`/);
  });
});
