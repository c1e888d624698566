/**
 * The TwoNN intrinsic-dimension estimator (Facco, d'Errico, Rodriguez & Laio 2017, "Estimating the
 * intrinsic dimension of datasets by a minimal neighborhood information", Sci. Rep. 7:12140), the
 * estimator behind the intrinsic dimensions quoted by Sharma & Kaplan and by the paper (ref. 15).
 *
 * For each point, μ = r₂/r₁ is the ratio of the distances to its second and first nearest
 * neighbours. If the density is locally uniform on a d-dimensional manifold, μ follows the Pareto
 * law F(μ) = 1 − μ^(−d) on [1, ∞), whatever the density and the embedding; so −ln(1 − F(μ)) = d ln μ
 * is a line through the origin whose slope is d. Facco et al. fit that line to the empirical
 * distribution after discarding the largest 10% of μ (most affected by density changes); the
 * maximum-likelihood alternative is d = (n − 1) / Σ ln μᵢ (unbiased form).
 *
 * @module
 */
import { KdTree } from "./kdtree";
import { requireInRange, requireInteger, requireRows } from "../_util/validate";

/** |ln μ| below this counts as a tie (μ = 1: the two nearest neighbours equally far), i.e. a lattice. */
const LATTICE_TOLERANCE = 1e-9;
/** More ties than this fraction of the points is a lattice: refused. */
const LATTICE_FRACTION = 0.1;

/** TwoNN estimate with the ratios it was computed from. */
export interface TwoNNResult {
  /** Facco et al.'s estimate: slope through the origin of −ln(1 − F) against ln μ. */
  estimate: number;
  /** Maximum-likelihood estimate (n − 1)/Σ ln μ over all points. */
  mle: number;
  /** Standard error of the MLE, mle/√n (the Pareto law's Fisher information). */
  mleStderr: number;
  /** Number of points. */
  n: number;
}

/**
 * TwoNN estimate of the intrinsic dimension of `m` points of R^dim (row-major), from their first
 * and second nearest neighbours (exact, via a k-d tree).
 *
 * @param discard fraction of the largest ratios μ left out of the linear fit (default 0.1, as Facco et al.).
 * @throws {RangeError} if there are fewer than 3 points, `discard` is not in [0, 1), two points
 *   coincide (r₁ = 0 makes μ infinite), or the points are on a lattice (more than 10% of them with
 *   μ = 1 within 1e-9: a grid, equally spaced points, a regular polygon), where the ratio
 *   distribution is degenerate.
 * @example twoNN(new Random(1).uniforms(3 * 2000), 3).estimate // => ≈ 3 ± 0.3
 */
export function twoNN(points: Float64Array, dim: number, discard = 0.1): TwoNNResult {
  const m = requireRows("points", points, dim);
  requireInteger("number of points", m, 3);
  requireInRange("discard", discard, { min: 0, max: 1, maxOpen: true });
  const nb = new KdTree(points, dim).query(points, 3);
  const logMu = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    // The point itself comes first, at distance 0, then its two nearest neighbours: r₁ and r₂. A second
    // point at distance 0 (a duplicate, which may come before it) makes r₁ = 0.
    const r1 = nb.distances[i * 3 + 1], r2 = nb.distances[i * 3 + 2];
    if (!(r1 > 0)) {
      throw new RangeError(`\`points\` must be distinct, got point ${i} at distance 0 from another`);
    }
    logMu[i] = Math.log(r2 / r1);
  }
  // On a lattice (a grid, equally spaced points, a regular polygon) most points have their first two
  // neighbours at the same distance: μ = 1 up to rounding, and the Pareto fit degenerates (0/0, or a
  // slope of 1e14 from rounding noise). Under the law, P(ln μ < 1e-9) ≈ 1e-9 d: any real sample has
  // essentially no such ties.
  // Stryker disable next-line EqualityOperator: ln μ exactly 1e-9 (< against <=) is a measure-zero event
  const ties = logMu.filter((x) => x < LATTICE_TOLERANCE).length;
  if (ties > m * LATTICE_FRACTION) {
    throw new RangeError(
      `\`points\` are on a lattice: TwoNN's ratio distribution is degenerate (${ties} of ${m} points have ` +
        `their two nearest neighbours at the same distance, μ = 1); jitter them or use another estimator`,
    );
  }
  let sum = 0;
  for (let i = 0; i < m; i++) sum += logMu[i];
  const mle = (m - 1) / sum;
  logMu.sort();
  const keep = Math.max(2, Math.floor(m * (1 - discard)));
  let sxy = 0, sxx = 0;
  for (let i = 0; i < keep; i++) {
    const x = logMu[i];
    const yv = -Math.log(1 - i / m); // empirical F at the i-th smallest ratio, F = i/m
    sxy += x * yv;
    sxx += x * x;
  }
  const estimate = sxy / sxx;
  // Unreachable while the lattice check holds (at most 10 % of ln μ are below 1e-9, so sxx, sxy and the sum are
  // positive and finite), kept so that a change there cannot return NaN silently: no test can reach it.
  // Stryker disable all
  if (!(Number.isFinite(estimate) && estimate > 0 && Number.isFinite(mle) && mle > 0)) {
    throw new RangeError(
      `\`points\` give a degenerate ratio distribution (estimate ${estimate}, MLE ${mle}): too few distinct ratios μ`,
    );
  }
  // Stryker restore all
  return { estimate, mle, mleStderr: mle / Math.sqrt(m), n: m };
}
