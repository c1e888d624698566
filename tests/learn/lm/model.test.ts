import { describe, expect, it } from "vitest";
import { CharTransformer } from "../../../src/learn/lm/model";
import { nonEmbeddingParameters, parameterCount } from "../../../src/learn/lm/config";
import { Random } from "../../../src/stats/random";

const CFG = { vocabSize: 7, context: 5, width: 8, layers: 2, heads: 2 };

function batch(seed: number, B: number, T: number, V: number) {
  const rng = new Random(seed);
  const x = new Uint8Array(B * T), y = new Uint8Array(B * T);
  for (let i = 0; i < B * T; i++) {
    x[i] = rng.int(V);
    y[i] = rng.int(V);
  }
  return { x, y };
}

describe("CharTransformer gradient (float64, central differences)", () => {
  it("matches finite differences for every parameter tensor", () => {
    const m = new CharTransformer(CFG, "float64");
    m.init(3);
    // perturb the zero-initialised biases and unit gains so their gradients are generic
    const rng = new Random(9);
    for (let i = 0; i < m.params.length; i++) m.params[i] += 0.3 * rng.normal();
    const { x, y } = batch(1, 3, CFG.context, CFG.vocabSize);
    m.forward(x, y, 3);
    m.backward();
    const g = m.grads.slice();
    const h = 1e-5;
    let worst = 0;
    for (let i = 0; i < m.params.length; i++) {
      const p0 = m.params[i];
      m.params[i] = p0 + h;
      const lp = m.forward(x, y, 3);
      m.params[i] = p0 - h;
      const lm = m.forward(x, y, 3);
      m.params[i] = p0;
      const fd = (lp - lm) / (2 * h);
      const err = Math.abs(fd - g[i]) / Math.max(1e-6, Math.abs(fd) + Math.abs(g[i]));
      if (Math.abs(fd - g[i]) > 1e-8) worst = Math.max(worst, err);
    }
    // central differences at h = 1e-5 in float64 are accurate to ~1e-10 absolute; relative 1e-5 is generous
    expect(worst).toBeLessThan(1e-5);
  });
});

describe("parameter counts", () => {
  it("N = L(12C² + 13C) + 2C and the embeddings add (V + T)C", () => {
    expect(nonEmbeddingParameters(CFG)).toBe(2 * (12 * 64 + 13 * 8) + 16);
    expect(parameterCount(CFG)).toBe(nonEmbeddingParameters(CFG) + 12 * 8);
    expect(new CharTransformer(CFG).params.length).toBe(parameterCount(CFG));
  });
});
