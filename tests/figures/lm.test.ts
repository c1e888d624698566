import { describe, expect, it } from "vitest";
import { chinchillaLoss } from "../../src/fit/chinchilla";
import * as languageModel from "../../src/findings/11_language_model";
import { figureLmCurves, figureLmGenres, figureLmLiveRun, figureLmLossVsN, figureLmTwoNN } from "../../src/figures/lm";
import { expectClose } from "../helpers";

describe("figures of notebook 11 (character transformers on the Brown corpus)", () => {
  // Each figure's SVG, PNG and CSV are checked byte for byte against figures/ by tests/artifacts.test.ts
  // (no copy of them is kept as a snapshot here).
  it("plots every size run once and the fitted law at the sweep's D", () => {
    const a = languageModel.analysis();
    const fig = figureLmLossVsN(a);
    expect(fig.data.filter((r) => r.kind === "run").length).toBe(a.runs.filter((r) => r.kind === "size").length);
    for (const r of fig.data.filter((d) => d.kind === "law")) {
      expectClose(r.loss as number, chinchillaLoss(a.law.fit.law, r.N as number, a.D), { rel: 1e-12 });
    }
  });

  it("draws one curve per size and α with its interval for the 15 genres", () => {
    const a = languageModel.analysis();
    expect(new Set(figureLmCurves(a).data.map((r) => r.size)).size).toBe(a.sizes.length);
    expect(new Set(figureLmTwoNN(a).data.map((r) => r.size)).size).toBe(a.sizes.length);
    const g = figureLmGenres(a);
    expect(g.data.length).toBe(15);
    for (const r of g.data) {
      expect(r.alpha_low as number).toBeLessThanOrEqual(r.alpha as number);
      expect(r.alpha as number).toBeLessThanOrEqual(r.alpha_high as number);
    }
  });

  it("draws a run trained in the page over the sweep's curves, in its size's colour, with a dot where it is", () => {
    const sweep = [
      { size: "w4l1", N: 252, step: 50, valLoss: 3.8 },
      { size: "w4l1", N: 252, step: 600, valLoss: 2.9 },
      { size: "w8l1", N: 888, step: 50, valLoss: 3.4 },
      { size: "w8l1", N: 888, step: 600, valLoss: 2.7 },
    ];
    const points = [{ step: 0, trainLoss: 4.44, valLoss: 4.43 }, { step: 20, trainLoss: 4.1, valLoss: 4.0 }];
    const fig = figureLmLiveRun({ size: "w4l1", N: 252, seed: 3, steps: 1000, points, sweep });
    expect(fig.data.filter((r) => r.series === "validation").map((r) => r.loss)).toEqual([4.43, 4.0]);
    expect(fig.data.filter((r) => r.series === "train").length).toBe(2);
    expect(fig.data.filter((r) => r.series === "sweep").length).toBe(4);
    expect(fig.caption).toContain("seed 3, 1,000 steps");
    const svg = fig.element.outerHTML;
    // the sweep's w4l1 curve and the run share the first colour; the dot marks the latest point
    expect(svg.match(/stroke="#0072B2"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(fig.element.querySelectorAll("circle").length).toBe(1);
  });
});
