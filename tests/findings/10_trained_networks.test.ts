/**
 * Notebook 10's claims: the expected verdict of every claim, and the headline numbers, as literals read
 * off the committed sweep (`data/teacher_student_runs.csv`) at the notebook's default settings, so that a
 * flipped verdict or a moved number fails the suite. The predictions are checked against their closed
 * forms (4/d, 2h/d, 4h/d, 4/D), and the notebook's refit against the sweep's own exponents file.
 * Tolerances: the runs are committed numbers and the fits deterministic, so a literal α is pinned to
 * 5·10⁻⁴ (its printed precision); TwoNN on 2,000 points has a standard error d/√2000 ≈ 2.2 % of d
 * (Facco et al. 2017's maximum-likelihood form), so "≈ d" is checked to 7 % (three standard errors).
 */
import { describe, expect, it } from "vitest";
import { type Verdict } from "../../src/findings/claim";
import { analysis, findings as findingsOf } from "../../src/findings/10_trained_networks";
import { configLabel, teacherStudentRunsNote } from "../../src/tables/trained_networks";
import { expectClose, itHasVerdicts } from "../helpers";

const EXPECTED: Record<string, Verdict> = {
  // d = 2: 1.53 [1.18, 1.88] is 24 % below 4/d = 2 but its interval reaches 1.7; d = 3: 1.29 (4/d = 1.33)
  // and d = 4: 0.872 (1.0) are within 15 %: the three seeds cannot decide d = 2
  "10.smooth-4-over-d": "not testable",
  // h = 1/2: 0.475 [0.29, 0.66] against 4h/d = 1; h = 1/3: 0.279 [0.156, 0.402] against 0.667: both intervals far below
  "10.rough-eq17": "does not hold",
  // h = 1/2: 0.475 within 15 % of 0.5; h = 1/3: 0.279 is 16 % below 1/3 with its interval reaching it
  "10.rough-2h-over-d": "not testable",
  // d = 2 in D = 16: 0.775, nearer 4/D = 0.25 than the flat 1.53 (its loss flattens at the largest widths)
  "10.intrinsic-not-ambient": "does not hold",
  // students against grid: 1.53/1.86, 0.475/0.549 and 0.279/0.393 differ by more than 15 %
  "10.grid-control": "does not hold",
  // doubling n: 0.865 (spread 0.97) and 1.006 (spread 0.11)
  "10.sample-size": "holds",
  // inputs 1.98–3.92 against d = 2, 3, 4
  "10.twonn": "holds",
  // GELU 0.737 [0.603, 0.871] against ReLU 1.53
  "10.activation": "does not hold",
};

/** The students' exponents of the committed sweep (data/teacher_student_exponents.csv, column alpha). */
const ALPHAS: Record<string, number> = {
  "smooth-d2": 1.5298,
  "smooth-d3": 1.2891,
  "smooth-d4": 0.8723,
  "rough-d2-h12": 0.4747,
  "rough-d2-h13": 0.2792,
  "smooth-d2-D16": 0.7750,
  "smooth-d3-D16": 0.8373,
  "smooth-d2-gelu": 0.7371,
};

describe("findings of notebook 10 (trained networks)", () => {
  const findings = findingsOf();
  const a = analysis();

  itHasVerdicts(findings, "10_trained_networks", EXPECTED, { ordered: true });

  it("compares with the closed forms 4/d, 2h/d, 4h/d (eq. 17) and 4/D", () => {
    expect(a.students["smooth-d2"].prediction4OverD).toBe(2);
    expect(a.students["smooth-d3"].prediction4OverD).toBe(4 / 3);
    expect(a.students["smooth-d4"].prediction4OverD).toBe(1);
    expect(a.students["rough-d2-h12"].prediction2hOverD).toBe(0.5);
    expect(a.students["rough-d2-h12"].prediction4hOverD).toBe(1);
    expectClose(a.students["rough-d2-h13"].prediction2hOverD, 1 / 3, { rel: 1e-15 });
    expect(a.students["smooth-d2-D16"].prediction4OverAmbient).toBe(0.25);
  });

  it("refits exactly the sweep's own exponents at the default settings", () => {
    expect(a.committedExponents.length).toBe(a.exponents.length);
    for (const row of a.committedExponents) {
      const e = (row.variant === "grid" ? a.grids : a.students)[row.config];
      expect(e, row.config).toBeDefined();
      expect(Number(row.alpha), row.config).toBe(e.alpha);
      expect(Number(row.alpha_low), row.config).toBe(e.alphaLow);
    }
  });

  it("has three seeds for every configuration", () => {
    for (const e of a.exponents) expect(e.seeds, e.config).toBe(3);
    expect(a.chains.length).toBe(24);
  });

  it("headline exponents (mean over seeds, widths ≥ 4)", () => {
    for (const [config, alpha] of Object.entries(ALPHAS)) expectClose(a.students[config].alpha, alpha, { abs: 5e-4 });
  });

  it("TwoNN recovers d from the inputs, flat and embedded", () => {
    for (const e of a.exponents.filter((x) => x.variant === "chain")) expectClose(e.twonnInputs, e.d, { rel: 0.07 });
  });

  it("the rough teachers' measured Hölder exponent is within 25 % of the h they are built with", () => {
    // S₂ over δ = 1/256 … 1/16 with κ_max = 512: the cut-off and the finite octave range steepen the slope
    for (const c of a.holderCheck) expectClose(c.measured, c.h, { rel: 0.25 });
  });

  it("is memoised and refuses bad settings by name", () => {
    expect(findingsOf({})).toBe(findings);
    expect(analysis({ fitMinWidth: 4 })).toBe(a);
    expect(() => analysis({ fitMinWidth: 0 })).toThrow(/fitMinWidth/);
    expect(() => findingsOf({ tolerance: 1 })).toThrow(/tolerance/);
    expect(() => analysis({ fitMinwidth: 4 } as never)).toThrow(/fitMinwidth/);
    expect(() => configLabel({ d: 2, D: 1, h: 2, activation: "relu" })).toThrow(/e.D/);
  });

  it("labels configurations and describes the runs", () => {
    expect(configLabel({ d: 2, D: 16, h: 2, activation: "relu" })).toBe("smooth d = 2 in D = 16");
    expect(configLabel({ d: 2, D: 2, h: 1 / 3, activation: "gelu" })).toBe("GELU, h = 1/3, d = 2");
    expect(teacherStudentRunsNote(a)).toMatch(/^The sweep holds 24 growth chains \(8 configurations × 3 seeds\)/);
  });
});
