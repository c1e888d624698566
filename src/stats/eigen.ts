/**
 * Eigen-decomposition of small dense symmetric matrices by cyclic Jacobi rotations (used by the
 * local-linear regression of `src/measure/knn.ts` on k×k Gram matrices). General linear algebra: no
 * paper content.
 *
 * @module
 */
import { requireFinite, requireInteger } from "../_util/validate";

/**
 * Eigen-decomposition of a symmetric n×n matrix by cyclic Jacobi rotations: on return `lam` holds
 * the eigenvalues and column e of `V` (V[r*n + e]) the unit eigenvector of lam[e]. `A` is overwritten.
 * @throws {RangeError} if `n` is not a positive integer, an array does not hold n·n (or n) values, or
 *   `A` holds a non-finite value; {TypeError} if an array is not a Float64Array.
 * @example
 * const lam = new Float64Array(2);
 * jacobiEigen(new Float64Array([2, 0, 0, 1]), 2, new Float64Array(4), lam);
 * lam // => [2, 1]
 */
export function jacobiEigen(A: Float64Array, n: number, V: Float64Array, lam: Float64Array): void {
  requireInteger("n", n, 1);
  for (const [name, arr, len] of [["A", A, n * n], ["V", V, n * n], ["lam", lam, n]] as const) {
    if (!(arr instanceof Float64Array)) throw new TypeError(`\`${name}\` must be a Float64Array`);
    if (arr.length !== len) throw new RangeError(`\`${name}\` must hold ${len} values (n = ${n}), got ${arr.length}`);
  }
  for (let i = 0; i < n * n; i++) requireFinite(`A[${i}]`, A[i]);
  V.fill(0);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale += A[i] * A[i];
  for (let sweep = 0; sweep < 50; sweep++) {
    let offd = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) offd += A[i * n + j] * A[i * n + j];
    if (offd <= 1e-30 * scale) break;
    for (let p = 0; p < n; p++) {
      for (let r = p + 1; r < n; r++) {
        const apr = A[p * n + r];
        if (apr === 0) continue;
        const app = A[p * n + p], arr = A[r * n + r];
        const theta = (arr - app) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let i = 0; i < n; i++) {
          const aip = A[i * n + p], air = A[i * n + r];
          A[i * n + p] = c * aip - s * air;
          A[i * n + r] = s * aip + c * air;
        }
        for (let i = 0; i < n; i++) {
          const api = A[p * n + i], ari = A[r * n + i];
          A[p * n + i] = c * api - s * ari;
          A[r * n + i] = s * api + c * ari;
        }
        for (let i = 0; i < n; i++) {
          const vip = V[i * n + p], vir = V[i * n + r];
          V[i * n + p] = c * vip - s * vir;
          V[i * n + r] = s * vip + c * vir;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) lam[i] = A[i * n + i];
}
