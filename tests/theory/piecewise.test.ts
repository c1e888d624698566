import { describe, expect, it } from "vitest";
import {
  cellCount,
  cellDiameter,
  cellSide,
  constantLossBound,
  holderLossBound,
  linearLossBound,
  midpointConstantLoss,
  piecewiseExponent,
} from "../../src/theory/piecewise";
import { expectClose, expectRefusal } from "../helpers";
import * as pw from "../../src/theory/piecewise";

/** Log-log slope of a loss bound between two cell counts, measured in N (an independent check of alpha). */
function slopeInN(loss: (s: number) => number, d: number, n1: number, n2: number): number {
  const s1 = cellSide(n1, d), s2 = cellSide(n2, d);
  return -Math.log(loss(s2) / loss(s1)) / Math.log(n2 / n1);
}

describe("piecewise", () => {
  it("cellCount() is s^-d (eq. 11) and cellSide() inverts it", () => {
    expect(cellCount(0.5, 3)).toBe(8);
    expect(cellCount(1, 7)).toBe(1);
    // 1000^(-1/3) = 0.1 up to the rounding of the power
    expectClose(cellSide(1000, 3), 0.1, { rel: 1e-15 });
    for (const [s, d] of [[0.3, 2.5], [0.01, 4]]) expectClose(cellSide(cellCount(s, d), d), s, { rel: 1e-13 });
  });

  it("cellDiameter() is s√d", () => {
    expect(cellDiameter(1, 4)).toBe(2);
    expectClose(cellDiameter(0.1, 2), 0.1 * Math.SQRT2);
  });

  it("constantLossBound() is G² d s² and falls as N^(-2/d) (eq. 13)", () => {
    // 1 * 2 * 0.1^2 = 0.02 by hand
    expectClose(constantLossBound(1, 0.1, 2), 0.02);
    for (const d of [1, 3, 10]) {
      // exact power law, so the slope is 2/d up to rounding of logs
      expectClose(slopeInN((s) => constantLossBound(3, s, d), d, 1e3, 1e9), 2 / d, { rel: 1e-9 });
    }
  });

  it("midpointConstantLoss() matches a direct quadrature of the cell-centre error of f(x) = g x", () => {
    // independent computation: midpoint-rule integral of (g (x - centre))^2 over [0, 1] with n cells
    const g = 2.5, n = 7, s = 1 / n, m = 2000;
    let sum = 0;
    for (let i = 0; i < n * m; i++) {
      const x = (i + 0.5) / (n * m);
      const centre = (Math.floor(x * n) + 0.5) / n;
      sum += (g * (x - centre)) ** 2;
    }
    // the midpoint rule errs by O(1/m^2) relative: 1e-6 is generous for m = 2000
    expectClose(midpointConstantLoss(g * g, s), sum / (n * m), { rel: 1e-6 });
    // and it sits below the paper's bound by the factor 12 d (d = 1)
    expectClose(constantLossBound(g, s, 1) / midpointConstantLoss(g * g, s), 12);
  });

  it("linearLossBound() is (H d s² / 8)² and falls as N^(-4/d)", () => {
    expectClose(linearLossBound(1, 0.1, 2), 6.25e-6);
    for (const d of [1, 4, 40]) {
      expectClose(slopeInN((s) => linearLossBound(1, s, d), d, 1e3, 1e9), 4 / d, { rel: 1e-9 });
    }
  });

  it("linearLossBound() holds for f(x) = x² on [0, 1] (H = 2), and is attained at the cell corners", () => {
    // f - Taylor(centre) = (x - c)^2 exactly; max over the cell is (s/2)^2 = H d s^2 / 8 with H = 2, d = 1
    const s = 0.05;
    const worst = (s / 2) ** 2;
    expectClose(Math.sqrt(linearLossBound(2, s, 1)), worst);
  });

  it("holderLossBound() is C² d^h s^(2h), falls as N^(-2h/d), and reduces to the gradient bound at h = 1", () => {
    expectClose(holderLossBound(1, 0.5, 0.01, 1), 0.01);
    expectClose(holderLossBound(3, 1, 0.2, 5), constantLossBound(3, 0.2, 5));
    expectClose(slopeInN((s) => holderLossBound(1, 1 / 3, s, 3), 3, 1e3, 1e9), 2 / 9, { rel: 1e-9 });
  });

  it("piecewiseExponent() gives 2/d, 4/d and 2h/d", () => {
    expect(piecewiseExponent(2, 0, 10)).toBe(0.2);
    expect(piecewiseExponent(2, 1, 40)).toBe(0.1);
    expectClose(piecewiseExponent(1 / 3, 1, 3), 2 / 9);
    // a rough target gains nothing from higher degree
    expect(piecewiseExponent(0.5, 3, 8)).toBe(piecewiseExponent(0.5, 0, 8));
  });

  it("rejects bad input", () => {
    expect(() => cellCount(0, 3)).toThrow("`s` must be in (0, 1], got 0");
    expect(() => cellCount(1.5, 3)).toThrow(RangeError);
    expect(() => cellCount(0.5, 0)).toThrow("`d` must be in (0, ∞), got 0");
    expect(() => cellSide(0.5, 3)).toThrow("`n` must be in [1, ∞), got 0.5");
    expect(() => constantLossBound(-1, 0.1, 2)).toThrow("`g` must be in [0, ∞), got -1");
    expect(() => linearLossBound(1, 0.1, -2)).toThrow(RangeError);
    expect(() => holderLossBound(1, 0, 0.1, 2)).toThrow("`h` must be in (0, 1], got 0");
    expect(() => holderLossBound(1, 1.5, 0.1, 2)).toThrow(RangeError);
    expect(() => piecewiseExponent(2, 0.5, 3)).toThrow("`k` must be an integer in [0, ∞), got 0.5");
    expect(() => piecewiseExponent(2, 1, 0)).toThrow(RangeError);
  });
});

describe("piecewise: each parameter refused by name, at its bounds (issue 18: mutants `npm run mutate` found alive)", () => {
  it("names the parameter and its range in every refusal", () => {
    expectRefusal(
      () => pw.cellCount(1e-10, 40),
      RangeError,
      "`s` = 1e-10 is out of range: the cell count s^-d is Infinity",
    );
    expectRefusal(() => pw.cellSide(10, -1), RangeError, "`d` must be in (0, ∞), got -1");
    expectRefusal(() => pw.cellDiameter(-1, 2), RangeError, "`s` must be in (0, ∞), got -1");
    expectRefusal(() => pw.cellDiameter(0.5, -1), RangeError, "`d` must be in (0, ∞), got -1");
    expectRefusal(() => pw.constantLossBound(1, 0, 2), RangeError, "`s` must be in (0, 1], got 0");
    expectRefusal(() => pw.constantLossBound(1, 0.5, -1), RangeError, "`d` must be in (0, ∞), got -1");
    expectRefusal(() => pw.midpointConstantLoss(-1, 0.5), RangeError, "`gradSq` must be in [0, ∞), got -1");
    expectRefusal(() => pw.midpointConstantLoss(1, 0), RangeError, "`s` must be in (0, 1], got 0");
    expectRefusal(() => pw.linearLossBound(-1, 0.5, 2), RangeError, "`hess` must be in [0, ∞), got -1");
    expectRefusal(() => pw.linearLossBound(1, 0, 2), RangeError, "`s` must be in (0, 1], got 0");
    expectRefusal(() => pw.linearLossBound(1, 0.5, -1), RangeError, "`d` must be in (0, ∞), got -1");
    expectRefusal(() => pw.holderLossBound(-1, 0.5, 0.5, 2), RangeError, "`c` must be in [0, ∞), got -1");
    expectRefusal(() => pw.holderLossBound(1, 0.5, 0, 2), RangeError, "`s` must be in (0, 1], got 0");
    expectRefusal(() => pw.holderLossBound(1, 0.5, 0.5, -1), RangeError, "`d` must be in (0, ∞), got -1");
    expectRefusal(() => pw.piecewiseExponent(-1, 2, 2), RangeError, "`r` must be in (0, ∞), got -1");
    expectRefusal(() => pw.piecewiseExponent(1, 2, -1), RangeError, "`d` must be in (0, ∞), got -1");
  });
});
