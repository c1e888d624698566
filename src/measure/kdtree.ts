/**
 * Exact k-nearest-neighbour search in R^D on typed arrays: the k-d tree under the nearest-neighbour
 * regressors of `./knn` and the TwoNN estimator of `./twonn`, and the brute-force scan it is tested
 * against.
 *
 * The index is a k-d tree built in the ambient coordinates (it never sees intrinsic coordinates):
 * each node splits the widest coordinate (estimated from a sample of 128 of its points when it has
 * more than 256) at its median, leaves hold up to 32 points stored contiguously, and the build takes
 * O(N·D·log N) with sequential memory access below 2,048 points a node. The search prunes with the
 * exact lower bound of the distance to a node's cell, maintained incrementally (Arya & Mount 1993,
 * "Algorithms for fast vector quantization"), and, before it enters a far child, with the distance to
 * that child's bounding box, which bounds the coordinates the splits never cut (on a low-dimensional
 * manifold in D = 32, most of them). Queries are answered in the order of the leaves they fall in, so
 * consecutive searches reuse the cache. Results are exact and equal to a brute-force scan
 * (`bruteForceKnn`); distances are summed in coordinate order, so they are the same bits whatever the
 * tree.
 *
 * @module
 */
import { requireFinite, requireInteger, requireRows } from "../_util/validate";

/** Neighbours of a batch of queries: row q holds the k neighbours of query q, nearest first. */
export interface Neighbours {
  k: number;
  /** m·k indices into the data set. */
  indices: Int32Array;
  /** m·k Euclidean distances, ascending within each row. */
  distances: Float64Array;
}

/**
 * Sifts (d2, p) down from the root of the max-heap on squared distance held in heapD/heapI[0, size):
 * the slot freed at the root is filled by moving larger children up until (d2, p) fits.
 */
function siftDown(heapD: Float64Array, heapI: Int32Array, size: number, d2: number, p: number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    const c = r < size && heapD[r] > heapD[l] ? r : l;
    if (heapD[c] <= d2) break;
    heapD[i] = heapD[c];
    heapI[i] = heapI[c];
    i = c;
  }
  heapD[i] = d2;
  heapI[i] = p;
}

/**
 * An exact k-d tree over `m` points of R^dim stored row-major in a `Float64Array`.
 *
 * @example
 * const tree = new KdTree(new Float64Array([0, 0, 1, 0, 0, 1]), 2);
 * tree.query(new Float64Array([0.9, 0.1]), 1).indices // Int32Array [1]
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
  /** Bounding box of each node's points, node-major (node·dim + j). */
  #boxLo: Float64Array;
  #boxHi: Float64Array;

  /**
   * @param points m·dim coordinates, row-major; not modified and not retained.
   * @param dim dimension of the points, integer ≥ 1.
   * @param leafSize largest number of points in a leaf (default 32), integer ≥ 1.
   * @throws {RangeError} if `points.length` is not a positive multiple of `dim`, or a coordinate is not finite.
   */
  constructor(points: Float64Array, dim: number, leafSize = 32) {
    const m = requireRows("points", points, dim);
    requireInteger("leafSize", leafSize, 1);
    for (let i = 0; i < points.length; i++) {
      if (!Number.isFinite(points[i])) {
        throw new RangeError(`\`points[${i}]\` must be a finite number, got ${points[i]}`);
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
    // Large nodes are split through `perm` (the points stay where they are: only the split coordinate
    // is read, once per point and level); a node of at most LOCAL_ROWS points has its rows copied, once,
    // into `data` in tree order, and everything below it works on those contiguous rows (in cache).
    const data = new Float64Array(m * dim);
    const scratch: BuildScratch = {
      points,
      keys: new Float64Array(m),
      order: new Int32Array(m),
      rows: new Float64Array(Math.min(m, LOCAL_ROWS) * dim),
      ids: new Int32Array(Math.min(m, LOCAL_ROWS)),
      lo: new Float64Array(dim),
      hi: new Float64Array(dim),
    };
    this.#boxLo = new Float64Array(cap * dim);
    this.#boxHi = new Float64Array(cap * dim);
    this.#build(data, perm, scratch, 0, m, leafSize, false);
    this.#data = data;
    this.#index = perm;
  }

  /**
   * Builds the subtree of positions [start, end) (`perm` the original index of each position):
   * O(n) per node above LOCAL_ROWS points and O(n·dim) below, so O(N·dim·log N) in all. The split
   * coordinate is the widest over the node (estimated from an even sample of SPREAD_SAMPLE points in
   * large nodes); the split value is its median, found by quickselect on a contiguous copy of that
   * coordinate. While `local` is false the points are read from `w.points` through `perm`; a node of at
   * most LOCAL_ROWS points has its rows copied next to each other in `data`, is built on them through
   * `w.order`, and then has its rows and indices put in the tree's order.
   */
  #build(
    data: Float64Array,
    perm: Int32Array,
    w: BuildScratch,
    start: number,
    end: number,
    leafSize: number,
    local: boolean,
  ): number {
    const dim = this.dim;
    const n = end - start;
    if (!local && n <= LOCAL_ROWS) {
      // copy the node's rows next to each other, build below on them through `w.order` (positions in
      // `data`), then put the rows and their indices in the tree's order: two copies of each row in all
      const points = w.points, order = w.order;
      for (let p = start; p < end; p++) {
        const src = perm[p] * dim, dst = p * dim;
        for (let j = 0; j < dim; j++) data[dst + j] = points[src + j];
        order[p] = p;
      }
      const node = this.#build(data, perm, w, start, end, leafSize, true);
      const rows = w.rows, ids = w.ids;
      for (let p = start; p < end; p++) {
        const from = order[p], src = from * dim, dst = (p - start) * dim;
        for (let j = 0; j < dim; j++) rows[dst + j] = data[src + j];
        ids[p - start] = perm[from];
      }
      data.set(rows.subarray(0, n * dim), start * dim);
      perm.set(ids.subarray(0, n), start);
      return node;
    }
    const node = this.#nodes++;
    this.#start[node] = start;
    this.#end[node] = end;
    // Bounding box of the node's points (of an even sample of a large node's): the widest coordinate
    // is the split, and an exact box is the search's lower bound in the coordinates the splits never
    // cut, which on a low-dimensional manifold in a high-dimensional space are most of them.
    const rowsOf = local ? data : w.points, at = local ? w.order : perm;
    const stride = n > 2 * SPREAD_SAMPLE ? Math.floor(n / SPREAD_SAMPLE) : 1;
    const box = node * dim, boxLo = this.#boxLo, boxHi = this.#boxHi;
    const lo = stride === 1 ? boxLo.subarray(box, box + dim) : w.lo,
      hi = stride === 1 ? boxHi.subarray(box, box + dim) : w.hi;
    lo.fill(Infinity);
    hi.fill(-Infinity);
    for (let p = start; p < end; p += stride) {
      const base = at[p] * dim;
      for (let j = 0; j < dim; j++) {
        const v = rowsOf[base + j];
        if (v < lo[j]) lo[j] = v;
        if (v > hi[j]) hi[j] = v;
      }
    }
    if (n <= leafSize) {
      this.#splitDim[node] = -1;
      return node;
    }
    let best = 0, bestSpread = -1;
    for (let j = 0; j < dim; j++) {
      if (hi[j] - lo[j] > bestSpread) {
        bestSpread = hi[j] - lo[j];
        best = j;
      }
    }
    if (bestSpread === 0 && stride === 1) { // all points equal: keep as a (large) leaf (its box is exact)
      this.#splitDim[node] = -1;
      return node;
    }
    const mid = (start + end) >> 1;
    const keys = w.keys;
    for (let p = start; p < end; p++) keys[p] = rowsOf[at[p] * dim + best];
    quickselect(keys, at, start, end - 1, mid);
    this.#splitDim[node] = best;
    this.#splitVal[node] = keys[mid];
    const l = this.#build(data, perm, w, start, mid, leafSize, local);
    const r = this.#build(data, perm, w, mid, end, leafSize, local);
    this.#left[node] = l;
    this.#right[node] = r;
    if (stride > 1) { // the exact box of a large node: the union of its children's
      for (let j = 0; j < dim; j++) {
        boxLo[box + j] = Math.min(boxLo[l * dim + j], boxLo[r * dim + j]);
        boxHi[box + j] = Math.max(boxHi[l * dim + j], boxHi[r * dim + j]);
      }
    }
    return node;
  }

  /**
   * The `k` nearest data points of each query (exact, Euclidean), nearest first.
   *
   * @param queries mq·dim coordinates, row-major.
   * @param k neighbours per query, integer in [1, size].
   * @throws {RangeError} if `k` is not in [1, size] or `queries.length` is not a positive multiple of `dim`.
   * @example new KdTree(points, 32).query(queries, 10).indices
   */
  query(queries: Float64Array, k: number): Neighbours {
    if (!(queries instanceof Float64Array)) throw new TypeError("`queries` must be a Float64Array");
    const mq = requireRows("queries", queries, this.dim);
    for (let i = 0; i < queries.length; i++) requireFinite(`queries[${i}]`, queries[i]);
    requireInteger("k", k, 1, this.size);
    const dim = this.dim, data = this.#data;
    const splitDim = this.#splitDim, splitVal = this.#splitVal, left = this.#left, right = this.#right;
    const startA = this.#start, endA = this.#end;
    const heapD = new Float64Array(k), heapI = new Int32Array(k);
    const off = new Float64Array(dim);
    const indices = new Int32Array(mq * k), distances = new Float64Array(mq * k);
    let count = 0, qo = 0;

    const push = (d2: number, p: number): void => {
      // max-heap on squared distance
      if (count < k) {
        let i = count++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heapD[parent] >= d2) break;
          heapD[i] = heapD[parent];
          heapI[i] = heapI[parent];
          i = parent;
        }
        heapD[i] = d2;
        heapI[i] = p;
        return;
      }
      // full: the new point replaces the farthest one at the root
      siftDown(heapD, heapI, k, d2, p);
    };

    const boxLo = this.#boxLo, boxHi = this.#boxHi;
    /** Squared distance from the query to a node's bounding box, summed in coordinate order (so never
     * above the distance of a point in the box as the leaf scan sums it). */
    const boxDistance = (node: number): number => {
      const o = node * dim;
      let s = 0;
      for (let j = 0; j < dim; j++) {
        const x = queries[qo + j], a = boxLo[o + j];
        if (x < a) {
          s += (a - x) * (a - x);
        } else {
          const b = boxHi[o + j];
          if (x > b) s += (x - b) * (x - b);
        }
      }
      return s;
    };

    const search = (node: number, rd: number): void => {
      const sd = splitDim[node];
      if (sd < 0) {
        const e = endA[node];
        for (let p = startA[node]; p < e; p++) {
          const worst = count < k ? Infinity : heapD[0];
          const base = p * dim;
          let s = 0, j = 0;
          while (j < dim) {
            const stop = Math.min(dim, j + 8);
            for (; j < stop; j++) {
              const t = data[base + j] - queries[qo + j];
              s += t * t;
            }
            if (s >= worst) break;
          }
          if (s < worst) push(s, p);
        }
        return;
      }
      const diff = queries[qo + sd] - splitVal[node];
      const near = diff < 0 ? left[node] : right[node];
      const far = diff < 0 ? right[node] : left[node];
      search(near, rd);
      const old = off[sd];
      const rd2 = rd - old * old + diff * diff;
      if (count < k || (rd2 < heapD[0] && boxDistance(far) < heapD[0])) {
        off[sd] = diff;
        search(far, rd2);
        off[sd] = old;
      }
    };

    // Queries in the order of the leaves they fall in: consecutive searches then visit the same parts of
    // the tree and of the data, which stay in cache. Each query's result is its own: the order changes
    // nothing but the time.
    const leafOf = new Int32Array(mq);
    for (let q = 0; q < mq; q++) {
      let node = 0;
      while (splitDim[node] >= 0) {
        node = queries[q * dim + splitDim[node]] - splitVal[node] < 0 ? left[node] : right[node];
      }
      leafOf[q] = node;
    }
    const order = Array.from({ length: mq }, (_, q) => q).sort((a, b) => leafOf[a] - leafOf[b] || a - b);
    for (const q of order) {
      qo = q * dim;
      count = 0;
      off.fill(0);
      search(0, 0);
      // pop the heap into ascending order
      const row = q * k;
      for (let r = k - 1; r >= 0; r--) {
        const d2 = heapD[0], p = heapI[0];
        indices[row + r] = this.#index[p];
        distances[row + r] = Math.sqrt(d2);
        // remove the top: move the last element to the root and sift down within count - 1
        count--;
        siftDown(heapD, heapI, count, heapD[count], heapI[count]);
      }
    }
    return { k, indices, distances };
  }
}

/** Rows sampled to choose a large node's split coordinate. */
const SPREAD_SAMPLE = 128;

/** Nodes of at most this many points are built on a contiguous copy of their rows (512 kB in R^32). */
const LOCAL_ROWS = 2048;

/** Work arrays of the build, allocated once per tree. */
interface BuildScratch {
  points: Float64Array;
  keys: Float64Array;
  order: Int32Array;
  rows: Float64Array;
  ids: Int32Array;
  lo: Float64Array;
  hi: Float64Array;
}

/**
 * Partial sort of keys[lo..hi] (and perm with it) so that keys[kth] is the kth smallest: Hoare
 * partitioning around a median of three.
 */
function quickselect(keys: Float64Array, perm: Int32Array, lo: number, hi: number, kth: number): void {
  while (hi > lo) {
    // median of three as pivot
    const mid = (lo + hi) >> 1;
    const a = keys[lo], b = keys[mid], c = keys[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    let i = lo, j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        const u = keys[i];
        keys[i] = keys[j];
        keys[j] = u;
        i++;
        j--;
      }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return;
  }
}

/**
 * Exact k nearest neighbours by scanning every data point (the reference the k-d tree is tested
 * against). Ties are broken by the lower index.
 *
 * @throws {RangeError} if `k` is not in [1, m] or an array length is not a positive multiple of `dim`.
 * @example bruteForceKnn(points, 32, queries, 1).indices
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
