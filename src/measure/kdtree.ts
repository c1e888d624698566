/**
 * Exact k-nearest-neighbour search in R^D on typed arrays: the k-d tree under the nearest-neighbour
 * regressors of `./knn` and the TwoNN estimator of `./twonn`, and the brute-force scan it is tested
 * against.
 *
 * The index is a k-d tree built in the ambient coordinates (it never sees intrinsic coordinates):
 * each node splits the widest coordinate (estimated from a sample of 128 of its points when it has
 * more than 256, exact below, where the spreads of its parent spare measuring the coordinates that
 * cannot be the widest) at its median, and leaves hold up to 32 points stored contiguously; the build
 * takes O(N·D·log N), and copies each subtree of 2,048 points into tree order once built, while its
 * rows are in cache.
 * The search prunes with the exact lower bound of the distance to a node's cell, maintained
 * incrementally (Arya & Mount 1993, "Algorithms for fast vector quantization"), and with a cheaper
 * shadow of the distance: the points' coordinates in the principal subspace of the data (up to 8
 * orthonormal directions; on a low-dimensional manifold, nearly all of a short distance lies in it),
 * held per point and as a bounding box per node. A shadow is a lower bound on the squared distance up
 * to a proven rounding margin, so a point or a node is passed over only when its distance cannot be
 * below the k-th found. Queries are answered in the order of the leaves they fall in, so consecutive
 * searches reuse the cache. Results are exact and equal to a brute-force scan (`bruteForceKnn`);
 * distances are summed in coordinate order, so they are the same bits whatever the tree, and points
 * are examined in the same order as by a plain depth-first search of this tree, so ties come out the
 * same as they always did.
 *
 * @module
 */
import { requireFinite, requireInteger, requireRows } from "../_util/validate";
import {
  copyRows,
  gatherColumn,
  LOCAL_ROWS,
  principalBasis,
  project,
  quickselect,
  rowsBoxOf,
  sampleWidest,
  SPREAD_SAMPLE,
  stretchOf,
  unionPairs,
  widestByBounds,
} from "./_kdtree_build";
import { search, type SearchState, siftDown } from "./_kdtree_search";

/** Neighbours of a batch of queries: row q holds the k neighbours of query q, nearest first. */
export interface Neighbours {
  k: number;
  /** m·k indices into the data set. */
  indices: Int32Array;
  /** m·k Euclidean distances, ascending within each row. */
  distances: Float64Array;
}

/** Work arrays and state of the build, allocated once per tree. */
interface BuildScratch {
  points: Float64Array;
  leafSize: number;
  keys: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  /** Upper bounds on the spreads of the nodes on the current path, depth-major. */
  bound: Float64Array;
  done: Uint8Array;
  /** Whether the node being built is inside a subtree whose rows are copied at its end. */
  inBlock: boolean;
}

/**
 * An exact k-d tree over `m` points of R^dim stored row-major in a `Float64Array`.
 *
 * @example
 * const tree = new KdTree(new Float64Array([0, 0, 1, 0, 0, 1]), 2);
 * tree.query(new Float64Array([0.9, 0.1]), 1).indices // => [1]
 */
export class KdTree {
  /** Dimension of the points. */
  readonly dim: number;
  /** Number of points. */
  readonly size: number;
  /** Points reordered into tree order (leaf contents contiguous). */
  readonly #data: Float64Array;
  /** Tree position → original index. */
  readonly #index: Int32Array;
  #splitDim: Int32Array;
  #splitVal: Float64Array;
  #left: Int32Array;
  #right: Int32Array;
  #start: Int32Array;
  #end: Int32Array;
  #nodes = 0;
  /** Largest number of splits above a leaf. */
  #depth = 0;
  /** Orthonormal rows (r·dim) spanning the data's principal subspace: the shadow's axes. */
  #basis: Float64Array;
  /** Each point's shadow (its coordinates on those axes), in tree order, point-major. */
  #shadow: Float64Array;
  /** Each node's bounding box in the shadow, low and high side by side (node·2r + 2i). */
  #shadowBox: Float64Array;
  /** An upper bound on the squared length the basis gives a vector of length 1. */
  #stretch: number;
  /** An upper bound on ‖p‖₁ over the points. */
  #reach: number;

  /**
   * @param points m·dim coordinates, row-major; not modified and not retained.
   * @param dim dimension of the points, integer ≥ 1.
   * @param leafSize largest number of points in a leaf (default 32), integer ≥ 1.
   * @throws {RangeError} if `points.length` is not a positive multiple of `dim`, or a coordinate is not finite.
   */
  constructor(points: Float64Array, dim: number, leafSize = 32) {
    const m = requireRows("points", points, dim);
    requireInteger("leafSize", leafSize, 1);
    let most = 0;
    for (let i = 0; i < points.length; i++) {
      const a = Math.abs(points[i]);
      if (!(a <= most)) {
        if (!Number.isFinite(points[i])) {
          throw new RangeError(`\`points[${i}]\` must be a finite number, got ${points[i]}`);
        }
        most = a;
      }
    }
    this.dim = dim;
    this.size = m;
    const perm = new Int32Array(m);
    for (let i = 0; i < m; i++) perm[i] = i;
    const cap = 2 * Math.ceil(m / Math.max(1, leafSize >> 1)) + 1;
    this.#splitDim = new Int32Array(cap);
    this.#splitVal = new Float64Array(cap);
    this.#left = new Int32Array(cap);
    this.#right = new Int32Array(cap);
    this.#start = new Int32Array(cap);
    this.#end = new Int32Array(cap);
    this.#data = new Float64Array(m * dim);
    this.#index = perm;
    let basis = principalBasis(points, m, dim);
    this.#stretch = stretchOf(basis, dim);
    this.#reach = dim * most;
    if (!(this.#stretch < 1.5 && Number.isFinite(this.#reach))) basis = new Float64Array(0); // no shadow
    const r = basis.length / dim;
    this.#basis = basis;
    this.#shadow = new Float64Array(m * r);
    this.#shadowBox = new Float64Array(cap * 2 * r);
    const w: BuildScratch = {
      points,
      leafSize,
      keys: new Float64Array(m),
      lo: new Float64Array(dim),
      hi: new Float64Array(dim),
      bound: new Float64Array((Math.ceil(Math.log2(m)) + 2) * dim),
      done: new Uint8Array(dim),
      inBlock: false,
    };
    this.#subtree(w, 0, m, 0, false);
    // a split's shadow box: the union of its children's (which come after it in node order)
    const box = this.#shadowBox;
    for (let v = this.#nodes - 1; v >= 0; v--) {
      if (this.#splitDim[v] >= 0) unionPairs(box, v * 2 * r, this.#left[v] * 2 * r, this.#right[v] * 2 * r, r);
    }
  }

  /**
   * Builds the subtree of positions [start, end) of `#index` (see `#node`). A subtree of at most
   * LOCAL_ROWS points (or a leaf), once built, has its rows copied into `#data` in tree order while
   * they are still in cache, and its leaves' shadows and shadow boxes computed.
   */
  #subtree(w: BuildScratch, start: number, end: number, depth: number, bounded: boolean): number {
    const n = end - start;
    if (w.inBlock || (n > LOCAL_ROWS && n > w.leafSize)) return this.#node(w, start, end, depth, bounded);
    const first = this.#nodes;
    w.inBlock = true;
    const node = this.#node(w, start, end, depth, bounded);
    w.inBlock = false;
    const dim = this.dim, r = this.#basis.length / dim, box = this.#shadowBox;
    for (let v = first; v < this.#nodes; v++) {
      if (this.#splitDim[v] >= 0) continue;
      copyRows(w.points, this.#index, this.#data, this.#start[v], this.#end[v], dim);
      project(this.#data, this.#start[v], this.#end[v], dim, this.#basis, this.#shadow, box, v * 2 * r);
    }
    return node;
  }

  /**
   * Builds the node of positions [start, end) of `#index` (the original index of each position) and
   * its subtree, reading the points from `w.points` through it: O(N·dim·log N) in all. The split
   * coordinate is the node's widest (the first of the widest): estimated from an even sample of
   * SPREAD_SAMPLE points in a node of more than twice that many, exact below; the split value is its
   * median, found by quickselect on a contiguous copy of that coordinate. `bounded` says that w.bound
   * holds, at this depth, upper bounds on the node's spreads.
   */
  #node(w: BuildScratch, start: number, end: number, depth: number, bounded: boolean): number {
    const dim = this.dim, n = end - start, perm = this.#index, points = w.points;
    const node = this.#nodes++;
    if (depth > this.#depth) this.#depth = depth;
    this.#start[node] = start;
    this.#end[node] = end;
    const exact = n <= 2 * SPREAD_SAMPLE, bound = w.bound, here = depth * dim, below = here + dim;
    let best = -1;
    if (n > w.leafSize && !exact) {
      best = sampleWidest(points, perm, start, end, Math.floor(n / SPREAD_SAMPLE), dim, w.lo, w.hi);
    } else if (n > w.leafSize && bounded) {
      best = widestByBounds(points, perm, start, end, dim, w.lo, w.hi, bound, here, w.done);
    } else if (n > w.leafSize) {
      rowsBoxOf(points, perm, start, end, 1, dim, w.lo, w.hi);
      let spread = -1;
      for (let j = 0; j < dim; j++) {
        const s = w.hi[j] - w.lo[j];
        bound[here + j] = s;
        if (s > spread) {
          spread = s;
          best = j;
        }
      }
      if (spread === 0) best = -1;
    }
    if (best < 0) { // a leaf (a large one if all of a node's points are equal)
      this.#splitDim[node] = -1;
      return node;
    }
    const mid = (start + end) >> 1, keys = w.keys;
    gatherColumn(points, perm, start, end, dim, best, keys);
    quickselect(keys, perm, start, end - 1, mid);
    const median = keys[mid], lowest = w.lo[best], highest = w.hi[best];
    this.#splitDim[node] = best;
    this.#splitVal[node] = median;
    // a child's spreads are at most its parent's, and on the split coordinate at most the distance from
    // the median to the parent's extreme on the child's side
    if (exact) {
      bound.copyWithin(below, here, below);
      bound[below + best] = median - lowest;
    }
    const l = this.#subtree(w, start, mid, depth + 1, exact);
    if (exact) {
      bound.copyWithin(below, here, below);
      bound[below + best] = highest - median;
    }
    const r = this.#subtree(w, mid, end, depth + 1, exact);
    this.#left[node] = l;
    this.#right[node] = r;
    return node;
  }

  /**
   * The `k` nearest data points of each query (exact, Euclidean), nearest first.
   *
   * @param queries mq·dim coordinates, row-major.
   * @param k neighbours per query, integer in [1, size].
   * @throws {RangeError} if `k` is not in [1, size] or `queries.length` is not a positive multiple of `dim`.
   * @example new KdTree(new Float64Array([0, 0, 1, 0, 0, 1]), 2).query(new Float64Array([0.1, 0.8]), 2).indices // => [2, 0]
   */
  query(queries: Float64Array, k: number): Neighbours {
    if (!(queries instanceof Float64Array)) throw new TypeError("`queries` must be a Float64Array");
    const mq = requireRows("queries", queries, this.dim);
    for (let i = 0; i < queries.length; i++) {
      if (!Number.isFinite(queries[i])) requireFinite(`queries[${i}]`, queries[i]);
    }
    requireInteger("k", k, 1, this.size);
    const dim = this.dim, index = this.#index, depth = this.#depth + 1, r = this.#basis.length / dim;
    const st: SearchState = {
      dim,
      k,
      data: this.#data,
      splitDim: this.#splitDim,
      splitVal: this.#splitVal,
      left: this.#left,
      right: this.#right,
      start: this.#start,
      end: this.#end,
      basis: this.#basis,
      shadow: this.#shadow,
      shadowBox: this.#shadowBox,
      stretch: this.#stretch,
      reach: this.#reach,
      heapD: new Float64Array(k),
      heapI: new Int32Array(k),
      x: new Float64Array(dim),
      xShadow: new Float64Array(r),
      off: new Float64Array(dim),
      fNode: new Int32Array(depth),
      fRd: new Float64Array(depth),
      fDiff: new Float64Array(depth),
      fOld: new Float64Array(depth),
      fFar: new Uint8Array(depth),
    };
    const indices = new Int32Array(mq * k), distances = new Float64Array(mq * k);
    const heapD = st.heapD, heapI = st.heapI, x = st.x;
    for (const q of this.#leafOrder(queries, mq)) {
      for (let j = 0; j < dim; j++) x[j] = queries[q * dim + j];
      let count = search(st);
      // pop the heap into ascending order
      const row = q * k;
      for (let r = k - 1; r >= 0; r--) {
        indices[row + r] = index[heapI[0]];
        distances[row + r] = Math.sqrt(heapD[0]);
        count--;
        siftDown(heapD, heapI, count, heapD[count], heapI[count]);
      }
    }
    return { k, indices, distances };
  }

  /**
   * The queries in the order of the leaves they fall in (ties by query number): consecutive searches
   * then visit the same parts of the tree and of the data, which stay in cache. Each query's result is
   * its own: the order changes nothing but the time.
   */
  #leafOrder(queries: Float64Array, mq: number): Int32Array {
    const dim = this.dim, splitDim = this.#splitDim, splitVal = this.#splitVal, left = this.#left, right = this.#right;
    const leafOf = new Int32Array(mq), first = new Int32Array(this.#nodes + 1);
    for (let q = 0; q < mq; q++) {
      let node = 0;
      while (splitDim[node] >= 0) {
        node = queries[q * dim + splitDim[node]] - splitVal[node] < 0 ? left[node] : right[node];
      }
      leafOf[q] = node;
      first[node + 1]++;
    }
    for (let n = 0; n < this.#nodes; n++) first[n + 1] += first[n];
    const order = new Int32Array(mq);
    for (let q = 0; q < mq; q++) order[first[leafOf[q]]++] = q;
    return order;
  }
}

/**
 * Exact k nearest neighbours by scanning every data point (the reference the k-d tree is tested
 * against). Ties are broken by the lower index.
 *
 * @throws {RangeError} if `k` is not in [1, m] or an array length is not a positive multiple of `dim`.
 * @example bruteForceKnn(new Float64Array([0, 0, 1, 0, 0, 1]), 2, new Float64Array([0.9, 0.1]), 1).indices // => [1]
 */
export function bruteForceKnn(points: Float64Array, dim: number, queries: Float64Array, k: number): Neighbours {
  const m = requireRows("points", points, dim);
  const mq = requireRows("queries", queries, dim);
  requireInteger("k", k, 1, m);
  const indices = new Int32Array(mq * k), distances = new Float64Array(mq * k);
  const bd = new Float64Array(k), bi = new Int32Array(k);
  for (let q = 0; q < mq; q++) {
    let count = 0;
    const qo = q * dim;
    for (let p = 0; p < m; p++) {
      let s = 0;
      const po = p * dim;
      for (let j = 0; j < dim; j++) {
        const t = points[po + j] - queries[qo + j];
        s += t * t;
      }
      if (count === k && s >= bd[k - 1]) continue;
      // insertion into the sorted list
      let i = count < k ? count++ : k - 1;
      while (i > 0 && bd[i - 1] > s) {
        bd[i] = bd[i - 1];
        bi[i] = bi[i - 1];
        i--;
      }
      bd[i] = s;
      bi[i] = p;
    }
    for (let r = 0; r < k; r++) {
      indices[q * k + r] = bi[r];
      distances[q * k + r] = Math.sqrt(bd[r]);
    }
  }
  return { k, indices, distances };
}
