import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseChinchillaCsv, withoutHighestLoss } from "../../src/datasets/chinchilla_data";
import { expectClose } from "../helpers";

const text = readFileSync(new URL("../../data/chinchilla_fig4_points.csv", import.meta.url), "utf8");
const HEADER = "x,y,color,Model Size,Training FLOP,hex_color,loss";

describe("parseChinchillaCsv on the Chinchilla runs", () => {
  const runs = parseChinchillaCsv(text);

  it("reads all 245 runs with their file lines", () => {
    expect(runs.length).toBe(245);
    expect(runs[0].line).toBe(2);
    expect(runs[244].line).toBe(246);
  });

  it("reads the first run's values and derives D = C / (6 N)", () => {
    // First data line of the file: Model Size 6795600349.289497, Training FLOP 9.993852799709755e+18,
    // loss 5.005581996196243.
    expect(runs[0].N).toBe(6795600349.289497);
    expect(runs[0].C).toBe(9.993852799709755e18);
    expect(runs[0].loss).toBe(5.005581996196243);
    expectClose(runs[0].D, 9.993852799709755e18 / (6 * 6795600349.289497));
  });

  it("drops the k highest-loss runs", () => {
    const kept = withoutHighestLoss(runs, 5);
    expect(kept.length).toBe(240);
    const maxKept = Math.max(...kept.map((r) => r.loss));
    const dropped = runs.filter((r) => !kept.includes(r));
    expect(dropped.length).toBe(5);
    for (const r of dropped) expect(r.loss).toBeGreaterThanOrEqual(maxKept);
    expect(() => withoutHighestLoss(runs, 245)).toThrow(/`k` must be an integer in \[0, 245\)/);
  });
});

describe("parseChinchillaCsv errors name the line and the field", () => {
  const ok = "1,2,#fff,1e8,6e18,#fff,3.1";
  const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";

  it("accepts a well-formed two-run file", () => {
    expect(parseChinchillaCsv(csv(ok, ok)).length).toBe(2);
  });

  it("rejects a negative model size", () => {
    expect(() => parseChinchillaCsv(csv(ok, "1,2,#fff,-3,6e18,#fff,3.1")))
      .toThrow("line 3: `Model Size` must be a finite number > 0, got -3");
  });

  it("rejects a zero or non-numeric loss and an empty compute field", () => {
    expect(() => parseChinchillaCsv(csv("1,2,#fff,1e8,6e18,#fff,0")))
      .toThrow("line 2: `loss` must be a finite number > 0, got 0");
    expect(() => parseChinchillaCsv(csv(ok, ok, "1,2,#fff,1e8,6e18,#fff,abc")))
      .toThrow("line 4: `loss` must be a finite number > 0, got abc");
    expect(() => parseChinchillaCsv(csv("1,2,#fff,1e8,,#fff,3")))
      .toThrow("line 2: `Training FLOP` must be a finite number > 0, got an empty field");
  });

  it("rejects a line with a missing field or an empty line", () => {
    expect(() => parseChinchillaCsv(csv(ok, "1,2,#fff,1e8,6e18,3.1")))
      .toThrow(/^line 3: expected 7 fields, got 6/);
    expect(() => parseChinchillaCsv(csv(ok, "", ok))).toThrow(/^line 3: expected 7 fields, got 0/);
  });

  it("accepts CRLF line endings and trailing blank lines", () => {
    expect(parseChinchillaCsv(csv(ok, ok) + "\n\n").length).toBe(2);
    expect(parseChinchillaCsv([HEADER, ok, ok].join("\r\n") + "\r\n\r\n").length).toBe(2);
  });

  it("gives a clear message for CR-only line endings", () => {
    expect(() => parseChinchillaCsv([HEADER, ok].join("\r") + "\r")).toThrow(/CR-only line endings/);
  });

  it("refuses hexadecimal and cut-short numbers instead of reading them as something else", () => {
    // Number("0x10") is 16 and Number("3.") is 3: a plain decimal is required.
    expect(() => parseChinchillaCsv(csv(ok, "1,2,#fff,0x10,6e18,#fff,3.1")))
      .toThrow("line 3: `Model Size` must be a finite number > 0, got 0x10");
    expect(() => parseChinchillaCsv(csv(ok, "1,2,#fff,1e8,6e18,#fff,3.")))
      .toThrow("line 3: `loss` must be a finite number > 0, got 3.");
    expect(() => parseChinchillaCsv(csv(ok, "1,2,#fff,1e8,6e,#fff,3.1")))
      .toThrow("line 3: `Training FLOP` must be a finite number > 0, got 6e");
  });

  it("rejects a header without a required column", () => {
    expect(() => parseChinchillaCsv("a,b,loss\n1,2,3\n")).toThrow(/line 1: the header must have a column `Model Size`/);
  });
});
