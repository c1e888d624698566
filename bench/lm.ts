/**
 * Benchmark of the character transformer of notebook 11: training throughput (tokens per second:
 * forward, backward, gradient clip and AdamW on batches of 16 windows of 64 characters) of each size of
 * the sweep, beside PyTorch on CPU running the same model, batch and thread count
 * (`bench/compare_torch_lm.py`, single thread; skipped with a note when PyTorch is missing). Both
 * rates are per CPU second of one process (`process.cpuUsage`, `time.process_time`, the engines'
 * helper threads included), as in `bench/mlp.ts`: wall-clock rates on a shared machine measure the
 * other jobs.
 *
 * Measured in alternation: for each size, three rounds of ours then PyTorch's (a PyTorch process
 * serving one measurement per request), so that both see the same load; the ratio printed is the
 * median of the three rounds' ratios. On this machine PyTorch's own rate swings 2–3× from one minute
 * to the next (at w64l2, 14,000 to 40,000 tokens per CPU second within a minute, December 2026, on
 * 2 shared cores), far more than ours: a ratio from measurements minutes apart says little.
 *
 * Ours runs the WebAssembly SIMD kernels (`src/learn/_wasm.ts`, bit for bit the `Math.fround` loops'
 * results) where available: the dense products and the attention's by `gemm32` (float32 lanes, 4 × 8
 * register tiles), the attention's softmax (`softmax32`, the project's own `expf`) and the GELU (`gelu32`,
 * its own `tanhf`), all in float32 arithmetic as PyTorch's. What limits it at width 64, by V8's
 * sampling profiler on this machine: the products are about half of a step at about 30 GFLOP/s per core
 * (f32x4 without FMA, and Deno runs WebAssembly without V8's trap handler, so that every memory access is
 * bounds-checked: PyTorch runs AVX-512 FMA at several times that); copying the operands into the
 * module's memory and back about a tenth; the layer norms, the cross-entropy and AdamW in JavaScript most
 * of the rest.
 *
 * Prints one line per size: ours, in brackets the same trainer with the WebAssembly kernels switched
 * off (`setWasmKernels(false)`: the same numbers, the speed before them), PyTorch, and the ratio;
 * then the load average before and after.
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

/** Rounds of ours then PyTorch's per size, and CPU seconds per measurement. */
const ROUNDS = 3, SECONDS = 2;

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

/** A PyTorch process answering one measurement per request, or the reason there is none. */
interface Torch {
  measure(spec: string, seconds: number): Promise<number>;
  close(): Promise<void>;
}

async function startTorch(): Promise<Torch | string> {
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; // Debian's python3-torch lives there
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(python, {
      args: ["bench/compare_torch_lm.py", "--serve", "--threads", "1"],
      // one thread below PyTorch too (OpenMP, OpenBLAS, MKL), whose CPU seconds would count
      env: { OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch {
    return "python3 not found";
  }
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const nextLine = async (): Promise<string | null> => {
    for (;;) {
      const at = buffer.indexOf("\n");
      if (at >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        return line;
      }
      const { value, done } = await lines.read();
      if (done) return null;
      buffer += value;
    }
  };
  const stdin = child.stdin.getWriter();
  const close = async () => {
    await stdin.close().catch(() => {});
    await child.status;
    await lines.cancel().catch(() => {});
    await child.stderr.cancel().catch(() => {});
  };
  const ready = await nextLine();
  if (ready === null || !ready.includes('"ready"')) {
    const err = (await new Response(child.stderr).text().catch(() => "")).trim().split("\n").pop();
    await close();
    return err || "PyTorch did not start";
  }
  return {
    async measure(spec, seconds) {
      await stdin.write(new TextEncoder().encode(`${spec} ${seconds}\n`));
      const line = await nextLine();
      if (line === null) throw new Error("compare_torch_lm.py stopped answering");
      return JSON.parse(line).tokens_per_s;
    },
    close,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () => Deno.loadavg().map((x) => x.toFixed(1)).join(", ");

/** Prints ours beside PyTorch per size. */
export async function bench(): Promise<void> {
  const torch = await startTorch();
  console.log(
    `character transformer, training tokens per CPU second (batch ${BATCH}, context ${CONTEXT}, 1 thread, float32; ` +
      `medians of ${ROUNDS} alternating rounds of ${SECONDS} s)`,
  );
  console.log(`  load average before: ${load()}`);
  console.log("  size      N        ours  (JS loops)    PyTorch   ours/PyTorch   (PyTorch's rounds)");
  try {
    for (const s of SIZES) {
      const spec = `${s.name}:${s.width}:${s.layers}:${s.heads}`;
      const o: number[] = [], t: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        o.push(ours(s.width, s.layers, s.heads, SECONDS));
        if (typeof torch !== "string") t.push(await torch.measure(spec, SECONDS));
      }
      const js = ours(s.width, s.layers, s.heads, SECONDS, false);
      const N = nonEmbeddingParameters({
        vocabSize: 85,
        context: CONTEXT,
        width: s.width,
        layers: s.layers,
        heads: s.heads,
      });
      const ratio = t.length ? median(o.map((x, i) => x / t[i])).toFixed(2) : "–";
      console.log(
        `  ${s.name.padEnd(8)} ${String(N).padStart(7)} ${median(o).toFixed(0).padStart(9)} ${
          `(${js.toFixed(0)})`.padStart(11)
        } ${(t.length ? median(t).toFixed(0) : "–").padStart(10)}   ${ratio.padEnd(12)}   ${
          t.length ? `${Math.min(...t).toFixed(0)}–${Math.max(...t).toFixed(0)}` : ""
        }`,
      );
    }
  } finally {
    if (typeof torch !== "string") await torch.close();
  }
  console.log(`  load average after: ${load()}`);
  if (typeof torch === "string") console.log(`  PyTorch: ${torch}`);
}

if (import.meta.main) await bench();
