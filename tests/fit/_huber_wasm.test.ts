/**
 * The WebAssembly objective (src/fit/_huber.ts, built from scripts/wasm/huber.ts): the committed bytes
 * are the build's, and it gives the JavaScript reference's bits (objective and gradient) over the
 * 4,500 starts of Hoffmann's grid on the Chinchilla and OpenLM runs, at random points, with bootstrap
 * weights, at both Huber thresholds, and where the objective is not finite.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildHuberWasm, huberWasmSource } from "../../scripts/wasm/huber";
import { HUBER_WASM_BASE64 } from "../../src/fit/_huber_wasm";
import { setWasmHuber, wasmHuberActive } from "../../src/fit/_huber";
import { type FitData, fitData, objective, objectiveReference } from "../../src/fit/objective";
import { hoffmannGrid } from "../../src/fit/approach3";
import { loadChinchillaRuns } from "../../src/findings/_chinchilla";
import { select, selection } from "../../src/findings/_09_openlm_fits";
import { toRuns } from "../../src/datasets/openlm_data";

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

/** How many of the points give other bits (objective or a gradient component) than the reference. */
function mismatches(points: ArrayLike<number>[], data: FitData, delta: number): number {
  const g = new Float64Array(5), h = new Float64Array(5);
  let bad = 0;
  for (const v of points) {
    const f = objective(v, data, g, delta), fr = objectiveReference(v, data, h, delta);
    const f0 = objective(v, data, undefined, delta);
    if (!same(f, fr) || !same(f0, fr) || ![0, 1, 2, 3, 4].every((i) => same(g[i], h[i]))) bad++;
  }
  return bad;
}

describe("the committed WebAssembly objective", () => {
  it("is what scripts/wasm/huber.ts builds, byte for byte, under the 4 kB a browser compiles on its main thread", () => {
    expect(readFileSync("src/fit/_huber_wasm.ts", "utf8")).toBe(huberWasmSource());
    const bytes = new Uint8Array(buildHuberWasm());
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(atob(HUBER_WASM_BASE64).length).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(4096);
    expect(wasmHuberActive()).toBe(true);
  });

  it("gives the reference's bits on Hoffmann's grid, for the Chinchilla and OpenLM runs, at δ = 10⁻³ and 10", () => {
    const grid = hoffmannGrid();
    const chinchilla = fitData(loadChinchillaRuns());
    const openlm = fitData(toRuns(select(selection("rpj", "c4_val")), "params"));
    for (const data of [chinchilla, openlm]) {
      for (const delta of [1e-3, 10]) expect(mismatches(grid, data, delta)).toBe(0);
    }
  });

  it("gives the reference's bits at random points, with bootstrap weights (zeros skipped), and where it is not finite", () => {
    const data = fitData(toRuns(select(selection("c4_original", "c4_val")), "params"));
    let seed = 2024;
    const u = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const weighted: FitData = { ...data, weight: data.weight.map(() => Math.floor(3 * u())) };
    const points = Array.from({ length: 3000 }, () => [40 * u() - 10, 40 * u() - 10, 6 * u() - 3, 3 * u(), 3 * u()]);
    expect(mismatches(points, data, 1e-3)).toBe(0);
    expect(mismatches(points, weighted, 1e-3)).toBe(0);
    // terms far apart (e^u with u in the thousands, shifted by the largest), NaN parameters
    const wild = [[2000, 0, 0, 0.1, 0.1], [0, 0, 800, 0, 0], [NaN, 1, 1, 0.3, 0.3], [1, 1, 1, -40, 0.3]];
    expect(mismatches(wild, data, 1e-3)).toBe(0);
    expect(objective(wild[2], data, undefined, 1e-3)).toBeNaN();
  });

  it("is the reference's when switched off (the JavaScript loop runs)", () => {
    const data = fitData(loadChinchillaRuns());
    const v = [6, 7, 0.5, 0.34, 0.28];
    const on = objective(v, data, undefined, 1e-3);
    const was = setWasmHuber(false);
    try {
      expect(objective(v, data, undefined, 1e-3)).toBe(on);
    } finally {
      setWasmHuber(was);
    }
  });
});
