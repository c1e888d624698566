import { describe, expect, it } from "vitest";
import {
  chinchillaBootstrap,
  chinchillaDraw,
  chinchillaSelection,
  type LiveChinchillaRunsData,
} from "../../src/live/chinchilla_runs";
import { liveChinchillaBootstrapData, liveChinchillaRunsData } from "../../scripts/site_live";
import * as chinchilla from "../../src/findings/08_chinchilla";
import { figureChinchillaBootstrap, figureChinchillaRuns } from "../../src/figures/chinchilla";
import { fitChinchilla, fitData } from "../../src/fit/chinchilla";
import { loadChinchillaRuns } from "../../src/findings/_chinchilla";

/** The figure builders read only these fields of the analysis (the page has no other). */
const asAnalysis = (x: object) => x as unknown as chinchilla.Analysis;

describe("notebook 08's runs and grid fits in its page (Figures 8.1–8.3)", () => {
  let data: LiveChinchillaRunsData;

  it("carries the runs and the notebook's grid fit for every value of dropHighest, 0–20, into the page", () => {
    data = liveChinchillaRunsData();
    const a = chinchilla.analysis();
    expect(data.runs).toEqual(a.runs);
    expect(data.runs).toHaveLength(245);
    expect([data.dropHighest, data.range]).toEqual([5, { min: 0, max: 20 }]);
    expect(data.fits).toHaveLength(21);
    // at the notebook's value, exactly the notebook's headline fit; at 0, its fit on all the runs
    expect(data.fits[5]).toEqual(a.fit);
    expect(data.fits[0]).toEqual(a.fitAll);
    // at the top of the range, the grid fit of the runs without their 20 highest losses, refitted here
    const top = [...loadChinchillaRuns()].sort((x, y) => y.loss - x.loss).slice(0, 20);
    const kept = loadChinchillaRuns().filter((r) => !top.some((t) => t.line === r.line));
    expect(data.fits[20]).toEqual(fitChinchilla(fitData(kept)));
    // each fit differs: 21 different selections of runs
    expect(new Set(data.fits.map((f) => f.law.beta)).size).toBe(21);
    expect(liveChinchillaBootstrapData()).toEqual({
      resamples: 1000,
      seed: 2022,
      level: 0.95,
      minResamples: 50,
      maxSeed: 2 ** 31 - 1,
    });
    // through the page's JSON, as the browser reads it
    data = JSON.parse(JSON.stringify(data));
    console.log(`Figure 8.2's data: ${(JSON.stringify(data).length / 1024).toFixed(1)} kB of JSON`);
    expect(JSON.stringify(data).length).toBeLessThan(40_000);
  }, 300_000);

  it("at the notebook's dropHighest, is the notebook's analysis and draws the notebook's Figure 8.2", () => {
    const a = chinchilla.analysis();
    const got = chinchillaSelection(data, 5);
    expect(got.headlineRuns).toEqual(a.headlineRuns);
    expect(got.dropped).toEqual(a.dropped);
    expect(got.fit).toEqual(a.fit);
    const figure = figureChinchillaRuns(asAnalysis(got));
    const want = figureChinchillaRuns(a);
    expect(figure.data).toEqual(want.data);
    expect(figure.caption).toBe(want.caption);
    // the same drawing, but for the number Plot gives each figure's clip path (one more per figure drawn)
    const svg = (f: { element: Element }) => f.element.outerHTML.replace(/plot-clip-\d+/g, "plot-clip");
    expect(svg(figure)).toBe(svg(want));
  }, 120_000);

  it("at another dropHighest, leaves out the runs the notebook leaves out and draws its figure", () => {
    for (const d of [0, 1, 20]) {
      const a = chinchilla.analysis({ dropHighest: d, resamples: 50 });
      const got = chinchillaSelection(data, d);
      // the d highest losses, found here by sorting
      const highest = [...data.runs].sort((x, y) => y.loss - x.loss).slice(0, d).map((r) => r.line).sort((x, y) =>
        x - y
      );
      expect(got.dropped.map((r) => r.line), `dropHighest ${d}`).toEqual(highest);
      expect(got.headlineRuns).toHaveLength(245 - d);
      expect(got.headlineRuns).toEqual(a.headlineRuns);
      expect(got.fit).toEqual(a.fit);
      const figure = figureChinchillaRuns(asAnalysis(got));
      expect(figure.data, `dropHighest ${d}`).toEqual(figureChinchillaRuns(a).data);
      expect(figure.caption).toBe(figureChinchillaRuns(a).caption);
    }
    expect(figureChinchillaRuns(asAnalysis(chinchillaSelection(data, 0))).caption).toContain(
      "no run is left out of the headline fit",
    );
    expect(figureChinchillaRuns(asAnalysis(chinchillaSelection(data, 1))).caption).toContain(
      "the ringed run is left out of the headline fit",
    );
    expect(figureChinchillaRuns(asAnalysis(chinchillaSelection(data, 20))).caption).toContain(
      "the 20 ringed runs are left out",
    );
    expect(chinchillaSelection(data, 3)).toBe(chinchillaSelection(data, 3)); // memoised
  }, 120_000);

  it("refuses a dropHighest outside the notebook's range, naming it", () => {
    for (const d of [-1, 21, 2.5]) {
      expect(() => chinchillaSelection(data, d)).toThrow(RangeError);
      expect(() => chinchillaSelection(data, d)).toThrow(/`dropHighest` must be an integer in \[0, 20\]/);
      expect(() => chinchillaBootstrap(data, { dropHighest: d, resamples: 50, seed: 1 }, 0.95)).toThrow(
        /`dropHighest`/,
      );
      expect(() => chinchillaDraw(data, { dropHighest: d, seed: 1, draw: 1 })).toThrow(/`dropHighest`/);
    }
  });
});

describe("the bootstrap of notebook 08's live Figure 8.1, at the runs left out of Figure 8.2", () => {
  let data: LiveChinchillaRunsData;
  it("at the notebook's settings, gives the notebook's bootstrap estimates of α and β exactly", () => {
    data = JSON.parse(JSON.stringify(liveChinchillaRunsData()));
    const want = chinchilla.analysis().bootstrap;
    const got = chinchillaBootstrap(data, { dropHighest: 5, resamples: 1000, seed: 2022 }, 0.95);
    expect(got.estimates.alpha).toEqual(want.estimates.alpha);
    expect(got.estimates.beta).toEqual(want.estimates.beta);
    expect(got.summary).toEqual(want.summary);
  }, 300_000);

  it("draws the notebook's own resamples for its seed: fewer resamples are the notebook's first", () => {
    const want = chinchilla.analysis().bootstrap.estimates;
    const got = chinchillaBootstrap(data, { dropHighest: 5, resamples: 60, seed: 2022 }, 0.95).estimates;
    expect(got.alpha).toEqual(want.alpha.slice(0, 60));
    expect(got.beta).toEqual(want.beta.slice(0, 60));
  }, 60_000);

  it("at another dropHighest, is the notebook's bootstrap at that value, and the builder draws it", () => {
    const a = chinchilla.analysis({ dropHighest: 0, resamples: 50 });
    const got = chinchillaBootstrap(data, { dropHighest: 0, resamples: 50, seed: 2022 }, 0.95);
    expect(got.estimates).toEqual(a.bootstrap.estimates);
    expect(got.summary).toEqual(a.bootstrap.summary);
    const fig = figureChinchillaBootstrap(
      asAnalysis({ ...chinchillaSelection(data, 0), bootstrap: got }),
    );
    expect(fig.data).toEqual(figureChinchillaBootstrap(a).data);
    expect(fig.caption).toContain("(50 resamples of the 245 headline runs)");
  }, 120_000);

  it("memoises by the values; another seed draws other resamples", () => {
    const few = chinchillaBootstrap(data, { dropHighest: 5, resamples: 50, seed: 2022 }, 0.95);
    expect(chinchillaBootstrap(data, { dropHighest: 5, resamples: 50, seed: 2022 }, 0.95)).toBe(few);
    const other = chinchillaBootstrap(data, { dropHighest: 5, resamples: 50, seed: 7 }, 0.95);
    expect(other.estimates.alpha).not.toEqual(few.estimates.alpha);
  }, 60_000);

  it("refuses a resample count outside the bootstrap's range, naming it", () => {
    expect(() => chinchillaBootstrap(data, { dropHighest: 5, resamples: 1, seed: 1 }, 0.95)).toThrow(RangeError);
    expect(() => chinchillaBootstrap(data, { dropHighest: 5, resamples: 1, seed: 1 }, 0.95)).toThrow(/`resamples`/);
  });
});

describe("one bootstrap draw of Figure 8.3, refitted alone at the runs left out of Figure 8.2", () => {
  let data: LiveChinchillaRunsData;
  it("at the notebook's dropHighest, is the notebook's re-estimate of that number", () => {
    data = JSON.parse(JSON.stringify(liveChinchillaRunsData()));
    const e = chinchilla.analysis().bootstrap.estimates;
    for (const k of [1, 17, 1000]) {
      const law = chinchillaDraw(data, { dropHighest: 5, seed: 2022, draw: k });
      expect(law, `draw ${k}`).toEqual({
        E: e.E[k - 1],
        A: e.A[k - 1],
        B: e.B[k - 1],
        alpha: e.alpha[k - 1],
        beta: e.beta[k - 1],
      });
    }
  }, 120_000);

  it("at another dropHighest, is that value's bootstrap's re-estimate", () => {
    const e = chinchilla.analysis({ dropHighest: 0, resamples: 50 }).bootstrap.estimates;
    for (const k of [3, 50]) {
      expect(chinchillaDraw(data, { dropHighest: 0, seed: 2022, draw: k }).alpha, `draw ${k}`).toBe(e.alpha[k - 1]);
      expect(chinchillaDraw(data, { dropHighest: 0, seed: 2022, draw: k }).beta).toBe(e.beta[k - 1]);
    }
    expect(chinchillaDraw(data, { dropHighest: 0, seed: 2022, draw: 3 })).toBe(
      chinchillaDraw(data, { dropHighest: 0, seed: 2022, draw: 3 }),
    );
    expect(() => chinchillaDraw(data, { dropHighest: 0, seed: 2022, draw: 0 })).toThrow(/`draw`/);
  }, 120_000);
});
