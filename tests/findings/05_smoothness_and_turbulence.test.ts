import { describe, expect, it } from "vitest";
import { analysis, findings } from "../../src/findings/05_smoothness_and_turbulence";
import { smoothnessNotes } from "../../src/tables/turbulence";
import { claimById, type Verdict } from "../../src/findings/claim";
import { expectClose, itHasVerdicts } from "../helpers";

/**
 * Expected verdicts of notebook 05, written from the paper, closed forms and the turbulence
 * literature (Frisch 1995; She & Leveque 1994), not from the code.
 */
const EXPECTED: Record<string, Verdict> = {
  // N s^d = 1: 8 cubes of side 1/2 in the unit 3-cube
  "05.eq11-cells": "holds",
  // cell constants on a smooth target: slope 2/d (notebook 7 measures it over many decades)
  "05.eq13-constant": "holds",
  // cell-wise linear fits on a C² target: slope 4/d
  "05.linear-4-over-d": "holds",
  // a Hölder-h bound |f(x) − f(x')| ≤ C|x − x'|^h gives L ∝ s^(2h) = N^(−2h/d), half of 4h/d
  "05.eq17-rough": "does not hold",
  // v = (εl)^(1/3): slope 1/3, flux v³/l = ε
  "05.k41-h": "holds",
  // v ∝ l^(1/3) l^(−(3−d_F)/3): h = (d_F − 2)/3 < 1/3 for d_F < 3 (Frisch, Sulem & Nelkin 1978)
  "05.beta-sign": "holds",
  // (2.8 − 2)/3 = 0.2667 ≈ 0.27
  "05.beta-h-paper": "holds",
  // ζ₃ = 1 in all three models (the four-fifths law)
  "05.zeta3": "holds",
  // ζ₂/2 = (2/3 + (3 − d_F)/3)/2 = 0.3667 for d_F = 2.8; She–Leveque ζ₂/2 = 0.348: both above 1/3
  "05.intermittency-l2": "does not hold",
  // She–Leveque's most singular set: h = 1/9 on filaments of dimension 1
  "05.df-above-2": "does not hold",
  "05.typo-minus-sign": "typo", // "α ∼ −4h/d": eq. 17 has no minus
  "05.typo-eps-cube-root": "typo", // (ε l)^(1/3) has units m/s; ε₀ l^(1/3) does not
  "05.typo-ks": "typo", // KS for SK
  "05.typo-integrand": "typo", // g s √d bounds |f − f_N|, not its square
  "05.typo-volume-element": "typo", // d_d x for dᵈx
};

describe("smoothness.findings (sections 5–5.1: smoothness and turbulence)", () => {
  const f = findings();

  itHasVerdicts(f, "05_smoothness_and_turbulence", EXPECTED, { ordered: true });

  it("the grid measurement: slopes within 5 % of 2/d and 4/d in d = 3 (n = 10 → 20 cells a side)", () => {
    const { n, constant, linear } = analysis({ d: 3 }).grid;
    expect(n).toBe(10); // round(1000^(1/3))
    expectClose(constant.alpha, 2 / 3, { rel: 0.05 });
    expectClose(linear.alpha, 4 / 3, { rel: 0.05 });
  });

  it("the headline numbers (closed forms)", () => {
    const beta = claimById(f, "05.beta-h-paper");
    expectClose(beta.numbers.h, 0.8 / 3); // (2.8 − 2)/3 = 0.2667
    expect(beta.headline).toContain("gives 0.267 at d = 2.8");
    expect(beta.headline).toContain("stray minus");
    expect(beta.headline).toContain("ε₀^{1/3}");
    const rough = claimById(f, "05.eq17-rough");
    expectClose(rough.numbers.argumentHalf, 1 / 3); // 2·(1/2)/3
    expectClose(rough.numbers.eq17Half, 2 / 3); // 4·(1/2)/3
    expectClose(rough.numbers.h2Beta, 11 / 30); // ζ₂ = 2/3 + 0.2/3 = 0.7333, halved
    expectClose(rough.numbers.h2SheLeveque, (2 / 9 + 2 * (1 - (2 / 3) ** (2 / 3))) / 2); // 0.348
    expect(rough.headline).toContain("0.3333 against 0.6667");
    expect(rough.headline).toContain("0.367 in the beta model with d_{F} = 2.8, 0.348 for She–Leveque");
    expect(f.claims.filter((c) => c.headline).map((c) => c.id)).toEqual(["05.eq17-rough", "05.beta-h-paper"]);
  });

  it("follows its parameters: d_F = 3 (no intermittency) is K41, so h is not below 1/3", () => {
    const g = findings({ dF: 3 });
    expect(claimById(g, "05.beta-sign").verdict).toBe("does not hold");
    expect(claimById(g, "05.beta-h-paper").verdict).toBe("holds"); // the paper's own 2.8, whatever the parameter
    expect(smoothnessNotes(analysis({ d: 2, s: 0.5 })).constantStep).toContain("d = 2, s = 0.5");
    // the K41 ratio v(1)/v(0.1) is measured on k41Velocity, whatever ε: 10^(1/3) = 2.1544
    expect(smoothnessNotes(analysis({ eps: 7 })).k41).toContain("changes v by 2.154 = 10^{1/3}");
    // the beta model's slope of ln v against ln l is (d_F − 2)/3: 0.1 at d_F = 2.3
    expect(smoothnessNotes(analysis({ dF: 2.3 })).betaSlope).toContain("between them = **0.1**");
  });

  it("is memoised and validates its parameters", () => {
    expect(findings()).toBe(f);
    expect(findings({ gradBound: 7 })).toEqual(f); // G enters the worked numbers only
    // the grid measurement is run once per d (equal, not the same object: another process of the run may have
    // computed one of the two, src/findings/_analysis_cache.ts)
    expect(analysis({ gradBound: 7 }).grid).toEqual(analysis().grid);
    expect(() => findings({ d: 7 })).toThrow("`d`");
    expect(() => findings({ dF: 2 })).toThrow("`dF`");
    expect(() => analysis({ hessBound: 0 })).toThrow("`hessBound`");
    expect(() => analysis({ orders: [2, 0] })).toThrow("`orders[1]`");
  });
});
