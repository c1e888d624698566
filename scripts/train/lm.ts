/**
 * `npm run train -- lm [--reduced] [--fresh] [--workers N]`: the language-model sweep of notebook 11.
 * Trains every run of `sweepPlan` (character transformers on the Brown corpus), one run per worker
 * thread, with a progress bar; each run checkpoints every few steps (atomically) and an interrupted
 * sweep resumes where it stopped (`--fresh` discards the checkpoints and results). When every run is
 * done it writes, atomically, `data/lm_runs.csv` (one row per run: final losses overall and per genre,
 * provenance), `data/lm_curves.csv`, `data/lm_genres.csv`, `data/lm_twonn.csv`, `data/lm_samples.csv` and
 * `data/lm_weights.csv` (the final parameters of seed 0 of each size, for the live edition).
 * Ctrl-C (SIGINT) or SIGTERM stops the workers and exits with code 130, leaving only complete files.
 *
 * `--reduced` trains a smaller plan (fewer steps and sizes) into `.lm_runs_reduced/` and writes its CSVs to
 * `/tmp/lm_reduced/` instead of `data/`, for trying the machinery quickly.
 */
import { readOptions } from "../cli";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { writeAtomic } from "../../src/figures/export";
import { loadBrown } from "../../src/findings/brown_corpus";
import { rowsToCsv } from "../../src/_util/csv";
import {
  PROMPT,
  runFlops,
  type RunResult,
  type RunSpec,
  SAMPLE_SEED,
  SAMPLE_TEMPERATURE,
  sweepPlan,
  type SweepSize,
} from "../../src/learn/lm/sweep";

/** One line for `npm run train -- --help`. */
export const summary = "character transformers on the Brown corpus (notebook 11)";

/** The sizes of the sweep (non-embedding N from 252 to 100 096). */
export const SIZES: SweepSize[] = [
  { name: "w4l1", width: 4, layers: 1, heads: 1 },
  { name: "w8l1", width: 8, layers: 1, heads: 2 },
  { name: "w16l1", width: 16, layers: 1, heads: 2 },
  { name: "w24l2", width: 24, layers: 2, heads: 2 },
  { name: "w32l2", width: 32, layers: 2, heads: 4 },
  { name: "w48l2", width: 48, layers: 2, heads: 4 },
  { name: "w64l2", width: 64, layers: 2, heads: 4 },
];
const SEEDS = [3, 3, 3, 3, 2, 1, 1];

/** The full plan and the reduced one. */
export function plan(reduced: boolean, vocabSize: number): RunSpec[] {
  if (reduced) {
    return sweepPlan({
      steps: 60,
      sizes: SIZES.slice(0, 4).map((size) => ({ size, seeds: 1 })),
      dataSize: "w16l1",
      dataSteps: [20, 40],
      checkSteps: 10,
      vocabSize,
    });
  }
  return sweepPlan({
    steps: 4800,
    sizes: SIZES.map((size, i) => ({ size, seeds: SEEDS[i] })),
    dataSize: "w24l2",
    dataSteps: [600, 1200, 2400],
    checkSteps: 40,
    vocabSize,
  });
}

/** Steps between checkpoints. */
const CHECKPOINT_EVERY = 50;

function codeVersion(): string {
  const run = (args: string[]) => {
    const out = new Deno.Command("git", { args, stdout: "piped", stderr: "null" }).outputSync();
    return new TextDecoder().decode(out.stdout).trim();
  };
  try {
    const head = run(["rev-parse", "--short=10", "HEAD"]);
    const dirty = run([
      "status",
      "--porcelain",
      "--",
      "src/learn/lm",
      "src/measure/twonn.ts",
      "src/measure/kdtree.ts",
      "src/stats/random.ts",
      "scripts/train/lm.ts",
      "scripts/train/lm_worker.ts",
    ]);
    return dirty === "" ? head : `${head}+dirty`;
  } catch {
    return "unknown";
  }
}

function bar(fraction: number, width = 30): string {
  const full = Math.round(fraction * width);
  return "[" + "#".repeat(full) + ".".repeat(width - full) + "]";
}

function fmtTime(s: number): string {
  if (!Number.isFinite(s)) return "?";
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - 60 * m)).padStart(2, "0")}s`;
}

/** Writes the CSVs from the results of every run. */
function writeOutputs(
  runs: RunSpec[],
  results: Map<string, { result: RunResult; wall: number; code: string }>,
  outDir: string,
): void {
  mkdirSync(outDir, { recursive: true });
  const genres = [...new Set(results.values().next().value!.result.genres.map((g) => g.genre))].sort();
  const runRows = [], curveRows = [], genreRows = [], twonnRows = [], sampleRows = [], weightRows = [];
  for (const spec of runs) {
    const { result: r, wall, code } = results.get(spec.id)!;
    const row: Record<string, unknown> = {
      run: spec.id,
      kind: spec.kind,
      width: spec.model.width,
      layers: spec.model.layers,
      heads: spec.model.heads,
      context: spec.model.context,
      vocab: spec.model.vocabSize,
      N: r.N,
      params: r.params,
      seed: spec.train.seed,
      steps: spec.train.steps,
      batch: spec.train.batch,
      tokens: spec.train.steps * spec.train.batch * spec.model.context,
      lr: spec.train.lr,
      flops: runFlops(spec),
      train_loss: r.trainLoss,
      val_loss: r.valLoss,
    };
    for (const g of genres) row[`val_${g}`] = r.genres.find((x) => x.genre === g && x.split === "validation")!.mean;
    row.wall_s = Math.round(wall * 10) / 10;
    row.code_version = code;
    runRows.push(row);
    for (const c of r.curve) {
      curveRows.push({
        run: spec.id,
        step: c.step,
        tokens: c.tokens,
        batch_loss: c.batchLoss,
        train_loss: c.trainLoss,
        val_loss: c.valLoss,
      });
    }
    for (const g of r.genres) {
      genreRows.push({ run: spec.id, genre: g.genre, split: g.split, windows: g.windows, mean: g.mean, sd: g.sd });
    }
    for (const t of r.twonn) {
      twonnRows.push({
        run: spec.id,
        N: r.N,
        width: spec.model.width,
        what: t.what,
        points: t.points,
        subsets: t.subsets,
        estimate: t.estimate,
        mle: t.mle,
      });
    }
    if (r.sample !== "") {
      sampleRows.push({
        run: spec.id,
        N: r.N,
        temperature: SAMPLE_TEMPERATURE,
        seed: SAMPLE_SEED,
        prompt: PROMPT,
        text: r.sample.replaceAll("\n", "\\n"),
      });
    }
    if (r.weights !== "") {
      const m = spec.model;
      weightRows.push({
        run: spec.id,
        width: m.width,
        layers: m.layers,
        heads: m.heads,
        context: m.context,
        vocab: m.vocabSize,
        N: r.N,
        params: r.params,
        weights: r.weights,
      });
    }
  }
  const cols = (rows: Record<string, unknown>[]) => Object.keys(rows[0]);
  writeAtomic(`${outDir}/lm_runs.csv`, rowsToCsv(runRows, cols(runRows)));
  writeAtomic(`${outDir}/lm_curves.csv`, rowsToCsv(curveRows, cols(curveRows)));
  writeAtomic(`${outDir}/lm_genres.csv`, rowsToCsv(genreRows, cols(genreRows)));
  if (twonnRows.length > 0) writeAtomic(`${outDir}/lm_twonn.csv`, rowsToCsv(twonnRows, cols(twonnRows)));
  if (sampleRows.length > 0) writeAtomic(`${outDir}/lm_samples.csv`, rowsToCsv(sampleRows, cols(sampleRows)));
  if (weightRows.length > 0) writeAtomic(`${outDir}/lm_weights.csv`, rowsToCsv(weightRows, cols(weightRows)));
}

/** Entry point (see the module comment); returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const read = readOptions("train lm", args, {
    "--reduced": "switch",
    "--fresh": "switch",
    "--workers": "value",
    "--help": "switch",
    "-h": "switch",
  });
  if (typeof read === "string") {
    console.error(`train lm: ${read}`);
    return 2;
  }
  const { options } = read;
  if (options["--help"] || options["-h"]) {
    console.log("usage: npm run train -- lm [--reduced] [--fresh] [--workers N]");
    return 0;
  }
  let workers = 2;
  if (typeof options["--workers"] === "string") {
    workers = Number(options["--workers"]);
    if (!Number.isInteger(workers) || workers < 1 || workers > 8) {
      console.error(`train lm: \`--workers\` must be an integer in [1, 8], got ${options["--workers"]}`);
      return 2;
    }
  }
  const reduced = options["--reduced"] === true;
  const dir = reduced ? ".lm_runs_reduced" : ".lm_runs";
  const outDir = reduced ? "/tmp/lm_reduced" : "data";
  if (options["--fresh"] === true) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const corpus = loadBrown();
  const runs = plan(reduced, corpus.vocab.length);
  const code = codeVersion();
  const results = new Map<string, { result: RunResult; wall: number; code: string }>();
  for (const spec of runs) {
    const path = `${dir}/${spec.id}.json`;
    if (!existsSync(path)) continue;
    const saved = JSON.parse(readFileSync(path, "utf8"));
    if (saved.spec === JSON.stringify(spec)) results.set(spec.id, saved);
  }
  // a saved result counts only if its spec is exactly the planned one (files of other plans are ignored)
  const pending = runs.filter((r) => !results.has(r.id)).sort((a, b) => runFlops(b) - runFlops(a));
  const totalFlops = runs.reduce((a, r) => a + runFlops(r), 0);
  let doneFlops = runs.filter((r) => results.has(r.id)).reduce((a, r) => a + runFlops(r), 0);
  const progress = new Map<string, number>();
  console.log(
    `train lm: ${runs.length} runs (${pending.length} to train), ${
      (totalFlops / 1e12).toFixed(2)
    }·10¹² FLOPs (6·N·tokens), ${workers} workers, code ${code}`,
  );
  const t0 = performance.now();
  let stopping = false;
  const active = new Set<Worker>();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of active) w.terminate();
    console.error("\ntrain lm: interrupted; checkpoints kept, rerun to resume");
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  let lastDraw = 0;
  const draw = (force = false) => {
    const now = performance.now();
    if (!force && now - lastDraw < 1000) return;
    lastDraw = now;
    let partial = 0;
    for (const [id, step] of progress) {
      const spec = runs.find((r) => r.id === id)!;
      partial += (runFlops(spec) * step) / spec.train.steps;
    }
    const f = (doneFlops + partial) / totalFlops, el = (now - t0) / 1000;
    const trainedNow = doneFlops + partial - initialFlops;
    const eta = trainedNow > 0 ? (el * (totalFlops - doneFlops - partial)) / trainedNow : Infinity;
    const line =
      `${bar(f)} ${(100 * f).toFixed(1)}%  ${results.size}/${runs.length} runs  elapsed ${fmtTime(el)}  eta ${
        fmtTime(eta)
      }  ` +
      [...progress].map(([id, s]) => `${id}@${s}`).join(" ");
    Deno.stderr.writeSync(new TextEncoder().encode(`\r${line.padEnd(120)}`));
  };
  const initialFlops = doneFlops;
  const queue = pending.slice();
  const runWorker = async (): Promise<void> => {
    while (queue.length > 0 && !stopping) {
      const spec = queue.shift()!;
      const w = new Worker(new URL("./lm_worker.ts", import.meta.url).href, { type: "module" });
      active.add(w);
      progress.set(spec.id, 0);
      await new Promise<void>((resolve, reject) => {
        w.onmessage = (e) => {
          const m = e.data;
          if (m.type === "progress") {
            progress.set(m.id, m.step);
            draw();
          } else if (m.type === "done") {
            const saved = { spec: JSON.stringify(spec), result: m.result, wall: m.wall, code };
            writeAtomic(`${dir}/${spec.id}.json`, JSON.stringify(saved));
            rmSync(`${dir}/${spec.id}.ckpt`, { force: true });
            results.set(spec.id, saved);
            progress.delete(spec.id);
            doneFlops += runFlops(spec);
            draw(true);
            resolve();
          }
        };
        w.onerror = (e) => {
          e.preventDefault();
          reject(new Error(`run ${spec.id}: ${e.message}`));
        };
        const poll = setInterval(() => {
          if (stopping) {
            clearInterval(poll);
            resolve();
          }
        }, 200);
        w.postMessage({ spec, dir, checkpointEvery: reduced ? 10 : CHECKPOINT_EVERY });
      }).finally(() => {
        w.terminate();
        active.delete(w);
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(workers, Math.max(1, pending.length)) }, runWorker));
  } catch (e) {
    stop();
    console.error(`\ntrain lm: ${(e as Error).message}`);
    return 1;
  } finally {
    Deno.removeSignalListener("SIGINT", stop);
    Deno.removeSignalListener("SIGTERM", stop);
  }
  if (stopping) return 130;
  console.error("");
  writeOutputs(runs, results, outDir);
  const wall = (performance.now() - t0) / 1000;
  const sum = [...results.values()].reduce((a, r) => a + r.wall, 0);
  console.log(
    `train lm: done in ${fmtTime(wall)} wall (${fmtTime(sum)} of run time summed over runs); wrote ${outDir}/lm_*.csv`,
  );
  return 0;
}
