import { describe, expect, it } from "vitest";
import { chinchillaLoss } from "../../src/fit/chinchilla";
import * as openlm from "../../src/findings/09_openlm";
import { figureOpenLmExponents, figureOpenLmForecast, figureOpenLmRuns } from "../../src/figures/openlm";
import { expectClose } from "../helpers";

describe("figures of notebook 09 (Gadre et al. 2024 runs)", () => {
  it("plots all 104 runs once and draws each training set's law at D = 20 M N", () => {
    const fig = figureOpenLmRuns();
    expect(fig.data.filter((r) => r.kind === "run").length).toBe(104);
    const law = openlm.analysis().c4Fits.rpj.lawFit.fit.law;
    const curve = fig.data.filter((r) => r.kind === "law" && r.train_dataset === "RedPajama" && r.M === 4);
    expect(curve.length).toBeGreaterThan(10);
    for (const r of curve) {
      expectClose(r.loss as number, chinchillaLoss(law, r.N as number, 80 * (r.N as number)), { rel: 1e-12 });
    }
  });

  it("shows each forecast with its interval around the prediction", () => {
    const fig = figureOpenLmForecast();
    expect(fig.data.length).toBe(openlm.analysis().forecast.length);
    for (const r of fig.data) {
      expect(r.pred_low as number).toBeLessThanOrEqual(r.predicted as number);
      expect(r.predicted as number).toBeLessThanOrEqual(r.pred_high as number);
    }
  });

  it("shows α with its interval for 3 training sets × 8 validation sets", () => {
    const fig = figureOpenLmExponents();
    expect(fig.data.length).toBe(24);
    for (const r of fig.data) {
      expect(r.alpha_low as number).toBeLessThanOrEqual(r.alpha as number);
      expect(r.alpha as number).toBeLessThanOrEqual(r.alpha_high as number);
    }
  });
});
