/**
 * The L-BFGS trainer's blocked loss and its soft bound on the output weights (`src/learn/train.ts`). The
 * references are computed here from the network's unblocked loss (`mlpLossGradient` over all n samples at
 * once) and from the closed form of the bound's penalty, 0.01 · Σ (|a| − A)² over output weights beyond A.
 * Blocking only reorders sums, so the blocked loss equals the unblocked one to rounding: 1e-13 relative is
 * ~500 ulps, far above the ~n/512 extra additions' error and far below any real difference.
 */
import { describe, expect, it } from "vitest";
import { Random } from "../../src/stats/random";
import { createMlp, type Mlp, mlpLayout, mlpLossGradient, MlpWorkspace } from "../../src/learn/mlp";
import { LBFGS_BLOCK, lbfgsSteps, OUTPUT_LIMIT_STIFFNESS, trainLbfgs } from "../../src/learn/train";
import { expectClose } from "../helpers";

function problem(n: number, activation: "relu" | "gelu" = "relu"): { net: Mlp; x: Float64Array; y: Float64Array } {
  const rng = new Random(11);
  const x = rng.uniforms(2 * n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = Math.sin(6 * x[2 * i]) * Math.cos(4 * x[2 * i + 1]);
  const net = createMlp({ inputs: 2, hidden: [12], activation }, rng, { kinkPoints: x, outputScale: 1 });
  return { net, x, y };
}

/** The unblocked loss and gradient over all n samples. */
function unblocked(net: Mlp, x: Float64Array, y: Float64Array): { f: number; g: Float64Array } {
  const g = new Float64Array(net.params.length);
  const f = mlpLossGradient(net.shape, net.params, x, y, g, new MlpWorkspace(net.shape, y.length));
  return { f, g };
}

describe("lbfgsSteps: the loss summed over blocks of samples", () => {
  it("equals the unblocked loss to rounding, for n a multiple of the block, not one, and below it", () => {
    for (const n of [2 * LBFGS_BLOCK, 2 * LBFGS_BLOCK + 77, 300]) {
      const { net, x, y } = problem(n);
      const first = lbfgsSteps(net, x, y, { iterations: 1 }).next().value as { loss: number; penalty: number };
      expectClose(first.loss, unblocked(net, x, y).f, { rel: 1e-13 });
      expect(first.penalty).toBe(0);
    }
  });
  it("follows the unblocked gradient: a trained network's loss falls and its history is the steps' own", () => {
    const { net, x, y } = problem(1100);
    const start = unblocked(net, x, y).f;
    const steps = lbfgsSteps(net, x, y, { iterations: 40 });
    let s = steps.next();
    let history: readonly number[] = [];
    let evaluations = 0;
    for (; !s.done; s = steps.next()) {
      history = s.value.history;
      evaluations = s.value.evaluations;
      expect(history.length).toBe(evaluations);
    }
    const r = s.value;
    expect(r.loss).toBeLessThan(0.5 * start);
    expect([...r.history]).toEqual([...history]);
    expectClose(r.loss, unblocked(r.net, x, y).f, { rel: 1e-13 });
  });
});

describe("lbfgsSteps: the soft bound on the output weights", () => {
  it("adds 0.01 · Σ (|a| − A)² over the output weights beyond A, and reports the MSE apart", () => {
    const { net, x, y } = problem(400);
    const { weights, biases } = mlpLayout(net.shape);
    const out = weights[1], outEnd = biases[1];
    const big = net.params.slice();
    big[out] = 12;
    big[out + 1] = -7;
    const heavy = { ...net, params: big };
    const A = 5;
    const first = lbfgsSteps(heavy, x, y, { iterations: 1, outputWeightLimit: A }).next().value as {
      loss: number;
      penalty: number;
      history: readonly number[];
    };
    let want = 0;
    for (let i = out; i < outEnd; i++) want += Math.max(0, Math.abs(big[i]) - A) ** 2;
    expect(OUTPUT_LIMIT_STIFFNESS).toBe(0.01);
    expectClose(first.penalty, 0.01 * want, { rel: 1e-12 }); // 0.01 · (7² + 2²) if the rest are within 5
    expectClose(first.loss, unblocked(heavy, x, y).f, { rel: 1e-13 });
    expectClose(first.history[0], first.loss + first.penalty, { rel: 1e-15 });
  });
  it("changes nothing while every output weight is within the bound", () => {
    const { net, x, y } = problem(400, "gelu");
    const free = trainLbfgs(net, x, y, { iterations: 25 });
    const bounded = trainLbfgs(net, x, y, { iterations: 25, outputWeightLimit: 1e6 });
    expect(bounded.net.params).toEqual(free.net.params);
    expect([bounded.loss, bounded.penalty]).toEqual([free.loss, 0]);
  });
  it("pulls output weights beyond the bound back towards it", () => {
    const { net, x, y } = problem(400);
    const { weights } = mlpLayout(net.shape);
    const big = net.params.slice();
    big[weights[1]] = 40;
    const r = trainLbfgs({ ...net, params: big }, x, y, { iterations: 60, outputWeightLimit: 2 });
    expect(Math.abs(r.net.params[weights[1]])).toBeLessThan(10);
  });
  it("refuses a bound that is not positive, by name", () => {
    const { net, x, y } = problem(50);
    expect(() => lbfgsSteps(net, x, y, { outputWeightLimit: 0 })).toThrow(/outputWeightLimit/);
    expect(() => lbfgsSteps(net, x, y, { outputWeightLimit: NaN })).toThrow(/outputWeightLimit/);
  });
});
