/**
 * The WebAssembly SIMD versions of the dense products of `src/learn/kernels.ts` and
 * `src/learn/lm/matmul.ts`, of the ReLU, and the calls of the attention's (`lm/_attention_wasm.ts`);
 * the module is built from `scripts/wasm/kernels.ts` and committed in `_kernels_wasm.ts`. Each kernel
 * gives every output element the same floating-point operations, in the same order, as the JavaScript
 * loop it replaces (tests/learn/_wasm.test.ts compares them bit for bit): the speed comes from two
 * lanes per instruction, from register tiles that reuse each value loaded, and from skipping work
 * whose result is known exactly (a ReLU layer's zeros), not from another arithmetic. (Deno runs
 * WebAssembly without V8's trap handler, so every memory access is bounds-checked there: loads per
 * operation are what the tiles save.) The one function the module imports is the engine's `Math.exp`,
 * so that the double-precision attention's exponentials are the JavaScript loops' own.
 *
 * Two arithmetics. The double-precision kernels (the MLP's, and the language model's in its gradient
 * checks) take Float64Array operands only: given a Float32Array they return `false` and the caller's
 * loops run. An MLP workspace's arrays are allocated in the module's memory (`wasmFloat64Arrays`: an
 * instance and memory of their own, never grown), so the products on them copy nothing; other operands
 * are copied in and the outputs copied back. The float32 kernels (the `…32` functions at the end, the
 * language model's training) take Float32Array operands, copied in and out as floats. B operands are
 * repacked in column panels, so that the innermost loops read memory sequentially.
 *
 * Where WebAssembly SIMD is missing (or until an asynchronous compile finishes, in a browser that
 * refuses to compile on its main thread), every function here returns `false` and the caller runs its
 * JavaScript loop, which gives the same numbers.
 *
 * @module
 */
import { KERNELS_WASM_BASE64 } from "./_kernels_wasm";

type Fn = (...args: number[]) => void;

/** The module's exports: byte addresses, sizes and byte strides, as `scripts/wasm/kernels.ts` lists them. */
export interface Kernels {
  memory: WebAssembly.Memory;
  gemm: Fn;
  gemmSparse: Fn;
  axpy2: Fn;
  axpy4: Fn;
  weighted: Fn;
  relu: Fn;
  reluBack: Fn;
  gather: Fn;
  transpose: Fn;
  panels: Fn;
  colsum: Fn;
  finite: Fn;
  softmaxGrad: Fn;
  colsum4: Fn;
  softmaxRows: Fn;
  gemm32: Fn;
  gelu32: Fn;
  gelu32b: Fn;
  softmax32: Fn;
  softmaxGrad32: Fn;
  gather32: Fn;
  colsum4s: Fn;
}

type Vec = Float32Array | Float64Array;

/**
 * What the module imports: the engine's own `Math.exp` (the attention's softmax calls it from
 * WebAssembly, so that its exponentials are the JavaScript loops', bit for bit, in any engine).
 */
const IMPORTS = { m: { exp: Math.exp } };

/** The compiled module, and its shared instance (growable: no views of it leave this file). */
let compiled: WebAssembly.Module | null = null;
let shared: Kernels | null = null;
let sharedHeap: Float64Array = new Float64Array(0);
let enabled = true;

function load(): void {
  const WA = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (WA === undefined || typeof atob !== "function") return;
  const bin = atob(KERNELS_WASM_BASE64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  if (!WA.validate(bytes)) return; // no SIMD: the JavaScript loops
  try {
    compiled = new WA.Module(bytes);
    shared = new WA.Instance(compiled, IMPORTS).exports as unknown as Kernels;
  } catch {
    // a browser's main thread compiles only small modules synchronously
    WA.instantiate(bytes, IMPORTS).then((r) => {
      compiled = r.module;
      shared = r.instance.exports as unknown as Kernels;
    }, () => {});
  }
}
load();

/**
 * Whether the WebAssembly kernels are in use (compiled, and not switched off by `setWasmKernels`).
 * @example typeof wasmKernelsActive() // => "boolean"
 */
export function wasmKernelsActive(): boolean {
  return enabled && shared !== null;
}

/**
 * Switches the WebAssembly kernels on or off (off: the JavaScript loops, same numbers; for the tests
 * that compare the two and for the benchmark). Returns the previous setting.
 * @example setWasmKernels(setWasmKernels(false)) // => false
 */
export function setWasmKernels(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/**
 * An arena: an instance of its own, whose memory (never grown once views of it exist) holds a
 * workspace's arrays from offset 2 to `base` and the kernels' scratch from `base` to the end. A kernel
 * whose operands live there reads and writes them in place.
 */
interface Arena {
  k: Kernels;
  heap: Float64Array;
  base: number;
}
const arenas = new WeakMap<ArrayBufferLike, Arena>();

/**
 * Float64Arrays of the given lengths (zeroed) in a memory of their own, with `scratch` doubles after
 * them for the kernels' copies, so that the products on them copy nothing; `null` where the
 * WebAssembly kernels are not in use or the memory cannot be had (then the caller allocates ordinary
 * arrays: the numbers are the same).
 * @example wasmFloat64Arrays([3, 5], 100)?.map((a) => a.length) ?? [3, 5] // => [3, 5]
 */
export function wasmFloat64Arrays(lengths: number[], scratch: number): Float64Array[] | null {
  if (!enabled || compiled === null) return null;
  try {
    const k = new WebAssembly.Instance(compiled, IMPORTS).exports as unknown as Kernels;
    let base = 2;
    const offsets = lengths.map((length) => {
      const at = base;
      base += length + (length & 1);
      return at;
    });
    const pages = Math.ceil(((base + scratch + 64) * 8) / 65536);
    if (pages * 65536 > 2 ** 31) return null;
    k.memory.grow(Math.max(0, pages - k.memory.buffer.byteLength / 65536));
    const heap = new Float64Array(k.memory.buffer);
    arenas.set(k.memory.buffer, { k, heap, base });
    return lengths.map((length, i) => heap.subarray(offsets[i], offsets[i] + length));
  } catch {
    return null;
  }
}

/** The current call's instance, its memory as doubles, and its bump allocator (offsets in doubles). */
let cur: Kernels;
let heap: Float64Array = new Float64Array(0);
let top = 0;

/**
 * Starts a call needing at most `doubles` of scratch: in the arena of the first operand that lives
 * in one (if its scratch suffices), else in the shared instance (grown as needed).
 */
function begin(doubles: number, operands: (Vec | null)[]): boolean {
  if (!enabled || shared === null) return false;
  for (const x of operands) {
    const arena = x === null ? undefined : arenas.get(x.buffer);
    if (arena === undefined) continue;
    if (arena.base + doubles + 64 > arena.heap.length) break;
    cur = arena.k;
    heap = arena.heap;
    top = arena.base;
    return true;
  }
  const need = (doubles + 64) * 8, mem = shared.memory;
  if (need > 2 ** 31) return false; // beyond what the kernels' 32-bit addresses are meant for: the loops
  if (mem.buffer.byteLength < need) {
    try {
      mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
    } catch {
      return false; // no memory to be had: the loops, same numbers
    }
  }
  if (sharedHeap.buffer !== mem.buffer) sharedHeap = new Float64Array(mem.buffer);
  cur = shared;
  heap = sharedHeap;
  top = 2; // offset 0 left unused
  return true;
}
function alloc(length: number): number {
  const at = top;
  top += length + (length & 1); // 16-byte alignment
  return at;
}
/** Where `x` lives in the current memory (an offset in doubles), or −1. */
function resident(x: Vec): number {
  return x.buffer === heap.buffer && x instanceof Float64Array ? x.byteOffset / 8 : -1;
}
/** `src[0 … length)` in the current memory: in place, or copied in. */
function put(src: Vec, length: number): number {
  const r = resident(src);
  if (r >= 0) return r;
  const at = alloc(length);
  heap.set(src.subarray(0, length), at);
  return at;
}
/** Room for an output of `length`: in place if `dst` lives here, else scratch (copied out by `takeOut`). */
function place(dst: Vec, length: number): number {
  const r = resident(dst);
  return r >= 0 ? r : alloc(length);
}
function zeros(length: number): number {
  const at = alloc(length);
  heap.fill(0, at, at + length);
  return at;
}
/** Copies `length` doubles at `at` out into `dst`, unless they are `dst` itself. */
function takeOut(dst: Vec, at: number, length: number): void {
  if (resident(dst) !== at) dst.set(heap.subarray(at, at + length));
}

/** Whether none of `xs` is a Float32Array (the double-precision kernels' operands). */
export function doublesOnly(...xs: (Vec | null)[]): boolean {
  return xs.every((x) => !(x instanceof Float32Array));
}

/**
 * Copies the K×M matrix B[p, q] = src[p·ps + q·qs] (`src` holding `length` numbers) in as the kernels
 * read it: column panels of width `wide` (4 for `gemm`, 8 for the block sums; M for a plain row-major
 * copy), then of 2, then one of 1, the panel of columns q… at q·K, each row-major K×width. The source
 * is copied in as it is, then gathered by the module's `gather`.
 */
function putPanels(src: Vec, length: number, K: number, M: number, ps: number, qs: number, wide: number): number {
  return panelsOf(put(src, length), K, M, ps, qs, wide);
}
/** As `putPanels`, from a source already in the current memory at `raw`. */
function panelsOf(raw: number, K: number, M: number, ps: number, qs: number, wide: number): number {
  const at = alloc(K * M);
  if (qs === 1 && (wide === 4 || wide === 8 || wide === 16)) cur.panels(at * 8, raw * 8, K, M, ps, wide);
  else if (ps === 1 && qs === K && wide === M) cur.transpose(at * 8, raw * 8, M, K); // one panel: Bᵀ is src
  else cur.gather(at * 8, raw * 8, K, M, ps, qs, wide);
  return at;
}

/** One call's access to the module's memory, for kernels driven from elsewhere (the attention's). */
export interface WasmSession {
  /** The instance whose memory holds this call's operands. */
  kernels: Kernels;
  /** That memory as doubles. */
  heap: Float64Array;
  /** Copies `src[0 … length)` in (or finds it in place); returns its offset in doubles. */
  put(src: Vec, length: number): number;
  /** `length` doubles of scratch; returns the offset. */
  alloc(length: number): number;
  /** Copies out `length` doubles from `at` into `dst`. */
  takeOut(dst: Vec, at: number, length: number): void;
  /** The K×M matrix raw[p·ps + q·qs] (offset `raw`) packed in panels of width `wide`, then 2, then 1. */
  panels(raw: number, K: number, M: number, ps: number, qs: number, wide: number): number;
  /** The allocator's position, to return to with `release` (scratch reused across a loop). */
  mark(): number;
  release(mark: number): void;
  /** Float32 operands: copies `src[0 … length)` in as floats; returns its offset in doubles. */
  put32(src: Float32Array, length: number): number;
  /** Room for `length` floats; returns its offset in doubles. */
  alloc32(length: number): number;
  /** The floats' K×M matrix at byte address `raw` as B[p, q] = raw[p·ps + q·qs] in panels of `wide`, then 4, then 1. */
  panels32(rawByte: number, K: number, M: number, ps: number, qs: number, wide: number): number;
  /** Copies `length` floats at offset `at` (doubles) out into `dst`. */
  out32(dst: Float32Array, at: number, length: number): void;
  /** The memory as floats. */
  floats(): Float32Array;
}

/**
 * Starts a call that needs at most `doubles` of scratch (in the arena of the first operand living in
 * one, else in the shared instance); `null` where the WebAssembly kernels are not in use.
 * @example wasmSession(4, [])?.alloc(2) ?? 2 // => 2 (offset 2 of the shared memory, where it runs)
 */
export function wasmSession(doubles: number, operands: (Vec | null)[]): WasmSession | null {
  if (!begin(doubles, operands)) return null;
  return {
    kernels: cur,
    heap,
    put,
    alloc,
    takeOut,
    panels: panelsOf,
    mark: () => top,
    release: (m: number) => {
      top = m;
    },
    put32,
    alloc32,
    panels32: (rawByte, K, M, ps, qs, wide) => {
      const at = alloc32(K * M);
      cur.gather32(at * 8, rawByte, K, M, ps, qs, wide);
      return at;
    },
    out32,
    floats,
  };
}

/** Whether at least 30 % of about 256 evenly spaced entries of `x` are zeros (a ReLU layer's are half). */
function sparse(x: Vec, length: number): boolean {
  const step = Math.max(1, Math.floor(length / 256));
  let zeros = 0, seen = 0;
  for (let i = 0; i < length; i += step, seen++) if (x[i] === 0) zeros++;
  return zeros >= 0.3 * seen;
}

/**
 * out (n×M) = A·B + bias, A at `A` with byte strides aRow, aCol, B (K×M) at `raw` as B[p, q] =
 * raw[p·ps + q·qs]: by `gemm` (rows from `biasFrom` on start at the bias), or, for a sparse A (and
 * biasFrom ≥ n), by `gemmSparse`, which skips A's zeros with the same result.
 */
function product(
  O: number,
  A: number,
  aRow: number,
  aCol: number,
  raw: number,
  ps: number,
  qs: number,
  n: number,
  K: number,
  M: number,
  bias: number,
  biasFrom: number,
  skipZeros: boolean,
): void {
  if (skipZeros && biasFrom >= n && M >= 64) {
    const B = panelsOf(raw, K, M, ps, qs, 16), list = alloc(Math.ceil(1.5 * n * K) + n + 2), check = alloc(2);
    cur.finite(check * 8, raw * 8, K * M);
    cur.gemmSparse(O * 8, A * 8, aRow, aCol, B * 8, n, heap[check] === 0 ? K : -K, M, bias * 8, list * 8);
  } else {
    const B = panelsOf(raw, K, M, ps, qs, 4);
    cur.gemm(O * 8, A * 8, aRow, aCol, B * 8, n, K, M, bias * 8, biasFrom, 0);
  }
}

/**
 * out = a·wᵀ + bias (n×k by m×k), each element (Σ_p a[i,p]·w[j,p], p = 0 … k−1) + bias[j]; with
 * `biasFrom` < n, rows from `biasFrom` on start their sums at the bias instead (a multiple of 4).
 * Returns false where the WebAssembly kernels are not in use.
 * @example wasmABt(new Float64Array(1), new Float64Array([2]), new Float64Array([3]), null, 1, 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmABt(
  out: Vec,
  a: Vec,
  w: Vec,
  bias: Vec | null,
  n: number,
  k: number,
  m: number,
  biasFrom: number,
): boolean {
  if (!doublesOnly(out, a, w, bias)) return false;
  if (!begin(n * k + 2 * k * m + m + n * m + 1.5 * n * k + n + 16, [out, a])) return false;
  const A = put(a, n * k), W = put(w, m * k), b = bias === null ? zeros(m) : put(bias, m);
  const O = place(out, n * m);
  product(O, A, k * 8, 8, W, 1, k, n, k, m, b, biasFrom, a instanceof Float64Array && sparse(a, n * k));
  takeOut(out, O, n * m);
  return true;
}

/**
 * out = g·w (n×m by m×k) summed over j = 0 … m−1 from +0 in one pass (the blocked path of `matmulAB`).
 * @example wasmAB(new Float64Array(1), new Float64Array([2]), new Float64Array([3]), 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmAB(out: Float64Array, g: Float64Array, w: Float64Array, n: number, k: number, m: number): boolean {
  if (!begin(n * m + 2 * m * k + k + n * k + 1.5 * n * m + n + 16, [out, g])) return false;
  const G = put(g, n * m), W = put(w, m * k), z = zeros(k), O = place(out, n * k);
  product(O, G, m * 8, 8, W, k, 1, n, m, k, z, n, sparse(g, n * m));
  takeOut(out, O, n * k);
  return true;
}

/**
 * out = gᵀ·a (m×k) summed over i = 0 … n−1 from +0 in one pass, and biasOut[j] = Σ_i g[i, j] likewise
 * (the blocked path of `matmulAtB`).
 * @example wasmAtB(new Float64Array(1), null, new Float64Array([2]), new Float64Array([3]), 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmAtB(
  out: Float64Array,
  biasOut: Float64Array | null,
  g: Float64Array,
  a: Float64Array,
  n: number,
  k: number,
  m: number,
): boolean {
  if (!begin(2 * n * m + 2 * n * k + k + m * k + m + 1.5 * n * m + m + 16, [g, a])) return false;
  const raw = put(g, n * m);
  if (biasOut !== null) {
    const S = place(biasOut, m);
    cur.colsum(S * 8, raw * 8, n, m);
    takeOut(biasOut, S, m);
  }
  // gᵀ copied in contiguous: its rows are the kernel's A rows (strided reads of g would alias in L1)
  const G = panelsOf(raw, m, n, 1, m, n), A = put(a, n * k), z = zeros(k);
  const O = place(out, m * k);
  product(O, G, n * 8, 8, A, k, 1, m, n, k, z, m, sparse(g, n * m));
  takeOut(out, O, m * k);
  return true;
}

/**
 * The block sums of the backward loops: out[i, q] += Σ over blocks of `block` consecutive j of
 * (c_j·b[j, q] + c_{j+1}·b[j+1, q] + …), then single j's, with c_j = g[i·gRow + j·gCol] (strides in
 * elements) and b row-major J×M; block 2 skips all-zero blocks (the MLP's loops), block 4 does not (as
 * the language model's double-precision backward, `wasmLinearBackward`). With `zero`, out starts at +0
 * instead of its contents. Returns false for a Float32Array operand.
 * @example wasmBlockSums(new Float64Array(1), new Float64Array([2]), 1, 1, new Float64Array([3]), 1, 1, 1, 2, false) // => true (where WebAssembly SIMD runs)
 */
export function wasmBlockSums(
  out: Vec,
  g: Vec,
  gRow: number,
  gCol: number,
  b: Vec,
  N: number,
  J: number,
  M: number,
  block: 2 | 4,
  zero: boolean,
): boolean {
  const gLen = (N - 1) * gRow + (J - 1) * gCol + 1;
  if (!doublesOnly(out, g, b)) return false;
  if (!begin(gLen + N * J + 2 * J * M + N * M + 8, [out, g, b])) return false;
  // the coefficients as N×J rows, B in panels of 8 columns
  const G = gCol === 1 && gRow === J ? put(g, N * J) : putPanels(g, gLen, N, J, gRow, gCol, J);
  const B = putPanels(b, J * M, J, M, M, 1, 8), O = zero ? place(out, N * M) : put(out, N * M);
  if (zero) heap.fill(0, O, O + N * M);
  (block === 2 ? cur.axpy2 : cur.axpy4)(O * 8, G * 8, B * 8, N, J, M);
  takeOut(out, O, N * M);
  return true;
}

/**
 * The language model's linear backward (`matmulBackward` of `lm/matmul.ts`, same arguments) in one
 * call, `dout` copied in once: dinp (+)= dout·w by the block sums of 4 (from +0 with `dinpZero`, as
 * into an array of zeros), dw += doutᵀ·inp likewise, and dbias[o] += the column sums of dout over
 * blocks of four rows (`colsum4`). Returns false where the WebAssembly kernels are not in use or an
 * operand is a Float32Array (the float32 model's backward is `wasmLinearBackward32`).
 * @example wasmLinearBackward(new Float64Array(1), new Float64Array(1), null, new Float64Array([2]), new Float64Array([3]), new Float64Array([5]), 1, 1, 1, false) // => true (where WebAssembly SIMD runs)
 */
export function wasmLinearBackward(
  dinp: Vec,
  dw: Vec,
  dbias: Vec | null,
  dout: Vec,
  inp: Vec,
  w: Vec,
  rows: number,
  C: number,
  O: number,
  dinpZero: boolean,
): boolean {
  const n = rows * O;
  if (!doublesOnly(dinp, dw, dbias, dout, inp, w)) return false;
  if (!begin(2 * n + 3 * rows * C + 3 * O * C + O + 16, [dinp, dout, inp])) return false;
  const D = put(dout, n);
  const W = putPanels(w, O * C, O, C, C, 1, 8), I = dinpZero ? place(dinp, rows * C) : put(dinp, rows * C);
  if (dinpZero) heap.fill(0, I, I + rows * C);
  cur.axpy4(I * 8, D * 8, W * 8, rows, O, C);
  takeOut(dinp, I, rows * C);
  const Dt = panelsOf(D, O, rows, 1, O, rows), A = putPanels(inp, rows * C, rows, C, C, 1, 8), G = put(dw, O * C);
  cur.axpy4(G * 8, Dt * 8, A * 8, O, rows, C);
  takeOut(dw, G, O * C);
  if (dbias !== null) {
    const S = alloc(O);
    cur.colsum4(S * 8, D * 8, rows, O);
    for (let o = 0; o < O; o++) dbias[o] += heap[S + o];
  }
  return true;
}

/**
 * The ReLU, out = z > 0 ? z : +0 over the first `length` entries (NaN and −0 give +0, as
 * `activate("relu", …)` does).
 * @example wasmRelu(new Float64Array([-1, 2]), new Float64Array(2), 2) // => true (where WebAssembly SIMD runs)
 */
export function wasmRelu(z: Float64Array, out: Float64Array, length: number): boolean {
  if (!begin(2 * length + 8, [out, z])) return false;
  const Z = put(z, length), O = place(out, length);
  cur.relu(O * 8, Z * 8, length);
  takeOut(out, O, length);
  return true;
}

/**
 * Back through the ReLU: g = z > 0 ? g : +0 over the first `length` entries.
 * @example wasmReluBackward(new Float64Array([-1, 2]), new Float64Array([1, 1]), 2) // => true (where WebAssembly SIMD runs)
 */
export function wasmReluBackward(z: Float64Array, g: Float64Array, length: number): boolean {
  if (!begin(2 * length + 8, [g, z])) return false;
  const Z = put(z, length), G = put(g, length);
  cur.reluBack(G * 8, Z * 8, length);
  takeOut(g, G, length);
  return true;
}

/**
 * The direct (small-layer) path of `matmulAtB`: out (+)= gᵀ·a over pairs of sample rows with the zero
 * skips, and biasOut (+)= Σ_i g[i, j] in the same order and with the same skips.
 * @example wasmAtBDirect(new Float64Array([2]), new Float64Array([3]), new Float64Array(1), null, 1, 1, 1, false) // => true (where WebAssembly SIMD runs)
 */
export function wasmAtBDirect(
  g: Float64Array,
  a: Float64Array,
  out: Float64Array,
  biasOut: Float64Array | null,
  n: number,
  k: number,
  m: number,
  accumulate: boolean,
): boolean {
  if (!wasmBlockSums(out, g, 1, m, a, m, n, k, 2, !accumulate)) return false;
  if (biasOut === null) return true;
  if (!accumulate) biasOut.fill(0, 0, m);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    for (let j = 0, g0 = i * m; j < m; j++) {
      const c0 = g[g0 + j], c1 = g[g0 + m + j];
      if (c0 !== 0 || c1 !== 0) biasOut[j] += c0 + c1;
    }
  }
  for (; i < n; i++) for (let j = 0; j < m; j++) if (g[i * m + j] !== 0) biasOut[j] += g[i * m + j];
  return true;
}

// ---------------------------------------------------------------------------------------------------
// The language model's products in single precision: Float32Array operands copied into the memory as
// they are (offsets still in doubles, two floats each), every product and sum an f32 operation, as the
// `Math.fround` loops of `lm/matmul.ts` compute them.

let heap32: Float32Array = new Float32Array(0);
/** The current memory as floats. */
function floats(): Float32Array {
  if (heap32.buffer !== heap.buffer) heap32 = new Float32Array(heap.buffer);
  return heap32;
}
/** Room for `length` floats (an offset in doubles). */
const alloc32 = (length: number): number => alloc((length + 1) >> 1);
/** `src[0 … length)` copied in as floats; returns its offset in doubles. */
function put32(src: Float32Array, length: number): number {
  const at = alloc32(length);
  floats().set(src.subarray(0, length), 2 * at);
  return at;
}
/** The K×M matrix raw[p·ps + q·qs] (floats at offset `raw`) in panels of `wide`, then 4, then 1. */
function panels32(raw: number, K: number, M: number, ps: number, qs: number, wide: number): number {
  const at = alloc32(K * M);
  cur.gather32(at * 8, raw * 8, K, M, ps, qs, wide);
  return at;
}
const out32 = (dst: Float32Array, at: number, length: number) => dst.set(floats().subarray(2 * at, 2 * at + length));

/**
 * out = a·wᵀ + bias in single precision (n×k by m×k): each element fl(fl(Σ_p fl(a[i,p]·w[j,p]), summed
 * from +0 in increasing p and rounded at every step) + bias[j]). Returns false where the WebAssembly
 * kernels are not in use.
 * @example wasmABt32(new Float32Array(1), new Float32Array([2]), new Float32Array([3]), null, 1, 1, 1) // => true (where WebAssembly SIMD runs)
 */
export function wasmABt32(
  out: Float32Array,
  a: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  n: number,
  k: number,
  m: number,
): boolean {
  if (!begin((n * k + 2 * k * m + m + n * m) / 2 + 16, [])) return false;
  const A = put32(a, n * k), W = put32(w, m * k);
  const b = bias === null ? alloc32(m) : put32(bias, m);
  if (bias === null) floats().fill(0, 2 * b, 2 * b + m);
  const B = panels32(W, k, m, 1, k, 8), O = alloc32(n * m);
  cur.gemm32(O * 8, m * 4, A * 8, k * 4, B * 8, n, k, m, b * 8, 0);
  out32(out, O, n * m);
  return true;
}

/**
 * `matmulBackward` of `lm/matmul.ts` in single precision, one call: dinp[r, c] ← its value (+0 with
 * `dinpZero`) plus fl(dout[r, o]·w[o, c]) for o = 0 … O−1 in turn, dw[o, c] ← its value plus
 * fl(dout[r, o]·inp[r, c]) for r = 0 … rows−1 in turn (every sum rounded to float32), and dbias[o] +=
 * the column sums of dout over blocks of four rows in double precision (`colsum4s`), rounded as the
 * store into dbias rounds. Returns false where the WebAssembly kernels are not in use.
 * @example wasmLinearBackward32(new Float32Array(1), new Float32Array(1), null, new Float32Array([2]), new Float32Array([3]), new Float32Array([5]), 1, 1, 1, false) // => true (where WebAssembly SIMD runs)
 */
export function wasmLinearBackward32(
  dinp: Float32Array,
  dw: Float32Array,
  dbias: Float32Array | null,
  dout: Float32Array,
  inp: Float32Array,
  w: Float32Array,
  rows: number,
  C: number,
  O: number,
  dinpZero: boolean,
): boolean {
  const n = rows * O;
  if (!begin((2 * n + 3 * rows * C + 3 * O * C) / 2 + O + 32, [])) return false;
  const D = put32(dout, n);
  const Wp = panels32(put32(w, O * C), O, C, C, 1, 8);
  let I: number;
  if (dinpZero) {
    I = alloc32(rows * C);
    floats().fill(0, 2 * I, 2 * I + rows * C);
  } else I = put32(dinp, rows * C);
  cur.gemm32(I * 8, C * 4, D * 8, O * 4, Wp * 8, rows, O, C, 0, 1);
  out32(dinp, I, rows * C);
  const Dt = panels32(D, O, rows, 1, O, rows), A = panels32(put32(inp, rows * C), rows, C, C, 1, 8);
  const G = put32(dw, O * C);
  cur.gemm32(G * 8, C * 4, Dt * 8, rows * 4, A * 8, O, rows, C, 0, 1);
  out32(dw, G, O * C);
  if (dbias !== null) {
    const S = alloc(O);
    cur.colsum4s(S * 8, D * 8, rows, O);
    for (let o = 0; o < O; o++) dbias[o] += heap[S + o];
  }
  return true;
}

/**
 * The float32 GELU of `lm/layers.ts` over the first n − n mod 4 entries (the caller computes the rest):
 * out = (½x)(1 + th), th = tanh(√(2/π)(x + 0.044715x³)) kept in `th` (unless null), every operation in float32 with
 * the tanh and exp of `lm/_f32math.ts`. Returns false where the WebAssembly kernels are not in use.
 * @example wasmGelu32(new Float32Array(4), new Float32Array(4), new Float32Array(4), 4) // => true (where WebAssembly SIMD runs)
 */
export function wasmGelu32(out: Float32Array, inp: Float32Array, th: Float32Array | null, n: number): boolean {
  const m = n - (n % 4);
  if (!begin((3 * m) / 2 + 16, [])) return false;
  const X = put32(inp, m), O = alloc32(m), H = alloc32(m);
  cur.gelu32(O * 8, X * 8, H * 8, m);
  out32(out, O, m);
  if (th !== null) out32(th, H, m);
  return true;
}

/**
 * The float32 GELU's backward over the first n − n mod 4 entries: dinp += g·dout with g = gelu′(x) from
 * the kept tanh values (recomputed where `th` is null), in float32. Returns false where the WebAssembly kernels are not in use.
 * @example wasmGeluBackward32(new Float32Array(4), new Float32Array(4), new Float32Array(4), new Float32Array(4), 4) // => true (where WebAssembly SIMD runs)
 */
export function wasmGeluBackward32(
  dinp: Float32Array,
  inp: Float32Array,
  th: Float32Array | null,
  dout: Float32Array,
  n: number,
): boolean {
  const m = n - (n % 4);
  if (!begin((5 * m) / 2 + 16, [])) return false;
  const D = put32(dinp, m), X = put32(inp, m), G = put32(dout, m);
  let H: number;
  if (th !== null) H = put32(th, m);
  else { // the forward's tanh values, recomputed (its output is not needed)
    H = alloc32(m);
    cur.gelu32(alloc32(m) * 8, X * 8, H * 8, m);
  }
  cur.gelu32b(D * 8, X * 8, H * 8, G * 8, m);
  out32(dinp, D, m);
  return true;
}
