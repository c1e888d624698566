import { describe, expect, it } from "vitest";
import { chinchillaLoss } from "../../src/fit/chinchilla";
import * as languageModel from "../../src/findings/11_language_model";
import { figureLmCurves, figureLmGenres, figureLmLossVsN, figureLmTwoNN } from "../../src/figures/lm";
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
});
