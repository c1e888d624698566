import { describe, expect, it } from "vitest";
import { chinchillaLoss, computeOptimal, computeOptimalLoss } from "../../src/fit/chinchilla";
import { type ChinchillaLaw } from "../../src/paper";
import {
  crossover,
  cutAlongN,
  cutFrontierInC,
  cutFrontierInN,
  cutLoss,
  pedestalRatio,
  runningExponentOfCut,
  runsBeyondCrossover,
  totalChangePerDoubling,
} from "../../src/fit/chinchilla_pedestal";
import { criticalSize, runningExponent } from "../../src/theory/pedestal";
import { lossChangePerDoubling } from "../../src/theory/scaling_law";
import { expectClose } from "../helpers";

// Besiroglu et al. 2024's law rounded as in their Table 1 (E = 1.82, A = 482.0, B = 2085.4,
// alpha = 0.35, beta = 0.37), so that the hand computations below stay short.
const law: ChinchillaLaw = { E: 1.82, A: 482.0, B: 2085.4, alpha: 0.35, beta: 0.37 };
const at = cutLoss;

describe("cuts of the law in the form of eq. 3", () => {
  it("along N at fixed D reproduce L(N, D)", () => {
    for (const N of [1e7, 1e9, 7e10]) expectClose(at(cutAlongN(law, 1.4e12), N), chinchillaLoss(law, N, 1.4e12));
  });

  it("along the frontier reproduce L_opt as a function of N_opt and of C", () => {
    for (const C of [1e18, 1e21, 5.88e23]) {
      const { N } = computeOptimal(law, C);
      // closed form K = A (alpha + beta) / beta against direct substitution: rounding only.
      expectClose(at(cutFrontierInN(law), N), computeOptimalLoss(law, C), { rel: 1e-12 });
      expectClose(at(cutFrontierInC(law), C), computeOptimalLoss(law, C), { rel: 1e-12 });
    }
  });
});

describe("pedestal ratio and crossover", () => {
  it("define p = L0 / L(z = unit), growing with the unit", () => {
    // By hand for this law at D = 1.4e12: 1.4e12^0.37 = e^(0.37 · 27.967493) = e^10.347973
    // = 31193.73; L0 = 1.82 + 2085.4 / 31193.73 = 1.82 + 0.0668532 = 1.8868532.
    // p(1) = 1.8868532 / (1.8868532 + 482) = 0.00389937; 1e6^-0.35 = 10^-2.1 = 0.00794328,
    // 482 · 0.00794328 = 3.828662, p(1e6) = 1.8868532 / 5.7155152 = 0.3301283.
    const c = cutAlongN(law, 1.4e12);
    expectClose(c.L0, 1.8868532, { rel: 1e-7 });
    expectClose(pedestalRatio(c, 1), 0.00389937, { rel: 1e-6 });
    expectClose(pedestalRatio(c, 1e6), 0.3301283, { rel: 1e-6 });
    expect(pedestalRatio(c, 1e6)).toBeGreaterThan(pedestalRatio(c, 1));
  });

  it("put the crossover where the two terms are equal, (A / L0)^(1/alpha) along N", () => {
    // By hand: 482 / 1.8868532 = 255.45178, ln = 5.5430337, / 0.35 = 15.837239, e^ = 7.551366e6.
    expectClose(crossover(cutAlongN(law, 1.4e12)), 7.551366e6, { rel: 1e-6 });
    // No pedestal, no crossover.
    expect(crossover({ L0: 0, K: 3, gamma: 0.05 })).toBe(Infinity);
  });

  it("put the crossover at unit · N_crit(p(unit)) of eq. 7 whatever the unit", () => {
    for (const c of [cutAlongN(law, 1.4e12), cutFrontierInN(law), cutFrontierInC(law)]) {
      for (const unit of [1, 1e3, 1e6]) {
        // Eq. 7 is in units of `unit`; back in physical units it must be the same number.
        expectClose(unit * criticalSize(pedestalRatio(c, unit), c.gamma), crossover(c), { rel: 1e-9 });
      }
      // There the reducible part equals the pedestal and the running exponent is gamma / 2.
      expectClose(runningExponentOfCut(c, crossover(c)), c.gamma / 2, { rel: 1e-12 });
    }
  });

  it("give the running exponent of eq. 5 for any unit, equal to the law's log-derivative", () => {
    const c = cutAlongN(law, 1.4e12);
    const N = 7e10;
    for (const unit of [1, 1e6]) {
      expectClose(runningExponent(unit / N, pedestalRatio(c, unit), c.gamma), runningExponentOfCut(c, N), {
        rel: 1e-10,
      });
    }
  });

  it("give running exponents equal to numerical log-derivatives of L(N, D) and L_opt(C)", () => {
    // Central difference in log N and log C with step 1e-4: truncation error ~1e-9.
    const h = 1e-4;
    const N = 1e9, D = 2e10, C = 1e22;
    const dN =
      -(Math.log(chinchillaLoss(law, N * Math.exp(h), D)) - Math.log(chinchillaLoss(law, N * Math.exp(-h), D))) /
      (2 * h);
    expectClose(runningExponentOfCut(cutAlongN(law, D), N), dN, { rel: 1e-7 });
    const dC =
      -(Math.log(computeOptimalLoss(law, C * Math.exp(h))) - Math.log(computeOptimalLoss(law, C * Math.exp(-h)))) /
      (2 * h);
    expectClose(runningExponentOfCut(cutFrontierInC(law), C), dC, { rel: 1e-7 });
    // The same at the Chinchilla model along N at D = 1.4e12 and at its budget along the frontier.
    const n = 7e10, d = 1.4e12, c = 5.88e23;
    const dn =
      -(Math.log(chinchillaLoss(law, n * Math.exp(h), d)) - Math.log(chinchillaLoss(law, n * Math.exp(-h), d))) /
      (2 * h);
    expectClose(runningExponentOfCut(cutAlongN(law, d), n), dn, { rel: 1e-7 });
    const dc =
      -(Math.log(computeOptimalLoss(law, c * Math.exp(h))) - Math.log(computeOptimalLoss(law, c * Math.exp(-h)))) /
      (2 * h);
    expectClose(runningExponentOfCut(cutFrontierInC(law), c), dc, { rel: 1e-7 });
  });

  it("gives a total-loss change per doubling of 1 - 2^-gamma without a pedestal, less with one", () => {
    const pure = { L0: 0, K: 3, gamma: 0.05 };
    expectClose(totalChangePerDoubling(pure, 1e20), lossChangePerDoubling(0.05), { rel: 1e-12 });
    const c = cutFrontierInC(law);
    expect(totalChangePerDoubling(c, 5.88e23)).toBeLessThan(lossChangePerDoubling(c.gamma));
    // Against the loss itself, 1 - L_opt(2C) / L_opt(C) (rounding only).
    for (const C of [1e20, 5.88e23]) {
      expectClose(totalChangePerDoubling(c, C), 1 - computeOptimalLoss(law, 2 * C) / computeOptimalLoss(law, C), {
        rel: 1e-10,
      });
    }
  });

  it("counts the runs beyond the crossover of their own D and of the frontier", () => {
    // Crossovers (by hand above and for the frontier): along N at D = 1.4e12, 7.55e6 parameters;
    // frontier in N_opt, K = 482 · 0.72 / 0.37 = 937.946, (937.946 / 1.82)^(1/0.35) = 5.61e7.
    const runs = [{ N: 7e6, D: 1.4e12 }, { N: 8e6, D: 1.4e12 }, { N: 6e7, D: 1.4e12 }];
    expect(runsBeyondCrossover(runs, law)).toEqual({ ownD: 2, frontier: 1, total: 3 });
    expectClose(crossover(cutFrontierInN(law)), 5.6088715e7, { rel: 1e-6 });
  });

  it("rejects a non-positive unit or size", () => {
    expect(() => pedestalRatio(cutFrontierInN(law), 0)).toThrow("`unit` must be in (0, ∞), got 0");
    expect(() => runningExponentOfCut(cutFrontierInN(law), -1)).toThrow(/`z` must be in/);
    expect(() => cutAlongN({ ...law, alpha: 0 }, 1e9)).toThrow(/`alpha` must be in/);
  });
});
