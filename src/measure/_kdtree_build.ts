/**
 * The pieces of `./kdtree`'s build: the median split (quickselect), the widest coordinate of a node
 * (from a sample, from all its points, or from bounds on its spreads), the copy of the rows into tree
 * order, and the shadow of the points (their coordinates in the principal subspace of the data, with
 * the bounds that make it a safe lower bound on distances).
 *
 * @module
 */

/** Rows sampled to choose a large node's split coordinate. */
export const SPREAD_SAMPLE = 128;

/** Subtrees of at most this many points have their rows copied into tree order once built (512 kB in R^32). */
export const LOCAL_ROWS = 2048;

/** Most directions in the shadow. */
const SHADOW_AXES = 8;

/** A direction stays in the shadow if the data's variance along it is at least this fraction of the largest. */
const SHADOW_VARIANCE = 0.05;

/** Points sampled to estimate the principal subspace. */
const BASIS_SAMPLE = 512;

/** Above this dimension the shadow's axes are the coordinates of largest variance (no covariance matrix). */
const BASIS_MAX_DIM = 64;

/** keys[start, end) ← coordinate j of the points at perm[start, end). */
export function gatherColumn(
  points: Float64Array,
  perm: Int32Array,
  start: number,
  end: number,
  dim: number,
  j: number,
  keys: Float64Array,
): void {
  for (let p = start; p < end; p++) keys[p] = points[perm[p] * dim + j];
}

/**
 * Partial sort of keys[lo..hi] (and perm with it) so that keys[kth] is the kth smallest: Hoare
 * partitioning around a median of three.
 */
export function quickselect(keys: Float64Array, perm: Int32Array, lo: number, hi: number, kth: number): void {
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
 * The widest coordinate of an even sample (every `stride`-th position from `start`) of the points at
 * perm[start, end), the first of the widest; lo/hi receive the sample's extremes.
 */
export function sampleWidest(
  points: Float64Array,
  perm: Int32Array,
  start: number,
  end: number,
  stride: number,
  dim: number,
  lo: Float64Array,
  hi: Float64Array,
): number {
  rowsBoxOf(points, perm, start, end, stride, dim, lo, hi);
  let best = 0, spread = -1;
  for (let j = 0; j < dim; j++) {
    if (hi[j] - lo[j] > spread) {
      spread = hi[j] - lo[j];
      best = j;
    }
  }
  return best;
}

/**
 * The widest coordinate of the points at perm[start, end) (the first of the widest), or -1 if they are
 * all equal, given upper bounds on its spreads at bound[here, here + dim): only the coordinates whose
 * bound reaches the widest spread measured so far are measured, largest bound first (on a node of a
 * low-dimensional manifold, a few), and their bounds are replaced by their spreads. lo/hi hold the
 * extremes of the measured coordinates.
 */
export function widestByBounds(
  points: Float64Array,
  perm: Int32Array,
  start: number,
  end: number,
  dim: number,
  lo: Float64Array,
  hi: Float64Array,
  bound: Float64Array,
  here: number,
  done: Uint8Array,
): number {
  let best = -1, spread = -1;
  done.fill(0);
  for (;;) {
    let next = -1, top = -Infinity;
    for (let j = 0; j < dim; j++) {
      if (done[j] === 0 && bound[here + j] > top) {
        top = bound[here + j];
        next = j;
      }
    }
    // a coordinate whose bound is below the widest spread cannot be wider; one whose bound equals it
    // could only tie, which the first of the widest wins
    if (next < 0 || top < spread || (top === spread && next > best)) break;
    let a = Infinity, b = -Infinity;
    for (let p = start; p < end; p++) {
      const v = points[perm[p] * dim + next];
      if (v < a) a = v;
      if (v > b) b = v;
    }
    lo[next] = a;
    hi[next] = b;
    const s = b - a;
    bound[here + next] = s;
    done[next] = 1;
    if (s > spread || (s === spread && next < best)) {
      spread = s;
      best = next;
    }
  }
  return spread === 0 ? -1 : best;
}

/**
 * lo/hi ← the extremes of the points at perm[p] for p = start, start + stride, … below end, four
 * coordinates at a time.
 */
export function rowsBoxOf(
  points: Float64Array,
  perm: Int32Array,
  start: number,
  end: number,
  stride: number,
  dim: number,
  lo: Float64Array,
  hi: Float64Array,
): void {
  let j = 0;
  for (; j + 4 <= dim; j += 4) {
    let a0 = Infinity, a1 = Infinity, a2 = Infinity, a3 = Infinity;
    let b0 = -Infinity, b1 = -Infinity, b2 = -Infinity, b3 = -Infinity;
    for (let p = start; p < end; p += stride) {
      const o = perm[p] * dim + j;
      const v0 = points[o], v1 = points[o + 1], v2 = points[o + 2], v3 = points[o + 3];
      if (v0 < a0) a0 = v0;
      if (v0 > b0) b0 = v0;
      if (v1 < a1) a1 = v1;
      if (v1 > b1) b1 = v1;
      if (v2 < a2) a2 = v2;
      if (v2 > b2) b2 = v2;
      if (v3 < a3) a3 = v3;
      if (v3 > b3) b3 = v3;
    }
    lo[j] = a0;
    lo[j + 1] = a1;
    lo[j + 2] = a2;
    lo[j + 3] = a3;
    hi[j] = b0;
    hi[j + 1] = b1;
    hi[j + 2] = b2;
    hi[j + 3] = b3;
  }
  for (; j < dim; j++) {
    let a = Infinity, b = -Infinity;
    for (let p = start; p < end; p += stride) {
      const v = points[perm[p] * dim + j];
      if (v < a) a = v;
      if (v > b) b = v;
    }
    lo[j] = a;
    hi[j] = b;
  }
}

/** Rows [start, end) of `data` ← the points at perm[start, end). */
export function copyRows(
  points: Float64Array,
  perm: Int32Array,
  data: Float64Array,
  start: number,
  end: number,
  dim: number,
): void {
  for (let p = start; p < end; p++) {
    const src = perm[p] * dim, dst = p * dim;
    for (let j = 0; j < dim; j++) data[dst + j] = points[src + j];
  }
}

/**
 * shadow rows [start, end) ← the coordinates of rows [start, end) of `data` on the axes of `basis`
 * (r = basis.length / dim of them), and box[o, o + 2r) ← their bounding box (low, high pairs).
 */
export function project(
  data: Float64Array,
  start: number,
  end: number,
  dim: number,
  basis: Float64Array,
  shadow: Float64Array,
  box: Float64Array,
  o: number,
): void {
  const r = basis.length / dim;
  for (let i = 0; i < r; i++) {
    box[o + 2 * i] = Infinity;
    box[o + 2 * i + 1] = -Infinity;
  }
  for (let p = start; p < end; p++) {
    const base = p * dim;
    let i = 0;
    for (; i + 4 <= r; i += 4) {
      // four axes at a time, each summed in two interleaved halves (eight independent sums)
      const u0 = i * dim, u1 = u0 + dim, u2 = u1 + dim, u3 = u2 + dim;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0, j = 0;
      for (; j + 2 <= dim; j += 2) {
        const x = data[base + j], y = data[base + j + 1];
        a0 += basis[u0 + j] * x;
        c0 += basis[u0 + j + 1] * y;
        a1 += basis[u1 + j] * x;
        c1 += basis[u1 + j + 1] * y;
        a2 += basis[u2 + j] * x;
        c2 += basis[u2 + j + 1] * y;
        a3 += basis[u3 + j] * x;
        c3 += basis[u3 + j + 1] * y;
      }
      if (j < dim) {
        const x = data[base + j];
        a0 += basis[u0 + j] * x;
        a1 += basis[u1 + j] * x;
        a2 += basis[u2 + j] * x;
        a3 += basis[u3 + j] * x;
      }
      const s0 = a0 + c0, s1 = a1 + c1, s2 = a2 + c2, s3 = a3 + c3;
      const at = p * r + i, b = o + 2 * i;
      shadow[at] = s0;
      shadow[at + 1] = s1;
      shadow[at + 2] = s2;
      shadow[at + 3] = s3;
      if (s0 < box[b]) box[b] = s0;
      if (s0 > box[b + 1]) box[b + 1] = s0;
      if (s1 < box[b + 2]) box[b + 2] = s1;
      if (s1 > box[b + 3]) box[b + 3] = s1;
      if (s2 < box[b + 4]) box[b + 4] = s2;
      if (s2 > box[b + 5]) box[b + 5] = s2;
      if (s3 < box[b + 6]) box[b + 6] = s3;
      if (s3 > box[b + 7]) box[b + 7] = s3;
    }
    for (; i < r; i++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += basis[i * dim + j] * data[base + j];
      shadow[p * r + i] = s;
      if (s < box[o + 2 * i]) box[o + 2 * i] = s;
      if (s > box[o + 2 * i + 1]) box[o + 2 * i + 1] = s;
    }
  }
}

/** The pairs box at o ← the union of the pairs boxes at l and r (n low, high pairs each). */
export function unionPairs(box: Float64Array, o: number, l: number, r: number, n: number): void {
  for (let i = 0; i < 2 * n; i += 2) {
    box[o + i] = Math.min(box[l + i], box[r + i]);
    box[o + i + 1] = Math.max(box[l + i + 1], box[r + i + 1]);
  }
}

/**
 * Orthonormal rows (r·dim, row-major, r ≤ 8) spanning the principal subspace of an even sample of the
 * points: 16 steps of subspace iteration on the sample's covariance from the axes of largest variance
 * (in more than BASIS_MAX_DIM dimensions, those axes themselves), keeping the directions with at least
 * SHADOW_VARIANCE of the largest variance. Any orthonormal rows make a valid shadow; these make a
 * tight one.
 */
export function principalBasis(points: Float64Array, m: number, dim: number): Float64Array {
  const stride = Math.max(1, Math.floor(m / BASIS_SAMPLE)), mean = new Float64Array(dim);
  let ns = 0;
  for (let p = 0; p < m; p += stride, ns++) for (let j = 0; j < dim; j++) mean[j] += points[p * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= ns;
  const full = dim <= BASIS_MAX_DIM, c = new Float64Array(full ? dim * dim : dim), y = new Float64Array(dim);
  for (let p = 0; p < m; p += stride) {
    for (let j = 0; j < dim; j++) y[j] = points[p * dim + j] - mean[j];
    if (!full) { for (let j = 0; j < dim; j++) c[j] += y[j] * y[j]; }
    else for (let a = 0; a < dim; a++) for (let b = a; b < dim; b++) c[a * dim + b] += y[a] * y[b];
  }
  const variance = (j: number) => c[full ? j * dim + j : j];
  const axes = Array.from({ length: dim }, (_, j) => j).sort((a, b) => variance(b) - variance(a) || a - b);
  let rank = Math.min(dim, SHADOW_AXES);
  const q = new Float64Array(rank * dim);
  for (let i = 0; i < rank; i++) q[i * dim + axes[i]] = 1;
  if (!full) {
    while (rank > 0 && !(variance(axes[rank - 1]) >= SHADOW_VARIANCE * variance(axes[0]))) rank--;
    return q.slice(0, rank * dim);
  }
  for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) c[a * dim + b] = c[b * dim + a];
  const cq = new Float64Array(rank * dim);
  for (let step = 0; step <= 16 && rank > 0; step++) {
    for (let i = 0; i < rank; i++) {
      for (let a = 0; a < dim; a++) {
        let s = 0;
        for (let b = 0; b < dim; b++) s += c[a * dim + b] * q[i * dim + b];
        cq[i * dim + a] = s;
      }
    }
    if (step === 16) break;
    q.set(cq.subarray(0, rank * dim));
    rank = orthonormalize(q, rank, dim);
  }
  // the variance along each direction (its Rayleigh quotient), to keep the principal ones
  const along = Array.from({ length: rank }, (_, i) => {
    let s = 0;
    for (let a = 0; a < dim; a++) s += q[i * dim + a] * cq[i * dim + a];
    return s;
  });
  const largest = Math.max(0, ...along), keep: number[] = [];
  for (let i = 0; i < rank; i++) if (along[i] >= SHADOW_VARIANCE * largest && along[i] > 0) keep.push(i);
  const out = new Float64Array(keep.length * dim);
  keep.forEach((i, e) => out.set(q.subarray(i * dim, i * dim + dim), e * dim));
  return out;
}

/**
 * Orthonormalizes the first n rows of q in place (modified Gram–Schmidt, twice), dropping the rows that
 * are dependent on the previous ones; returns how many are left (at the front).
 */
function orthonormalize(q: Float64Array, n: number, dim: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const o = kept * dim;
    if (o !== i * dim) q.copyWithin(o, i * dim, i * dim + dim);
    let scale = 0;
    for (let j = 0; j < dim; j++) scale = Math.max(scale, Math.abs(q[o + j]));
    for (let pass = 0; pass < 2; pass++) {
      for (let e = 0; e < kept; e++) {
        let dot = 0;
        for (let j = 0; j < dim; j++) dot += q[e * dim + j] * q[o + j];
        for (let j = 0; j < dim; j++) q[o + j] -= dot * q[e * dim + j];
      }
    }
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += q[o + j] * q[o + j];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-6 * scale && Number.isFinite(norm))) continue;
    for (let j = 0; j < dim; j++) q[o + j] /= norm;
    kept++;
  }
  return kept;
}

/**
 * An upper bound on the largest eigenvalue of B·Bᵀ for the rows B of `basis` (r·dim), that is on the
 * squared length B gives a vector of length 1: Gershgorin's bound on the computed Gram matrix, plus
 * the rounding of its entries.
 */
export function stretchOf(basis: Float64Array, dim: number): number {
  const r = basis.length / dim;
  let most = 1;
  for (let a = 0; a < r; a++) {
    let row = 0;
    for (let b = 0; b < r; b++) {
      let g = 0;
      for (let j = 0; j < dim; j++) g += basis[a * dim + j] * basis[b * dim + j];
      row += Math.abs(g);
    }
    most = Math.max(most, row);
  }
  return most + 4 * (dim + 2) * r * Number.EPSILON;
}
