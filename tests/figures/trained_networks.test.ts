import { describe, expect, it } from "vitest";
import * as trainedNetworks from "../../src/findings/10_trained_networks";
import { figureTeacherStudentExponents, figureTeacherStudentLoss } from "../../src/figures/trained_networks";

describe("figures of notebook 10 (trained students)", () => {
  // Each figure's SVG, PNG and CSV are checked byte for byte against figures/ by tests/artifacts.test.ts
  // (no copy of them is kept as a snapshot here).
  it("plots the geometric mean over seeds of every flat student and grid row", () => {
    const a = trainedNetworks.analysis();
    const fig = figureTeacherStudentLoss();
    const r = fig.data.find((x) => x.config === "smooth-d2" && x.variant === "chain" && x.width === 16)!;
    const losses = a.runs.filter((x) => x.config === "smooth-d2" && x.variant === "chain" && x.width === 16).map((x) =>
      x.testLoss
    );
    const geo = Math.exp(losses.reduce((s, v) => s + Math.log(v), 0) / losses.length);
    expect(r.test_loss).toBeCloseTo(geo, 12);
    expect(fig.data.every((x) => x.config !== "smooth-d2-D16")).toBe(true); // embedded inputs are not on this N axis
  });

  it("shows one interval per student configuration, containing its mean, with the predictions 4/d", () => {
    const fig = figureTeacherStudentExponents();
    expect(fig.data.length).toBe(trainedNetworks.analysis().exponents.filter((e) => e.variant === "chain").length);
    for (const r of fig.data) {
      expect(r.alpha_low as number).toBeLessThan(r.alpha as number);
      expect(r.alpha as number).toBeLessThan(r.alpha_high as number);
      expect(r.four_over_d).toBe(4 / Number(/d = (\d)/.exec(r.label as string)![1]));
    }
  });
});
