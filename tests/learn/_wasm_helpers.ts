/**
 * Shared by the tests of the WebAssembly kernels (tests/learn/_wasm.test.ts,
 * tests/learn/lm/_attention_wasm.test.ts): run a computation both ways, compare bits.
 */
import { setWasmKernels } from "../../src/learn/_wasm";

/** Runs `f` with the JavaScript loops (the kernels switched off), then with the WebAssembly kernels. */
export function both<T>(f: () => T): [T, T] {
  setWasmKernels(false);
  try {
    const js = f();
    setWasmKernels(true);
    return [js, f()];
  } finally {
    setWasmKernels(true);
  }
}

/** The arrays' bits: equal bits, not merely equal values (−0 and +0 differ). */
export const bits = (xs: (Float32Array | Float64Array)[]): number[][] =>
  xs.map((x) => Array.from(new Uint32Array(x.buffer, x.byteOffset, x.byteLength / 4)));
