import { describe, expect, it } from "vitest";
import { chinchillaLoss } from "../../src/fit/chinchilla";
import { analysis11 } from "../../src/findings/11_language_model";
import { figureLmCurves, figureLmGenres, figureLmLossVsN, figureLmTwoNN } from "../../src/figures/lm";
import { serializeSvg } from "../../src/figures/render";
import { expectClose } from "../helpers";

describe("figures of notebook 11 (character transformers on the Brown corpus)", () => {
  for (const make of [figureLmLossVsN, figureLmCurves, figureLmTwoNN, figureLmGenres]) {
    it(`${make.name}() matches its SVG snapshot`, async () => {
      const fig = make();
      await expect(serializeSvg(fig.element)).toMatchFileSnapshot(`./__snapshots__/${fig.name}.svg`);
    });
  }

  it("plots every size run once and the fitted law at the sweep's D", () => {
    const a = analysis11();
    const fig = figureLmLossVsN(a);
    expect(fig.data.filter((r) => r.kind === "run").length).toBe(a.runs.filter((r) => r.kind === "size").length);
    for (const r of fig.data.filter((d) => d.kind === "law")) {
      expectClose(r.loss as number, chinchillaLoss(a.law.fit.law, r.N as number, a.D), { rel: 1e-12 });
    }
  });

  it("draws one curve per size and α with its interval for the 15 genres", () => {
    const a = analysis11();
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
