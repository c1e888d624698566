import { describe, expect, it } from "vitest";
import { Random } from "../../src/stats/random";
import { fitPowerLaw } from "../../src/fit/powerlaw_fit";
import { structureFunction } from "../../src/measure/rough";
import { planeWaveField } from "../../src/learn/targets";
import { expectClose } from "../helpers";

describe("planeWaveField", () => {
  it("puts ⌈4·2^(k(d−1))⌉ waves in octave k, capped", () => {
    expect(planeWaveField({ d: 2, h: 0.5, seed: 1, maxWavenumber: 512 }).wavesPerOctave).toEqual([
      4,
      8,
      16,
      32,
      64,
      128,
      256,
      512,
      1024,
    ]);
    expect(planeWaveField({ d: 4, h: 2, seed: 1, maxWavenumber: 16 }).wavesPerOctave).toEqual([4, 32, 256, 2048]);
    expect(planeWaveField({ d: 1, h: 2, seed: 1, maxWavenumber: 8 }).wavesPerOctave).toEqual([4, 4, 4]);
  });

  it("has variance 1/2 over the cube (the sum of a²/2 normalised)", () => {
    // Monte-Carlo mean of g² over 20 000 uniform points: standard error ≈ √(Var g²/m) ≈ 0.005 for a
    // near-Gaussian field of variance 1/2 (Var g² = 2·(1/2)² = 1/2); the low octaves are not exactly
    // orthogonal on the cube, which adds a few per cent. Tolerance 0.1 absolute.
    const g = planeWaveField({ d: 2, h: 2, seed: 3, maxWavenumber: 128 });
    const rng = new Random(4);
    const p = rng.uniforms(40000);
    let s = 0;
    for (let i = 0; i < 20000; i++) s += g.f(p, 2 * i) ** 2;
    expectClose(s / 20000, 0.5, { abs: 0.1 });
  });

  for (const h of [0.5, 1 / 3]) {
    it(`is Hölder-${h.toFixed(2)}: S₂(δ) ∝ δ^(2h) for 1/κ_max ≪ δ ≪ 1 (d = 2)`, () => {
      // As notebook 07 checks its Weierstrass target: the slope of the second-order structure function
      // on log-log axes is 2h. With κ_max = 512 and δ from 1/256 to 1/16 the cut-off and the largest
      // scales bend the slope by a few per cent; tolerance 0.15·2h.
      const g = planeWaveField({ d: 2, h, seed: 2, maxWavenumber: 512 });
      const deltas = [1 / 256, 1 / 128, 1 / 64, 1 / 32, 1 / 16];
      const s2 = deltas.map((delta) =>
        structureFunction(g.f, 2, new Float64Array([1, 0.5]), delta, 4000, new Random(5))
      );
      const slope = -fitPowerLaw(deltas, s2).alpha;
      expectClose(slope, 2 * h, { rel: 0.15 });
    });
  }

  it("is smooth for h = 2: S₂(δ) ∝ δ² below the largest scales", () => {
    const g = planeWaveField({ d: 2, h: 2, seed: 2, maxWavenumber: 128 });
    const deltas = [1 / 1024, 1 / 512, 1 / 256, 1 / 128];
    const s2 = deltas.map((delta) => structureFunction(g.f, 2, new Float64Array([1, 0.5]), delta, 4000, new Random(5)));
    expectClose(-fitPowerLaw(deltas, s2).alpha, 2, { rel: 0.05 });
  });

  it("is deterministic and refuses bad options by name", () => {
    const a = planeWaveField({ d: 3, h: 0.5, seed: 9, maxWavenumber: 32 });
    const b = planeWaveField({ d: 3, h: 0.5, seed: 9, maxWavenumber: 32 });
    const p = new Float64Array([0.1, 0.7, 0.3]);
    expect(a.f(p, 0)).toBe(b.f(p, 0));
    expect(() => planeWaveField({ d: 0, h: 0.5, seed: 1, maxWavenumber: 8 })).toThrow(/`d`/);
    expect(() => planeWaveField({ d: 2, h: 0, seed: 1, maxWavenumber: 8 })).toThrow(/`h`/);
    expect(() => planeWaveField({ d: 2, h: 1, seed: 1, maxWavenumber: 8, waves: 3 } as never)).toThrow(/waves/);
  });
});
