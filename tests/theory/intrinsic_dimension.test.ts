import { describe, expect, it } from "vitest";
import {
  dimensionForExponent,
  exponentBelow,
  halvingDoublings,
  halvingFactor,
  roughExponent,
  sharmaKaplanExponent,
} from "../../src/theory/intrinsic_dimension";
import { cellSide, linearLossBound } from "../../src/theory/piecewise";
import { expectClose, expectRefusal } from "../helpers";
import * as id from "../../src/theory/intrinsic_dimension";

describe("intrinsic_dimension", () => {
  it("sharmaKaplanExponent() is the log-log slope in N of section 5's piecewise-linear loss bound (eq. 9 = eq. 10 at a = 4)", () => {
    for (const d of [1, 3, 40]) {
      // measured: L <= (H d s^2 / 8)^2 with s = N^(-1/d) cells of side s, between N = 1e3 and 1e9
      const n1 = 1e3, n2 = 1e9;
      const slope = -Math.log(linearLossBound(1, cellSide(n2, d), d) / linearLossBound(1, cellSide(n1, d), d)) /
        Math.log(n2 / n1);
      expectClose(sharmaKaplanExponent(d), slope, { rel: 1e-9 });
    }
    // by hand: 4/1 = 4, 4/3 = 1.333..., 4/40 = 0.1
    expect(sharmaKaplanExponent(1)).toBe(4);
    expectClose(sharmaKaplanExponent(3), 1.3333333333333333);
    expect(sharmaKaplanExponent(40)).toBe(0.1);
  });

  it("halvingFactor() is 2^(d/4): 1024 at d = 40 (section 1's 2^10), 2^20 at d = 80", () => {
    // 2^(1/0.1) = 2^10 exactly representable; the power may round by an ulp
    expectClose(halvingFactor(40), 1024, { rel: 1e-14 });
    expectClose(halvingFactor(80), 2 ** 20, { rel: 1e-14 });
    expectClose(halvingFactor(100), 2 ** 25, { rel: 1e-14 });
    // rough data, eq. 17 with h = 1/3: 2^(3 d / 4), so d = 40 needs 2^30
    expectClose(halvingFactor(40, 4, 1 / 3), 2 ** 30, { rel: 1e-13 });
    expectClose(halvingDoublings(80), 20, { rel: 1e-15 });
    expectClose(halvingDoublings(40, 2), 20, { rel: 1e-15 });
    expect(() => halvingFactor(0)).toThrow("`d` must be in (0, ∞), got 0");
    expect(() => halvingFactor(10, 4, 2)).toThrow("`h` must be in (0, 1], got 2");
  });

  it("sharmaKaplanExponent() gives the paper's band 0.05-0.1 at d = 80 and d = 40 (eq. 9)", () => {
    // 4/40 and 4/80 round to the doubles 0.1 and 0.05 exactly (checked in IEEE arithmetic)
    expect(sharmaKaplanExponent(40)).toBe(0.1);
    expect(sharmaKaplanExponent(80)).toBe(0.05);
  });

  it("sharmaKaplanExponent() decreases strictly in d", () => {
    let previous = Infinity;
    for (let d = 0.5; d <= 1000; d *= 1.3) {
      const alpha = sharmaKaplanExponent(d);
      expect(alpha).toBeLessThan(previous);
      previous = alpha;
    }
  });

  it("roughExponent() is 4h/d (eq. 17 as printed) and equals eq. 9 at h = 1", () => {
    expect(roughExponent(1, 25)).toBe(sharmaKaplanExponent(25));
    // 4 * (1/3) / 40 = 1/30, closed form
    expectClose(roughExponent(1 / 3, 40), 1 / 30);
  });

  it("dimensionForExponent() inverts a/d: 40 for alpha = 0.1 and 80 for 0.05", () => {
    expect(dimensionForExponent(0.1)).toBe(40);
    expect(dimensionForExponent(0.05)).toBe(80);
    expect(dimensionForExponent(0.1, 2)).toBe(20);
    for (const d of [3, 17.5, 123]) expectClose(sharmaKaplanExponent(dimensionForExponent(4 / d)), 4 / d);
  });

  it("exponentBelow() makes d > 40 strict: d = 40 gives alpha = 0.1, not below it", () => {
    expect(exponentBelow(40, 0.1)).toBe(false);
    expect(exponentBelow(40.000001, 0.1)).toBe(true);
    expect(exponentBelow(80, 0.05)).toBe(false);
    expect(exponentBelow(81, 0.05)).toBe(true);
  });

  it("rejects non-positive dimensions and Hölder exponents outside (0, 1]", () => {
    expect(() => sharmaKaplanExponent(0)).toThrow("`d` must be in (0, ∞), got 0");
    expect(() => sharmaKaplanExponent(-3)).toThrow(RangeError);
    expect(() => roughExponent(0, 10)).toThrow("`h` must be in (0, 1], got 0");
    expect(() => roughExponent(1.2, 10)).toThrow("`h` must be in (0, 1], got 1.2");
    expect(() => dimensionForExponent(0)).toThrow(RangeError);
    expect(() => exponentBelow(NaN, 0.1)).toThrow(RangeError);
  });
});

describe("intrinsic_dimension: each parameter refused by name, at its bounds (issue 18: mutants `npm run mutate` found alive)", () => {
  it("names the parameter and its range in every refusal", () => {
    expectRefusal(() => id.sharmaKaplanExponent(1e-320), RangeError, "`d` = 1e-320 is out of range: 4/d is Infinity");
    expectRefusal(() => id.roughExponent(0.5, -1), RangeError, "`d` must be in (0, ∞), got -1");
    expectRefusal(() => id.dimensionForExponent(0.1, -1), RangeError, "`a` must be in (0, ∞), got -1");
    expectRefusal(
      () => id.dimensionForExponent(1e-320),
      RangeError,
      "`alpha` = 1e-320 is out of range: a/alpha is Infinity",
    );
    expectRefusal(() => id.exponentBelow(-1, 0.1), RangeError, "`d` must be in (0, ∞), got -1");
    expectRefusal(() => id.exponentBelow(3, -1), RangeError, "`alpha` must be in (0, ∞), got -1");
    expectRefusal(() => id.exponentBelow(3, 0.1, -1), RangeError, "`a` must be in (0, ∞), got -1");
    expectRefusal(() => id.halvingDoublings(3, -1), RangeError, "`a` must be in (0, ∞), got -1");
  });
});
