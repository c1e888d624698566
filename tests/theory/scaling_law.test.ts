import { describe, expect, it } from "vitest";
import {
  doublingsToCut,
  exponentFromDoublingChange,
  lossChangePerDoubling,
  powerLaw,
  resourceFactor,
} from "../../src/theory/scaling_law";
import { expectClose } from "../helpers";

describe("scaling_law (paper §1, eq. 1)", () => {
  it("resourceFactor() is 1024 for alpha = 0.1 and k = 2 (paper §1: 2^10 = 1024)", () => {
    expectClose(resourceFactor(2, 0.1), 1024, { rel: 1e-13 });
  });
  it("resourceFactor() is sqrt(2) for a = 2 and 4 for a = 1/2 (paper §2)", () => {
    expectClose(resourceFactor(2, 2), Math.SQRT2);
    expectClose(resourceFactor(2, 0.5), 4);
  });
  it("powerLaw() falls by exactly k when N grows by resourceFactor(k, alpha)", () => {
    for (const alpha of [0.05, 0.1, 1 / 3, 2]) {
      for (const k of [2, 10]) {
        const n = 1000;
        expectClose(powerLaw(n, 3.7, alpha) / powerLaw(n * resourceFactor(k, alpha), 3.7, alpha), k, {
          rel: 1e-11, // pow of large numbers: ~1e-14 each, amplified by 1/alpha <= 20
        });
      }
    }
  });
  it("doublingsToCut() counts 10 doublings to halve at alpha = 0.1 and 20 at alpha = 0.05", () => {
    expectClose(doublingsToCut(2, 0.1), 10);
    expectClose(doublingsToCut(2, 0.05), 20);
    expectClose(2 ** doublingsToCut(10, 1 / 3), resourceFactor(10, 1 / 3), { rel: 1e-13 });
  });
  it("lossChangePerDoubling() equals 1 - L(2N)/L(N) computed from the power law", () => {
    for (const alpha of [0.05, 0.076, 0.1, 1 / 3]) {
      expectClose(lossChangePerDoubling(alpha), 1 - powerLaw(2e6, 1, alpha) / powerLaw(1e6, 1, alpha), {
        rel: 1e-12,
      });
    }
    // 1 - 2^-0.1 = 0.066967008463192... (closed form)
    expectClose(lossChangePerDoubling(0.1), 0.0669670084631926, { rel: 1e-14 });
  });
  it("exponentFromDoublingChange() inverts lossChangePerDoubling()", () => {
    for (const alpha of [0.01, 0.05, 0.1, 0.5, 3]) {
      expectClose(exponentFromDoublingChange(lossChangePerDoubling(alpha)), alpha, { rel: 1e-12 });
    }
  });
  it("rejects N < 1, alpha <= 0, k < 1 and NaN with errors naming the parameter", () => {
    expect(() => powerLaw(0.5, 1, 0.1)).toThrow("`n` must be in [1, ∞), got 0.5");
    expect(() => powerLaw(10, 1, 0)).toThrow("`alpha` must be in (0, ∞), got 0");
    expect(() => powerLaw(10, -1, 0.1)).toThrow("`a` must be in (0, ∞), got -1");
    expect(() => resourceFactor(0.5, 0.1)).toThrow("`k` must be in [1, ∞), got 0.5");
    expect(() => resourceFactor(2, NaN)).toThrow("`alpha` must be in (0, ∞), got NaN");
    expect(() => lossChangePerDoubling(-0.1)).toThrow(RangeError);
    expect(() => exponentFromDoublingChange(1)).toThrow("`change` must be in (0, 1), got 1");
  });
});

describe("resourceFactor overflow", () => {
  it("is a RangeError naming alpha when k^(1/alpha) overflows, not Infinity", () => {
    expect(() => resourceFactor(2, 1e-4)).toThrow(
      /`alpha` = 0.0001 is out of range: the resource factor 2\^\(1\/alpha\)/,
    ); // 2^10000
  });
});

describe("scaling_law's refusals name the parameter (issue 18: mutants `npm run mutate` found alive)", () => {
  it("doublingsToCut and lossChangePerDoubling", () => {
    expect(() => doublingsToCut(0.5, 0.1)).toThrow("`k` must be in [1, ∞), got 0.5");
    expect(() => doublingsToCut(2, 0)).toThrow("`alpha` must be in (0, ∞), got 0");
    expect(() => lossChangePerDoubling(-1)).toThrow("`alpha` must be in (0, ∞), got -1");
  });
});
