/**
 * Single-precision exp and tanh of the character transformer's float32 arithmetic (private): every
 * operation is a float32 operation (`Math.fround` of the double-precision one, which is the float32
 * result for +, −, ×, ÷), in a fixed order, so that the WebAssembly kernels (`scripts/wasm/kernels.ts`,
 * which read the constants below) give the same bits in every engine. The engines' own `Math.exp` and
 * `Math.tanh` differ between engines and C libraries in their last bits (Deno's `Math.exp` is not
 * Node's, V8's `Math.tanh` is the C library's), so a training run that called them could be
 * reproduced bit for bit only on one platform.
 *
 * `expf` is Cephes' `expf` (S. L. Moshier, Cephes Math Library 2.2, 1992): x = n·ln 2 + r with n the
 * integer nearest x·log₂e (⌊x·log₂e + ½⌋), ln 2 split into C₁ + C₂ so that r is exact, a degree-5
 * polynomial for e^r − 1 − r over |r| ≤ ln 2 / 2 (relative error below 2·10⁻⁷ measured over the range,
 * against `Math.exp`: tests/learn/lm/f32math.test.ts), times 2ⁿ. Inputs are clamped to
 * [`EXP_MIN`, `EXP_MAX`], where 2ⁿ stays a normal float: below, e^x is under 1.2·10⁻³⁸ (returned as
 * about that, or a subnormal); above, it would overflow float32's 3.4·10³⁸ (e^88 = 1.65·10³⁸ is returned).
 * NaN gives NaN. `tanhf(x) = 1 − 2/(e^{2x} + 1)`, absolute error below 2·10⁻⁷ (its relative error near 0
 * is larger, where tanh x ≈ x; the GELU adds it to 1).
 *
 * @module
 */

const f = Math.fround;

/** log₂ e, Cephes' split of ln 2 (C₁ exact in 9 bits), and the clamp of the argument, as floats. */
export const EXPF = {
  log2e: f(1.44269504088896341),
  c1: f(0.693359375),
  c2: f(-2.12194440e-4),
  min: f(-87.3365478515625),
  max: f(88),
  /** Cephes' coefficients of (e^r − 1 − r)/r², highest degree first. */
  p: [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1].map(f),
} as const;

/**
 * e^x in float32 arithmetic (see the module comment for the method and its range).
 * @example expf(0) // => 1
 */
export function expf(x: number): number {
  const c = EXPF;
  x = Math.min(Math.max(f(x), c.min), c.max);
  const n = Math.floor(f(f(x * c.log2e) + 0.5));
  let r = f(x - f(n * c.c1));
  r = f(r - f(n * c.c2));
  const z = f(r * r);
  let p = c.p[0];
  for (let i = 1; i < 6; i++) p = f(f(p * r) + c.p[i]);
  const y = f(f(f(p * z) + r) + 1);
  return f(y * 2 ** n);
}

/**
 * tanh x = 1 − 2/(e^{2x} + 1) in float32 arithmetic, by {@link expf}.
 * @example tanhf(0) // => 0
 */
export function tanhf(x: number): number {
  return f(1 - f(2 / f(expf(f(2 * x)) + 1)));
}

/** The GELU's constants as floats: √(2/π), 0.044715 and 3·0.044715. */
export const GELUF = { scale: f(Math.sqrt(2 / Math.PI)), k: f(0.044715), k3: f(3 * 0.044715) } as const;
