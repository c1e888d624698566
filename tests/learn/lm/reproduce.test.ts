// Retrains the sweep's two check runs (the two smallest sizes, seed 0, a short schedule) and compares
// their final losses with the committed data/lm_runs.csv. Training is sequential float32 arithmetic in
// one JavaScript engine, seeded, so the numbers must agree bit for bit (the CSV prints each double in
// its shortest round-trip form, so parsing it gives back the exact value).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBrown } from "../../../src/findings/brown_corpus";
import { parseLmRuns } from "../../../src/datasets/lm_data";
import { executeRun } from "../../../src/learn/lm/sweep";
import { plan } from "../../../scripts/train/lm";

describe("the committed check runs retrain bit for bit", () => {
  const corpus = loadBrown();
  const committed = parseLmRuns(readFileSync(new URL("../../../data/lm_runs.csv", import.meta.url), "utf8"));
  const checks = plan(false, corpus.vocab.length).filter((r) => r.kind === "check");
  it("the plan has two check runs and both are committed", () => {
    expect(checks.map((r) => r.id)).toEqual(["w4l1-s0-check", "w8l1-s0-check"]);
    for (const c of checks) expect(committed.some((r) => r.run === c.id)).toBe(true);
  });
  for (const spec of checks) {
    it(`${spec.id}: training and validation loss and every genre's loss equal the committed ones`, () => {
      const r = executeRun(spec, corpus, null, () => {}, () => {}, 1e9);
      const row = committed.find((x) => x.run === spec.id)!;
      expect(r.trainLoss).toBe(row.trainLoss);
      expect(r.valLoss).toBe(row.valLoss);
      for (const g of r.genres.filter((x) => x.split === "validation")) expect(g.mean).toBe(row.valByGenre[g.genre]);
    }, 60_000);
  }
});
