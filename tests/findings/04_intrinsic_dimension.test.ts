import { describe, expect, it } from "vitest";
import { analysis, findings } from "../../src/findings/04_intrinsic_dimension";
import { intrinsicDimensionNotes } from "../../src/tables/intrinsic_dimension";
import { claimById, type Verdict } from "../../src/findings/claim";
import { expectClose, itHasVerdicts } from "../helpers";

/**
 * Expected verdicts of notebook 04, written from the paper and closed forms, not from the code.
 */
const EXPECTED: Record<string, Verdict> = {
  // 4/d = 0.1 at d = 40 and 0.05 at d = 80; 4/40 is exactly 0.1, so "α < 0.1" needs d > 40 strictly
  "04.band-dimensions": "holds",
  // (H d s²/8)² with s = N^(-1/d) is ∝ N^(-4/d): slope 4/d exactly
  "04.grid-slope": "holds",
  // 2^(40/4) = 2^10 = 1024, the introduction's number
  "04.halving-cost": "holds",
  // loss ∝ s⁴ on the bound, error ∝ s²
  "04.adaptive-order": "holds",
  // ours, not the paper's: 4/100 = 0.04 < 0.05, outside the band
  "04.paper-d-in-band": "holds",
  // the band 0.05–0.10 is where Kaplan's 0.076, 0.095, 0.050 lie: reading it back through d = 4/α is circular
  "04.kaplan-band-circular": "not testable",
  // the cell argument bounds the loss from above, L ≤ C N^(-4/d), so α ≥ 4/d: a lower bound on α, as §4 says
  // (measured: sin's piecewise-linear loss below the bound, slope 4 in N at d = 1); SK state an estimate
  "04.lower-bound": "holds",
  // (Kaplan et al. 2020, arXiv:2001.08361, credited to Anthropic: section 3's sentence, pinned as
  // 03.kaplan-attribution in tests/findings/03_pedestal.test.ts; section 4 only reuses the "A" label)
  // "In this paper present …" lacks its subject
  "04.typo-subject": "typo",
  // JMLR 23 is the 2022 volume
  "04.typo-sk-year": "typo",
};

describe("intrinsicDimension.findings (section 4: the intrinsic dimension)", () => {
  const f = findings();

  itHasVerdicts(f, "04_intrinsic_dimension", EXPECTED, { ordered: true });

  it("the numbers behind the verdicts (closed forms)", () => {
    const band = claimById(f, "04.band-dimensions").numbers;
    expect([band.dLow, band.dHigh]).toEqual([40, 80]); // 4/0.1, 4/0.05
    expectClose(claimById(f, "04.halving-cost").numbers.factor, 1024); // 2^10
    expectClose(claimById(f, "04.paper-d-in-band").numbers.alpha, 0.04); // 4/100
    const k = claimById(f, "04.kaplan-band-circular").numbers;
    expectClose(k.dFromAlphaN, 4 / 0.076); // 52.63, Kaplan et al. eq. 1.1
    expectClose(k.dFromChinchillaAlpha, 4 / 0.34); // 11.76, Hoffmann et al. eq. 10
    const orders = claimById(f, "04.adaptive-order").numbers;
    expectClose(orders.lossOrder, 4, { rel: 1e-9 }); // fitted log-log slope of an exact power law
    expectClose(orders.errorOrder, 2, { rel: 1e-9 });
  });

  it("no README headline in this notebook (its numbers reach the README through notebook 06)", () => {
    expect(f.claims.filter((c) => c.headline)).toEqual([]);
  });

  it("follows its parameters: a band that contains 4/100 turns the d ∼ 100 row around", () => {
    const g = findings({ band: [0.02, 0.2], dPaper: 60 });
    expect(claimById(g, "04.paper-d-in-band").verdict).toBe("does not hold"); // 4/60 = 0.0667 in [0.02, 0.2]
    expect(claimById(g, "04.band-dimensions").numbers.dHigh).toBe(200); // 4/0.02
    expect(claimById(g, "04.paper-d-in-band").claim).toContain("d = 60 (§5.1 quotes d ∼ 100");
    expect(intrinsicDimensionNotes(analysis({ band: [0.02, 0.2] })).bandCrossing).toContain("d = 4/0.2 = **20**");
  });

  it("is memoised and validates its parameters", () => {
    expect(findings({ dPaper: 100 })).toBe(f);
    expect(() => findings({ band: [0.1, 0.05] })).toThrow("`band` must have low < high, got [0.1,0.05]");
    expect(() => findings({ band: [0.05] as never })).toThrow("`band` must be a pair [low, high], got [0.05]");
    expect(() => findings({ band: [0, 0.1] })).toThrow("`band[0]` must be in [0.005, 1], got 0");
    expect(() => findings({ dPaper: 0 })).toThrow("`dPaper`");
  });
});
