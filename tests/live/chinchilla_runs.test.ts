import { describe, expect, it } from "vitest";
import { chinchillaBootstrap, type LiveChinchillaBootstrapData } from "../../src/live/chinchilla_runs";
import { liveChinchillaBootstrapData } from "../../scripts/site_live";
import * as chinchilla from "../../src/findings/08_chinchilla";
import { figureChinchillaBootstrap } from "../../src/figures/chinchilla";

describe("the bootstrap of notebook 08's live Figure 8.3", () => {
  let data: LiveChinchillaBootstrapData;
  it("carries the notebook's headline runs, grid fit, settings and ranges into the page", () => {
    data = liveChinchillaBootstrapData();
    const a = chinchilla.analysis();
    expect(data.runs).toEqual(a.headlineRuns.map(({ N, D, loss }) => ({ N, D, loss })));
    expect(data.fit.law).toEqual(a.fit.law);
    expect([data.resamples, data.seed, data.level]).toEqual([1000, 2022, 0.95]);
    expect([data.minResamples, data.maxSeed]).toEqual([50, 2 ** 31 - 1]);
    // through the page's JSON, as the browser reads it
    data = JSON.parse(JSON.stringify(data));
    expect(JSON.stringify(data).length).toBeLessThan(50_000);
  }, 120_000);

  it("at the notebook's settings, gives the notebook's bootstrap estimates of α and β exactly", () => {
    const want = chinchilla.analysis().bootstrap;
    const got = chinchillaBootstrap(data, { resamples: data.resamples, seed: data.seed });
    expect(got.estimates.alpha).toEqual(want.estimates.alpha);
    expect(got.estimates.beta).toEqual(want.estimates.beta);
    expect(got.summary).toEqual(want.summary);
  }, 120_000);

  it("draws the notebook's own resamples for its seed: fewer resamples are the notebook's first", () => {
    const want = chinchilla.analysis().bootstrap.estimates;
    const got = chinchillaBootstrap(data, { resamples: 60, seed: 2022 }).estimates;
    expect(got.alpha).toEqual(want.alpha.slice(0, 60));
    expect(got.beta).toEqual(want.beta.slice(0, 60));
  }, 60_000);

  it("memoises by the values; another seed draws other resamples; the builder draws what the page ran", () => {
    const few = chinchillaBootstrap(data, { resamples: 50, seed: 2022 });
    expect(chinchillaBootstrap(data, { resamples: 50, seed: 2022 })).toBe(few);
    const other = chinchillaBootstrap(data, { resamples: 50, seed: 7 });
    expect(other.estimates.alpha).not.toEqual(few.estimates.alpha);
    const fig = figureChinchillaBootstrap(
      { fit: data.fit, bootstrap: few, headlineRuns: data.runs } as unknown as chinchilla.Analysis,
    );
    expect(fig.data).toHaveLength(100);
    expect(fig.caption).toContain("(50 resamples of the 240 headline runs)");
  }, 60_000);

  it("refuses a resample count outside the bootstrap's range, naming it", () => {
    expect(() => chinchillaBootstrap(data, { resamples: 1, seed: 1 })).toThrow(RangeError);
    expect(() => chinchillaBootstrap(data, { resamples: 1, seed: 1 })).toThrow(/`resamples`/);
  });
});
