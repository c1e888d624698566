/**
 * The Huber loss (Huber 1964), a general robust loss with no paper content; the objective of the
 * Approach-3 fit (`src/fit/objective.ts`) uses it on the residuals of log L.
 *
 * @module
 */
import { requireFinite, requirePositive } from "../_util/validate";

/**
 * Huber loss with threshold delta: r^2 / 2 for |r| <= delta, delta (|r| - delta / 2) beyond
 * (Huber 1964); quadratic near zero, linear in the tails, continuous with its first derivative.
 *
 * @throws {RangeError} if `r` is not finite or `delta` is not > 0.
 * @example
 * huber(0.5e-3, 1e-3) // => 1.25e-7
 * huber(2e-3, 1e-3) // => 1.5e-6
 */
export function huber(r: number, delta: number): number {
  requireFinite("r", r);
  requirePositive("delta", delta);
  const a = Math.abs(r);
  return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}
