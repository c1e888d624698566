/**
 * Spearman's rank correlation (general statistics, no paper content).
 *
 * @module
 */
import { requireArray, requireFinite } from "../_util/validate";

/** Ranks 1..n with ties given their average rank. */
function ranks(x: readonly number[]): number[] {
  const order = x.map((v, i) => ({ v, i })).sort((p, q) => p.v - q.v);
  const r = new Array<number>(x.length);
  for (let k = 0; k < order.length;) {
    let m = k;
    while (m + 1 < order.length && order[m + 1].v === order[k].v) m++;
    for (let j = k; j <= m; j++) r[order[j].i] = (k + m) / 2 + 1;
    k = m + 1;
  }
  return r;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks (ties get their average rank).
 * @throws {RangeError} if the lengths differ, fewer than 3 values are given, a value is not finite,
 *   or one sample is constant.
 * @example spearman([1, 2, 3], [30, 20, 10]) // => -1
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  requireArray("x", x);
  requireArray("y", y);
  if (x.length !== y.length) {
    throw new RangeError(`\`x\` and \`y\` must have the same length, got ${x.length} and ${y.length}`);
  }
  if (x.length < 3) throw new RangeError(`\`x\` must hold at least 3 values, got ${x.length}`);
  x.forEach((v, i) => requireFinite(`x[${i}]`, v));
  y.forEach((v, i) => requireFinite(`y[${i}]`, v));
  // plain arrays: a typed array's map() would return a typed array of NaN for the rank records
  const rx = ranks(Array.from(x)), ry = ranks(Array.from(y));
  const n = x.length, m = (n + 1) / 2;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - m) * (ry[i] - m);
    sxx += (rx[i] - m) ** 2;
    syy += (ry[i] - m) ** 2;
  }
  if (sxx === 0 || syy === 0) throw new RangeError("`x` and `y` must not be constant");
  return sxy / Math.sqrt(sxx * syy);
}
