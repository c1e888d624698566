import { describe, expect, it } from "vitest";
import {
  closerNote,
  excessNote,
  intermittencyTable,
  intrinsicDimensionTable,
  skExponentsTable,
  smoothBoundsTable,
} from "../../src/tables/measured_exponents";
import * as measured from "../../src/findings/07_measured_exponents";
import { DEFAULT_SETTINGS, type ExperimentSettings, measuredExponents } from "../../src/measure/measured_exponents";
import { expectClose } from "../helpers";

const tiny: ExperimentSettings = {
  ...DEFAULT_SETTINGS,
  seeds: 2,
  mcPoints: 256,
  gridSides: [[4, 8, 16], [2, 4, 8]],
  roughDims: [1],
  hs: [1 / 3],
  manifoldDims: [2],
  manifoldSizes: [64, 128],
  queries: 32,
  twonnSizes: [200],
  codimensions: [0.2],
  cascadeSides: [16, 32, 64],
  cascadeLevels: 10,
};

describe("tables of notebook 07", () => {
  const result = measuredExponents(tiny);

  it("sk_exponents has the issue's columns, empty h for smooth rows and the paper's formula", () => {
    const t = skExponentsTable(result);
    expect(t.name).toBe("sk_exponents");
    expect(t.table.columnNames()).toEqual(
      ["experiment", "target", "approximant", "d", "h", "alpha_measured", "alpha_stderr", "alpha_paper"],
    );
    const rows = t.table.objects() as Record<string, string | number>[];
    expect(rows.length).toBe(result.exponents.length);
    const smooth = rows.filter((r) => r.target === "smooth");
    smooth.forEach((r) => expect(r.h).toBe(""));
    // grid rows: 2/d for constant, 4/d for linear; rough: times h (eq. 17 for linear: 4h/d)
    const rl = rows.find((r) => r.target === "rough" && r.approximant === "linear" && r.d === 1)!;
    expectClose(rl.alpha_paper as number, 4 / 3, { abs: 5e-5 }); // rounded to 4 decimals
    const mk = rows.find((r) => r.experiment === "manifold" && r.approximant === "knn1")!;
    expect(mk.alpha_paper).toBe(1);
  });

  it("intrinsic_dimension has columns d, D, N, twonn_estimate", () => {
    const t = intrinsicDimensionTable(result);
    expect(t.table.columnNames()).toEqual(["d", "D", "N", "twonn_estimate"]);
    expect(t.table.objects()).toEqual([{ d: 2, D: 32, N: 200, twonn_estimate: expect.any(Number) }]);
  });

  it("sk_intermittency has one row per codimension and approximant, with ζ₂ and the paper's 2h, 4h", () => {
    const t = intermittencyTable(result);
    expect(t.table.columnNames()).toEqual(
      ["codimension", "beta", "approximant", "alpha_measured", "alpha_stderr", "alpha_paper", "zeta2"],
    );
    const rows = t.table.objects() as Record<string, string | number>[];
    expect(rows.map((r) => r.approximant)).toEqual(["constant", "linear"]);
    // C = 0.2: ζ₂ = 2/3 + 0.2/3 = 0.7333, h = 1/3 − 0.2/3 = 0.2667, 4h = 1.0667 (rounded to 4 decimals)
    expect(rows[0].zeta2).toBe(0.7333);
    expect(rows[1].alpha_paper).toBe(1.0667);
    expect(rows[0].beta).toBe(0.8706);
  });

  it("names no column with a pipe, which would split a Markdown table cell (issue 11)", () => {
    // a hand-made analysis with one smooth row: only the column names are under test
    const smooth = [{ e: result.exponents[0], lastSlope: 2, maxBoundRatio: 0.1, gradRatio: 1, onset: 16 }];
    const t = smoothBoundsTable({ smooth } as unknown as measured.Analysis);
    for (const c of t.table.columnNames()) expect(c).not.toContain("|");
    expect(t.table.objects()[0]).toMatchObject({ "asymptote from N =": "16" });
  });
});

describe("notebook 07's notes back its prose (default parameters)", () => {
  const a = measured.analysis();

  it("smooth grids: the slope at the largest N is 'not uniformly better' than the fit", () => {
    // committed run: closer in 2 of 10 rows (linear d = 3, 4)
    const m = closerNote(a, "smooth").match(/in (\d+) of (\d+) rows/)!;
    expect(Number(m[2])).toBe(10);
    expect(Number(m[1])).toBeGreaterThan(0);
    expect(Number(m[1])).toBeLessThan(10);
  });

  it("rough grids at the largest d: the slope between the two largest grids is 'mostly closer' to 2h/d", () => {
    // committed run: 3 of 4 rows at d = 3
    const m = closerNote(a, "rough").match(/At d = (\d+) .* in (\d+) of (\d+) rows/)!;
    expect(Number(m[1])).toBe(3);
    expect(Number(m[2])).toBeGreaterThan(Number(m[3]) / 2);
  });

  it("manifolds: for d ≥ 3 the exponents sit 'a little above' 2/d and 4/d (under 15 %)", () => {
    const note = excessNote(a);
    expect(note).toContain("(all above)");
    // committed run: 2.2–9.6 % above
    const pcts = note.match(/are (.*) % away/)![1].split(", ").map(Number);
    for (const v of pcts) expect(v).toBeLessThan(15);
  });
});
