import { describe, expect, it } from "vitest";
import { fitPowerLaw } from "../../src/fit/powerlaw_fit";
import { expectClose } from "../helpers";
import {
  type ChainStep,
  chainSteps,
  refitExponents,
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
  longer: true,
  gridCells: [2, 4, 8],
};

describe("runChain", () => {
  const chains = [0, 1, 2].map((seed) => runChain(tiny, seed));
  it("gives one row per width, the longer and doubled checks and the grid control", () => {
    const rows = chains[0].rows;
    expect(rows.map((r) => `${r.variant}:${r.width}`)).toEqual([
      "chain:2",
      "chain:4",
      "chain:8",
      "longer:8",
      "doubled:8",
      "grid:2",
      "grid:4",
      "grid:8",
    ]);
    expect(rows.map((r) => r.parameters)).toEqual([9, 17, 33, 33, 33, 9, 25, 81]); // (d + 2)w + 1 and (n + 1)²
    expect(rows.map((r) => r.trainPoints)).toEqual([256, 256, 256, 256, 512, 0, 0, 0]);
  });
  it("the longer check continues the largest width's run, which stays what it is without the check", () => {
    const without = [0, 1, 2].map((seed) => runChain({ ...tiny, longer: false }, seed));
    for (const [i, ch] of chains.entries()) {
      const strip = (rows: typeof ch.rows) =>
        rows.filter((r) => r.variant !== "longer").map(({ seconds: _s, ...r }) => r);
      expect(strip(ch.rows)).toEqual(strip(without[i].rows));
      const top = ch.rows.find((r) => r.variant === "chain" && r.width === 8)!;
      const more = ch.rows.find((r) => r.variant === "longer")!;
      // 30 iterations (or the 90 evaluations they may use), then on to 60 (or 180 evaluations)
      expect(top.iterations === 30 || top.evaluations >= 90).toBe(true);
      expect(more.iterations === 60 || more.evaluations >= 180).toBe(true);
      expect(more.iterations).toBeGreaterThan(top.iterations);
      expect(more.trainLoss).toBeLessThan(top.trainLoss);
      expect([more.twonnHidden, top.twonnHidden > 0]).toEqual([NaN, true]);
    }
  });
  it("measures no CPU time unless given a clock, and the given clock's", () => {
    expect(chains[0].rows.every((r) => Number.isNaN(r.cpuSeconds))).toBe(true);
    let ms = 0;
    const r = runChain({ ...tiny, widths: [2, 4], longer: false, doubled: false, gridCells: [] }, 0, {
      cpuNow: () => (ms += 250),
    });
    expect(r.rows.map((x) => x.cpuSeconds)).toEqual([0.25, 0.25]); // one tick at the start, one at the end
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

describe("refitExponents", () => {
  const chains = [0, 1, 2].map((seed) => runChain(tiny, seed));
  it("fits from the larger of the width asked for and the configuration's own, as the notebook's analysis does", () => {
    const at = (w: number) => refitExponents(chains, w, [tiny]);
    expect(at(4)).toEqual(summariseExponents([{ ...tiny, fitMinWidth: 4 }], chains));
    expect(at(4)[0].parametersMin).toBe(17);
    // tiny fits from width 2: asking for 1 changes nothing
    expect(at(1)).toEqual(at(2));
    expect(at(1)).toEqual(summariseExponents([tiny], chains));
  });
  it("leaves out a configuration with fewer than two finished seeds, and refuses a width that is not an integer ≥ 1", () => {
    expect(refitExponents(chains.slice(0, 1), 2, [tiny])).toEqual([]);
    expect(() => refitExponents(chains, 0, [tiny])).toThrow(RangeError);
    expect(() => refitExponents(chains, 2.5, [tiny])).toThrow(/`fitMinWidth`/);
  });
});

describe("summariseExponents: the doubled-n check", () => {
  const chains = [0, 1, 2].map((seed) => runChain(tiny, seed));
  /**
   * The chains with every doubled row's test loss set to `ratio` × the largest width's (and every longer
   * row's to the largest width's: that check passes).
   */
  const withRatio = (ratio: number) =>
    chains.map((ch) => {
      const last = ch.rows.filter((r) => r.variant === "chain").at(-1)!;
      const times = (r: (typeof ch.rows)[0]) => (r.variant === "doubled" ? ratio : r.variant === "longer" ? 1 : 0);
      return { ...ch, rows: ch.rows.map((r) => (times(r) > 0 ? { ...r, testLoss: times(r) * last.testLoss } : r)) };
    });
  it("measures the seed scatter of the largest width's ln L with each chain's level removed", () => {
    const tops = chains.map((ch) => {
      const ln = ch.rows.filter((r) => r.variant === "chain").map((r) => Math.log(r.testLoss)); // widths 2, 4, 8 ≥ 2
      return ln[2] - (ln[0] + ln[1] + ln[2]) / 3;
    });
    const m = (tops[0] + tops[1] + tops[2]) / 3;
    const sd = Math.sqrt(tops.reduce((a, v) => a + (v - m) ** 2, 0) / 2); // n − 1 = 2
    expectClose(summariseExponents([tiny], chains)[0].topScatter, sd, { rel: 1e-12 });
    expect(summariseExponents([tiny], chains)[1].topScatter).toBeNaN(); // the grid has none
  });
  it("a doubled set that leaves the loss unchanged keeps the largest width in the fit", () => {
    const s = summariseExponents([tiny], withRatio(1))[0];
    expect([s.doubledRatio, s.sampleLimited, s.parametersMax]).toEqual([1, false, 33]);
  });
  it("one that moves it by more than the scatter marks the largest width sample-limited and stops the fit below", () => {
    const s = summariseExponents([tiny], withRatio(1 + 2 * summariseExponents([tiny], chains)[0].topScatter))[0];
    expect([s.sampleLimited, s.parametersMax]).toEqual([true, 17]); // (2 + 2)·4 + 1: width 4
    const refit = chains.map((ch) => {
      const rows = ch.rows.filter((r) => r.variant === "chain" && r.width <= 4);
      return fitPowerLaw(rows.map((r) => r.parameters), rows.map((r) => r.testLoss)).alpha;
    });
    expectClose(s.alpha, (refit[0] + refit[1] + refit[2]) / 3, { rel: 1e-12 });
  });
});

describe("summariseExponents: the longer (twice the iterations) check", () => {
  const chains = [0, 1, 2].map((seed) => runChain(tiny, seed));
  const scatter = summariseExponents([tiny], chains)[0].topScatter;
  /** The chains with every longer row's test loss set to `ratio` × the largest width's. */
  const withRatio = (ratio: number) =>
    chains.map((ch) => {
      const last = ch.rows.filter((r) => r.variant === "chain").at(-1)!;
      return {
        ...ch,
        rows: ch.rows.map((r) => (r.variant === "longer" ? { ...r, testLoss: ratio * last.testLoss } : r)),
      };
    });
  it("the ratio is the mean over seeds of the longer row's test loss over the largest chain width's", () => {
    const ratios = chains.map((ch) =>
      ch.rows.find((r) => r.variant === "longer")!.testLoss /
      ch.rows.filter((r) => r.variant === "chain").at(-1)!.testLoss
    );
    const s = summariseExponents([tiny], chains)[0];
    expectClose(s.longerRatio, (ratios[0] + ratios[1] + ratios[2]) / 3, { rel: 1e-12 });
    const m = s.longerRatio, sd = Math.sqrt(ratios.reduce((a, v) => a + (v - m) ** 2, 0) / 2);
    expectClose(s.longerStderr, sd / Math.sqrt(3), { rel: 1e-9 });
    expect(
      summariseExponents(
        [{ ...tiny, longer: false }],
        [0, 1, 2].map((seed) => runChain({ ...tiny, longer: false }, seed)),
      )[0].longerRatio,
    )
      .toBeNaN();
  });
  it("a longer run that leaves the loss unchanged keeps the largest width; one that moves it stops the fit below", () => {
    const keep = summariseExponents([tiny], withRatio(1))[0];
    expect([keep.longerRatio, keep.optimisationLimited]).toEqual([1, false]);
    const moved = summariseExponents([tiny], withRatio(1 + 2 * scatter))[0];
    expect([moved.optimisationLimited, moved.parametersMax]).toEqual([true, 17]); // width 4
    // the doubled check is untouched by it
    expect(moved.sampleLimited).toBe(summariseExponents([tiny], chains)[0].sampleLimited);
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
      // iterations 0 (before training) to the row's count, the longer check's on from the chain's; the
      // last is the row's student
      const from = row.variant === "longer"
        ? rows.find((r) => r.variant === "chain" && r.width === row.width)!.iterations + 1
        : 0;
      expect(mine.map((e) => e.iteration)).toEqual([...Array(row.iterations + 1).keys()].slice(from));
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
    expect(() => requireConfig({ ...tiny, outputWeightLimit: 0 })).toThrow(/outputWeightLimit/);
    expect(() => requireConfig({ ...tiny, longer: 1 } as never)).toThrow(/config.longer/);
    const { longer: _l, ...missing } = tiny;
    expect(() => requireConfig(missing as never)).toThrow(/config.longer/);
  });
});
