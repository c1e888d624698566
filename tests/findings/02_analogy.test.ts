/**
 * Notebook 02's claim records: literal verdicts with their reasons, headline numbers from closed forms.
 */
import { describe, expect, it } from "vitest";
import { claimById, type Verdict } from "../../src/findings/claim";
import { analysis, findings } from "../../src/findings/02_analogy";
import { analogyNotes } from "../../src/tables/analogy";
import { expectClose, itHasVerdicts } from "../helpers";

const EXPECTED: Record<string, Verdict> = {
  // 2^(1/2) = √2 (paper §2)
  "02.halving-grid": "holds",
  // 2^(1/(1/2)) = 4 (paper §2)
  "02.halving-monte-carlo": "holds",
  // eq. 10: a second-order grid in D dimensions has exponent 2/D, so halving takes 2^(D/2) ≠ √2 for D > 1
  "02.grid-dimension": "does not hold",
  // eq. 12's loss is a squared error: exponent 2a, not a
  "02.error-vs-squared-error": "does not hold",
  // N_c = A^(1/a) is where E = 1: it moves with the unit of E (A = 4 → 2, A = 40 → √40)
  "02.critical-size-units": "does not hold",
};

describe("analogy.findings", () => {
  const f = findings();

  itHasVerdicts(f, "02_analogy", EXPECTED);

  it("headline numbers: 2^(3/2) in 3-D and 2^3 = 8 in 6-D", () => {
    const g = claimById(f, "02.grid-dimension");
    expectClose(g.numbers.factor3D, 2 * Math.SQRT2, { rel: 1e-12 }); // 2^(3/2)
    expectClose(g.numbers.factor6D, 8, { rel: 1e-12 }); // 2^(6/2)
    expect(g.headline).toContain("2.83 in 3-D, 8 in 6-D");
    expect(claimById(f, "02.error-vs-squared-error").headline).toContain("N^{−4/D}");
  });

  it("the measured exponents behind the verdicts: error 2/D, squared error 4/D; N_c moves with the unit of E", () => {
    const s = claimById(f, "02.error-vs-squared-error").numbers;
    expectClose(s.errorExponent1D, 2, { rel: 1e-9 }); // eq. 10: a/D = 2/1
    expectClose(s.squaredErrorExponent1D, 4, { rel: 1e-9 }); // (N^-2)² = N^-4
    expectClose(s.squaredExponent3D, 4 / 3, { rel: 1e-9 }); // 2a/D = 4/3
    expectClose(s.squaredFactor1D, 2 ** 0.25, { rel: 1e-12 }); // 2^(1/4)
    const c = claimById(f, "02.critical-size-units").numbers;
    expectClose(c.nc, 2, { rel: 1e-12 }); // √4: 4 N^-2 = 1
    expectClose(c.ncRescaled, Math.sqrt(40), { rel: 1e-12 }); // 40 N^-2 = 1
  });

  it("the LLM exponent on the grid scale follows the parameters: D = a/α", () => {
    expectClose(analysis().dimensionForError, 20, { rel: 1e-12 }); // 2 / 0.1
    expectClose(analysis({ llmExponent: 0.05 }).dimensionForSquaredError, 80, { rel: 1e-12 }); // 4 / 0.05
    const notes = analogyNotes(analysis({ llmExponent: 0.05 }));
    expect(notes.llmOnGrid).toContain("D = a/α = **40**"); // 2 / 0.05
    expect(notes.llmOnGrid).toContain("D = 2a/α = **80**");
    expect(notes.factors).toContain("2^{1/2} = **1.414** (the paper's √2)");
  });

  it("refuses settings outside their ranges", () => {
    expect(() => findings({ order: 0 })).toThrow(/`order`/);
    expect(() => findings({ dimensions: [1.5] })).toThrow(/`dimensions\[0\]`/);
  });
});
