import { describe, expect, it } from "vitest";
import { genreExponents, type LiveLmGenresData } from "../../src/live/lm_genres";
import { liveLmGenresData } from "../../scripts/site_live";
import * as languageModel from "../../src/findings/11_language_model";
import { figureLmGenres } from "../../src/figures/lm";

describe("the bootstrap of notebook 11's live per-genre exponents (Figure 11.4)", () => {
  let data: LiveLmGenresData;
  const notebook = { resamples: 200, seed: 11, level: 0.95 };

  it("carries the notebook's runs, sixteen grid fits, settings and ranges into the page", () => {
    data = liveLmGenresData();
    const a = languageModel.analysis();
    expect(data.runs).toHaveLength(19); // 16 runs of the size sweep, 3 of the data sweep
    expect(new Set(data.runs.map((r) => r.cluster)).size).toBe(7);
    expect(data.pooled.fit).toEqual(a.law.fit);
    expect(data.genres.map((g) => g.genre)).toEqual(a.genreFits.map((g) => g.genre));
    data.genres.forEach((g, i) => expect(g.fit, g.genre).toEqual(a.genreFits[i].fit));
    // the losses are the committed runs' (data/lm_runs.csv), in the notebook's order
    const fitted = a.runs.filter((r) => r.kind !== "check");
    expect(data.pooled.loss).toEqual(fitted.map((r) => r.valLoss));
    expect(data.genres[3].loss).toEqual(fitted.map((r) => r.valByGenre.fiction));
    expect([data.resamples, data.seed, data.level]).toEqual([200, 11, 0.95]);
    expect([data.minResamples, data.levelRange]).toEqual([50, { min: 0.5, max: 0.99 }]);
    // through the page's JSON, as the browser reads it
    data = JSON.parse(JSON.stringify(data));
    expect(JSON.stringify(data).length).toBeLessThan(30_000);
  }, 300_000);

  it("at the notebook's settings, gives the notebook's pooled bootstrap and per-genre exponents exactly", () => {
    const a = languageModel.analysis();
    const got = genreExponents(data, notebook);
    expect(got.law).toEqual(a.law);
    expect(got.genreFits).toEqual(a.genreFits);
    // and so the notebook's figure, drawn by the same builder
    const figure = figureLmGenres(
      {
        genreFits: got.genreFits,
        alpha: got.law.summary[3],
        settings: { level: 0.95 },
      } as unknown as languageModel.Analysis,
    );
    const want = figureLmGenres(a);
    expect(figure.data).toEqual(want.data);
    expect(figure.caption).toBe(want.caption);
  }, 300_000);

  it("draws the notebook's resamples for its seed: fewer resamples are the notebook's first", () => {
    const a = languageModel.analysis();
    const few = genreExponents(data, { ...notebook, resamples: 60 });
    expect(few.law.estimates.alpha).toEqual(a.law.estimates.alpha.slice(0, 60));
    expect(few.law.estimates.beta).toEqual(a.law.estimates.beta.slice(0, 60));
    // the estimates are the grid fits', whatever the bootstrap
    few.genreFits.forEach((g, i) => expect(g.alpha.estimate).toBe(a.genreFits[i].alpha.estimate));
  }, 120_000);

  it("recomputes on every setting: another coverage, another seed", () => {
    const base = genreExponents(data, { resamples: 50, seed: 11, level: 0.95 });
    expect(genreExponents(data, { resamples: 50, seed: 11, level: 0.95 })).toBe(base); // the last one, kept
    const narrow = genreExponents(data, { resamples: 50, seed: 11, level: 0.5 });
    // the same refits, a narrower interval
    expect(narrow.law.estimates.alpha).toEqual(base.law.estimates.alpha);
    expect(narrow.genreFits[0].alpha.ci_high - narrow.genreFits[0].alpha.ci_low).toBeLessThan(
      base.genreFits[0].alpha.ci_high - base.genreFits[0].alpha.ci_low,
    );
    const other = genreExponents(data, { resamples: 50, seed: 7, level: 0.95 });
    expect(other.law.estimates.alpha).not.toEqual(base.law.estimates.alpha);
    expect(other.law.seed).toBe(7);
    expect(other.genreFits.map((g) => g.alpha.ci_low)).not.toEqual(base.genreFits.map((g) => g.alpha.ci_low));
  }, 120_000);

  it("refuses settings outside the bootstrap's range, naming them", () => {
    expect(() => genreExponents(data, { resamples: 1, seed: 1, level: 0.9 })).toThrow(/`resamples`/);
    expect(() => genreExponents(data, { resamples: 50, seed: -1, level: 0.9 })).toThrow(/`seed`/);
    expect(() => genreExponents(data, { resamples: 50, seed: 1, level: 1 })).toThrow(/`level`/);
  });
});
