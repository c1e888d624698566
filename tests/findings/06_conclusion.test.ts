import { describe, expect, it } from "vitest";
import { analysis, findings } from "../../src/findings/06_conclusion";
import { conclusionNotes } from "../../src/tables/conclusion";
import { claimById, type Verdict } from "../../src/findings/claim";
import { expectClose, itHasVerdicts } from "../helpers";

/** Expected verdicts of notebook 06, written from the paper and closed forms, not from the code. */
const EXPECTED: Record<string, Verdict> = {
  // 4/d < 0.1 ⟺ d > 40, and 4/40 = 0.1 exactly: the strict inequality is right
  "06.threshold": "holds",
  // α ≥ 4/d at d = 50 allows α = 0.3, not < 0.1
  "06.lower-bound": "does not hold",
  // d* = 40h = 13.3 (eq. 17) and 20h = 6.67 (argument) for h = 1/3, both below 40
  "06.rough-data": "holds",
  // 2/d < 0.1 for d > 20, so for every d > 40
  "06.piecewise-constant": "holds",
  // 100/4096 = 0.0244, 100/8192 = 0.0122, 100/12288 = 0.0081: within half a decade of 10⁻², right by
  // construction, but on the paper's unmeasured d ∼ 100
  "06.compression": "not testable",
  // energy burnout and world models: an opinion with nothing to compute
  "06.world-models": "not testable",
};

describe("conclusion.findings (section 6: the conclusion)", () => {
  const f = findings();

  // no row for d = 40 itself, which the paper does not claim
  itHasVerdicts(f, "06_conclusion", EXPECTED, { ordered: true });

  it("the headline numbers (closed forms)", () => {
    const t = claimById(f, "06.threshold");
    expect(t.numbers.dStar).toBe(40); // 4/0.1
    expect(t.numbers.alphaAtDStar).toBe(0.1);
    expectClose(t.numbers.alphaPaper, 0.04); // 4/100
    expect(t.headline).toBe(
      "Under α = 4/d, d > 40 gives α < 0.1 (d = 40 itself gives exactly 0.1), but the paper also calls 4/d a lower " +
        "bound, which would point the other way (α ≥ 4/d allows α = 0.3 at d = 50); its d ∼ 100 gives α = 0.04, " +
        "outside its own 0.05–0.1.",
    );
    const rough = claimById(f, "06.rough-data").numbers;
    expectClose(rough.roughEq17, 40 / 3);
    expectClose(rough.roughArgument, 20 / 3);
    const c = claimById(f, "06.compression").numbers;
    expectClose(c.min, 100 / 12288);
    expectClose(c.max, 100 / 4096);
    expect(f.claims.filter((x) => x.headline).map((x) => x.id)).toEqual(["06.threshold"]);
  });

  it("follows its parameters", () => {
    const g = findings({ alphaMax: 0.2, alphaLow: 0.02 });
    expect(claimById(g, "06.threshold").numbers.dStar).toBe(20); // 4/0.2
    expect(claimById(g, "06.threshold").headline).toContain("inside its own 0.02–0.2"); // 4/100 = 0.04
    expect(claimById(findings({ dPaper: 1000 }), "06.compression").verdict).toBe("does not hold"); // 1000/4096 = 0.24
    expect(conclusionNotes(analysis({ dTurbulence: 2.5 })).compression).toContain("d/D = 2.5/3 = 0.8333");
  });

  it("is memoised and validates its parameters", () => {
    expect(findings()).toBe(f);
    expect(findings({ dTurbulence: 2 })).toEqual(f); // d_F enters the worked numbers only
    expect(() => findings({ alphaMax: 0.6 })).toThrow("`alphaMax`");
    expect(() => findings({ alphaLow: 0.1 })).toThrow("`alphaLow` must be in [0.001, 0.1) (alphaMax = 0.1), got 0.1");
    expect(() => findings({ dPaper: 2000 })).toThrow("`dPaper`");
  });
});
