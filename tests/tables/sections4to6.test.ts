import { describe, expect, it } from "vitest";
import { eq9Scope, halvingCostTable, impliedDimensionTable } from "../../src/tables/intrinsic_dimension";
import { structureExponentTable } from "../../src/tables/turbulence";
import { compressionTable, thresholdTable } from "../../src/tables/conclusion";
import { halvingFactor } from "../../src/theory/intrinsic_dimension";
import { expectClose } from "../helpers";

// deno-lint-ignore no-explicit-any -- table rows mix string and number columns
type R = Record<string, any>;

describe("tables of sections 4–6", () => {
  it("intrinsic_dimension_halving_cost: 2^10 at d = 40, 2^20 at d = 80, and 2^30 under eq. 17 at d = 40", () => {
    const rows = halvingCostTable().table.objects() as R[];
    const r40 = rows.find((r) => r.d === 40)!;
    expectClose(r40.halve_4_over_d, 1024, { rel: 1e-14 });
    expectClose(r40.halve_2_over_d, 2 ** 20, { rel: 1e-14 });
    expectClose(r40.halve_eq17_h_1_3, 2 ** 30, { rel: 1e-13 });
    expectClose(rows.find((r) => r.d === 80)!.halve_4_over_d, 2 ** 20, { rel: 1e-14 });
  });
  it("implied_intrinsic_dimension: d = 4/α for the model-size exponents only (Kaplan's α_N = 0.076: d ≈ 52.6)", () => {
    type Row = {
      fit: string;
      resource: string;
      scope: string;
      d_4_over_alpha: number | null;
      d_eq17_h_1_3: number | null;
    };
    const rows = impliedDimensionTable().table.objects() as Row[];
    const kaplanN = rows.find((r) => r.fit.startsWith("Kaplan") && r.resource.startsWith("parameters"))!;
    expectClose(kaplanN.d_4_over_alpha!, 4 / 0.076);
    expectClose(kaplanN.d_eq17_h_1_3!, 4 / 3 / 0.076);
    // eq. 9 (Sharma & Kaplan) is about the exponent in model size; data and compute exponents get no d
    const expectedScope: Record<string, string> = {
      "parameters N": "model size: eq. 9 applies",
      "data D": "data size: outside eq. 9",
      "compute C (optimal)": "compute-optimal, a combination αβ/(α+β): outside eq. 9",
    };
    for (const r of rows) {
      const inScope = r.resource.startsWith("parameters");
      expect(r.d_4_over_alpha === null, `${r.fit} ${r.resource}`).toBe(!inScope);
      // the table's column is eq9Scope's, and both say what is written here (not one code path twice)
      expect(r.scope).toBe(eq9Scope(r.resource));
      expect(r.scope, `${r.fit} ${r.resource}`).toBe(expectedScope[r.resource]);
    }
    expect(rows.map((r) => r.resource)).toEqual([
      "parameters N",
      "data D",
      "compute C (optimal)",
      "parameters N",
      "data D",
    ]);
    expect(rows.filter((r) => r.d_4_over_alpha !== null)).toHaveLength(2);
    expect(eq9Scope("compute C (optimal)")).toContain("αβ/(α+β)");
  });
  it("structure_exponents: zeta_3 = 1 in every model", () => {
    const r3 = (structureExponentTable().table.objects() as R[]).find((r) => r.p === 3)!;
    expect(r3.k41).toBe(1);
    expectClose(r3.beta_model, 1, { rel: 1e-15 });
    expectClose(r3.she_leveque, 1, { rel: 1e-15 });
  });
  it("conclusion_thresholds: d* = 40 and 80 for 4/d, 40/3 for eq. 17 with h = 1/3", () => {
    const rows = thresholdTable().table.objects() as R[];
    const smooth = rows.filter((r) => r.law.startsWith("4/d"));
    expect(smooth.map((r) => r.d_star)).toEqual([40, 80]);
    expectClose(rows.find((r) => r.law.includes("h = 1/3 (eq. 17") && r.alpha_threshold === 0.1)!.d_star, 40 / 3);
    // The beta model (dF = 2.8) as the squared loss sees it: h = ζ₂/2 = (2/3 + 0.2/3)/2 = 0.3667, so eq. 17's d* = 4h/0.1 = 14.67.
    expectClose(
      rows.find((r) => r.law.startsWith("4h/d, h = ζ₂/2") && r.alpha_threshold === 0.1)!.d_star,
      40 * (2.2 / 6),
      { rel: 1e-12 },
    );
    // at d*, alpha equals the threshold, so halving costs 2^(1/threshold) (the column the table no longer carries)
    expect(Object.keys(rows[0])).not.toContain("halve_at_d_star");
    for (const r of rows) expectClose(halvingFactor(r.d_star, r.a, r.h), 2 ** (1 / r.alpha_threshold), { rel: 1e-12 });
  });
  it("dimensional_compression: d/D for d = 100 spans 0.0081 (GPT-3) to 0.0625 (GPT-2 XL)", () => {
    const rows = compressionTable().table.objects() as R[];
    expectClose(Math.min(...rows.map((r) => r.d_over_D)), 100 / 12288);
    expectClose(Math.max(...rows.map((r) => r.d_over_D)), 100 / 1600);
  });
});
