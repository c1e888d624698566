import { describe, expect, it } from "vitest";
import {
  figureChinchillaBootstrap,
  figureChinchillaRunningExponent,
  figureChinchillaRuns,
} from "../../src/figures/chinchilla";
import * as chinchilla from "../../src/findings/08_chinchilla";
import { expectClose } from "../helpers";

describe("figures of notebook 08 (Chinchilla refit)", () => {
  it("plots every run once, rings the five left out, and draws the law from the headline fit", () => {
    const fig = figureChinchillaRuns();
    const { fit } = chinchilla.analysis();
    expect(fig.data.filter((r) => r.kind !== "law").length).toBe(245);
    expect(fig.data.filter((r) => r.kind === "left out").length).toBe(5);
    // Each law curve, less its pedestal E + B/D^beta, has log-log slope -alpha in N (measured
    // between consecutive points of the curve), and ends at the labelled tokens.
    const law = fit.law;
    for (const D of [1e9, 1e10, 1e11]) {
      const curve = fig.data.filter((r) => r.kind === "law" && r.D === D);
      expect(curve.length).toBeGreaterThan(10);
      const pedestal = law.E + law.B / D ** law.beta;
      for (let i = 1; i < curve.length; i++) {
        const [a, b] = [curve[i - 1], curve[i]] as { N: number; loss: number }[];
        const slope = Math.log((b.loss - pedestal) / (a.loss - pedestal)) / Math.log(b.N / a.N);
        expectClose(slope, -law.alpha, { rel: 1e-9 });
      }
    }
  });

  it("shows running exponents that start near alpha at small N and fall towards 0", () => {
    const fig = figureChinchillaRunningExponent();
    const { fit } = chinchilla.analysis();
    for (const curve of ["in N, D = 10¹⁰", "in N_opt, frontier"]) {
      const ys = fig.data.filter((r) => r.curve === curve).map((r) => r.exponent as number);
      expect(ys[0]).toBeLessThan(fit.law.alpha);
      expect(ys[0]).toBeGreaterThan(0.8 * fit.law.alpha);
      expect(ys.at(-1)!).toBeLessThan(0.01);
      for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1]);
    }
  });

  it("histograms the 1,000 bootstrap estimates of alpha and beta", () => {
    const fig = figureChinchillaBootstrap();
    const { bootstrap } = chinchilla.analysis();
    const alphas = fig.data.filter((r) => r.parameter === "alpha").map((r) => r.value);
    expect(alphas).toEqual(bootstrap.estimates.alpha);
    expect(fig.data.length).toBe(2000);
    const mean = alphas.reduce((s: number, v) => s + (v as number), 0) / alphas.length;
    // The bootstrap mean sits within one standard error (~0.015) of the estimate.
    expectClose(mean, chinchilla.analysis().fit.law.alpha, { abs: 0.015 });
  });

  it("keeps the fit's and Hoffmann et al.'s labels apart when the fitted β comes near the published 0.28", () => {
    /** Each exponent label's anchor and height (SVG y: smaller is higher), by its text. */
    const labels = (a: chinchilla.Analysis) =>
      Object.fromEntries(
        [...figureChinchillaBootstrap(a).element.querySelectorAll("g[text-anchor] > text, text[text-anchor]")]
          .filter((t) => /^(fit|Hoffmann) β/.test(t.textContent ?? ""))
          .map((t) => [
            (t.textContent ?? "").split(" ")[0],
            {
              anchor: t.getAttribute("text-anchor") ?? t.parentElement?.getAttribute("text-anchor"),
              y: Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute("transform") ?? "")?.[1]),
            },
          ]),
      );
    // the notebook's fit (β ≈ 0.367): the labels face each other on one row, between the rules
    const notebook = labels(chinchilla.analysis());
    expect(notebook.fit.anchor).toBe("end");
    expect(notebook.Hoffmann.anchor).toBe("start");
    expect(notebook.Hoffmann.y).toBe(notebook.fit.y);
    // leaving out 20 runs (β ≈ 0.327, 0.047 from 0.28: no room between the rules for both labels), the
    // fit's label goes right of its rule and Hoffmann's is raised above it
    const twenty = chinchilla.analysis({ dropHighest: 20, resamples: 50 });
    expect(twenty.fit.law.beta - 0.28).toBeLessThan(0.05);
    const crowded = labels(twenty);
    expect(crowded.fit.anchor).toBe("start");
    expect(crowded.Hoffmann.anchor).toBe("start");
    expect(crowded.Hoffmann.y).toBeLessThan(crowded.fit.y - 13); // a 13 px line higher at least
  }, 60_000);
});
