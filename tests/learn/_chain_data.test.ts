import { describe, expect, it } from "vitest";
import { hashSeed, makeData } from "../../src/learn/_chain_data";
import { SWEEP, type TeacherStudentConfig } from "../../src/learn/teacher_student";
import { expectClose } from "../helpers";

const flat: TeacherStudentConfig = { ...SWEEP[0], trainPoints: 256, testPoints: 128 };
const embedded: TeacherStudentConfig = { ...flat, id: "embedded", D: 16, gridCells: [] };

const meanSd = (y: Float64Array) => {
  const m = y.reduce((a, v) => a + v, 0) / y.length;
  return { m, sd: Math.sqrt(y.reduce((a, v) => a + (v - m) ** 2, 0) / y.length) };
};

describe("hashSeed", () => {
  it("is deterministic and gives each text and seed its own 32-bit stream", () => {
    expect(hashSeed("student:smooth-d2", 0)).toBe(hashSeed("student:smooth-d2", 0));
    const seeds = [hashSeed("a", 0), hashSeed("a", 1), hashSeed("b", 0), hashSeed("embedding", 0)];
    expect(new Set(seeds).size).toBe(4);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe("makeData", () => {
  it("standardises the targets on the training sample and sizes every sample", () => {
    const data = makeData(flat, 0);
    const { m, sd } = meanSd(data.yTrain);
    expectClose(m, 0, { abs: 1e-12 });
    expectClose(sd, 1, { rel: 1e-12 });
    expect([data.xTrain.length, data.xExtra.length, data.xTest.length, data.tTest.length]).toEqual([
      512,
      512,
      256,
      256,
    ]);
    expect(data.xTest).toEqual(data.tTest); // D = d: the inputs are the points of [0, 1]^d
  });

  it("gives a flat and an embedded configuration the same teacher and samples (the D comparison is paired)", () => {
    const a = makeData(flat, 1), b = makeData(embedded, 1);
    expect(b.yTrain).toEqual(a.yTrain);
    expect(b.yTest).toEqual(a.yTest);
    expect(b.tTest).toEqual(a.tTest);
    expect(b.xTrain.length).toBe(256 * 16);
    // embedded inputs: centred coordinates with a common s.d. of 0.5 on the training sample
    const { m, sd } = meanSd(b.xTrain);
    expectClose(m, 0, { abs: 1e-12 });
    expectClose(sd, 0.5, { rel: 1e-12 });
  });

  it("is deterministic per seed", () => {
    expect(makeData(flat, 2).yTest).toEqual(makeData(flat, 2).yTest);
    expect(makeData(flat, 2).yTest).not.toEqual(makeData(flat, 3).yTest);
  });
});
