/**
 * Benchmark of the character transformer of notebook 11: training throughput (tokens per second:
 * forward, backward, gradient clip and AdamW on batches of 16 windows of 64 characters) of each size of
 * the sweep, beside PyTorch on CPU running the same model, batch and thread count
 * (`bench/compare_torch_lm.py`, single thread; skipped with a note when PyTorch is missing). Both
 * rates are per CPU second of one thread (`process.cpuUsage`, `time.process_time`), as in
 * `bench/mlp.ts`: wall-clock rates on a shared machine measure the other jobs.
 *
 * Ours runs the WebAssembly SIMD kernels (`src/learn/_wasm.ts`, bit for bit the JavaScript loops'
 * results) where available: the matrix products, and the attention's products and weighted sums (its
 * softmax stays in JavaScript). Measured on this machine, December 2026, at w64l2: about 9,600 tokens per
 * CPU second against 3,700 with the JavaScript loops; PyTorch 17,800 (load average 6) to 47,000 (a
 * quieter hour), so 0.2–0.54× (issue 20's goal: 0.5×). What limits it now: the products run at f64x2
 * rates (float32 storage but double-precision sums: no float32 lanes, no FMA, and the backward's
 * float32 rounding after every block of four costs two instructions per pair of sums), against
 * PyTorch's float32 AVX-512 FMA; and a fifth of the step is the layers still in JavaScript (GELU and the
 * softmax, whose tanh and exp are V8's: WebAssembly cannot reproduce them bit for bit).
 *
 * Prints one line per size: ours, in brackets the same trainer with the WebAssembly kernels switched
 * off (`setWasmKernels(false)`: the same numbers, the speed before them), PyTorch, and the ratio.
 *
 * Run: `deno run -A bench/lm.ts` (or `npm run bench -- lm`).
 */
import { existsSync } from "node:fs";
import process from "node:process";
import { defaultTrainConfig, nonEmbeddingParameters } from "../src/learn/lm/config";
import { BATCH, CONTEXT } from "../src/learn/lm/sweep";
import { Trainer } from "../src/learn/lm/train";
import { SIZES } from "../scripts/train/lm";
import { setWasmKernels } from "../src/learn/_wasm";

/** CPU seconds of this process (user + system) since `start`. */
function cpuSince(start: { user: number; system: number }): number {
  const t = process.cpuUsage(start);
  return (t.user + t.system) / 1e6;
}

/** Measured training throughput of our trainer for one size, in tokens per CPU second. */
function ours(width: number, layers: number, heads: number, seconds: number, wasm = true): number {
  const was = setWasmKernels(wasm);
  try {
    return oursNow(width, layers, heads, seconds);
  } finally {
    setWasmKernels(was);
  }
}

function oursNow(width: number, layers: number, heads: number, seconds: number): number {
  const cfg = { vocabSize: 85, context: CONTEXT, width, layers, heads };
  const data = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 85);
  const t = new Trainer(cfg, defaultTrainConfig({ steps: 100_000, batch: BATCH }), data);
  for (let i = 0; i < 3; i++) t.step();
  let n = 0;
  const t0 = process.cpuUsage();
  while (cpuSince(t0) < seconds) {
    t.step();
    n++;
  }
  return (n * BATCH * CONTEXT) / cpuSince(t0);
}

/** Prints ours beside PyTorch per size. */
export async function bench(): Promise<void> {
  const seconds = 3;
  const sizes = SIZES;
  let torch = new Map<string, number>();
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; // Debian's python3-torch lives there
  const py = new Deno.Command(python, {
    args: [
      "bench/compare_torch_lm.py",
      "--threads",
      "1",
      "--seconds",
      String(seconds),
      ...sizes.map((s) => `${s.name}:${s.width}:${s.layers}:${s.heads}`),
    ],
    stdout: "piped",
    stderr: "piped",
  });
  const out = await py.output().catch(() => null);
  let note = "";
  if (out && out.code === 0) {
    const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
    torch = new Map(lines.map((l) => JSON.parse(l)).map((r) => [r.name, r.tokens_per_s]));
  } else {
    note = out ? new TextDecoder().decode(out.stderr).trim().split("\n").pop()! : "python3 not found";
  }
  console.log(
    `character transformer, training tokens per CPU second (batch ${BATCH}, context ${CONTEXT}, 1 thread, float32)`,
  );
  console.log("  size      N        ours  (JS loops)    PyTorch   ours/PyTorch");
  for (const s of sizes) {
    const o = ours(s.width, s.layers, s.heads, seconds), js = ours(s.width, s.layers, s.heads, seconds, false);
    const t = torch.get(s.name);
    const N = nonEmbeddingParameters({
      vocabSize: 85,
      context: CONTEXT,
      width: s.width,
      layers: s.layers,
      heads: s.heads,
    });
    console.log(
      `  ${s.name.padEnd(8)} ${String(N).padStart(7)} ${o.toFixed(0).padStart(9)} ${
        `(${js.toFixed(0)})`.padStart(11)
      } ${(t === undefined ? "–" : t.toFixed(0)).padStart(10)}   ${t === undefined ? "–" : (o / t).toFixed(2)}`,
    );
  }
  if (note) console.log(`  PyTorch: ${note}`);
}

if (import.meta.main) await bench();
