import { describe, expect, it } from "vitest";
import {
  type ChainStep,
  chainSteps,
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

describe("chainSteps", () => {
  type Iteration = Extract<ChainStep, { kind: "iteration" }>;
  it("is runChain one iteration at a time: every iteration of every width, then its row, and the same result", () => {
    const steps = chainSteps(tiny, 1);
    const events: (ChainStep & { testNow?: number })[] = [];
    let s = steps.next();
    for (; !s.done; s = steps.next()) {
      // the test loss of the student as it is now, read before the next step
      events.push(s.value.kind === "iteration" ? { ...s.value, testNow: s.value.testLoss() } : s.value);
    }
    const rows = runChain(tiny, 1).rows;
    expect(s.value.rows).toEqual(rows.map((r) => ({ ...r, seconds: expect.any(Number) })));
    for (const row of rows.filter((r) => r.variant !== "grid")) {
      const at = events.findIndex((e) =>
        e.kind === "row" && e.row.variant === row.variant && e.row.width === row.width
      );
      const mine = events.slice(0, at).filter((e): e is Iteration & { testNow: number } =>
        e.kind === "iteration" && e.variant === row.variant && e.width === row.width
      );
      // iterations 0 (before training) to the row's count; the last is the row's student
      expect(mine.map((e) => e.iteration)).toEqual([...Array(row.iterations + 1).keys()]);
      expect(mine.at(-1)!.testNow).toBe(row.testLoss);
      expect(mine.at(-1)!.trainLoss).toBe(row.trainLoss);
      expect(mine.every((e) => e.parameters === row.parameters)).toBe(true);
    }
  });
  it("checks its configuration and options when called", () => {
    expect(() => chainSteps({ ...tiny, widths: [4] }, 0)).toThrow(/config.widths/);
    expect(() => chainSteps(tiny, 0, { maxWidth: 2 } as never)).toThrow(/maxWidth/);
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
