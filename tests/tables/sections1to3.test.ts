import { describe, expect, it } from "vitest";
import { exponentCostTable, kaplanCostTable } from "../../src/tables/scaling_law";
import { analogyTable, gridDimensionTable } from "../../src/tables/analogy";
import { pedestalThresholdTable } from "../../src/tables/pedestal";
import { expectClose } from "../helpers";

describe("tables of sections 1–3", () => {
  it("exponent_cost: 1024 to halve at alpha = 0.1, 3.4 % per doubling at 0.05", () => {
    const rows = exponentCostTable().table.objects() as Record<string, number>[];
    const r01 = rows.find((r) => r.alpha === 0.1)!;
    expectClose(r01.halve_factor, 1024, { rel: 1e-13 });
    expectClose(r01.doublings_to_halve, 10);
    expectClose(rows.find((r) => r.alpha === 0.05)!.change_per_doubling, 1 - 2 ** -0.05, { rel: 1e-14 });
    // the numbers notebook 01's prose reads off this table: 2^20 at 0.05, 8 at 1/3, √2 at 2
    expectClose(rows.find((r) => r.alpha === 0.05)!.halve_factor, 2 ** 20, { rel: 1e-12 });
    expectClose(rows.find((r) => r.alpha === 0.05)!.doublings_to_halve, 20, { rel: 1e-12 });
    expectClose(rows.find((r) => r.alpha === 1 / 3)!.halve_factor, 8, { rel: 1e-12 });
    expectClose(rows.find((r) => r.alpha === 2)!.halve_factor, Math.SQRT2, { rel: 1e-12 });
  });
  it("kaplan_exponent_cost: Kaplan et al. 2020's α_N = 0.076, α_D = 0.095, α_C = 0.05 priced as in eq. 1", () => {
    const rows = kaplanCostTable().table.objects() as Record<string, number | string>[];
    expect(rows.map((r) => r.resource)).toEqual(["N", "D", "C"]);
    // arXiv:2001.08361 eqs. 1.1–1.3; halving costs 2^(1/α), a doubling buys 1 − 2^(−α)
    [0.076, 0.095, 0.05].forEach((alpha, i) => {
      expect(rows[i].exponent).toBe(alpha);
      expectClose(rows[i].halve_factor as number, 2 ** (1 / alpha), { rel: 1e-12 });
      expectClose(rows[i].change_per_doubling_percent as number, 100 * (1 - 2 ** -alpha), { rel: 1e-12 });
    });
  });
  it("analogy tables have the documented columns", () => {
    expect(analogyTable().table.columnNames()).toEqual([
      "method",
      "quantity",
      "exponent",
      "halve_factor",
      "tenfold_factor",
      "source",
    ]);
    expect(gridDimensionTable().table.numRows()).toBe(6);
  });
  it("pedestal_thresholds: N_crit(0.1) = 729 and alpha_p reaches 0.1 at N = 9261 for p = 0.1", () => {
    const rows = pedestalThresholdTable().table.objects() as Record<string, number>[];
    const r = rows.find((x) => x.p === 0.1)!;
    expectClose(r.N_crit, 729, { rel: 1e-13 });
    expectClose(r["N_alpha_0.1"], 9261, { rel: 1e-12 });
  });
  it("pedestal_thresholds: one column per target, empty where the curve starts below it; targets ≤ 0 refused", () => {
    const t = pedestalThresholdTable([0.1, 0.5], 1 / 3, [0.2]);
    expect(t.table.columnNames()).toEqual(["p", "alpha_C", "x_crit", "N_crit", "N_alpha_0.2"]);
    const rows = t.table.objects() as Record<string, number | string>[];
    // x^α = t p / ((1 − p)(α − t)) = 0.2 · 0.1 / (0.9 · 2/15) = 1/6, N = 6^3 = 216
    expectClose(rows[0]["N_alpha_0.2"] as number, 216, { rel: 1e-12 });
    expect(rows[1]["N_alpha_0.2"]).toBe(""); // p = 0.5 starts at α_p(1) = 1/6 < 0.2
    expect(t.caption).toContain("falls to 0.2 (eq. 5)");
    expect(() => pedestalThresholdTable([0.1], 1 / 3, [0])).toThrow(/`targets\[0\]`/);
  });
});
