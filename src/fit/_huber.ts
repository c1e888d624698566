/**
 * The WebAssembly version of the Approach-3 objective (private to src/fit/objective.ts): the module
 * built from `scripts/wasm/huber.ts`, committed in `_huber_wasm.ts` (3 kB, so that a browser's main
 * thread compiles it synchronously too). It gives the bits of the JavaScript reference
 * (`objectiveReference`), which runs where WebAssembly is missing or switched off.
 *
 * @module
 */
import { HUBER_WASM_BASE64 } from "./_huber_wasm";

interface Exports {
  memory: WebAssembly.Memory;
  huber: (n: number, data: number, io: number, withGradient: number) => void;
}

let kernel: Exports | null = null;
let heap = new Float64Array(0);
let enabled = true;

function load(): void {
  const WA = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (WA === undefined || typeof atob !== "function") return;
  const bin = atob(HUBER_WASM_BASE64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  try {
    kernel = new WA.Instance(new WA.Module(bytes), {}).exports as unknown as Exports;
    heap = new Float64Array(kernel.memory.buffer);
  } catch {
    kernel = null; // the JavaScript reference runs: the same numbers
  }
}
load();

/** The io block: [a, b, e, α, β, δ, f, g₀ … g₄], then the runs' four arrays. */
const IO = 0, DATA = 12;

/**
 * The objective at `v` over the runs `logN`, `logD`, `logL`, `weight` (n each), its gradient written into
 * `grad` when given; `null` where the WebAssembly module is not in use (the caller runs the reference).
 */
export function wasmHuber(
  v: ArrayLike<number>,
  logN: Float64Array,
  logD: Float64Array,
  logL: Float64Array,
  weight: Float64Array,
  grad: Float64Array | undefined,
  delta: number,
): number | null {
  if (kernel === null || !enabled) return null;
  const n = logN.length;
  const need = DATA + 4 * n;
  if (need > heap.length) {
    try {
      kernel.memory.grow(Math.ceil((need * 8 - kernel.memory.buffer.byteLength) / 65536));
    } catch {
      return null;
    }
    heap = new Float64Array(kernel.memory.buffer);
  }
  for (let i = 0; i < 5; i++) heap[IO + i] = v[i];
  heap[IO + 5] = delta;
  heap.set(logN, DATA);
  heap.set(logD, DATA + n);
  heap.set(logL, DATA + 2 * n);
  heap.set(weight, DATA + 3 * n);
  kernel.huber(n, DATA * 8, IO * 8, grad === undefined ? 0 : 1);
  if (grad !== undefined) { for (let i = 0; i < 5; i++) grad[i] = heap[IO + 7 + i]; }
  return heap[IO + 6];
}

/** Switches the WebAssembly objective off or on (for the tests that compare it with the reference); returns the previous setting. */
export function setWasmHuber(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** Whether the WebAssembly objective is in use. */
export function wasmHuberActive(): boolean {
  return kernel !== null && enabled;
}
