/**
 * The two nearest-neighbour regressors of the intrinsic-dimension experiment: k = 1 (a
 * piecewise-constant approximant on the Voronoi cells of the data, the analogue of section 5's
 * cell-centre value) and local-linear regression (a piecewise-linear approximant fitted in the local
 * tangent plane). Neighbours are found by the exact k-d tree of `./kdtree`, in the ambient coordinates.
 *
 * @module
 */
import { requireArray, requireFields, requireInteger } from "../_util/validate";
import { jacobiEigen } from "../stats/eigen";
import type { KdTree } from "./kdtree";

/**
 * k-nearest-neighbour regression: the mean label of the `k` nearest training points of each query.
 * With k = 1 it is the piecewise-constant approximant on the Voronoi cells of the training set.
 *
 * @param tree index over the training points.
 * @param y training labels, one per point of the tree.
 * @throws {RangeError} if `y.length` differs from `tree.size` or `k` is not in [1, tree.size].
 * @example knnRegress(new KdTree(x, 32), y, queries, 1)
 */
export function knnRegress(tree: KdTree, y: Float64Array, queries: Float64Array, k = 1): Float64Array {
  requireFields("tree", tree, ["dim", "size"], "a KdTree");
  requireArray("y", y);
  requireArray("queries", queries);
  if (y.length !== tree.size) {
    throw new RangeError(`\`y.length\` must equal the number of training points ${tree.size}, got ${y.length}`);
  }
  const nb = tree.query(queries, k);
  const mq = nb.indices.length / k;
  const out = new Float64Array(mq);
  for (let q = 0; q < mq; q++) {
    let s = 0;
    for (let r = 0; r < k; r++) s += y[nb.indices[q * k + r]];
    out[q] = s / k;
  }
  return out;
}

/**
 * Local-linear regression on a manifold of dimension `dims`: for each query, its `k` nearest
 * training points are centred, their top `dims` principal directions (eigenvectors of the k×k Gram
 * matrix, Jacobi method) give local tangent coordinates, and the least-squares affine fit of the
 * labels in those coordinates is evaluated at the query's projection. Its error is second order in
 * the neighbourhood radius, so for a smooth target the squared error scales like r⁴ ∼ N^(−4/d),
 * the piecewise-linear exponent of section 5.
 *
 * @param trainPoints the training points (m·dim, row-major) the tree was built on.
 * @param dims intrinsic dimension used for the tangent plane, integer in [1, min(dim, k − 1)].
 * @param k neighbours per query (default 2·dims + 2), integer in [dims + 1, m].
 * @throws {RangeError} on inconsistent lengths or `dims`, `k` out of range.
 * @example localLinearRegress(tree, x, y, queries, 2)
 */
export function localLinearRegress(
  tree: KdTree,
  trainPoints: Float64Array,
  y: Float64Array,
  queries: Float64Array,
  dims: number,
  k = 2 * dims + 2,
): Float64Array {
  requireFields("tree", tree, ["dim", "size"], "a KdTree");
  requireArray("trainPoints", trainPoints);
  requireArray("y", y);
  requireArray("queries", queries);
  const dim = tree.dim;
  if (trainPoints.length !== tree.size * dim) {
    throw new RangeError(`\`trainPoints.length\` must be ${tree.size * dim}, got ${trainPoints.length}`);
  }
  if (y.length !== tree.size) {
    throw new RangeError(`\`y.length\` must equal the number of training points ${tree.size}, got ${y.length}`);
  }
  requireInteger("dims", dims, 1, dim);
  requireInteger("k", k, dims + 1, tree.size);
  const nb = tree.query(queries, k);
  const mq = nb.indices.length / k;
  const out = new Float64Array(mq);
  const Y = new Float64Array(k * dim); // centred neighbours
  const mu = new Float64Array(dim);
  const G = new Float64Array(k * k);
  const V = new Float64Array(k * k);
  const z = new Float64Array(k);
  const lam = new Float64Array(k);
  const order = new Int32Array(k);
  for (let q = 0; q < mq; q++) {
    mu.fill(0);
    let ybar = 0;
    for (let r = 0; r < k; r++) {
      const p = nb.indices[q * k + r];
      ybar += y[p];
      for (let j = 0; j < dim; j++) mu[j] += trainPoints[p * dim + j];
    }
    ybar /= k;
    for (let j = 0; j < dim; j++) mu[j] /= k;
    for (let r = 0; r < k; r++) {
      const p = nb.indices[q * k + r];
      for (let j = 0; j < dim; j++) Y[r * dim + j] = trainPoints[p * dim + j] - mu[j];
    }
    for (let r = 0; r < k; r++) {
      let zr = 0;
      for (let j = 0; j < dim; j++) zr += (queries[q * dim + j] - mu[j]) * Y[r * dim + j];
      z[r] = zr;
      for (let c = r; c < k; c++) {
        let g = 0;
        for (let j = 0; j < dim; j++) g += Y[r * dim + j] * Y[c * dim + j];
        G[r * k + c] = g;
        G[c * k + r] = g;
      }
    }
    jacobiEigen(G, k, V, lam);
    for (let i = 0; i < k; i++) order[i] = i;
    order.sort((a, b) => lam[b] - lam[a] || a - b);
    let pred = ybar;
    const tiny = 1e-12 * Math.max(lam[order[0]], 0);
    for (let m = 0; m < dims; m++) {
      const e = order[m];
      if (!(lam[e] > tiny)) break;
      let vy = 0, vz = 0;
      for (let r = 0; r < k; r++) {
        const v = V[r * k + e];
        vy += v * (y[nb.indices[q * k + r]] - ybar);
        vz += v * z[r];
      }
      pred += (vy * vz) / lam[e];
    }
    out[q] = pred;
  }
  return out;
}
