/**
 * Notebook 10's claims: the expected verdict of every claim, and the headline numbers, as literals read
 * off the committed sweep (`data/teacher_student_runs.csv`) at the notebook's default settings, so that a
 * flipped verdict or a moved number fails the suite. The predictions are checked against their closed
 * forms (4/d, 2h/d, 4h/d, 4/D), and the notebook's refit against the sweep's own exponents file.
 * The fit ranges are checked against (D + 2)·w + 1 and the exponents against closed-form least squares
 * computed here from the runs. Tolerances: the runs are committed numbers and the fits deterministic, so a literal α is pinned to
 * 5·10⁻⁴ (its printed precision); TwoNN on 2,000 points has a standard error d/√2000 ≈ 2.2 % of d
 * (Facco et al. 2017's maximum-likelihood form), so "≈ d" is checked to 7 % (three standard errors).
 */
import { describe, expect, it } from "vitest";
import { type Verdict } from "../../src/findings/claim";
import { analysis, findings as findingsOf } from "../../src/findings/10_trained_networks";
import { configLabel, teacherStudentRunsNote } from "../../src/tables/trained_networks";
import { expectClose, itHasVerdicts } from "../helpers";

const EXPECTED: Record<string, Verdict> = {
  // d = 2: 1.69 [1.17, 2.21] is 15.4 % below 4/d = 2 with its interval reaching it; d = 3: 1.22 (4/d = 1.33)
  // is 8.6 % off, within 15 % by more than its standard error (0.038); d = 4: 0.865 is 13.5 % below 1, but with
  // its standard error (0.016) 15.1 %: neither d = 2 nor d = 4 is decided by three seeds
  "10.smooth-4-over-d": "not testable",
  // h = 1/2: 0.462 [0.351, 0.573] against 4h/d = 1; h = 1/3: 0.297 [0.243, 0.351] against 0.667: both far below
  "10.rough-eq17": "does not hold",
  // h = 1/2: 0.462 is 7.6 % below 1/2 (+ standard error 5.2 %); h = 1/3: 0.297 is 10.9 % below 1/3 (+ 3.8 %)
  "10.rough-2h-over-d": "holds",
  // d = 2 in D = 16: 0.884 [0.20, 1.57], nearer 4/D = 0.25 than the flat 1.69, its interval reaching 4/D
  "10.intrinsic-not-ambient": "does not hold",
  // students against grid: 0.462/0.547 (h = 1/2) and 0.297/0.395 (h = 1/3) differ by more than 15 %
  "10.grid-control": "does not hold",
  // doubling n: 0.958 ± 0.008 (scatter 0.24), 0.907 ± 0.10 (0.50, D = 16) and 0.991 ± 0.002 (0.039) are
  // limited by N; h = 1/2's 0.976 ± 0.006 against 0.022 is not decided, and its fit stops at N = 257
  "10.sample-size": "not testable",
  // inputs 1.96–3.92 against d = 2, 3, 4
  "10.twonn": "holds",
  // GELU 0.889 [0.735, 1.04] against ReLU 1.69
  "10.activation": "does not hold",
};

/** The students' exponents of the committed sweep (data/teacher_student_exponents.csv, column alpha). */
const ALPHAS: Record<string, number> = {
  "smooth-d2": 1.6914,
  "smooth-d3": 1.2195,
  "smooth-d4": 0.8646,
  "rough-d2-h12": 0.4622,
  "rough-d2-h13": 0.2972,
  "smooth-d2-D16": 0.8845,
  "smooth-d3-D16": 0.9841,
  "smooth-d2-gelu": 0.8892,
};

/** The N range of each students' fit: (D + 2)·w + 1 at the first and last fitted widths. */
const FIT_RANGES: Record<string, [number, number]> = {
  "smooth-d2": [9, 385], // w = 2 … 96
  "smooth-d3": [21, 681], // w = 4 … 136
  "smooth-d4": [13, 433], // w = 2 … 72
  "rough-d2-h12": [9, 257], // w = 2 … 64: the doubled check stopped it below w = 96
  "rough-d2-h13": [9, 385],
  "smooth-d2-D16": [37, 1297], // w = 2 … 72
  "smooth-d3-D16": [37, 1297],
  "smooth-d2-gelu": [9, 385],
};

/** Least-squares slope of y on x, in closed form (the independent reference for α). */
function slope(x: number[], y: number[]): number {
  const mx = x.reduce((a, v) => a + v, 0) / x.length, my = y.reduce((a, v) => a + v, 0) / y.length;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

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

  it("headline exponents (mean over seeds, widths ≥ 2, ≥ 4 at smooth d = 3)", () => {
    for (const [config, alpha] of Object.entries(ALPHAS)) expectClose(a.students[config].alpha, alpha, { abs: 5e-4 });
  });

  it("every chain's widths span at least 1.5 decades of N; every fit does unless the doubled check stopped it", () => {
    for (const [config, [lo, hi]] of Object.entries(FIT_RANGES)) {
      const e = a.students[config];
      expect([e.parametersMin, e.parametersMax], config).toEqual([lo, hi]);
      const chain = a.runs.filter((r) => r.config === config && r.seed === 0 && r.variant === "chain");
      expect(Math.log10(chain.at(-1)!.parameters / lo), config).toBeGreaterThanOrEqual(1.5);
      if (!e.sampleLimited) expect(Math.log10(hi / lo), config).toBeGreaterThanOrEqual(1.5);
    }
    expect(Object.values(a.students).filter((e) => e.sampleLimited).map((e) => e.config)).toEqual(["rough-d2-h12"]);
  });

  it("α is the mean over seeds of the closed-form least-squares slope of ln L on ln N over the fit range", () => {
    // computed here from the runs CSV's rows, independently of fitPowerLaw and summariseExponents
    for (const [config, [lo, hi]] of Object.entries(FIT_RANGES)) {
      const alphas = [0, 1, 2].map((seed) => {
        const rows = a.runs.filter((r) =>
          r.config === config && r.seed === seed && r.variant === "chain" && r.parameters >= lo && r.parameters <= hi
        );
        return -slope(rows.map((r) => Math.log(r.parameters)), rows.map((r) => Math.log(r.testLoss)));
      });
      expectClose(a.students[config].alpha, (alphas[0] + alphas[1] + alphas[2]) / 3, { rel: 1e-9 });
    }
  });

  it("the doubled-n ratios are the test losses of the doubled rows over the largest chain widths'", () => {
    // smooth d = 2 (0.958), h = 1/2 (0.976), d = 2 in D = 16 (0.907), h = 1/3 (0.991): mean over the three seeds
    const expected: Record<string, number> = {
      "smooth-d2": 0.9583,
      "rough-d2-h12": 0.9762,
      "smooth-d2-D16": 0.9074,
      "rough-d2-h13": 0.9905,
    };
    for (const [config, want] of Object.entries(expected)) {
      const ratios = [0, 1, 2].map((seed) => {
        const mine = a.runs.filter((r) => r.config === config && r.seed === seed);
        const last = mine.filter((r) => r.variant === "chain").at(-1)!;
        return mine.find((r) => r.variant === "doubled")!.testLoss / last.testLoss;
      });
      expectClose(a.students[config].doubledRatio, (ratios[0] + ratios[1] + ratios[2]) / 3, { rel: 1e-12 });
      expectClose(a.students[config].doubledRatio, want, { abs: 5e-5 });
    }
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
    expect(analysis({ fitMinWidth: 2 })).toBe(a);
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
