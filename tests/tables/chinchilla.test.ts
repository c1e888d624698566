import { describe, expect, it } from "vitest";
import { HOFFMANN_2022 } from "../../src/chinchilla_fit";
import {
  chinchillaComparisonTable,
  chinchillaExponentsTable,
  chinchillaFitTable,
  chinchillaPedestalTable,
} from "../../src/tables/chinchilla";
import { expectClose } from "../helpers";

describe("tables of notebook 08 (Chinchilla refit)", () => {
  it("chinchilla_fit has the specified columns and rows, with estimates inside their intervals", () => {
    const t = chinchillaFitTable();
    expect(t.name).toBe("chinchilla_fit");
    expect(t.table.columnNames()).toEqual(["parameter", "estimate", "stderr", "ci_low", "ci_high"]);
    const rows = t.table.objects() as { parameter: string; estimate: number; stderr: number; ci_low: number; ci_high: number }[];
    expect(rows.map((r) => r.parameter)).toEqual(["E", "A", "B", "alpha", "beta"]);
    for (const r of rows) {
      expect(r.stderr).toBeGreaterThan(0);
      expect(r.ci_low).toBeLessThan(r.estimate);
      expect(r.ci_high).toBeGreaterThan(r.estimate);
    }
  });

  it("chinchilla_published_comparison says whether each published value is inside our interval", () => {
    const rows = chinchillaComparisonTable().table.objects() as Record<string, number | string>[];
    for (const r of rows) {
      const v = r.hoffmann_2022 as number;
      expect(r.hoffmann_inside).toBe(v >= (r.ci_low as number) && v <= (r.ci_high as number) ? "yes" : "no");
      expect(v).toBe(HOFFMANN_2022[r.parameter as keyof typeof HOFFMANN_2022]);
    }
  });

  it("chinchilla_exponents: Kaplan's alpha_C = 0.05 gives 3.4% per doubling and 2^20 to halve", () => {
    const rows = chinchillaExponentsTable().table.objects() as Record<string, number | string>[];
    const k = rows.find((r) => r.source === "Kaplan et al. 2020" && r.resource === "C (compute-optimal)")!;
    // 1 - 2^-0.05 = 0.033989... and 2^(1/0.05) = 2^20 = 1048576 (closed forms).
    expectClose(k.reducible_change_per_doubling as number, 1 - 2 ** -0.05, { rel: 1e-14 });
    expectClose(k.factor_to_halve as number, 2 ** 20, { rel: 1e-12 });
    expect(k.total_change_per_doubling).toBe(k.reducible_change_per_doubling);
    // Hoffmann et al.'s compute exponent 0.34 · 0.28 / 0.62 on the frontier.
    const h = rows.find((r) => r.source === "Hoffmann et al. 2022" && r.resource === "C (compute-optimal)")!;
    expectClose(h.exponent as number, (0.34 * 0.28) / 0.62);
    expect(h.total_change_per_doubling as number).toBeLessThan(h.reducible_change_per_doubling as number);
  });

  it("chinchilla_pedestal: p depends on the unit, the physical crossover does not", () => {
    const rows = chinchillaPedestalTable().table.objects() as Record<string, number | string>[];
    for (const cut of new Set(rows.map((r) => r.cut))) {
      const rs = rows.filter((r) => r.cut === cut);
      const cross = rs[0].crossover as number;
      for (const r of rs) {
        expectClose(r.crossover as number, cross);
        // eq. 7 in units of `unit`, times the unit, is the physical crossover (rounding only).
        expectClose((r.crossover_in_units as number) * (r.unit as number), cross, { rel: 1e-9 });
        expectClose(r.running_exponent_at_chinchilla as number, rs[0].running_exponent_at_chinchilla as number, { rel: 1e-9 });
      }
      expect(new Set(rs.map((r) => r.p)).size).toBe(rs.length);
    }
  });
});
