import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { KERNELS_WASM_BASE64 } from "../../src/learn/_kernels_wasm";
import { buildKernelsWasm, kernelsWasmSource } from "../../scripts/wasm/kernels";

describe("the committed WebAssembly module", () => {
  it("is what scripts/wasm/kernels.ts builds, byte for byte", () => {
    expect(readFileSync("src/learn/_kernels_wasm.ts", "utf8")).toBe(kernelsWasmSource());
    expect(KERNELS_WASM_BASE64.length).toBeGreaterThan(1000);
  });

  it("is a valid module (SIMD included) exporting its memory and kernels", () => {
    const bytes = new Uint8Array(buildKernelsWasm());
    expect(WebAssembly.validate(bytes)).toBe(true);
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    expect(names).toContain("memory");
    expect(names).toContain("gemm");
    expect(atob(KERNELS_WASM_BASE64).length).toBe(bytes.length);
  });
});
