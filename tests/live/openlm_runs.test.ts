import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { domainFits, forecastRows, type LiveOpenLmData } from "../../src/live/openlm_runs";
import { LIVE_FORECAST_CUTS, liveOpenLmData } from "../../scripts/site_live";
import * as openlm from "../../src/findings/09_openlm";
import { bootstrapLaw } from "../../src/fit/openlm_fit";
import { fitData } from "../../src/fit/chinchilla";

/** A committed CSV of notebook 09 (`data/…`), its rows as records of strings. */
function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(`data/${name}`, "utf8").trim().split("\n");
  const cols = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
}

describe("the fits of notebook 09's live figures", () => {
  let data: LiveOpenLmData;
  it("carry the notebook's grid fits and runs into the page", () => {
    data = liveOpenLmData();
    expect(data.forecast.map((f) => f.trainDataset)).toEqual(["c4_original", "rpj", "rw_original"]);
    expect(data.forecast[0].cuts.map((c) => c.maxParams)).toEqual(LIVE_FORECAST_CUTS);
    expect(LIVE_FORECAST_CUTS).toContain(openlm.defaults.forecastMaxParams);
    expect(data.domains).toHaveLength(24);
    expect([data.seed, data.resamples]).toEqual([2024, 400]);
    // small enough for a page: the runs and 33 fits (tens of kB, not the bootstrap's draws)
    expect(JSON.stringify(data).length).toBeLessThan(150_000);
  }, 120_000);

  it("at the notebook's settings, forecast exactly what the notebook forecast (data/openlm_forecast.csv)", () => {
    const rows = forecastRows(data, openlm.defaults.forecastMaxParams, { resamples: 400, seed: 2024, level: 0.95 });
    const want = csv("openlm_forecast.csv");
    expect(rows.map((r) => r.run)).toEqual(want.map((r) => r.run));
    rows.forEach((r, i) => {
      for (const k of ["predicted", "pred_low", "pred_high"] as const) {
        // the same fit, the same resample indices, the same refits: equal to the last digit the CSV keeps
        expect(r[k], `${r.run} ${k}`).toBe(Number(want[i][k]));
      }
    });
  }, 120_000);

  it("at the notebook's settings, bootstrap the 24 fits to the notebook's intervals (data/openlm_domains.csv)", () => {
    const fits = domainFits(data, { resamples: 400, seed: 2024, level: 0.95 });
    const want = csv("openlm_domains.csv");
    fits.forEach((f, i) => {
      const a = f.summary.find((s) => s.parameter === "alpha")!;
      expect([f.trainDataset, f.valSet]).toEqual([want[i].train_dataset, want[i].val_set]);
      expect([a.estimate, a.ci_low, a.ci_high]).toEqual(
        [want[i].alpha, want[i].alpha_low, want[i].alpha_high].map(Number),
      );
    });
  }, 120_000);

  it("draw the same resamples for the same seed: fewer resamples are the first of more", () => {
    const { runs, fit } = data.domains[0];
    const alphas = (resamples: number) =>
      bootstrapLaw(fitData(runs), fit, { resamples, seed: 2024, level: 0.95 }).estimates.alpha;
    expect(alphas(15)).toEqual(alphas(40).slice(0, 15));
  }, 60_000);

  it("memoise by the settings; another seed draws other resamples about the same grid fit", () => {
    const few = domainFits(data, { resamples: 20, seed: 2024, level: 0.9 });
    expect(few).toHaveLength(24);
    expect(domainFits(data, { resamples: 20, seed: 2024, level: 0.9 })).toBe(few); // memoised
    const other = domainFits(data, { resamples: 20, seed: 7, level: 0.9 });
    expect(other[0].summary[3].ci_low).not.toBe(few[0].summary[3].ci_low);
    // the estimate is the grid fit's, whatever the bootstrap
    expect(other[0].summary[3].estimate).toBe(few[0].summary[3].estimate);
  }, 60_000);

  it("refuses a cut the page does not carry, naming the ones it does", () => {
    expect(() => forecastRows(data, 3e8, { resamples: 10, seed: 1, level: 0.9 })).toThrow(
      /`maxParams` must be one of 160000000, 500000000, 1500000000, got 300000000/,
    );
  });
});
