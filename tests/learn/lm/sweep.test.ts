import { describe, expect, it } from "vitest";
import { nonEmbeddingParameters } from "../../../src/learn/lm/config";
import { peakLr, runFlops, twoNNScales } from "../../../src/learn/lm/sweep";
import { main, plan, SIZES } from "../../../scripts/train/lm";
import { Random } from "../../../src/stats/random";
import { expectClose } from "../../helpers";

describe("the sweep plan", () => {
  const runs = plan(false, 85);
  it("has 16 size runs over 7 sizes (3,3,3,3,2,1,1 seeds), 3 data runs and 2 check runs, with unique ids", () => {
    expect(runs.filter((r) => r.kind === "size").length).toBe(16);
    expect(runs.filter((r) => r.kind === "data").map((r) => r.train.steps)).toEqual([600, 1200, 2400]);
    expect(runs.filter((r) => r.kind === "check").length).toBe(2);
    expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length);
  });
  it("spans N = 252 … 100,096 (2.6 decades) and counts FLOPs as 6 N D", () => {
    const Ns = SIZES.map((s) =>
      nonEmbeddingParameters({ vocabSize: 85, context: 64, width: s.width, layers: s.layers, heads: s.heads })
    );
    expect(Ns[0]).toBe(252);
    expect(Ns.at(-1)).toBe(100096);
    const r = runs[0];
    expect(runFlops(r)).toBe(6 * 252 * 4800 * 16 * 64);
    expect(peakLr(32)).toBe(3e-3);
    expectClose(peakLr(128), 1.5e-3, { rel: 1e-12 });
  });
});

describe("TwoNN at several sample sizes", () => {
  it("estimates d ≈ 2 for points uniform in a square at every decimation", () => {
    const pts = new Random(4).uniforms(2 * 1600);
    const est = twoNNScales(pts, 2, "representation", 1);
    expect(est.map((e) => e.points)).toEqual([1600, 800, 400, 200]);
    // TwoNN on 200–1600 uniform points: sd about d/√n ≤ 0.15; allow 0.35
    for (const e of est) expectClose(e.estimate, 2, { abs: 0.35 });
  });
});

describe("npm run train -- lm", () => {
  it("refuses an unknown option and a bad worker count with exit code 2", async () => {
    expect(await main(["--frsh"])).toBe(2);
    expect(await main(["--workers", "0"])).toBe(2);
    expect(await main(["--help"])).toBe(0);
  });
});
