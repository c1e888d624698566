import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  asResult,
  exponentsResult,
  manifoldRun,
  manifoldSettings,
  manifoldSizes,
  roughRun,
  roughSettings,
  smoothRun,
  smoothSettings,
  twonnRun,
} from "../../src/live/measured_runs";
import { DEFAULT_SETTINGS, manifoldExponents, twonnOnManifold } from "../../src/measure/measured_exponents";
import { figureExponents, figureGridSmoothMse } from "../../src/figures/measured_exponents";
import { liveMeasuredData } from "../../scripts/site_live";

/** The committed rows of notebook 07's exponents (`data/sk_exponents.csv`, four decimals), by their key. */
function committed(): Map<string, number> {
  const [head, ...lines] = readFileSync("data/sk_exponents.csv", "utf8").trim().split("\n");
  const cols = head.split(",");
  return new Map(lines.map((l) => {
    const r = Object.fromEntries(l.split(",").map((v, i) => [cols[i], v]));
    const h = r.h === "" ? "" : Number(r.h).toFixed(4);
    return [`${r.experiment} ${r.target} ${r.approximant} ${r.d} ${h}`, Number(r.alpha_measured)];
  }));
}
const keyOf = (e: { experiment: string; target: string; approximant: string; d: number; h: number | null }) =>
  `${e.experiment} ${e.target} ${e.approximant} ${e.d} ${e.h === null ? "" : e.h.toFixed(4)}`;

describe("the runs of notebook 07's live figures", () => {
  it("give the notebook's exponents at the notebook's settings (smooth grids: data/sk_exponents.csv)", () => {
    const rows = committed();
    const run = smoothRun({ seeds: DEFAULT_SETTINGS.seeds, mcPoints: DEFAULT_SETTINGS.mcPoints, dMax: 5 });
    expect(run).toHaveLength(10);
    // the CSV keeps four decimals: the page's α rounds to the committed one
    for (const e of run) expect(Math.abs(e.alpha - rows.get(keyOf(e))!), keyOf(e)).toBeLessThanOrEqual(5e-5);
  });

  it("give the notebook's rough-target exponents at its seeds and h = 1/3 (the slider's 1/3 snapped exactly)", () => {
    const rows = committed();
    const run = roughRun({ h: 0.33333333333333, seeds: DEFAULT_SETTINGS.seeds });
    expect(run.map((e) => e.h)).toEqual(Array(6).fill(1 / 3));
    for (const e of run) expect(Math.abs(e.alpha - rows.get(keyOf(e))!), keyOf(e)).toBeLessThanOrEqual(5e-5);
  }, 30_000);

  it("draw d = 1 up to the reader's largest d, with the reader's seeds and points", () => {
    const s = smoothSettings({ seeds: 2, mcPoints: 512, dMax: 3 });
    expect([s.seeds, s.mcPoints, s.gridSides.length]).toEqual([2, 512, 3]);
    const run = smoothRun({ seeds: 2, mcPoints: 512, dMax: 3 });
    expect([...new Set(run.map((e) => e.d))]).toEqual([1, 2, 3]);
    expect(roughSettings({ h: 0.5, seeds: 1 }).hs).toEqual([0.5]);
    // the builder draws what the page ran: one facet per approximant, the run's d in the key
    const fig = figureGridSmoothMse(asResult(s, run));
    expect(fig.data.map((r) => r.d)).not.toContain(4);
  });

  it("memoise each run by its values: a figure and its readouts share one run", () => {
    const v = { seeds: 1, mcPoints: 256, dMax: 2 };
    expect(smoothRun({ ...v })).toBe(smoothRun(v));
  });

  it("run the manifolds and TwoNN as the library does, on sizes the reader sets", () => {
    expect(manifoldSizes(1024)).toEqual([64, 161, 406, 1024]);
    const v = { D: 8, nMax: 512, queries: 64, seeds: 1 };
    const s = manifoldSettings(v);
    expect([s.ambientDim, s.queries, s.seeds, s.manifoldSizes]).toEqual([8, 64, 1, [32, 81, 203, 512]]);
    const run = manifoldRun(v);
    expect(run).toHaveLength(10);
    expect(run.slice(8)).toEqual(manifoldExponents(5, s));
    const est = twonnRun({ D: 8, n1: 300, n2: 600, seeds: 2 });
    expect(est.map((e) => `${e.d}:${e.N}`)).toEqual(
      [1, 2, 3, 4, 5].flatMap((d) => [`${d}:300`, `${d}:600`]),
    );
    expect(est.at(-1)).toEqual(twonnOnManifold(5, 8, 600, 2));
    expect(twonnRun({ D: 8, n1: 300, n2: 300, seeds: 1 })).toHaveLength(5);
  });
});

describe("Figure 7.5 in the page", () => {
  it("is composed of the runs of Figures 7.1–7.3 at their values (the same memoised runs) and the build's cascades", () => {
    const smooth = { seeds: 1, mcPoints: 256, dMax: 2 };
    const rough = { h: 0.5, seeds: 1 };
    const manifold = { D: 8, nMax: 512, queries: 64, seeds: 1 };
    const cascades = liveMeasuredData().cascades;
    const result = exponentsResult(smooth, rough, manifold, cascades);
    expect(result.exponents).toEqual([...smoothRun(smooth), ...roughRun(rough), ...manifoldRun(manifold)]);
    expect(result.exponents[0]).toBe(smoothRun(smooth)[0]);
    expect(result.intermittent).toBe(cascades);
    // the key names the run's h and ambient dimension
    expect([result.settings.hs, result.settings.ambientDim]).toEqual([[0.5], 8]);
    const fig = figureExponents(result);
    expect(fig.data).toHaveLength(4 + 6 + 10 + cascades.length);
  });

  it("carries the notebook's cascades (data/sk_intermittency.csv, four decimals)", () => {
    const [, ...lines] = readFileSync("data/sk_intermittency.csv", "utf8").trim().split("\n");
    const cascades = liveMeasuredData().cascades;
    expect(cascades).toHaveLength(lines.length);
    lines.forEach((l, i) => {
      const [codimension, , approximant, alpha] = l.split(",");
      expect([cascades[i].codimension, cascades[i].approximant]).toEqual([Number(codimension), approximant]);
      expect(Math.abs(cascades[i].alpha - Number(alpha)), l).toBeLessThanOrEqual(5e-5);
    });
  });
});
