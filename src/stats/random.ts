/**
 * Seeded pseudo-random numbers. Every random draw in this project goes through a `Random` made
 * here, so that each figure, table and notebook regenerates byte for byte.
 *
 * The generator is xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators"), seeded by splitmix32 from a 32-bit integer seed. It has a period of 2^128 - 1 and
 * passes BigCrush; it is not cryptographic.
 *
 * @module
 */
import { requireInRange, requireInteger } from "../_util/validate";

/** splitmix32 step: turns a seed into a well-mixed stream of 32-bit words for seeding. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The most numbers `uniforms` and `normals` fill at once: 2^26 (512 MB of doubles). */
export const MAX_DRAWS = 2 ** 26;

/**
 * A seeded generator of uniform, normal and integer variates.
 *
 * @example
 * const rng = new Random(42);
 * rng.uniform();   // in [0, 1), the same number on every run
 * rng.normal();    // standard normal
 * rng.int(10);     // integer in [0, 10)
 */
export class Random {
  #s: Uint32Array;
  #spare: number | undefined;

  /**
   * @param seed integer in [0, 2^32).
   * @throws {RangeError} if `seed` is not such an integer.
   */
  constructor(seed: number) {
    requireInteger("seed", seed, 0, 2 ** 32 - 1);
    const next = splitmix32(seed);
    this.#s = Uint32Array.of(next(), next(), next(), next());
  }

  /** Next raw 32-bit unsigned word (xoshiro128**). */
  nextUint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /**
   * Uniform double in [a, b).
   * @throws {RangeError} if `b` <= `a`.
   */
  uniformIn(a: number, b: number): number {
    requireInRange("a", a, {});
    requireInRange("b", b, { min: a, minOpen: true });
    if (!Number.isFinite(b - a)) throw new RangeError(`\`b\` - \`a\` must be finite, got ${b - a}`);
    return a + (b - a) * this.uniform();
  }

  /** Standard normal variate (Marsaglia polar method; the second variate of each pair is kept). */
  normal(): number {
    if (this.#spare !== undefined) {
      const v = this.#spare;
      this.#spare = undefined;
      return v;
    }
    let u: number, v: number, s: number;
    // Stryker disable EqualityOperator,ConditionalExpression: equivalent in practice: s is exactly 1 (a rounding) or 0 (u = v = 0) with a probability of order 2⁻⁵² per draw
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    // Stryker restore EqualityOperator,ConditionalExpression
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spare = v * m;
    return u * m;
  }

  /**
   * Uniform integer in [0, n), without modulo bias.
   * @throws {RangeError} if `n` is not an integer in [1, 2^32].
   */
  int(n: number): number {
    requireInteger("n", n, 1, 2 ** 32);
    const limit = 2 ** 32 - (2 ** 32 % n);
    let x: number;
    do x = this.nextUint32(); while (x >= limit);
    return x % n;
  }

  /**
   * Fills a new Float64Array of length `n` with uniforms in [0, 1).
   * @throws {RangeError} if `n` is not an integer in [0, 2^26] (`MAX_DRAWS`, 512 MB: `uniforms(2**31)`
   *   would ask for 16 GB).
   */
  uniforms(n: number): Float64Array {
    requireInteger("n", n, 0, MAX_DRAWS);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform();
    return out;
  }

  /**
   * Fills a new Float64Array of length `n` with standard normal variates.
   * @throws {RangeError} if `n` is not an integer in [0, 2^26] (`MAX_DRAWS`).
   */
  normals(n: number): Float64Array {
    requireInteger("n", n, 0, MAX_DRAWS);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal();
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
