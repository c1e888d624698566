/**
 * Notebook 11's claims: the expected verdict of every claim and the headline numbers, written as
 * literals (from the committed sweep, data/lm_*.csv, at the notebook's default settings), and the derived
 * numbers against independent computations from the CSV files and the law's closed forms.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chinchillaLoss } from "../../src/fit/chinchilla";
import { claimById, type Verdict } from "../../src/findings/claim";
import { analysis, defaults, findings as findingsOf } from "../../src/findings/11_language_model";
import { lmSweepNote } from "../../src/tables/lm";
import { expectClose, itHasVerdicts } from "../helpers";

const EXPECTED: Record<string, Verdict> = {
  // validation loss 2.69 → 1.76 nats/character, strictly decreasing over the 7 sizes
  "11.loss-falls-with-n": "holds",
  // 4 of 7 sizes still lost > 1% of their validation loss over the last quarter (largest model 2.8%)
  "11.limited-by-n": "does not hold",
  // every size within 2% of the fitted law (worst +1.4% at N = 888; the largest −0.02%)
  "11.law-fits": "holds",
  // α = 0.162 [0.0999, 0.284]: 2.5% of the 200 re-estimates at or below the band's 0.1, not clearly fewer
  "11.alpha-band": "not testable",
  // −Δ ln L/Δ ln N between N = 56,640 and 100,096 is 0.064 ≤ 0.1
  "11.running-exponent": "holds",
  // pedestal L0 = 1.18 nats; crossover at N ≈ 1,200, below the largest model's 100,096
  "11.pedestal": "holds",
  // the arithmetic of eq. 1 at the fitted α: 2^(1/0.162) = 72
  "11.halving-cost": "holds",
  // TwoNN d = 4.13 at width 64: 4/d = 0.87–1.00 over sample sizes, above α's interval end 0.284
  "11.alpha-four-over-d": "does not hold",
  // d ≤ 4.4 at widths 4–64, d/D = 0.065–0.49: neither d ∼ 100 nor d/D ∼ 10⁻²
  "11.paper-dimension": "does not hold",
  // no genre's α differs after Holm: with 200 resamples no adjusted p is below 15·2/201 = 0.15
  "11.genre-exponents": "not testable",
  // government's 1.66 nats is 3.3 window-standard-errors below the others, 1.2 counting each held-out sample once
  "11.genre-levels": "not testable",
};

/** The rows of a committed CSV as records of strings (a plain split: these files quote only lm_samples' text). */
function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(`../../data/${name}`, import.meta.url), "utf8").trim().split("\n");
  const cols = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
}

describe("findings of notebook 11 (character transformers on the Brown corpus)", () => {
  const findings = findingsOf();
  const a = analysis();

  itHasVerdicts(findings, "11_language_model", EXPECTED, { ordered: true });

  it("is memoised: default settings given or not, the same objects", () => {
    expect(findingsOf({})).toBe(findings);
    expect(analysis({ ...defaults })).toBe(a);
    expect(() => analysis({ resamples: 10 })).toThrow(/resamples/);
  });

  it("summarises each size as the mean over its seeds of lm_runs.csv", () => {
    const runs = csv("lm_runs.csv").filter((r) => r.kind === "size");
    for (const z of a.sizes) {
      const mine = runs.filter((r) => r.run.split("-")[0] === z.name).map((r) => Number(r.val_loss));
      expect(mine.length).toBe(z.seeds);
      expectClose(z.valLoss, mine.reduce((s, v) => s + v, 0) / mine.length, { rel: 1e-12 });
    }
    expect(a.sizes.map((z) => z.N)).toEqual([252, 888, 3312, 14496, 25472, 56640, 100096]);
    expect(a.sizes.map((z) => z.seeds)).toEqual([3, 3, 3, 3, 2, 1, 1]);
  });

  it("headline: α of the Approach 3 fit and its interval over sizes", () => {
    const al = a.alpha;
    // grid optimum (deterministic); 0.002 allows an optimiser change that stops slightly elsewhere
    expectClose(al.estimate, 0.1619, { abs: 0.002 });
    expectClose(al.ci_low, 0.0999, { abs: 0.01 });
    expectClose(al.ci_high, 0.284, { abs: 0.01 });
  });

  it("section 3 numbers follow from the law's closed forms (eqs. 3–7)", () => {
    const law = a.law.fit.law, N = a.largestN, D = a.D;
    const L0 = law.E + law.B / D ** law.beta;
    expectClose(a.cut.L0, L0, { rel: 1e-12 });
    const red = law.A / N ** law.alpha;
    // running exponent of L0 + A N^-α: α·red/(L0 + red)
    expectClose(a.running.value, (law.alpha * red) / (L0 + red), { rel: 1e-9 });
    expectClose(a.pLargest, L0 / chinchillaLoss(law, N, D), { rel: 1e-12 });
    // crossover: A N^-α = L0
    expectClose(a.crossover, (law.A / L0) ** (1 / law.alpha), { rel: 1e-9 });
    expectClose(a.halving.factor, 2 ** (1 / law.alpha), { rel: 1e-12 });
    expectClose(a.halving.flops, 6 * N * 2 ** (1 / law.alpha) * D, { rel: 1e-12 });
  });

  it("4/d uses the TwoNN estimate of lm_twonn.csv for the largest model", () => {
    const row = csv("lm_twonn.csv").filter((r) => r.run === "w64l2-s0" && r.what === "representation")
      .sort((x, y) => Number(y.points) - Number(x.points))[0];
    const c = claimById(findings, "11.alpha-four-over-d");
    expectClose(c.numbers.d, Number(row.estimate), { rel: 1e-15 });
    expectClose(c.numbers.four_over_d, 4 / Number(row.estimate), { rel: 1e-12 });
    expectClose(c.numbers.d, 4.13, { abs: 0.01 });
    // the paper-claims register's note on notebook 11 says "about 4"
    const register = readFileSync(new URL("../../src/findings/paper_claims.ts", import.meta.url), "utf8");
    expect(register).toContain("final-layer representations is about 4, and 4/d lies outside");
    expect(Math.round(c.numbers.d)).toBe(4);
  });

  it("yardsticks: unigram and bigram entropies of the training text", () => {
    // from a separate count of the 4,853,116 training characters (plug-in estimates, nats per character)
    expectClose(a.corpus.unigram, 3.081509149203403, { rel: 1e-9 });
    // the separate count conditioned on all-position character counts (the last character once more):
    // a 1e-7 relative difference, hence 1e-6
    expectClose(a.corpus.bigram, 2.455352466361008, { rel: 1e-6 });
    expect(a.corpus.trainCharacters).toBe(4853116);
  });

  it("genre levels: each held-out sample counted once (government's z −1.2, −3.3 counting windows)", () => {
    const g = a.genreLevels.find((x) => x.genre === "government")!;
    // independently: 48 windows from the genre's 6 held-out samples; the z with window errors is √(48/6)
    // times larger for the genre's own term (the others' term shrinks alike)
    expectClose(g.z, -1.2, { abs: 0.05 });
    expectClose(g.zWindows, -3.34, { abs: 0.05 });
    expect(Math.abs(g.zWindows / g.z)).toBeGreaterThan(Math.sqrt(48 / 8));
    expect(Math.abs(g.zWindows / g.z)).toBeLessThan(Math.sqrt(48 / 4));
    const c = claimById(findings, "11.genre-levels");
    expect(c.numbers.differ).toBe(0);
  });

  it("Holm's adjusted p-values are monotone in the raw ones and at least as large", () => {
    const g = [...a.genreFits].sort((x, y) => x.p - y.p);
    for (let i = 0; i < g.length; i++) {
      expect(g[i].pHolm).toBeGreaterThanOrEqual(g[i].p);
      if (i > 0) expect(g[i].pHolm).toBeGreaterThanOrEqual(g[i - 1].pHolm);
    }
  });

  it("the prose's numbers are the committed runs' (steps, one pass, the law's residuals, α and its interval)", () => {
    const md = readFileSync(new URL("../../notebooks/src/11_language_model.md", import.meta.url), "utf8")
      .replace(/\s+/g, " ");
    const runs = csv("lm_runs.csv").filter((r) => r.kind === "size");
    expect(new Set(runs.map((r) => r.steps))).toEqual(new Set(["4800"]));
    expect(md).toContain("4,800 steps of 16 windows of 64 characters, one pass over the training text");
    // one pass: the characters each run saw (lm_runs.csv) against the training text's (4,853,116)
    const seen = new Set(runs.map((r) => Number(r.tokens)));
    expect(seen).toEqual(new Set([4800 * 16 * 64]));
    expect(a.D / a.corpus.trainCharacters).toBeGreaterThan(1);
    expect(a.D / a.corpus.trainCharacters).toBeLessThan(1.02);
    expect(md).toContain("every size's mean loss lies within two per cent of the fit");
    const worst = Math.max(...a.residuals.map((r) => Math.abs(r.residual)));
    expect(worst).toBeLessThan(0.02);
    expect(md).toContain("the largest within a few hundredths of a per cent");
    expect(Math.abs(a.residuals[a.residuals.length - 1].residual)).toBeLessThan(0.0005);
    expect(md).toContain("about 0.16");
    expect(a.alpha.estimate.toFixed(2)).toBe("0.16");
    expect(md).toContain("nearly three times its upper end");
    expect(a.alpha.ci_high / 0.1).toBeGreaterThan(2.5);
    expect(a.alpha.ci_high / 0.1).toBeLessThan(3);
    expect(md).toContain("the smallest models have flattened");
    expect(a.sizes.slice(0, 2).every((z) => z.lastQuarterDrop < 0.01)).toBe(true);
  });

  it("data/README.md's run time of the sweep is the sum of lm_runs.csv's wall times", () => {
    const readme = readFileSync(new URL("../../data/README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    const minutes = csv("lm_runs.csv").reduce((t, r) => t + Number(r.wall_s), 0) / 60;
    expect(readme).toContain(`${minutes.toFixed(1)} minutes of run time summed over runs`);
  });

  it("the sweep note states the runs and the budget", () => {
    expect(lmSweepNote(a)).toMatch(/^\*\*21 runs\*\*: 16 of the size sweep \(7 sizes/);
  });
});
