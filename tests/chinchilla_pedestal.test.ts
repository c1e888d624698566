import { describe, expect, it } from "vitest";
import {
  BESIROGLU_2024,
  chinchillaLoss,
  computeOptimal,
  computeOptimalLoss,
  runningExponentInC,
  runningExponentInN,
} from "../src/chinchilla_fit";
import {
  crossover,
  cutAlongN,
  cutFrontierInC,
  cutFrontierInN,
  pedestalRatio,
  runningExponentOfCut,
  totalChangePerDoubling,
} from "../src/chinchilla_pedestal";
import { criticalSize, runningExponent } from "../src/pedestal";
import { lossChangePerDoubling } from "../src/scaling_law";
import { expectClose } from "./helpers";

const law = BESIROGLU_2024;
const at = (c: { L0: number; K: number; gamma: number }, z: number) => c.L0 + c.K * z ** -c.gamma;

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
    const c = cutAlongN(law, 1.4e12);
    expectClose(pedestalRatio(c, 1), c.L0 / (c.L0 + c.K));
    expectClose(pedestalRatio(c, 1e6), c.L0 / at(c, 1e6));
    expect(pedestalRatio(c, 1e6)).toBeGreaterThan(pedestalRatio(c, 1));
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
      expectClose(runningExponent(unit / N, pedestalRatio(c, unit), c.gamma), runningExponentOfCut(c, N), { rel: 1e-10 });
    }
    expectClose(runningExponentOfCut(c, N), runningExponentInN(law, N, 1.4e12), { rel: 1e-12 });
    expectClose(runningExponentOfCut(cutFrontierInC(law), 5.88e23), runningExponentInC(law, 5.88e23), { rel: 1e-10 });
  });

  it("gives a total-loss change per doubling of 1 - 2^-gamma without a pedestal, less with one", () => {
    const pure = { L0: 0, K: 3, gamma: 0.05 };
    expectClose(totalChangePerDoubling(pure, 1e20), lossChangePerDoubling(0.05), { rel: 1e-12 });
    const c = cutFrontierInC(law);
    expect(totalChangePerDoubling(c, 5.88e23)).toBeLessThan(lossChangePerDoubling(c.gamma));
  });

  it("rejects a non-positive unit or size", () => {
    expect(() => pedestalRatio(cutFrontierInN(law), 0)).toThrow("`unit` must be in (0, ∞), got 0");
    expect(() => runningExponentOfCut(cutFrontierInN(law), -1)).toThrow(/`z` must be in/);
    expect(() => cutAlongN({ ...law, alpha: 0 }, 1e9)).toThrow(/`alpha` must be in/);
  });
});
