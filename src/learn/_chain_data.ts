/**
 * The data of one teacher–student chain (`./teacher_student`): the teacher's samples of [0, 1]^d, their
 * standardised targets and their inputs (embedded in R^D by the project's `randomEmbedding` when D > d),
 * and the string-hash seeding of the chain's random streams. Private to `./teacher_student`.
 *
 * @module
 */
import { randomEmbedding } from "../measure/manifold";
import { Random } from "../stats/random";
import { planeWaveField } from "./targets";
import type { TeacherStudentConfig } from "./teacher_student";

/** FNV-1a hash of a string to a 32-bit seed. */
export function hashSeed(text: string, seed: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${text}#${seed}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Inputs, targets and the maps between intrinsic and input coordinates of one chain. */
export interface ChainData {
  xTrain: Float64Array;
  yTrain: Float64Array;
  xExtra: Float64Array;
  yExtra: Float64Array;
  xTest: Float64Array;
  yTest: Float64Array;
  tTest: Float64Array;
  /** Standardisation of y: (y − mean)/sd on the training sample. */
  yMean: number;
  ySd: number;
}

/**
 * The data of chain (`c`, `seed`): the teacher, the training sample, an equal extra sample (for the
 * doubled check) and the test sample of [0, 1]^d, their targets standardised on the training sample,
 * and the inputs embedded in R^D (centred, one common scale) when D > d.
 */
export function makeData(c: TeacherStudentConfig, seed: number): ChainData {
  // The teacher depends on (d, h, κ_max, seed) only, so a flat and an embedded configuration with the
  // same seed learn the same function: the D comparison is paired.
  const field = planeWaveField({ d: c.d, h: c.h, seed, maxWavenumber: c.maxWavenumber });
  const rng = new Random(hashSeed(`data:${c.d}:${c.h}:${c.maxWavenumber}`, seed));
  const n = c.trainPoints, nt = c.testPoints;
  const tTrain = rng.uniforms(n * c.d), tExtra = rng.uniforms(n * c.d), tTest = rng.uniforms(nt * c.d);
  const values = (t: Float64Array, m: number) => {
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) y[i] = field.f(t, i * c.d);
    return y;
  };
  const rawTrain = values(tTrain, n), rawExtra = values(tExtra, n), rawTest = values(tTest, nt);
  let mean = 0;
  for (const v of rawTrain) mean += v;
  mean /= n;
  let v2 = 0;
  for (const v of rawTrain) v2 += (v - mean) ** 2;
  const sd = Math.sqrt(v2 / n);
  const std = (y: Float64Array) => y.map((v) => (v - mean) / sd);
  let embed = (t: Float64Array): Float64Array => t.slice();
  if (c.D > c.d) {
    const e = randomEmbedding({ d: c.d, D: c.D, seed: hashSeed("embedding", seed) });
    // centre each coordinate and scale all by one factor to a coordinate s.d. of 0.5 (training sample)
    const raw = e.mapAll(tTrain);
    const mu = new Float64Array(c.D);
    for (let i = 0; i < n; i++) for (let j = 0; j < c.D; j++) mu[j] += raw[i * c.D + j] / n;
    let s2 = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < c.D; j++) s2 += (raw[i * c.D + j] - mu[j]) ** 2;
    const scale = 0.5 / Math.sqrt(s2 / (n * c.D));
    embed = (t: Float64Array): Float64Array => {
      const x = e.mapAll(t);
      const m = x.length / c.D;
      for (let i = 0; i < m; i++) for (let j = 0; j < c.D; j++) x[i * c.D + j] = (x[i * c.D + j] - mu[j]) * scale;
      return x;
    };
  }
  return {
    xTrain: embed(tTrain),
    yTrain: std(rawTrain),
    xExtra: embed(tExtra),
    yExtra: std(rawExtra),
    xTest: embed(tTest),
    yTest: std(rawTest),
    tTest,
    yMean: mean,
    ySd: sd,
  };
}
