/**
 * Benchmark of the character transformer of notebook 11: training throughput (tokens per second:
 * forward, backward, gradient clip and AdamW on batches of 16 windows of 64 characters) of each size of
 * the sweep, beside PyTorch on CPU running the same model, batch and thread count
 * (`bench/compare_torch_lm.py`, single thread; skipped with a note when PyTorch is missing).
 *
 * Run: `deno run -A bench/lm.ts` (or `npm run bench -- lm`).
 */
import { existsSync } from "node:fs";
import { defaultTrainConfig, nonEmbeddingParameters } from "../src/learn/lm/config";
import { BATCH, CONTEXT } from "../src/learn/lm/sweep";
import { Trainer } from "../src/learn/lm/train";
import { SIZES } from "../scripts/train/lm";

/** Measured training throughput of our trainer for one size, in tokens per second. */
function ours(width: number, layers: number, heads: number, seconds: number): number {
  const cfg = { vocabSize: 85, context: CONTEXT, width, layers, heads };
  const data = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 85);
  const t = new Trainer(cfg, defaultTrainConfig({ steps: 100_000, batch: BATCH }), data);
  for (let i = 0; i < 3; i++) t.step();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    t.step();
    n++;
  }
  return (n * BATCH * CONTEXT) / ((performance.now() - t0) / 1000);
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
  console.log(`character transformer, training tokens/s (batch ${BATCH}, context ${CONTEXT}, 1 thread, float32)`);
  console.log("  size      N        ours      PyTorch   ours/PyTorch");
  for (const s of sizes) {
    const o = ours(s.width, s.layers, s.heads, seconds);
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
        (t === undefined ? "–" : t.toFixed(0)).padStart(10)
      }   ${t === undefined ? "–" : (o / t).toFixed(2)}`,
    );
  }
  if (note) console.log(`  PyTorch: ${note}`);
}

if (import.meta.main) await bench();
