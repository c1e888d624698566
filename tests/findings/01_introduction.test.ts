/**
 * Notebook 01's claim records: every verdict stated here as a literal, with its reason, and the
 * headline numbers against closed forms written independently of src/findings.
 */
import { describe, expect, it } from "vitest";
import { claimById, type Verdict } from "../../src/findings/claim";
import { analysis, findings } from "../../src/findings/01_introduction";
import { workedExampleNote } from "../../src/tables/scaling_law";
import { expectClose, itHasVerdicts } from "../helpers";

const EXPECTED: Record<string, Verdict> = {
  // 2^(1/0.1) = 2^10 = 1024 exactly (paper §1)
  "01.halving-cost": "holds",
  // 2^(1/0.05) = 2^20 = 1048576
  "01.halving-cost-low-end": "holds",
  // Kaplan et al. 2020: 0.076, 0.095, 0.050, all in [0.05, 0.10]
  "01.kaplan-range": "holds",
  // 1 - 2^-0.076 = 0.0513, within a percentage point of 5 %
  "01.commentary-five-percent": "holds",
  // 1 - 2^-0.05 = 0.0341, in 3–4 %
  "01.commentary-compute-doubling": "holds",
  // k-fold cut costs k^(1/α): two halvings cost the square of one
  "01.commentary-exponential": "holds",
};

describe("introduction.findings", () => {
  const f = findings();

  itHasVerdicts(f, "01_introduction", EXPECTED);

  it("headline numbers: 1024 at α = 0.1, Kaplan's exponents", () => {
    const h = claimById(f, "01.halving-cost");
    expectClose(h.numbers.factor, 1024, { rel: 1e-12 }); // 2^10
    expect(h.headline).toContain("2¹⁰ = 1024");
    expect(claimById(f, "01.kaplan-range").headline).toContain("(0.076, 0.095, 0.05)");
    expectClose(claimById(f, "01.halving-cost-low-end").numbers.factor, 2 ** 20, { rel: 1e-12 });
    // 1 - 2^-0.05 = 0.034063 (3.4 % per doubling of compute)
    expectClose(claimById(f, "01.commentary-compute-doubling").numbers.changePerDoubling, 0.034063, { abs: 1e-6 });
    // 1 - 2^-0.076 = 0.051316 (5.1 % per doubling of parameters)
    expectClose(claimById(f, "01.commentary-five-percent").numbers.changePerDoubling, 0.051316, { abs: 1e-6 });
    // the commentary claims name where they are said
    expect(claimById(f, "01.commentary-five-percent").ref).toContain("news summary");
    expect(claimById(f, "01.commentary-exponential").ref).toContain("upside of diminishing returns");
  });

  it("the worked example follows `cut`: k = 3 needs 3^10 = 59049", () => {
    expectClose(analysis({ cut: 3 }).example.factor, 59049, { rel: 1e-12 });
    expect(workedExampleNote(analysis({ cut: 3 }))).toContain("59049");
  });

  it("refuses settings outside their ranges, naming them", () => {
    expect(() => findings({ cut: 0.5 })).toThrow(/`cut`/);
    expect(() => findings({ exponents: [0.1, -1] })).toThrow(/`exponents\[1\]`/);
  });
});
