/**
 * Writes `src/learn/_kernels_wasm.ts`: the WebAssembly SIMD kernels built by `scripts/wasm/kernels.ts`,
 * and `src/fit/_huber_wasm.ts`: the objective of the fits built by `scripts/wasm/huber.ts`, as base64, so that nothing is fetched at run time and esbuild inlines them into the HTML edition's
 * bundles. Deterministic (`tests/learn/_kernels_wasm.test.ts` rebuilds and compares with the committed file).
 *
 * Usage: deno run -A scripts/build_wasm.ts
 */
import { fileURLToPath } from "node:url";
import { parseOptions } from "./cli";
import { kernelsWasmSource } from "./wasm/kernels";
import { huberWasmSource } from "./wasm/huber";
import { writeAtomic } from "../src/_util/write_atomic";

parseOptions("build_wasm", Deno.args, {});
for (
  const [file, source] of [["../src/learn/_kernels_wasm.ts", kernelsWasmSource], [
    "../src/fit/_huber_wasm.ts",
    huberWasmSource,
  ]] as const
) {
  const path = fileURLToPath(new URL(file, import.meta.url));
  writeAtomic(path, source());
  console.log(`wrote ${path}`);
}
