import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  type ExperimentSettings,
  gridExponents,
  manifoldExponents,
  measuredExponents,
  twonnOnManifold,
} from "../../src/measure/measured_exponents";
import { expectClose } from "../helpers";

/** Small settings so each test runs in well under a second. */
const small: ExperimentSettings = {
  ...DEFAULT_SETTINGS,
  seeds: 3,
  mcPoints: 2048,
  manifoldSizes: [256, 1024, 4096],
  queries: 256,
};

describe("gridExponents", () => {
  it("measures 2/d and 4/d for the smooth target in d = 2", () => {
    const [c, l] = gridExponents(2, null, [4, 8, 16, 32, 64], small);
    expect([c.approximant, l.approximant]).toEqual(["constant", "linear"]);
    expect(c.sizes).toEqual([16, 64, 256, 1024, 4096]);
    // pre-asymptotic corrections are O(s²) relative (a few % at n = 4) and the Monte Carlo noise
    // largely cancels between sizes (same points): measured 1.001 and 1.992, tolerance 0.03
    expectClose(c.alpha, 1, { abs: 0.03 });
    expectClose(l.alpha, 2, { abs: 0.03 });
    expect(c.alphaPaper).toBe(1);
    expect(l.alphaPaper).toBe(2);
  });

  it("measures 2h/d, not eq. 17's 4h/d, for both approximants of a rough target (d = 1, h = 1/2)", () => {
    const [c, l] = gridExponents(1, 0.5, [8, 16, 32, 64, 128, 256, 512], small);
    expectClose(l.alphaPaper, 2, { rel: 1e-15 }); // eq. 17: 4h/d
    expectClose(l.alphaHolder, 1, { rel: 1e-15 }); // section 5's bound: 2h/d
    // seed-to-seed scatter of α is about 0.03 at these sizes: 2h/d = 1 within 0.15, far from 2
    expectClose(c.alpha, 1, { abs: 0.15 });
    expectClose(l.alpha, 1, { abs: 0.15 });
    expect(l.alphaStderr).toBeGreaterThan(0);
  });

  it("is reproducible: the same settings give identical numbers", () => {
    expect(gridExponents(3, 1 / 3, [3, 4, 6, 8], small)).toEqual(gridExponents(3, 1 / 3, [3, 4, 6, 8], small));
  });

  it("rejects d ≤ 0 and fewer than two sizes", () => {
    expect(() => gridExponents(0, null, [2, 4], small)).toThrow(/`d`/);
    expect(() => gridExponents(2, null, [4], small)).toThrow(/sides.length/);
  });
});

describe("manifoldExponents", () => {
  it("follows the intrinsic d = 2, not D = 32: knn1 ≈ 2/d, local-linear ≈ 4/d", () => {
    const [k1, ll] = manifoldExponents(2, small);
    // 3 seeds, 1.2 decades of N: seed scatter about 0.03–0.05; tolerance 0.15. For D = 32 the grid
    // formulas would give 2/32 and 4/32, an order of magnitude below.
    expectClose(k1.alpha, 1, { abs: 0.15 });
    expectClose(ll.alpha, 2, { abs: 0.15 });
  });
});

describe("twonnOnManifold", () => {
  it("recovers d = 3 from the embedded points alone", () => {
    const r = twonnOnManifold(3, 32, 2000, 2);
    // statistical error ~ d/sqrt(N) ≈ 0.07 per seed, boundary bias a few percent low: 10%
    expectClose(r.estimate, 3, { rel: 0.1 });
  });
});

describe("measuredExponents", () => {
  it("memoises: equal settings return the same object", () => {
    const tiny: ExperimentSettings = {
      ...small,
      seeds: 2,
      gridSides: [[4, 8], [2, 4]],
      roughDims: [1],
      hs: [0.5],
      manifoldDims: [1],
      manifoldSizes: [64, 128],
      queries: 32,
      twonnSizes: [100],
    };
    const a = measuredExponents(tiny);
    expect(measuredExponents({ ...tiny })).toBe(a);
    // 2 smooth dims × 2 + 1 rough × 2 + 1 manifold × 2 rows
    expect(a.exponents.length).toBe(8);
    expect(a.dimensions.length).toBe(1);
  });
});

describe("formatHolder", () => {
  it("prints 1/3 as a fraction, other exponents as numbers, smooth targets as empty", async () => {
    const { formatHolder } = await import("../../src/measure/measured_exponents");
    expect(formatHolder(1 / 3)).toBe("1/3");
    expect(formatHolder(0.5)).toBe("1/2"); // one notation with the figures (formatFraction)
    expect(formatHolder(null)).toBe("");
  });
});
