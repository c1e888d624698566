/**
 * The objective of Approach 3 (Hoffmann et al. 2022, appendix D.2): the Huber loss (delta = 1e-3) of
 * the residuals of log L, with the law written in log-sum-exp form,
 *
 *   log L(N, D) = LSE(a - alpha log N, b - beta log D, e),   A = e^a, B = e^b, E = e^e,
 *
 * over runs packed as logarithms (`FitData`), with its analytic gradient.
 *
 * Its exp and log (and the logarithms `fitData` takes) are fdlibm's, written out in ./_f64math, not the
 * engine's `Math.exp` and `Math.log`, which differ between engines in their last bits: a fit, which
 * follows such differences along the flat directions of its objective, is the same to the bit under Deno,
 * Node and a browser. The objective runs in WebAssembly (./_huber, built from scripts/wasm/huber.ts),
 * which gives the JavaScript reference's bits (`objectiveReference`) in 0.4 of its time: as fast as the
 * loop over the engine's own exp and log was (2.0–2.6 µs against 2.4–3.0 µs an evaluation over 35 runs).
 *
 * @module
 */
import { requireFiniteArray, requireObject, requirePositive } from "../_util/validate";
import { exp, log } from "./_f64math";
import { wasmHuber } from "./_huber";

/** The runs in the form the objective uses: log N, log D, log L, and a weight per run. */
export interface FitData {
  logN: Float64Array;
  logD: Float64Array;
  logL: Float64Array;
  /** Multiplicity of each run (1 for a plain fit; bootstrap counts for a resample). */
  weight: Float64Array;
}

/**
 * Packs runs for the objective (weights 1).
 * @throws {RangeError} if there are no runs or an N, D or loss is not > 0.
 * @example fitData([{ N: 1e8, D: 1e10, loss: 3 }]).logL[0] // => ≈ 1.098612 (ln 3)
 */
export function fitData(runs: { N: number; D: number; loss: number }[]): FitData {
  if (!Array.isArray(runs)) throw new TypeError(`\`runs\` must be an array of runs, got ${typeof runs}`);
  if (runs.length === 0) throw new RangeError("`runs` must not be empty");
  runs.forEach((r, i) => requireObject(`runs[${i}]`, r));
  const n = runs.length;
  const out: FitData = {
    logN: new Float64Array(n),
    logD: new Float64Array(n),
    logL: new Float64Array(n),
    weight: new Float64Array(n).fill(1),
  };
  runs.forEach((r, i) => {
    out.logN[i] = log(requirePositive(`runs[${i}].N`, r.N));
    out.logD[i] = log(requirePositive(`runs[${i}].D`, r.D));
    out.logL[i] = log(requirePositive(`runs[${i}].loss`, r.loss));
  });
  return out;
}

/** Hoffmann et al.'s Huber threshold on the log-loss residuals. */
export const HUBER_DELTA = 1e-3;

/**
 * The fitting objective of Hoffmann et al. 2022 (appendix D.2):
 * sum_i w_i Huber_delta(LSE(a - alpha log N_i, b - beta log D_i, e) - log L_i),
 * with its analytic gradient with respect to [a, b, e, alpha, beta] written into `grad`.
 *
 * @param v parameter vector [a, b, e, alpha, beta].
 * @param grad output, length 5 (pass `undefined` to skip the gradient).
 * @returns the objective (non-negative).
 * @throws {RangeError} / {TypeError} if `v` is not 5 finite numbers, `data` is not a `FitData`,
 *   `grad` is not a Float64Array of length 5 or `delta` is not > 0.
 * @example
 * // zero where the law passes through every run
 * const data = fitData([{ N: 70e9, D: 1.4e12, loss: chinchillaLoss(HOFFMANN_2022, 70e9, 1.4e12) }]);
 * huberObjective([Math.log(406.4), Math.log(410.7), Math.log(1.69), 0.34, 0.28], data) // => ≈ 0 ± 1e-15
 */
export function huberObjective(
  v: ArrayLike<number>,
  data: FitData,
  grad?: Float64Array,
  delta = HUBER_DELTA,
): number {
  requireFiniteArray("v", v, 5);
  requireFitData(data);
  if (grad !== undefined && !(grad instanceof Float64Array && grad.length >= 5)) {
    throw new TypeError("`grad` must be a Float64Array of length 5 (or undefined)");
  }
  requirePositive("delta", delta);
  return objective(v, data, grad, delta);
}

/**
 * Checks the shape of a `FitData`: four Float64Arrays of one length, at least one run.
 * @throws {TypeError} e.g. "`data.logN` must be a non-empty Float64Array as long as `data.logN` (see `fitData`)".
 * @example requireFitData(fitData([{ N: 1e8, D: 1e10, loss: 3 }])).logN.length // => 1
 */
export function requireFitData(data: FitData): FitData {
  requireObject("data", data);
  const n = data.logN?.length;
  for (const k of ["logN", "logD", "logL", "weight"] as const) {
    if (!(data[k] instanceof Float64Array) || data[k].length !== n || n === 0) {
      throw new TypeError(`\`data.${k}\` must be a non-empty Float64Array as long as \`data.logN\` (see \`fitData\`)`);
    }
  }
  return data;
}

/**
 * `huberObjective` without the argument checks, for the optimiser's inner loop of `./approach3` and
 * `./bootstrap` (not part of the public surface: `src/fit/chinchilla.ts` does not re-export it).
 */
export function objective(v: ArrayLike<number>, data: FitData, grad: Float64Array | undefined, delta: number): number {
  const f = wasmHuber(v, data.logN, data.logD, data.logL, data.weight, grad, delta);
  return f ?? objectiveReference(v, data, grad, delta);
}

/**
 * The objective in JavaScript, the reference the WebAssembly version reproduces bit for bit (and what
 * runs without WebAssembly): per run, the law's log by a log-sum-exp shifted by its largest term, the
 * Huber loss of its residual and the gradient's terms, summed in the runs' order.
 */
export function objectiveReference(
  v: ArrayLike<number>,
  data: FitData,
  grad: Float64Array | undefined,
  delta: number,
): number {
  const a = v[0], b = v[1], e = v[2], alpha = v[3], beta = v[4];
  const { logN, logD, logL, weight } = data;
  let f = 0, ga = 0, gb = 0, ge = 0, gal = 0, gbe = 0;
  for (let i = 0; i < logN.length; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const u = a - alpha * logN[i];
    const t = b - beta * logD[i];
    // Shift by the largest term so that no exponential overflows; that term's exponential is 1.
    const m = Math.max(u, t, e);
    const pu = u === m ? 1 : exp(u - m);
    const pt = t === m ? 1 : exp(t - m);
    const pe = e === m ? 1 : exp(e - m);
    const s = pu + pt + pe;
    const r = m + log(s) - logL[i];
    const ar = Math.abs(r);
    if (ar <= delta) {
      f += w * 0.5 * r * r;
    } else {
      f += w * delta * (ar - 0.5 * delta);
    }
    if (grad) {
      const h = w * (ar <= delta ? r : r > 0 ? delta : -delta) / s;
      ga += h * pu;
      gb += h * pt;
      ge += h * pe;
      gal -= h * pu * logN[i];
      gbe -= h * pt * logD[i];
    }
  }
  if (grad) {
    grad[0] = ga;
    grad[1] = gb;
    grad[2] = ge;
    grad[3] = gal;
    grad[4] = gbe;
  }
  return f;
}
