/**
 * Double-precision exp and log for the Approach-3 objective (private): fdlibm's `e_exp.c` and `e_log.c`
 * (Sun Microsystems, 1993; the algorithms V8 ports as `ieee754::exp` and `ieee754::log`), written out in
 * IEEE double operations in a fixed order. The WebAssembly objective (`scripts/wasm/huber.ts`, which reads
 * the constants below) performs the same operations, so a fit gives the same bits in every engine: the
 * engines' own `Math.exp` and `Math.log` differ in their last bits (Deno's `Math.exp` is not fdlibm,
 * Node's is), and a fit follows them along the flat directions of its objective.
 *
 * Both are within 1 ulp of the true value (fdlibm's bound), and they agree with Node's `Math.exp` and
 * `Math.log` bit for bit (tests/fit/f64math.test.ts compares them with the engine's, to 1 ulp).
 *
 * @module
 */

/** fdlibm's constants of `e_exp.c`: the split ln 2, 1/ln 2, the thresholds and the Remez coefficients. */
export const EXP = {
  ln2Hi: 6.93147180369123816490e-01,
  ln2Lo: 1.90821492927058770002e-10,
  invLn2: 1.44269504088896338700e+00,
  /** Above, e^x overflows; below, it underflows to 0. */
  overflow: 7.09782712893383973096e+02,
  underflow: -7.45133219101941108420e+02,
  /** 2⁻¹⁰⁰⁰, for results in the subnormal range. */
  twoM1000: 9.33263618503218878990e-302,
  p: [
    1.66666666666666019037e-01,
    -2.77777777770155933842e-03,
    6.61375632143793436117e-05,
    -1.65339022054652515390e-06,
    4.13813679705723846039e-08,
  ],
} as const;

/** fdlibm's constants of `e_log.c`: the split ln 2, 2⁵⁴ and the coefficients Lg1 … Lg7. */
export const LOG = {
  ln2Hi: 6.93147180369123816490e-01,
  ln2Lo: 1.90821492927058770002e-10,
  two54: 1.80143985094819840000e+16,
  lg: [
    6.666666666666735130e-01,
    3.999999999940941908e-01,
    2.857142874366239149e-01,
    2.222219843214978396e-01,
    1.818357216161805012e-01,
    1.531383769920937332e-01,
    1.479819860511658591e-01,
  ],
} as const;

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer); // little-endian: [low, high]

function high(x: number): number {
  bits[0] = x;
  return words[1];
}

/**
 * e^x by fdlibm's algorithm (see the module comment); NaN for NaN.
 * @example exp(0) // => 1
 * @example exp(-1) // => 0.36787944117144233
 */
export function exp(x: number): number {
  const c = EXP;
  const hx0 = high(x);
  const negative = hx0 < 0;
  const hx = hx0 & 0x7fffffff;
  if (hx >= 0x40862e42) { // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) return Number.isNaN(x) ? x + x : negative ? 0 : x;
    if (x > c.overflow) return Infinity;
    if (x < c.underflow) return 0;
  }
  let hi = 0, lo = 0, k = 0;
  if (hx > 0x3fd62e42) { // |x| > ln 2 / 2
    if (hx < 0x3ff0a2b2) { // and |x| < 1.5 ln 2
      hi = negative ? x + c.ln2Hi : x - c.ln2Hi;
      lo = negative ? -c.ln2Lo : c.ln2Lo;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(c.invLn2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * c.ln2Hi; // exact
      lo = k * c.ln2Lo;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) { // |x| < 2⁻²⁸
    return 1 + x;
  }
  const t = x * x;
  const p = c.p;
  const r = x - t * (p[0] + t * (p[1] + t * (p[2] + t * (p[3] + t * p[4]))));
  if (k === 0) return 1 - ((x * r) / (r - 2.0) - x);
  const y = 1 - ((lo - (x * r) / (2.0 - r)) - hi);
  bits[0] = y;
  if (k >= -1021) {
    words[1] += k << 20; // y · 2^k, by its exponent
    return bits[0];
  }
  words[1] += (k + 1000) << 20;
  return bits[0] * c.twoM1000;
}

/**
 * ln x by fdlibm's algorithm (see the module comment): −∞ for ±0, NaN below 0 and for NaN.
 * @example log(1) // => 0
 * @example log(Math.E) // => 1
 */
export function log(x: number): number {
  const c = LOG;
  bits[0] = x;
  let hx = words[1];
  let k = 0;
  if (hx < 0x00100000) { // x < 2⁻¹⁰²², or negative
    if (((hx & 0x7fffffff) | words[0]) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= c.two54; // a subnormal, scaled up
    bits[0] = x;
    hx = words[1];
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  words[1] = hx | (i0 ^ 0x3ff00000); // x or x/2, normalised into [√2/2, √2)
  x = bits[0];
  k += i0 >> 20;
  const f = x - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2⁻²⁰
    if (f === 0) return k === 0 ? 0 : dk * c.ln2Hi + dk * c.ln2Lo;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * c.ln2Hi - ((R - dk * c.ln2Lo) - f);
  }
  const lg = c.lg;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (lg[1] + w * (lg[3] + w * lg[5]));
  const t2 = z * (lg[0] + w * (lg[2] + w * (lg[4] + w * lg[6])));
  const i = (hx - 0x6147a) | (0x6b851 - hx);
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * c.ln2Hi - ((hfsq - (s * (hfsq + R) + dk * c.ln2Lo)) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * c.ln2Hi - ((s * (f - R) - dk * c.ln2Lo) - f);
}
