import { describe, expect, it } from "vitest";
import { Random } from "../../src/stats/random";
import { activate, type Activation, activationBackward, ACTIVATIONS } from "../../src/learn/kernels";
import {
  createMlp,
  mlpHidden,
  mlpLayout,
  mlpLossGradient,
  mlpPredict,
  MlpWorkspace,
  oneHiddenLayerParameters,
  widenMlp,
} from "../../src/learn/mlp";
import { expectClose } from "../helpers";

function data(rng: Random, n: number, k: number): { x: Float64Array; y: Float64Array } {
  const x = rng.normals(n * k), y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = Math.sin(x[i * k]) + 0.3 * x[i * k + k - 1];
  return { x, y };
}

describe("mlpLossGradient", () => {
  // Central differences with step 1e-6 have truncation error O(h²·f''') ≈ 1e-12 and rounding error
  // O(ε·f/h) ≈ 1e-10 relative; ReLU kinks are avoided by the random data (a kink within 1e-6 of a
  // sample has probability ~1e-5 per parameter), so 1e-6 relative (plus 1e-9 absolute) is a safe bound.
  for (const activation of ["relu", "tanh", "gelu"] as Activation[]) {
    for (const hidden of [[5, 4], [3, 4, 2]]) {
      it(`matches central differences for ${activation}, depth ${hidden.length}`, () => {
        const rng = new Random(7);
        const net = createMlp({ inputs: 3, hidden, activation }, rng, { outputScale: 1 });
        // random biases too: with zero biases a unit whose inputs are all off sits exactly on its kink
        net.params.set(rng.normals(net.params.length));
        const { x, y } = data(rng, 11, 3);
        const ws = new MlpWorkspace(net.shape, 11);
        const g = new Float64Array(net.params.length), scratch = new Float64Array(net.params.length);
        mlpLossGradient(net.shape, net.params, x, y, g, ws);
        const p = net.params.slice();
        for (let i = 0; i < p.length; i++) {
          const h = 1e-6, v = p[i];
          p[i] = v + h;
          const fp = mlpLossGradient(net.shape, p, x, y, scratch, ws);
          p[i] = v - h;
          const fm = mlpLossGradient(net.shape, p, x, y, scratch, ws);
          p[i] = v;
          expect(Math.abs(g[i] - (fp - fm) / (2 * h))).toBeLessThan(1e-6 * Math.abs(g[i]) + 1e-9);
        }
      });
    }
  }
});

describe("a tiny network by hand", () => {
  it("gives the hand-computed forward pass, loss and gradient", () => {
    // 1 input, 2 ReLU units, 1 output. Parameters [w1 (2), b1 (2), w2 (2), b2 (1)]:
    // w1 = [1, -1], b1 = [0, 0.5], w2 = [2, 3], b2 = 0.25; sample x = 1, y = 1.
    // z = [1, -0.5], a = [1, 0], f = 2·1 + 3·0 + 0.25 = 2.25, L = (2.25 − 1)² = 1.5625.
    // dL/df = 2·1.25 = 2.5; dL/dw2 = 2.5·a = [2.5, 0]; dL/db2 = 2.5;
    // dL/da = 2.5·w2 = [5, 7.5], through ReLU: [5, 0]; dL/dw1 = [5·x, 0] = [5, 0]; dL/db1 = [5, 0].
    const shape = { inputs: 1, hidden: [2], activation: "relu" as const };
    const params = new Float64Array([1, -1, 0, 0.5, 2, 3, 0.25]);
    const g = new Float64Array(7);
    const loss = mlpLossGradient(
      shape,
      params,
      new Float64Array([1]),
      new Float64Array([1]),
      g,
      new MlpWorkspace(shape, 1),
    );
    expect(loss).toBe(1.5625);
    expect(Array.from(g)).toEqual([5, 0, 5, 0, 2.5, 0, 2.5]);
    expect(Array.from(mlpPredict({ shape: { ...shape, outputs: 1 }, params }, new Float64Array([1]), 1))).toEqual([
      2.25,
    ]);
    expect(Array.from(mlpHidden({ shape: { ...shape, outputs: 1 }, params }, new Float64Array([1]), 1, 0))).toEqual([
      1,
      0,
    ]);
  });

  it("counts parameters as (k + 1)·m per layer", () => {
    expect(mlpLayout({ inputs: 3, hidden: [5, 4], activation: "tanh" }).count).toBe(4 * 5 + 6 * 4 + 5 * 1);
    expect(oneHiddenLayerParameters(2, 8)).toBe(33);
  });
});

describe("activations", () => {
  it("GELU is x·Φ(x) in its tanh form: GELU(1) ≈ 0.8412 (Hendrycks & Gimpel 2016)", () => {
    const out = new Float64Array(1);
    activate("gelu", new Float64Array([1]), out, 1);
    expectClose(out[0], 0.841192, { abs: 1e-6 }); // ½(1 + tanh(√(2/π)·1.044715)), computed by hand
  });
  it("GELU and its derivative are the tanh form's, computed as z·σ(2u), from z = −40 to 40", () => {
    const z = Float64Array.from({ length: 161 }, (_, i) => -40 + i / 2);
    const a = new Float64Array(z.length), g = new Float64Array(z.length).fill(1);
    activate("gelu", z, a, z.length);
    activationBackward("gelu", z, a, g, z.length);
    const k = Math.sqrt(2 / Math.PI);
    for (let i = 0; i < z.length; i++) {
      const x = z[i], u = k * (x + 0.044715 * x ** 3), t = Math.tanh(u);
      // the tanh form (its 1 + tanh u cancels for u ≪ 0: compared in absolute terms there)
      expectClose(a[i], 0.5 * x * (1 + t), { rel: 1e-13, abs: 1e-15 });
      expectClose(g[i], 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * 0.044715 * x * x), {
        rel: 1e-13,
        abs: 1e-14,
      });
      expect(Number.isFinite(a[i]) && Number.isFinite(g[i])).toBe(true);
    }
  });
  it("derivatives match central differences for every activation", () => {
    const z = new Float64Array([-1.3, -0.2, 0.4, 2.1]);
    for (const act of ACTIVATIONS) {
      const a = new Float64Array(4), g = new Float64Array(4).fill(1);
      activate(act, z, a, 4);
      activationBackward(act, z, a, g, 4);
      for (let i = 0; i < 4; i++) {
        const p = new Float64Array([z[i] + 1e-6]), m = new Float64Array([z[i] - 1e-6]);
        activate(act, p, p, 1);
        activate(act, m, m, 1);
        expectClose(g[i], (p[0] - m[0]) / 2e-6, { abs: 1e-8 });
      }
    }
  });
});

describe("widenMlp", () => {
  for (const hidden of [[4], [3, 5]]) {
    it(`leaves the function unchanged (depth ${hidden.length})`, () => {
      const rng = new Random(3);
      const net = createMlp({ inputs: 2, hidden, activation: "relu" }, rng, { outputScale: 1 });
      const x = rng.normals(40);
      const wide = widenMlp(net, hidden.map((w) => 2 * w), rng, { kinkPoints: x });
      expect(wide.params.length).toBe(mlpLayout(wide.shape).count);
      // exactly equal: the new units contribute products with zero weights (0·a = 0 exactly)
      expect(Array.from(mlpPredict(wide, x, 20))).toEqual(Array.from(mlpPredict(net, x, 20)));
    });
  }
  it("refuses a narrower width", () => {
    const net = createMlp({ inputs: 2, hidden: [4], activation: "relu" }, new Random(1));
    expect(() => widenMlp(net, [3], new Random(1))).toThrow(/hidden\[0\]/);
  });
});

describe("determinism and validation", () => {
  it("the same seed gives the same network", () => {
    const a = createMlp({ inputs: 2, hidden: [6], activation: "gelu" }, new Random(9));
    const b = createMlp({ inputs: 2, hidden: [6], activation: "gelu" }, new Random(9));
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
  });
  it("refuses bad shapes and options by name", () => {
    expect(() => createMlp({ inputs: 0, hidden: [2], activation: "relu" }, new Random(1))).toThrow(/shape.inputs/);
    expect(() => createMlp({ inputs: 1, hidden: [], activation: "relu" }, new Random(1))).toThrow(/shape.hidden/);
    expect(() => createMlp({ inputs: 1, hidden: [2], activation: "sigmoid" as Activation }, new Random(1))).toThrow(
      /activation/,
    );
    expect(() => createMlp({ inputs: 1, hidden: [2], activation: "relu" }, new Random(1), { outputscale: 1 } as never))
      .toThrow(/outputscale/);
  });
});
