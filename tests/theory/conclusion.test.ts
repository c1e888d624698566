import { describe, expect, it } from "vitest";
import { compressionRatio, thresholdDimension } from "../../src/theory/conclusion";
import { EMBEDDING_WIDTHS, PUBLISHED_EXPONENTS } from "../../src/paper";
import { exponentBelow, sharmaKaplanExponent } from "../../src/theory/intrinsic_dimension";
import { expectClose, expectRefusal } from "../helpers";
import * as co from "../../src/theory/conclusion";

describe("conclusion", () => {
  it("thresholdDimension() is d* = a h / alpha: the paper's d > 40 for alpha < 0.1, 80 for 0.05, 40/3 at h = 1/3", () => {
    // 4/0.1 = 40 and 4/0.05 = 80 (exact in IEEE arithmetic)
    expect(thresholdDimension(0.1)).toBe(40);
    expect(thresholdDimension(0.05)).toBe(80);
    // at the threshold the exponent equals the bound; just above, it is below
    expect(sharmaKaplanExponent(thresholdDimension(0.1))).toBe(0.1);
    expect(exponentBelow(thresholdDimension(0.1) + 1e-9, 0.1)).toBe(true);
    // scales with a h: eq. 17 at h = 1/3 gives 4·(1/3)/0.1 = 40/3; piecewise constants 2/0.1 = 20
    expectClose(thresholdDimension(0.1, 4, 1 / 3), 40 / 3);
    expect(thresholdDimension(0.1, 2)).toBe(20);
  });

  it("compressionRatio() is d/D: 100 over 4096 and 12288 brackets 1e-2", () => {
    expectClose(compressionRatio(100, 4096), 100 / 4096);
    expect(compressionRatio(100, 4096)).toBeGreaterThan(1e-2);
    expect(compressionRatio(100, 12288)).toBeLessThan(1e-2);
  });

  it("the published tables are well formed", () => {
    for (const w of EMBEDDING_WIDTHS) expect(Number.isInteger(w.width) && w.width > 0).toBe(true);
    for (const e of PUBLISHED_EXPONENTS) expect(e.alpha > 0 && e.alpha < 1).toBe(true);
  });

  it("rejects bad input, including an intrinsic dimension above the embedding dimension", () => {
    expect(() => thresholdDimension(0)).toThrow("`alpha` must be in (0, ∞), got 0");
    expect(() => thresholdDimension(0.1, 4, 0)).toThrow("`h` must be in (0, 1], got 0");
    expect(() => compressionRatio(200, 100)).toThrow("`d` must be in (0, 100], got 200");
    expect(() => compressionRatio(0, 100)).toThrow(RangeError);
    expect(() => compressionRatio(1, -5)).toThrow(RangeError);
  });
});

describe("conclusion: each parameter refused by name, at its bounds (issue 18: mutants `npm run mutate` found alive)", () => {
  it("names the parameter and its range in every refusal", () => {
    expectRefusal(() => co.thresholdDimension(0.1, -1), RangeError, "`a` must be in (0, ∞), got -1");
    expectRefusal(() => co.compressionRatio(3, -1), RangeError, "`dim` must be in (0, ∞), got -1");
  });
});
