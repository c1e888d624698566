import { describe, expect, it } from "vitest";
import {
  activeFraction,
  betaDimensionForHurst,
  betaModelHurst,
  betaModelVelocity,
  betaStructureExponent,
  effectiveHurst,
  intermittencyExponent,
  k41StructureExponent,
  k41Velocity,
  sheLevequeSpectrum,
  sheLevequeStructureExponent,
} from "../../src/theory/turbulence";
import { K41_HURST } from "../../src/paper";
import { expectClose, expectRefusal } from "../helpers";
import * as tu from "../../src/theory/turbulence";

describe("turbulence", () => {
  it("k41Velocity() satisfies eq. 14: v³/l is the flux at every scale", () => {
    expect(k41Velocity(1, 8)).toBe(2);
    for (const l of [1e-4, 0.3, 7]) expectClose(k41Velocity(0.5, l) ** 3 / l, 0.5, { rel: 1e-14 });
  });

  it("K41 has zeta_3 = 1 and zeta_p = p h with h = 1/3", () => {
    expect(k41StructureExponent(3)).toBe(1);
    expectClose(k41StructureExponent(2), 2 * K41_HURST);
  });

  it("She-Leveque has zeta_3 = 1, zeta_6 = 16/9 and mu = 2/9", () => {
    // closed forms: 1 + 2(1 - 2/3) = 1;  2/3 + 2(1 - 4/9) = 16/9
    expectClose(sheLevequeStructureExponent(3), 1, { rel: 1e-15 });
    expectClose(sheLevequeStructureExponent(6), 16 / 9, { rel: 1e-15 });
    expectClose(intermittencyExponent(sheLevequeStructureExponent(6)), 2 / 9, { rel: 1e-14 });
    expect(sheLevequeStructureExponent(0)).toBe(0);
  });

  it("the beta model at dF = 3 reduces to K41 (h, zeta_p, velocity)", () => {
    expect(betaModelHurst(3)).toBe(K41_HURST);
    for (const p of [0, 1, 2, 3, 4.5, 8]) expect(betaStructureExponent(p, 3)).toBe(k41StructureExponent(p));
    expectClose(betaModelVelocity(2, 1e-3, 3), k41Velocity(2, 1e-3), { rel: 1e-15 });
  });

  it("the beta model has zeta_3 = 1 for every dF (four-fifths law) and mu = 3 - dF", () => {
    for (const dF of [2, 2.5, 2.8, 2.99]) {
      expectClose(betaStructureExponent(3, dF), 1, { rel: 1e-15 });
      expectClose(intermittencyExponent(betaStructureExponent(6, dF)), 3 - dF, { rel: 1e-13 });
    }
  });

  it("eq. 16: h = (dF - 2)/3 for D = 3, 0.2667 at the paper's dF = 2.8", () => {
    // 0.8 / 3 = 0.26666..., the paper rounds to 0.27
    expectClose(betaModelHurst(2.8), 0.8 / 3, { rel: 1e-14 });
    expect(Math.round(betaModelHurst(2.8) * 100) / 100).toBe(0.27);
    expectClose(betaModelHurst(2), 0, { abs: 1e-16 });
    expect(betaModelHurst(1.5)).toBeLessThan(0);
    expectClose(betaDimensionForHurst(betaModelHurst(2.8)), 2.8, { rel: 1e-14 });
  });

  it("eq. 15: the log-log slope of the beta-model velocity is eq. 16's h (the correction makes it rougher)", () => {
    // independent check of the sign: measure d ln v / d ln l numerically over four decades
    const dF = 2.8;
    const slope = Math.log(betaModelVelocity(1, 1e-1, dF) / betaModelVelocity(1, 1e-5, dF)) / Math.log(1e4);
    expectClose(slope, betaModelHurst(dF), { rel: 1e-12 });
    expect(slope).toBeLessThan(K41_HURST);
  });

  it("activeFraction() is (l/l0)^(D - dF): 1 at l0 and 2^(-10·0.2) ten halvings down", () => {
    expect(activeFraction(1, 2.8)).toBe(1);
    expectClose(activeFraction(0.5 ** 10, 2.8), 0.25, { rel: 1e-14 });
    expectClose(activeFraction(0.5, 2, 3, 2), 0.25, { rel: 1e-15 });
  });

  it("effectiveHurst(): intermittency raises zeta_2 / 2 above 1/3 although it lowers the beta model's h", () => {
    // beta model: zeta_2 = 2/3 + 0.2/3 = 0.7333, so 0.3667 > 1/3 > 0.2667
    expectClose(effectiveHurst(betaStructureExponent(2, 2.8), 2), 1 / 3 + 0.2 / 6, { rel: 1e-14 });
    expect(effectiveHurst(sheLevequeStructureExponent(2), 2)).toBeGreaterThan(K41_HURST);
    expect(effectiveHurst(sheLevequeStructureExponent(8), 8)).toBeLessThan(K41_HURST);
  });

  it("sheLevequeSpectrum() is the Legendre transform of zeta_p and tends to (1/9, 1)", () => {
    expectClose(sheLevequeSpectrum(0).dim, 3, { rel: 1e-15 });
    const far = sheLevequeSpectrum(300);
    expectClose(far.h, 1 / 9, { abs: 1e-12 });
    expectClose(far.dim, 1, { abs: 1e-10 });
    // independent check: h is the numerical slope dzeta/dp and D = 3 + p h - zeta_p
    for (const p of [1, 3, 6]) {
      const e = 1e-5;
      const slope = (sheLevequeStructureExponent(p + e) - sheLevequeStructureExponent(p - e)) / (2 * e);
      // central difference: error O(e^2) ~ 1e-10 plus rounding ~1e-11
      expectClose(sheLevequeSpectrum(p).h, slope, { abs: 1e-9 });
      expectClose(sheLevequeSpectrum(p).dim, 3 + p * slope - sheLevequeStructureExponent(p), { abs: 1e-8 });
    }
  });

  it("rejects bad input", () => {
    expect(() => k41Velocity(0, 1)).toThrow("`eps` must be in (0, ∞), got 0");
    expect(() => betaModelHurst(3.2)).toThrow("`dF` must be in (0, 3], got 3.2");
    expect(() => betaModelHurst(0)).toThrow(RangeError);
    expect(() => betaModelHurst(2, 0)).toThrow("`dim` must be in (0, ∞), got 0");
    expect(() => activeFraction(2, 2.8)).toThrow("`l` must be in (0, 1], got 2");
    expect(() => betaStructureExponent(-1, 2.8)).toThrow("`p` must be in [0, ∞), got -1");
    expect(() => sheLevequeStructureExponent(NaN)).toThrow(RangeError);
    expect(() => betaDimensionForHurst(0.5)).toThrow(RangeError);
    expect(() => effectiveHurst(1, 0)).toThrow(RangeError);
  });
});

describe("turbulence: each parameter refused by name, at its bounds (issue 18: mutants `npm run mutate` found alive)", () => {
  it("names the parameter and its range in every refusal", () => {
    expectRefusal(() => tu.k41Velocity(1, -1), RangeError, "`l` must be in (0, ∞), got -1");
    expectRefusal(() => tu.activeFraction(0.5, 2.5, 3, -1), RangeError, "`l0` must be in (0, ∞), got -1");
    expectRefusal(() => tu.activeFraction(0.5, 4, 3), RangeError, "`dF` must be in (0, 3], got 4");
    expectRefusal(() => tu.betaModelVelocity(-1, 0.5, 2.5), RangeError, "`eps` must be in (0, ∞), got -1");
    expectRefusal(() => tu.betaDimensionForHurst(0.2, -1), RangeError, "`dim` must be in (0, ∞), got -1");
    expectRefusal(
      () => tu.betaDimensionForHurst(1 / 3 - 3 / 3, 3),
      RangeError,
      "`h` must be in (-0.6666666666666667, 0.3333333333333333], got -0.6666666666666667",
    );
    // −2/3 is one ulp above the rounded bound 1/3 − 3/3 and gave dF = 0, which betaModelHurst then refuses
    expect(() => tu.betaDimensionForHurst(-2 / 3, 3)).toThrow(
      "`h` = -0.6666666666666666 gives the active-set dimension dF = 0, which must be > 0",
    );
    expect(tu.betaDimensionForHurst(-0.6, 3)).toBeCloseTo(0.2, 14);
    expectRefusal(
      () => tu.betaDimensionForHurst(-0.7, 3),
      RangeError,
      "`h` must be in (-0.6666666666666667, 0.3333333333333333], got -0.7",
    );
    expectRefusal(() => tu.k41StructureExponent(-1), RangeError, "`p` must be in [0, ∞), got -1");
    expectRefusal(() => tu.betaStructureExponent(2, 4, 3), RangeError, "`dF` must be in (0, 3], got 4");
    expectRefusal(() => tu.sheLevequeStructureExponent(-1), RangeError, "`p` must be in [0, ∞), got -1");
    expectRefusal(() => tu.effectiveHurst(NaN, 2), RangeError, "`zeta` must be a finite number, got NaN");
    expectRefusal(() => tu.effectiveHurst(1, -1), RangeError, "`p` must be in (0, ∞), got -1");
    expectRefusal(() => tu.effectiveHurst(1e308, 1e-10), RangeError, "`p` = 1e-10 is out of range: zeta/p is Infinity");
    expectRefusal(() => tu.intermittencyExponent(NaN), RangeError, "`zeta6` must be a finite number, got NaN");
    expectRefusal(() => tu.sheLevequeSpectrum(-1), RangeError, "`p` must be in [0, ∞), got -1");
  });
});
