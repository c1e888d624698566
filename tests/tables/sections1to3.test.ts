import { describe, expect, it } from "vitest";
import { exponentCostTable } from "../../src/tables/scaling_law";
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
  });
  it("analogy tables have the documented columns", () => {
    expect(analogyTable().table.columnNames()).toEqual(["method", "quantity", "exponent", "halve_factor", "tenfold_factor", "source"]);
    expect(gridDimensionTable().table.numRows()).toBe(6);
  });
  it("pedestal_thresholds: N_crit(0.1) = 729 and alpha_p reaches 0.1 at N = 9261 for p = 0.1", () => {
    const rows = pedestalThresholdTable().table.objects() as Record<string, number>[];
    const r = rows.find((x) => x.p === 0.1)!;
    expectClose(r.N_crit, 729, { rel: 1e-13 });
    expectClose(r["N_alpha_0.1"], 9261, { rel: 1e-12 });
  });
});
