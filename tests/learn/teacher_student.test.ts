import { describe, expect, it } from "vitest";
import {
  requireConfig,
  runChain,
  summariseExponents,
  SWEEP,
  type TeacherStudentConfig,
} from "../../src/learn/teacher_student";
import {
  EXPONENT_COLUMNS,
  exponentsToCsv,
  parseRuns,
  parseSweepCsv,
  runsToCsv,
} from "../../src/learn/teacher_student_csv";

const tiny: TeacherStudentConfig = {
  ...SWEEP[0],
  id: "tiny",
  widths: [2, 4, 8],
  trainPoints: 256,
  testPoints: 256,
  iterations: 30,
  doubled: true,
  gridCells: [2, 4, 8],
};

describe("runChain", () => {
  const chains = [0, 1, 2].map((seed) => runChain(tiny, seed));
  it("gives one row per width, the doubled check and the grid control", () => {
    const rows = chains[0].rows;
    expect(rows.map((r) => `${r.variant}:${r.width}`)).toEqual([
      "chain:2",
      "chain:4",
      "chain:8",
      "doubled:8",
      "grid:2",
      "grid:4",
      "grid:8",
    ]);
    expect(rows.map((r) => r.parameters)).toEqual([9, 17, 33, 33, 9, 25, 81]); // (d + 2)w + 1 and (n + 1)²
    expect(rows[3].trainPoints).toBe(512);
  });
  it("the widened students never lose training loss at the warm start (the function is unchanged)", () => {
    for (const ch of chains) {
      const chain = ch.rows.filter((r) => r.variant === "chain");
      for (let i = 1; i < chain.length; i++) expect(chain[i].trainLoss).toBeLessThanOrEqual(chain[i - 1].trainLoss);
    }
  });
  it("is deterministic: the same seed gives the same rows bit for bit", () => {
    const again = runChain(tiny, 1);
    expect(again.rows.map((r) => r.testLoss)).toEqual(chains[1].rows.map((r) => r.testLoss));
  });
  it("round-trips through the CSV files exactly", () => {
    const parsed = parseRuns(runsToCsv(chains, "v"));
    expect(parsed.map((r) => r.testLoss)).toEqual(chains.flatMap((c) => c.rows.map((r) => r.testLoss)));
    expect(parsed[0].codeVersion).toBe("v");
    const sums = summariseExponents([tiny], chains);
    expect(sums.map((s) => s.variant)).toEqual(["chain", "grid"]);
    expect(sums[0].seeds).toBe(3);
    expect(sums[0].alphaLow).toBeLessThan(sums[0].alpha);
    expect(sums[0].prediction4OverD).toBe(2);
    const e = parseSweepCsv(exponentsToCsv(sums, "v"), EXPONENT_COLUMNS);
    expect(Number(e[0].alpha)).toBe(sums[0].alpha);
  });
});

describe("requireConfig", () => {
  it("accepts the sweep and refuses a misspelt or out-of-range field by name", () => {
    for (const c of SWEEP) expect(requireConfig(c)).toBe(c);
    expect(() => requireConfig({ ...tiny, widths: [4, 2] })).toThrow(/widths\[1\]/);
    expect(() => requireConfig({ ...tiny, iteration: 3 } as never)).toThrow(/iteration/);
    expect(() => requireConfig({ ...tiny, D: 1 })).toThrow(/config.D/);
    expect(() => requireConfig({ ...SWEEP[3], gridCells: [2] })).toThrow(/gridCells/);
  });
});
