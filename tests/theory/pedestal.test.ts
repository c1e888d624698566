import { describe, expect, it } from "vitest";
import {
  continuedSizeForFraction,
  criticalInverseSize,
  criticalPedestal,
  criticalSize,
  decadesInBand,
  lossDropDecades,
  maxRunningExponent,
  normalisedRunningExponent,
  pedestalForDrop,
  pedestalLoss,
  runningExponent,
  sizeForExponent,
  transitionWidthDecades,
} from "../../src/theory/pedestal";
import { expectClose, expectRefusal } from "../helpers";
import * as pe from "../../src/theory/pedestal";

const ALPHA_C = 1 / 3;

/**
 * Independent estimate of eq. 5: central difference of ln L in ln x, on eq. 4 written out here
 * (not through the library), so x may step just past 1.
 */
function numericalRunningExponent(x: number, p: number, alpha: number): number {
  const h = 1e-5; // step in ln x: truncation error ~ h^2 = 1e-10, rounding ~ 1e-16/h = 1e-11
  const lnL = (lnx: number) => Math.log(p + (1 - p) * Math.exp(alpha * lnx));
  return (lnL(Math.log(x) + h) - lnL(Math.log(x) - h)) / (2 * h);
}

describe("pedestal (paper §3, eqs. 4–8)", () => {
  it("pedestalLoss() is 1 at x = 1 and tends to p as x → 0 (eq. 4)", () => {
    for (const p of [0, 0.01, 0.2, 0.9]) {
      expectClose(pedestalLoss(1, p, ALPHA_C), 1, { rel: 1e-15 });
      expectClose(pedestalLoss(1e-300, p, ALPHA_C), p, { abs: 1e-99 }); // (1e-300)^(1/3) = 1e-100
    }
  });
  it("runningExponent() equals alpha at p = 0 for every x", () => {
    for (const x of [1e-12, 1e-6, 0.3, 1]) expectClose(runningExponent(x, 0, ALPHA_C), ALPHA_C, { rel: 1e-15 });
  });
  it("runningExponent() equals (1 - p) alpha at x = 1", () => {
    for (const p of [0.01, 0.05, 0.1, 0.2]) expectClose(runningExponent(1, p, ALPHA_C), (1 - p) * ALPHA_C);
  });
  it("runningExponent() matches a numerical derivative of eq. 4 to 1e-8", () => {
    for (const p of [0, 0.01, 0.05, 0.1, 0.2, 0.7]) {
      for (const x of [1e-12, 1e-9, 1e-6, 1e-3, 0.1, 0.5, 1]) {
        for (const alpha of [0.05, 0.1, ALPHA_C, 1.5]) {
          expectClose(runningExponent(x, p, alpha), numericalRunningExponent(x, p, alpha), { abs: 1e-8 });
        }
      }
    }
  });
  it("runningExponent() decreases as N grows (x falls) when p > 0", () => {
    let prev = Infinity;
    for (let e = 0; e >= -12; e -= 0.5) {
      const a = runningExponent(10 ** e, 0.05, ALPHA_C);
      expect(a).toBeLessThan(prev);
      prev = a;
    }
  });
  it("normalisedRunningExponent() is alpha at x = 1, not 1 as the Figure 1 caption says", () => {
    for (const p of [0.01, 0.2]) expectClose(normalisedRunningExponent(1, p, ALPHA_C), ALPHA_C, { rel: 1e-14 });
  });
  it("criticalSize(0.1, 1/3) is 729 = 9^3 (eq. 7)", () => {
    expectClose(criticalSize(0.1, ALPHA_C), 729, { rel: 1e-13 });
    expectClose(criticalSize(0.5, ALPHA_C), 1, { rel: 1e-15 });
    expectClose(criticalSize(0.01, ALPHA_C), 99 ** 3, { rel: 1e-13 });
  });
  it("criticalInverseSize() is 1/criticalSize() and the running exponent there is alpha/2 (eqs. 5–7)", () => {
    for (const alpha of [0.1, ALPHA_C, 0.5]) {
      for (const p of [0.001, 0.05, 0.2, 0.45]) { // p < 1/2 keeps x_crit <= 1
        const xc = criticalInverseSize(p, alpha);
        expectClose(xc * criticalSize(p, alpha), 1, { rel: 1e-12 });
        expectClose(runningExponent(xc, p, alpha), alpha / 2, { rel: 1e-12 });
      }
    }
  });
  it("criticalPedestal() inverts criticalSize() (eq. 8 from eq. 7) and is 1/101 at N = 1e6", () => {
    expectClose(criticalPedestal(1e6, ALPHA_C), 1 / 101, { rel: 1e-13 });
    for (const p of [0.001, 0.05, 0.3]) {
      expectClose(criticalPedestal(criticalSize(p, ALPHA_C), ALPHA_C), p, { rel: 1e-12 });
    }
  });
  it("sizeForExponent() gives the N at which runningExponent() equals the target", () => {
    for (const p of [0.01, 0.05, 0.1, 0.2]) {
      for (const t of [0.1, 0.05, 0.01]) {
        const n = sizeForExponent(t, p, ALPHA_C);
        expectClose(runningExponent(1 / n, p, ALPHA_C), t, { rel: 1e-11 });
      }
    }
    // closed form for p = 0.1, target 0.1: x^(1/3) = 0.01/(0.9 * 7/30) = 1/21, N = 21^3 = 9261
    expectClose(sizeForExponent(0.1, 0.1, ALPHA_C), 9261, { rel: 1e-12 });
  });
  it("transitionWidthDecades() is 3 log10(81) for alpha = 1/3, whatever p", () => {
    expectClose(transitionWidthDecades(ALPHA_C), 3 * Math.log10(81), { rel: 1e-14 });
    // the running exponent starts at (1 - p) alpha, so it passes 0.9 alpha only for p < 0.1
    for (const p of [0.001, 0.01, 0.05]) {
      const n90 = sizeForExponent(0.9 * ALPHA_C, p, ALPHA_C);
      const n10 = sizeForExponent(0.1 * ALPHA_C, p, ALPHA_C);
      expectClose(Math.log10(n10 / n90), transitionWidthDecades(ALPHA_C), { rel: 1e-12 });
    }
  });
  it("lossDropDecades() is alpha per decade without a pedestal and flattens with one", () => {
    expectClose(lossDropDecades(0, ALPHA_C, 1e3, 1e9), 2, { rel: 1e-12 });
    expect(lossDropDecades(0.01, ALPHA_C, 1e6, 1e9)).toBeLessThan(lossDropDecades(0.001, ALPHA_C, 1e6, 1e9));
  });
  it("pedestalForDrop() inverts lossDropDecades() in p", () => {
    for (const p of [1e-4, 0.003, 0.05, 0.3]) {
      const drop = lossDropDecades(p, ALPHA_C, 1e6, 1e9);
      expectClose(pedestalForDrop(drop, ALPHA_C, 1e6, 1e9), p, { abs: 1e-12 });
    }
    expect(() => pedestalForDrop(1.5, ALPHA_C, 1e6, 1e9)).toThrow("`decades` must be in (0, 0.99999");
  });
  it("rejects p outside [0, 1), x outside (0, 1], N < 1, alpha <= 0 and NaN", () => {
    expect(() => runningExponent(0.5, 1.2, ALPHA_C)).toThrow("`p` must be in [0, 1), got 1.2");
    expect(() => runningExponent(0.5, 1, ALPHA_C)).toThrow("`p` must be in [0, 1), got 1");
    expect(() => runningExponent(0.5, -0.1, ALPHA_C)).toThrow(RangeError);
    expect(() => runningExponent(0, 0.1, ALPHA_C)).toThrow("`x` must be in (0, 1], got 0");
    expect(() => runningExponent(2, 0.1, ALPHA_C)).toThrow("`x` must be in (0, 1], got 2");
    expect(() => runningExponent(NaN, 0.1, ALPHA_C)).toThrow("`x` must be in (0, 1], got NaN");
    expect(() => pedestalLoss(0.5, 0.1, 0)).toThrow("`alpha` must be in (0, ∞), got 0");
    expect(() => criticalSize(0, ALPHA_C)).toThrow("`p` must be in (0, 1), got 0");
    expect(() => criticalSize(0.1, -1)).toThrow("`alphaC` must be in (0, ∞), got -1");
    expect(() => criticalPedestal(0.5, ALPHA_C)).toThrow("`n` must be in [1, ∞), got 0.5");
    expect(() => sizeForExponent(0.31, 0.1, ALPHA_C)).toThrow("`target` must be in (0, 0.3");
    expect(() => maxRunningExponent(1, ALPHA_C)).toThrow(RangeError);
  });
});

describe("continuedSizeForFraction", () => {
  it("is N_crit at one half and lies below N = 1 at 90 % when p > 0.1", () => {
    expectClose(continuedSizeForFraction(0.5, 0.1, ALPHA_C), 729, { rel: 1e-12 }); // u = p at x_crit
    expectClose(continuedSizeForFraction(0.9, 0.2, ALPHA_C), 2.25 ** -3, { rel: 1e-12 }); // (9 · 0.25)^-3
    expectClose(continuedSizeForFraction(0.9, 0.1, ALPHA_C), 1, { rel: 1e-12 }); // α_p(1) = 0.9 α at p = 0.1
  });
  it("agrees with sizeForExponent where both are defined", () => {
    expectClose(continuedSizeForFraction(0.3, 0.05, ALPHA_C), sizeForExponent(0.1, 0.05, ALPHA_C), { rel: 1e-12 });
  });
  it("rejects fractions outside (0, 1)", () => {
    expect(() => continuedSizeForFraction(1, 0.1, ALPHA_C)).toThrow("`fraction` must be in (0, 1), got 1");
  });
});

describe("decadesInBand", () => {
  it("is (1/α) log10(hi (α − lo) / (lo (α − hi))) whatever p, once the curve starts above the band", () => {
    const closed = 3 * Math.log10((0.1 * (ALPHA_C - 0.05)) / (0.05 * (ALPHA_C - 0.1)));
    for (const p of [0.001, 0.01, 0.2]) expectClose(decadesInBand(0.05, 0.1, p, ALPHA_C), closed, { rel: 1e-9 });
  });
  it("counts from N = 1 when the curve starts inside the band, and is 0 when it starts below", () => {
    // α = 0.12, p = 0.2: starts at 0.096, so from N = 1 to N(0.05)
    expectClose(decadesInBand(0.05, 0.1, 0.2, 0.12), Math.log10(sizeForExponent(0.05, 0.2, 0.12)), { rel: 1e-12 });
    expect(decadesInBand(0.05, 0.1, 0.5, 0.09)).toBe(0); // starts at 0.045
  });
  it("rejects lo outside (0, hi)", () => {
    expect(() => decadesInBand(0.2, 0.1, 0.1, ALPHA_C)).toThrow("`lo` must be in (0, 0.1)");
  });
});

describe("results that overflow or underflow", () => {
  it("runningExponent at p = 0 is alpha even where x^alpha underflows to 0", () => {
    expect(runningExponent(1e-300, 0, 2)).toBe(2); // (1e-300)^2 = 0 in doubles; the limit of eq. 5 at p = 0 is alpha
  });
  it("an overflowing size is a RangeError naming the argument to blame, not Infinity", () => {
    // (1e10)^100 and (≈1e-298)^-100 overflow a double
    expect(() => criticalSize(1e-10, 0.01)).toThrow(/`p` = 1e-10 is out of range: N_crit/);
    expect(() => sizeForExponent(1e-300, 0.5, 0.01)).toThrow(/`target` = 1e-300 is out of range/);
    expect(() => continuedSizeForFraction(1e-300, 0.5, 0.01)).toThrow(/`alpha` = 0.01 is out of range/);
    expect(() => transitionWidthDecades(1e-320)).toThrow(/`alpha` = 1e-320 is out of range/); // log10(81)/1e-320
  });
});

describe("pedestal: each parameter refused by name, at its bounds (issue 18: mutants `npm run mutate` found alive)", () => {
  it("names the parameter and its range in every refusal", () => {
    expectRefusal(() => pe.pedestalLoss(-1, 0.5, 0.3), RangeError, "`x` must be in (0, 1], got -1");
    expectRefusal(() => pe.pedestalLoss(1, 2, 0.3), RangeError, "`p` must be in [0, 1), got 2");
    expectRefusal(() => pe.runningExponent(1, 0.5, -1), RangeError, "`alpha` must be in (0, ∞), got -1");
    expectRefusal(() => pe.criticalInverseSize(1, 0.3), RangeError, "`p` must be in (0, 1), got 1");
    expectRefusal(() => pe.criticalInverseSize(0.5, -1), RangeError, "`alphaC` must be in (0, ∞), got -1");
    expectRefusal(() => pe.criticalPedestal(10, -1), RangeError, "`alphaC` must be in (0, ∞), got -1");
    expectRefusal(() => pe.maxRunningExponent(1, 0.3), RangeError, "`p` must be in [0, 1), got 1");
    expectRefusal(() => pe.maxRunningExponent(0.5, -1), RangeError, "`alpha` must be in (0, ∞), got -1");
    expectRefusal(() => pe.sizeForExponent(0.1, 1, 0.3), RangeError, "`p` must be in (0, 1), got 1");
    expectRefusal(() => pe.sizeForExponent(0.1, 0.5, -1), RangeError, "`alpha` must be in (0, ∞), got -1");
    expectRefusal(() => pe.sizeForExponent(0.15, 0.5, 0.3), RangeError, "`target` must be in (0, 0.15), got 0.15");
    expectRefusal(
      () => pe.sizeForExponent(1e-300, 0.5, 0.3),
      RangeError,
      "`target` = 1e-300 is out of range: the size x^(-1/alpha) is Infinity",
    );
    expectRefusal(() => pe.transitionWidthDecades(0.3, 0), RangeError, "`hi` must be in (0, 1), got 0");
    expectRefusal(() => pe.transitionWidthDecades(0.3, 1), RangeError, "`hi` must be in (0, 1), got 1");
    expectRefusal(() => pe.transitionWidthDecades(0.3, 0.9, 0), RangeError, "`lo` must be in (0, 0.9), got 0");
    expectRefusal(() => pe.transitionWidthDecades(0.3, 0.9, 0.9), RangeError, "`lo` must be in (0, 0.9), got 0.9");
    expectRefusal(
      () => pe.transitionWidthDecades(1e-320),
      RangeError,
      "`alpha` = 1e-320 is out of range: the width in decades is Infinity",
    );
    expectRefusal(() => pe.transitionWidthDecades(-1), RangeError, "`alpha` must be in (0, ∞), got -1");
    expectRefusal(() => pe.lossDropDecades(0.5, 0.3, 0.5, 10), RangeError, "`n1` must be in [1, ∞), got 0.5");
    expectRefusal(() => pe.lossDropDecades(0.5, 0.3, 10, 10), RangeError, "`n2` must be in (10, ∞), got 10");
    expectRefusal(() => pe.pedestalForDrop(0.1, -1, 1, 10), RangeError, "`alpha` must be in (0, ∞), got -1");
    expectRefusal(
      () => pe.pedestalForDrop(0, 0.3, 1, 10),
      RangeError,
      "`decades` must be in (0, 0.29999999999999993), got 0",
    );
    expectRefusal(
      () => pe.pedestalForDrop(pe.lossDropDecades(0, 0.3, 1, 10), 0.3, 1, 10),
      RangeError,
      "`decades` must be in (0, 0.29999999999999993), got 0.29999999999999993",
    );
    expectRefusal(() => pe.continuedSizeForFraction(0.5, 1, 0.3), RangeError, "`p` must be in (0, 1), got 1");
    expectRefusal(() => pe.continuedSizeForFraction(0.5, 0.5, -1), RangeError, "`alpha` must be in (0, ∞), got -1");
    expectRefusal(
      () => pe.continuedSizeForFraction(0.1, 0.5, 1e-3),
      RangeError,
      "`alpha` = 0.001 is out of range: the size N is Infinity",
    );
    expectRefusal(() => pe.decadesInBand(0.05, -1, 0.5, 0.3), RangeError, "`hi` must be in (0, ∞), got -1");
    expectRefusal(() => pe.decadesInBand(0.05, 0.1, 1, 0.3), RangeError, "`p` must be in (0, 1), got 1");
    expectRefusal(() => pe.decadesInBand(0.05, 0.1, 0.5, -1), RangeError, "`alpha` must be in (0, ∞), got -1");
  });
  it("decadesInBand at the band's ends: none when the largest exponent is the band's low end, from N = 1 at its high end", () => {
    // (1 − p) α = 0.1 = lo: the exponent never enters the band
    expect(pe.decadesInBand(0.1, 0.2, 0.5, 0.2)).toBe(0);
    // (1 − p) α = 0.1 = hi: in the band from N = 1 to the N where it falls to 0.05, (0.05·0.5/(0.5·0.15))^(−5) = 3⁵
    expectClose(pe.decadesInBand(0.05, 0.1, 0.5, 0.2), Math.log10(243), { rel: 1e-14 });
  });
});
