/**
 * Training throughput of the project's trainer (`src/learn/`) beside PyTorch on CPU: steps per second
 * (forward, mean-squared-error loss, exact backward pass, Adam update) of a two-hidden-layer ReLU
 * network in float64, input 32, widths 16, 64 and 256, one output, a full batch of 1024 points, one
 * thread each (ours is single-threaded; PyTorch is run with `torch.set_num_threads(1)` by
 * `bench/compare_torch.py`, with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only).
 *
 * Prints `mlp width W batch 1024: ours X steps/s (JavaScript loops Z), PyTorch Y steps/s, ours/PyTorch R`
 * per width (or "PyTorch not installed"); Z is the same trainer with the WebAssembly kernels switched
 * off (`setWasmKernels(false)`: the same numbers, the speed before them). Both rates are per CPU second of one thread (`process.cpuUsage`,
 * `time.process_time`), which on a shared machine is what an idle core would give (PyTorch's own rate
 * still moves by up to 2× with the machine's load: compare lines from one run). Goal of issue 21:
 * X ≥ 0.5 Y at every width.
 *
 * Ours runs the WebAssembly SIMD kernels (`src/learn/_wasm.ts`; bit for bit the JavaScript loops'
 * results) where available, as training does. Measured on this machine (2 shared cores), December
 * 2026: ours about 1,950, 390 and 38 steps/s at widths 16, 64 and 256 (the JavaScript loops 630, 113
 * and 10), steady within a few per cent whatever the load; PyTorch's rate moved between 840, 307 and 56
 * (load average 6) and 2,060, 560 and 82 (a quieter hour), so ours/PyTorch was 0.95–2.3, 0.7–1.3 and
 * 0.46–0.68. What limits width 256: the dense products run at the f64x2 issue limit (about 16 GFLOP/s,
 * no FMA), the ReLU layers' zeros (half of every product's left operand, skipped exactly) halve the
 * work, and PyTorch's 8-lane FMA has no WebAssembly counterpart.
 */
import process from "node:process";
import { Random } from "../src/stats/random";
import { createMlp } from "../src/learn/mlp";
import { trainAdam } from "../src/learn/train";
import { setWasmKernels } from "../src/learn/_wasm";
import { existsSync } from "node:fs";

/** Debian's python3 (where python3-torch, -scipy and -sklearn install), else whatever python3 is on PATH. */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

const WIDTHS = [16, 64, 256];
const BATCH = 1024, INPUTS = 32, THREADS = 1;

/** CPU seconds of this process (user + system) since `start`. */
function cpuSince(start: { user: number; system: number }): number {
  const t = process.cpuUsage(start);
  return (t.user + t.system) / 1e6;
}

/**
 * Steps per CPU second of our trainer at one width (single-threaded, so CPU time is the time on an idle
 * core; the machine is shared, where wall-clock rates would measure the other jobs): after a warm-up
 * of at least 0.5 CPU s (V8's optimising compiler), the steps of at least `seconds` CPU seconds.
 */
function ours(width: number, seconds = 1.5, wasm = true): number {
  const was = setWasmKernels(wasm);
  try {
    return oursNow(width, seconds);
  } finally {
    setWasmKernels(was);
  }
}

function oursNow(width: number, seconds: number): number {
  const rng = new Random(1);
  const x = rng.normals(BATCH * INPUTS), y = rng.normals(BATCH);
  const net = createMlp({ inputs: INPUTS, hidden: [width, width], activation: "relu" }, rng);
  for (const t0 = process.cpuUsage(); cpuSince(t0) < 0.5;) trainAdam(net, x, y, { steps: 2 });
  let steps = 2, elapsed = 0;
  for (;;) {
    const t0 = process.cpuUsage();
    trainAdam(net, x, y, { steps });
    elapsed = cpuSince(t0);
    if (elapsed >= seconds) break;
    steps *= 2;
  }
  // trainAdam ends with one extra full forward/backward pass (its final loss): count it as a step
  return (steps + 1) / elapsed;
}

/** PyTorch's steps per second by width, or null if PyTorch is missing. */
async function torch(): Promise<Map<number, number> | null> {
  const env = { ...Deno.env.toObject() };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  try {
    const out = await new Deno.Command(PYTHON, {
      args: ["bench/compare_torch.py", String(THREADS)],
      env,
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (out.code !== 0) {
      console.log(`  (${new TextDecoder().decode(out.stderr).trim().split("\n").at(-1)})`);
      return null;
    }
    const rows = new TextDecoder().decode(out.stdout).trim().split("\n").map((l) => l.split(" ").map(Number));
    return new Map(rows.map(([w, s]) => [w, s]));
  } catch {
    return null;
  }
}

/** Prints the comparison lines. */
export async function bench(): Promise<void> {
  console.log(`two-hidden-layer ReLU MLP, float64, input ${INPUTS}, batch ${BATCH}, Adam, ${THREADS} thread`);
  const peer = await torch();
  for (const w of WIDTHS) {
    const x = ours(w), js = ours(w, 1.5, false);
    const y = peer?.get(w);
    const theirs = y === undefined
      ? "PyTorch not installed (apt-get install -y python3-torch)"
      : `PyTorch ${y.toFixed(0)} steps/s`;
    const ratio = y === undefined ? "" : `, ours/PyTorch ${(x / y).toFixed(2)}`;
    console.log(
      `mlp width ${w} batch ${BATCH}: ours ${x.toFixed(0)} steps/s (JavaScript loops ${
        js.toFixed(0)
      }), ${theirs}${ratio}`,
    );
  }
}

if (import.meta.main) await bench();
