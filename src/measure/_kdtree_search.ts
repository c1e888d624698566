/**
 * The search of `./kdtree`: a depth-first search of the tree for the k nearest points of one query,
 * with its max-heap of the k best, the cell bound of Arya & Mount, and the shadow bounds.
 *
 * A shadow bound is safe. Let B be the basis (r orthonormal rows; λ = `stretch` bounds the largest
 * eigenvalue of B·Bᵀ), v = p − x, and d = π(p) − π(x) the difference of the computed shadows: each dᵢ
 * is within E = SHADOW_ERROR·(dim + 2)·(‖p‖₁ + ‖x‖₁) of (B·v)ᵢ (the rounding of two dot products;
 * ‖p‖₁ ≤ `reach`). Then λ‖v‖² ≥ ‖B·v‖² ≥ Σ(|dᵢ| − E)₊² ≥ D − 2E·√(r·D) with D = ‖d‖², so
 * D > (E√r + √(E²r + λ·w))² implies ‖v‖² > w. With margins of 1e-9 for the rounding of these sums (and
 * 1e-280 against underflow), a point so far in shadow from the query has a distance, as the leaf scan
 * sums it, not below w, the k-th distance found: it could not have entered the heap. A node's shadow
 * box bounds D for all its points at once. Passing over such points and nodes leaves the points that
 * enter the heap, and their order, as they were.
 *
 * @module
 */

/** Per unit of (dim + 2) and of ‖p‖₁ + ‖x‖₁: a bound on a shadow difference's error (8× the rounding's). */
const SHADOW_ERROR = 8 * Number.EPSILON;

/** 1 + a bound on the relative rounding of the bound computations. */
const MARGIN = 1 + 1e-9;

/** Added to the shadow bound so that underflow cannot matter. */
const FLOOR = 1e-280;

/** Arrays of a tree and work arrays of its search, shared by the searches of a batch. */
export interface SearchState {
  dim: number;
  k: number;
  data: Float64Array;
  splitDim: Int32Array;
  splitVal: Float64Array;
  left: Int32Array;
  right: Int32Array;
  start: Int32Array;
  end: Int32Array;
  basis: Float64Array;
  shadow: Float64Array;
  shadowBox: Float64Array;
  stretch: number;
  reach: number;
  heapD: Float64Array;
  heapI: Int32Array;
  /** The query. */
  x: Float64Array;
  xShadow: Float64Array;
  off: Float64Array;
  /** The recursion's frames: node, cell bound, offset of the query from the split, and (once the far
   * child is entered) the offset the split coordinate had before. */
  fNode: Int32Array;
  fRd: Float64Array;
  fDiff: Float64Array;
  fOld: Float64Array;
  fFar: Uint8Array;
}

/**
 * Fills st.heapD/heapI with the st.k nearest points of st.x (a max-heap on squared distance, of tree
 * positions) and returns how many it holds (k, unless distances overflow to Infinity). The tree is
 * visited depth first, the query's side of each split first; the far side is entered while the heap
 * is not full or if its cell bound is below the k-th distance; a node or a point whose shadow is too
 * far is passed over.
 */
export function search(st: SearchState): number {
  const { dim, k, data, splitDim, splitVal, left, right, basis, shadow, shadowBox, heapD, heapI, x, off } = st;
  const { fNode, fRd, fDiff, fOld, fFar } = st, startA = st.start, endA = st.end, px = st.xShadow, r = px.length;
  off.fill(0);
  let x1 = 0;
  for (let j = 0; j < dim; j++) x1 += Math.abs(x[j]);
  for (let i = 0; i < r; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += basis[i * dim + j] * x[j];
    px[i] = s;
  }
  const er = (SHADOW_ERROR * (dim + 2) * (st.reach + x1) + FLOOR) * Math.sqrt(r), stretch = st.stretch * MARGIN;
  let count = 0, worst = Infinity, bound = Infinity, sp = 0, node = 0, rd = 0;
  for (;;) {
    // down to the leaf on the query's side of every split, unless a node's shadow box is too far
    let reached = true;
    for (;;) {
      if (bound < Infinity && boxShadowDistance(px, shadowBox, node * 2 * r, r) > bound) {
        reached = false;
        break;
      }
      const sd = splitDim[node];
      if (sd < 0) break;
      const diff = x[sd] - splitVal[node];
      fNode[sp] = node;
      fRd[sp] = rd;
      fDiff[sp] = diff;
      fFar[sp] = 0;
      sp++;
      node = diff < 0 ? left[node] : right[node];
    }
    if (reached) {
      const e = endA[node];
      for (let p = startA[node]; p < e; p++) {
        if (bound < Infinity) {
          let d = 0, i = 0;
          const o = p * r;
          for (; i + 4 <= r; i += 4) {
            const t0 = shadow[o + i] - px[i], t1 = shadow[o + i + 1] - px[i + 1];
            const t2 = shadow[o + i + 2] - px[i + 2], t3 = shadow[o + i + 3] - px[i + 3];
            d += t0 * t0 + t1 * t1 + (t2 * t2 + t3 * t3);
          }
          for (; i < r; i++) {
            const t = shadow[o + i] - px[i];
            d += t * t;
          }
          if (d > bound) continue;
        }
        // the distance, summed in coordinate order, abandoned once it reaches the k-th
        const base = p * dim;
        let s = 0, j = 0;
        while (j < dim) {
          const stop = Math.min(dim, j + 8);
          for (; j < stop; j++) {
            const t = data[base + j] - x[j];
            s += t * t;
          }
          if (s >= worst) break;
        }
        if (!(s < worst)) continue;
        if (count < k) {
          heapPush(heapD, heapI, count++, s, p);
          if (count < k) continue;
        } else {
          siftDown(heapD, heapI, k, s, p);
        }
        worst = heapD[0];
        const root = er + Math.sqrt(er * er + worst * stretch);
        bound = root * root * MARGIN + FLOOR;
      }
    }
    // back up to the nearest split whose far side may hold a nearer point
    for (;;) {
      if (sp === 0) return count;
      const f = sp - 1, at = fNode[f], sd = splitDim[at];
      if (fFar[f] === 1) {
        off[sd] = fOld[f];
        sp--;
        continue;
      }
      const diff = fDiff[f], old = off[sd];
      const rd2 = fRd[f] - old * old + diff * diff;
      if (count < k || rd2 < worst) {
        fFar[f] = 1;
        fOld[f] = old;
        off[sd] = diff;
        node = diff < 0 ? right[at] : left[at];
        rd = rd2;
        break;
      }
      sp--;
    }
  }
}

/** Squared distance from the shadow px to the box at box[o, o + 2r) (low, high pairs). */
function boxShadowDistance(px: Float64Array, box: Float64Array, o: number, r: number): number {
  let s = 0;
  for (let i = 0; i < r; i++) {
    const v = px[i], a = box[o + 2 * i];
    if (v < a) {
      s += (a - v) * (a - v);
    } else {
      const b = box[o + 2 * i + 1];
      if (v > b) s += (v - b) * (v - b);
    }
  }
  return s;
}

/** Inserts (d2, p) into the max-heap on squared distance heapD/heapI[0, size) (size below capacity). */
function heapPush(heapD: Float64Array, heapI: Int32Array, size: number, d2: number, p: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heapD[parent] >= d2) break;
    heapD[i] = heapD[parent];
    heapI[i] = heapI[parent];
    i = parent;
  }
  heapD[i] = d2;
  heapI[i] = p;
}

/**
 * Sifts (d2, p) down from the root of the max-heap on squared distance held in heapD/heapI[0, size):
 * the slot freed at the root is filled by moving larger children up until (d2, p) fits.
 */
export function siftDown(heapD: Float64Array, heapI: Int32Array, size: number, d2: number, p: number): void {
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
