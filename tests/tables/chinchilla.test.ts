import { describe, expect, it } from "vitest";
import { chinchillaLoss, computeOptimal, computeOptimalLoss } from "../../src/fit/chinchilla";
import { BESIROGLU_2024, HOFFMANN_2022 } from "../../src/paper";
import { claimById } from "../../src/findings/claim";
import * as chinchilla from "../../src/findings/08_chinchilla";
import {
  chinchillaComparisonTable,
  chinchillaExponentsTable,
  chinchillaFitsTable,
  chinchillaFitTable,
  chinchillaPedestalTable,
  chinchillaTable,
  pedestalTableFor,
} from "../../src/tables/chinchilla";
import { expectClose } from "../helpers";

describe("tables of notebook 08 (Chinchilla refit)", () => {
  it("chinchilla_fit has the specified columns and rows, with estimates inside their intervals", () => {
    const t = chinchillaFitTable();
    expect(t.name).toBe("chinchilla_fit");
    expect(t.table.columnNames()).toEqual(["parameter", "estimate", "stderr", "ci_low", "ci_high"]);
    const rows = t.table.objects() as {
      parameter: string;
      estimate: number;
      stderr: number;
      ci_low: number;
      ci_high: number;
    }[];
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
      expect(r.hoffmann_2022).toBe(HOFFMANN_2022[r.parameter as keyof typeof HOFFMANN_2022]);
      expect(r.besiroglu_2024).toBe(BESIROGLU_2024[r.parameter as keyof typeof BESIROGLU_2024]);
    }
    // Expected from the published numbers: Besiroglu et al. refit the same points by the same
    // method, so all five of theirs fall inside; Hoffmann et al.'s E = 1.69, B = 410.7 and
    // beta = 0.28 are far below Besiroglu's 1.82, 2085.43 and 0.3658 (more than the intervals' width
    // for E and beta), while their A = 406.4 and alpha = 0.34 are close to 482.01 and 0.3478.
    expect(Object.fromEntries(rows.map((r) => [r.parameter, [r.hoffmann_inside, r.besiroglu_inside]]))).toEqual({
      E: ["no", "yes"],
      A: ["yes", "yes"],
      B: ["no", "yes"],
      alpha: ["yes", "yes"],
      beta: ["no", "yes"],
    });
    // The published values of the "no" rows lie below our intervals.
    for (const r of rows.filter((r) => r.hoffmann_inside === "no")) {
      expect(r.hoffmann_2022 as number).toBeLessThan(r.ci_low as number);
    }
  });

  it("captions print the coverage as a percentage without floating-point noise", () => {
    const a = chinchilla.analysis({ level: 0.57, resamples: 50 }); // 100 · 0.57 = 56.99999999999999 in floating point
    expect(chinchillaFitTable(a).caption).toContain(" 57% percentile intervals (50 resamples)");
    expect(chinchillaComparisonTable(a).caption).toContain("its 57% bootstrap intervals");
  });

  it("chinchillaTable lists runs; chinchillaFitsTable has the two fits", () => {
    const a = chinchilla.analysis();
    expect(chinchillaTable(a.runs).numRows()).toBe(245);
    expect(chinchillaTable(a.dropped).columnNames()).toEqual(["line", "N", "C", "D", "loss"]);
    const fits = chinchillaFitsTable(a).table.objects() as Record<string, number | string>[];
    expect(fits.map((r) => r.n)).toEqual([245, 240]);
    expect(fits[1].alpha).toBe(a.fit.law.alpha);
  });

  it("the headline fit's optimiser reported convergence from its best start", () => {
    const { fit, fitAll } = chinchilla.analysis();
    expect(fit.converged).toBe(true);
    expect(fitAll.converged).toBe(true);
    expect(fit.starts).toBe(4500);
  });

  it("chinchilla_exponents: Kaplan's alpha_C = 0.05 gives 3.4% per doubling and 2^20 to halve", () => {
    const rows = chinchillaExponentsTable().table.objects() as Record<string, number | string>[];
    const k = rows.find((r) => r.source === "Kaplan et al. 2020" && r.resource === "C (compute-optimal)")!;
    // 1 - 2^-0.05 = 0.033989... and 2^(1/0.05) = 2^20 = 1048576 (closed forms).
    expectClose(k.reducible_change_per_doubling as number, 1 - 2 ** -0.05, { rel: 1e-14 });
    expectClose(k.factor_to_halve as number, 2 ** 20, { rel: 1e-12 });
    // No pedestal: the total loss changes as the power law, by hand 2^-0.05 = e^(-0.05 · 0.6931472)
    // = e^-0.03465736 = 0.9659363, so 1 - 0.9659363 = 0.0340637.
    expectClose(k.total_change_per_doubling as number, 0.0340637, { rel: 1e-6 });
    // Hoffmann et al.'s compute exponent 0.34 · 0.28 / 0.62 = 0.0952 / 0.62 = 0.153548387 (by hand).
    const h = rows.find((r) => r.source === "Hoffmann et al. 2022" && r.resource === "C (compute-optimal)")!;
    expectClose(h.exponent as number, 0.153548387, { rel: 1e-9 });
    expect(h.total_change_per_doubling as number).toBeLessThan(h.reducible_change_per_doubling as number);
  });

  it("chinchilla_pedestal: p depends on the unit, the physical crossover does not", () => {
    const rows = chinchillaPedestalTable().table.objects() as Record<string, number | string>[];
    for (const cut of new Set(rows.map((r) => r.cut))) {
      const rs = rows.filter((r) => r.cut === cut);
      const cross = rs[0].crossover as number;
      for (const r of rs) {
        expect(r.crossover).toBe(cross);
        // Eq. 8 is the inverse of eq. 7: p > p_crit(N / unit) exactly when N is beyond the
        // crossover, in every unit; here every cut's crossover lies below the Chinchilla model.
        expect(r.p as number).toBeGreaterThan(r.p_crit_at_chinchilla as number);
        // eq. 7 in units of `unit`, times the unit, is the physical crossover (rounding only).
        expectClose((r.crossover_in_units as number) * (r.unit as number), cross, { rel: 1e-9 });
        expectClose(r.running_exponent_at_chinchilla as number, rs[0].running_exponent_at_chinchilla as number, {
          rel: 1e-9,
        });
      }
      expect(new Set(rs.map((r) => r.p)).size).toBe(rs.length);
    }
    // At the crossover the reducible part equals the pedestal, so the loss is twice the pedestal:
    // checked on the fitted law itself (chinchillaLoss, computeOptimalLoss), not on the cut.
    const { law } = chinchilla.analysis().fit;
    const first = (cut: string) => rows.find((r) => r.cut === cut)!;
    const alongN = first("N at D = 1.4e12"), frontierN = first("frontier, N_opt"), frontierC = first("frontier, C");
    expectClose(chinchillaLoss(law, alongN.crossover as number, 1.4e12), 2 * (alongN.L0 as number), { rel: 1e-9 });
    expectClose(computeOptimalLoss(law, frontierC.crossover as number), 2 * law.E, { rel: 1e-9 });
    // The frontier's crossover in C is spent on a model of the frontier's crossover in N_opt.
    expectClose(computeOptimal(law, frontierC.crossover as number).N, frontierN.crossover as number, { rel: 1e-9 });
  });

  it("the tables show the same numbers as the claims beside them (computed apart, by the same law)", () => {
    const f = chinchilla.findings();
    const ped = chinchillaPedestalTable().table.objects() as Record<string, number | string>[];
    const frontier = ped.filter((r) => r.cut === "frontier, N_opt");
    const p = claimById(f, "08.pedestal-above-001").numbers;
    expect(frontier.map((r) => r.p)).toEqual([p.pParameters, p.pMillions, p.pBillions]);
    expect(frontier[0].crossover).toBe(p.crossover);
    // eq. 5 from p and γ in the table, the cut's own slope in the claim: equal to rounding
    expectClose(
      frontier[0].running_exponent_at_chinchilla as number,
      claimById(f, "08.running-exponent-small").numbers.inN,
      { rel: 1e-9 },
    );
    const exps = chinchillaExponentsTable().table.objects() as Record<string, number | string>[];
    const inC = (source: string) => exps.find((r) => r.source === source && r.resource === "C (compute-optimal)")!;
    const d = claimById(f, "08.three-to-four-percent").numbers;
    expect(inC("this refit").total_change_per_doubling).toBe(d.total);
    expect(inC("this refit").reducible_change_per_doubling).toBe(d.reducible);
    expect(inC("Hoffmann et al. 2022").total_change_per_doubling).toBe(d.hoffmannTotal);
    expect(inC("Kaplan et al. 2020").total_change_per_doubling).toBe(d.kaplan);
  });

  it("pedestalTableFor gives hand-computed crossovers and p_crit for a law like Besiroglu et al.'s", () => {
    // Besiroglu et al. 2024's law rounded (E = 1.82, A = 482.0, B = 2085.4, alpha = 0.35, beta = 0.37),
    // so that the hand computations below stay short.
    const rounded = { E: 1.82, A: 482.0, B: 2085.4, alpha: 0.35, beta: 0.37 };
    const rows = pedestalTableFor(rounded, [1]).table.objects() as Record<string, number | string>[];
    const [alongN, frontierN] = rows;
    // Along N at D = 1.4e12: L0 = 1.82 + 2085.4 / 1.4e12^0.37 = 1.82 + 2085.4 / 31193.73 = 1.8868532;
    // (482 / 1.8868532)^(1/0.35) = 255.45178^2.8571429 = e^15.837239 = 7.551366e6 parameters.
    expectClose(alongN.crossover as number, 7.551366e6, { rel: 1e-6 });
    // Frontier in N_opt: K = 482 · 0.72 / 0.37 = 937.9459; (937.9459 / 1.82)^(1/0.35) = 5.6088715e7.
    expectClose(frontierN.crossover as number, 5.6088715e7, { rel: 1e-6 });
    // Eq. 8 at N = 7e10 in parameters: 7e10^0.35 = e^(0.35 · 24.971776) = e^8.740122 = 6248.623,
    // p_crit = 1 / 6249.623 = 1.6000966e-4.
    expectClose(alongN.p_crit_at_chinchilla as number, 1.6000966e-4, { rel: 1e-6 });
    // At the crossover the running exponent is alpha / 2: measured on the law's total loss.
    const N = alongN.crossover as number, h = 1e-4;
    const L = (n: number) => 1.82 + 482 / n ** 0.35 + 2085.4 / 1.4e12 ** 0.37;
    expectClose(-(Math.log(L(N * Math.exp(h))) - Math.log(L(N * Math.exp(-h)))) / (2 * h), 0.175, { rel: 1e-7 });
  });
});
