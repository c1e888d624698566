/**
 * `npm run train -- teacher-student [--fresh] [--reduced] [--refit] [--workers=N] [--only=ID,ID]`: the
 * teacher–student sweep of notebook 10 (`SWEEP` × seeds 0…SEEDS−1 of `src/learn/teacher_student.ts`).
 *
 * Runs the growth chains on worker threads (default 2), prints a line per trained width and one per
 * finished chain with the time left, and after every finished chain writes the checkpoint
 * (`.cache/teacher_student.json`) and both CSVs (`data/teacher_student_runs.csv`,
 * `data/teacher_student_exponents.csv`) atomically. A rerun resumes: finished chains are skipped
 * (`--fresh` starts again). Ctrl-C or SIGTERM stops the workers and exits with what was saved.
 *
 * At the end it prints the CPU seconds of every chain's thread, their total, and the critical path:
 * the longest worker's CPU seconds when the chains are dealt out in the sweep's order (longest first,
 * to whichever worker is free) with those CPU times, i.e. the wall time of the sweep on idle cores.
 *
 * `--reduced` reruns `REDUCED` (a few short chains, under a minute) and compares their rows with the
 * committed runs CSV bit for bit (everything but the `seconds` column), writing nothing.
 *
 * `--refit` trains nothing: it refits the exponents from the committed runs CSV (`summariseExponents`)
 * and rewrites `data/teacher_student_exponents.csv` with the current code version (the runs keep theirs).
 *
 * The code version written in every row is the git commit of HEAD plus the SHA-256 (first 12 hex
 * digits) of the numeric sources the sweep runs (`src/learn/*.ts` and the modules they import).
 */
import { readOptions } from "../cli";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { writeAtomic } from "../../src/figures/export";
import {
  type ChainResult,
  REDUCED,
  runChain,
  SEEDS,
  summariseExponents,
  SWEEP,
  type TeacherStudentConfig,
} from "../../src/learn/teacher_student";
import { exponentsToCsv, parseRuns, runsToCsv } from "../../src/learn/teacher_student_csv";

const RUNS = "data/teacher_student_runs.csv";
const EXPONENTS = "data/teacher_student_exponents.csv";
const CHECKPOINT = ".cache/teacher_student.json";
/** Sources whose change invalidates a checkpoint (the sweep's numerics). */
const SOURCES = [
  "src/learn/kernels.ts",
  "src/learn/mlp.ts",
  "src/learn/train.ts",
  "src/learn/targets.ts",
  "src/learn/teacher_student.ts",
  "src/learn/_chain_data.ts",
  "src/learn/_chain_steps.ts",
  "src/learn/_teacher_config.ts",
  "src/measure/manifold.ts",
  "src/stats/random.ts",
  "src/measure/approximation.ts",
  "src/measure/twonn.ts",
  "src/measure/kdtree.ts",
  "src/fit/powerlaw_fit.ts",
];

/** One-line description for `npm run train -- --help`. */
export const summary = "teacher–student sweep of notebook 10 (α of trained students against 4/d, 2h/d, 4h/d)";

function codeVersion(): string {
  const h = createHash("sha256");
  for (const f of SOURCES) h.update(readFileSync(f));
  let commit = "nogit";
  try {
    const out = new Deno.Command("git", { args: ["rev-parse", "--short=12", "HEAD"], stdout: "piped", stderr: "null" })
      .outputSync();
    if (out.code === 0) commit = new TextDecoder().decode(out.stdout).trim();
  } catch { /* no git: the hash alone identifies the code */ }
  return `${commit}+${h.digest("hex").slice(0, 12)}`;
}

/** The source hash part of a code version (commits differ between runs of the same code). */
const sourceHash = (v: string) => v.split("+")[1];

interface Checkpoint {
  codeVersion: string;
  chains: ChainResult[];
  /** CPU seconds of each finished chain's thread, by `config#seed`. */
  cpu?: Record<string, number>;
}

function parseArgs(
  args: string[],
): { fresh: boolean; reduced: boolean; refit: boolean; workers: number; only: string[] } | string {
  const read = readOptions("train teacher-student", args, {
    "--fresh": "switch",
    "--reduced": "switch",
    "--refit": "switch",
    "--workers": "value",
    "--only": "value",
  });
  if (typeof read === "string") return read;
  const { options } = read;
  const out = {
    fresh: options["--fresh"] === true,
    reduced: options["--reduced"] === true,
    refit: options["--refit"] === true,
    workers: 2,
    only: [] as string[],
  };
  if (typeof options["--workers"] === "string") {
    const w = Number(options["--workers"]);
    if (!Number.isInteger(w) || w < 1 || w > 16) {
      return `\`--workers\` must be an integer in [1, 16], got ${options["--workers"]}`;
    }
    out.workers = w;
  }
  if (typeof options["--only"] === "string") {
    out.only = options["--only"].split(",");
    const bad = out.only.filter((id) => !SWEEP.some((c) => c.id === id));
    if (bad.length > 0) return `unknown configuration ${bad.join(", ")}; valid: ${SWEEP.map((c) => c.id).join(", ")}`;
  }
  return out;
}

/**
 * The comparable part of a row: everything but the clocks, the code version and the chain's input TwoNN,
 * in one key order (a parsed row and a computed one list their fields in different orders).
 */
function comparable(r: object): string {
  const { seconds: _s, cpuSeconds: _u, codeVersion: _v, twonnInputs: _t, ...rest } = r as Record<string, unknown>;
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(sorted, (_k, v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : v));
}

function reduced(): number {
  if (!existsSync(RUNS)) {
    console.error(`teacher-student --reduced: ${RUNS} is missing; run the full sweep first`);
    return 1;
  }
  const committed = parseRuns(readFileSync(RUNS, "utf8"));
  let bad = 0;
  for (const job of REDUCED) {
    const c = SWEEP.find((x) => x.id === job.config)!;
    const t0 = performance.now();
    const r = runChain(c, job.seed, { maxWidths: job.widths });
    for (const row of r.rows) {
      const ref = committed.find((x) =>
        x.config === row.config && x.seed === row.seed && x.variant === row.variant && x.width === row.width
      );
      const same = ref !== undefined && comparable(ref) === comparable(row);
      if (!same) bad++;
      console.log(
        `${
          same ? "same" : "DIFFERENT"
        }: ${row.config} seed ${row.seed} width ${row.width}: test loss ${row.testLoss} (committed ${ref?.testLoss})`,
      );
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return bad === 0 ? 0 : 1;
}

/**
 * A chain's cost in units of (loss evaluations × training points × parameters), for the order of the
 * jobs: L-BFGS iterations × n × N summed over its widths, plus the doubled retraining on 2n and the
 * longer check's second run of iterations at the largest width; GELU units about twice a ReLU's.
 */
function cost(c: TeacherStudentConfig): number {
  const N = (w: number) => (c.D + 2) * w + 1;
  const top = N(c.widths[c.widths.length - 1]);
  const sum = c.widths.reduce((a, w) => a + N(w), 0) + (c.doubled ? 2 * top : 0) + (c.longer ? top : 0);
  return sum * c.trainPoints * c.iterations * (c.activation === "relu" ? 1 : 2) / (c.D > c.d ? 2 : 1);
}

/**
 * The critical path of `jobs` (CPU seconds each, in the order dealt) on `workers` idle workers: each job
 * goes to the worker that is free first; returns every worker's total.
 */
function schedule(jobs: number[], workers: number): number[] {
  const load = new Array(workers).fill(0);
  for (const s of jobs) {
    const i = load.indexOf(Math.min(...load));
    load[i] += s;
  }
  return load;
}

/** The committed runs regrouped into chains, and the exponents refitted from them with the current code. */
function refit(): number {
  if (!existsSync(RUNS)) {
    console.error(`teacher-student --refit: ${RUNS} is missing; run the full sweep first`);
    return 1;
  }
  const runs = parseRuns(readFileSync(RUNS, "utf8"));
  const keys = [...new Set(runs.map((r) => `${r.config}#${r.seed}`))];
  const chains: ChainResult[] = keys.map((k) => {
    const rows = runs.filter((r) => `${r.config}#${r.seed}` === k);
    const strip = rows.map(({ twonnInputs: _t, codeVersion: _c, ...r }) => r);
    return { config: rows[0].config, seed: rows[0].seed, rows: strip, twonnInputs: rows[0].twonnInputs };
  });
  writeAtomic(EXPONENTS, exponentsToCsv(summariseExponents(SWEEP, chains), codeVersion()));
  console.log(`teacher-student: refitted ${chains.length} chains of ${RUNS} into ${EXPONENTS}`);
  return 0;
}

/** Runs the sweep; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === "string") {
    console.error(`train teacher-student: ${opts}`);
    return 2;
  }
  if (opts.reduced) return reduced();
  if (opts.refit) return refit();
  const version = codeVersion();
  const configs: TeacherStudentConfig[] = opts.only.length > 0 ? SWEEP.filter((c) => opts.only.includes(c.id)) : SWEEP;
  let done: ChainResult[] = [];
  let cpu: Record<string, number> = {};
  if (!opts.fresh && existsSync(CHECKPOINT)) {
    const cp = JSON.parse(readFileSync(CHECKPOINT, "utf8"), (_k, v) => (v === "NaN" ? NaN : v)) as Checkpoint;
    if (sourceHash(cp.codeVersion) !== sourceHash(version)) {
      console.error(
        `teacher-student: the checkpoint was made by other code (${cp.codeVersion}, now ${version}); rerun with --fresh`,
      );
      return 1;
    }
    done = cp.chains;
    cpu = cp.cpu ?? {};
    console.log(`resuming: ${done.length} chains already finished`);
  }
  const jobs = configs.flatMap((c) => Array.from({ length: SEEDS }, (_, seed) => ({ c, seed })))
    .filter((j) => !done.some((ch) => ch.config === j.c.id && ch.seed === j.seed))
    .sort((a, b) => cost(b.c) - cost(a.c)); // longest first, so that the two workers finish together
  const total = jobs.length;
  console.log(`teacher-student: ${total} chains to run on ${opts.workers} workers (${version})`);
  const save = () => {
    mkdirSync(".cache", { recursive: true });
    const order = (ch: ChainResult) => SWEEP.findIndex((c) => c.id === ch.config) * 1000 + ch.seed;
    done.sort((a, b) => order(a) - order(b));
    writeAtomic(
      CHECKPOINT,
      JSON.stringify(
        { codeVersion: version, chains: done, cpu },
        (_k, v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : v),
      ),
    );
    writeAtomic(RUNS, runsToCsv(done, version));
    writeAtomic(EXPONENTS, exponentsToCsv(summariseExponents(SWEEP, done), version));
  };
  const workers: Worker[] = [];
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    for (const w of workers) w.terminate();
    console.error(
      `\nteacher-student: ${signal}: stopped; ${done.length} chains saved in ${CHECKPOINT} (rerun to resume)`,
    );
    Deno.exit(130);
  };
  const onInt = () => stop("SIGINT"), onTerm = () => stop("SIGTERM");
  Deno.addSignalListener("SIGINT", onInt);
  Deno.addSignalListener("SIGTERM", onTerm);
  const t0 = performance.now();
  let finished = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = () => {
        const job = jobs.shift();
        if (job === undefined) return resolve();
        worker.onmessage = (e: MessageEvent) => {
          const msg = e.data;
          if (msg.type === "row") {
            const r = msg.row;
            console.log(
              `  ${r.config} seed ${r.seed} ${r.variant} width ${r.width}: N = ${r.parameters}, test ${
                r.testLoss.toExponential(3)
              }, train ${Number.isNaN(r.trainLoss) ? "-" : r.trainLoss.toExponential(3)} (${r.seconds.toFixed(1)} s)`,
            );
          } else if (msg.type === "done") {
            done.push(msg.result as ChainResult);
            cpu[`${job.c.id}#${job.seed}`] = msg.cpuSeconds;
            finished++;
            save();
            const el = (performance.now() - t0) / 1000;
            const left = (el / finished) * (total - finished); // throughput of all workers so far
            const bar = "#".repeat(Math.round((20 * finished) / total)).padEnd(20, ".");
            console.log(
              `[${bar}] ${finished}/${total} chains (${job.c.id} seed ${job.seed} done, ${
                msg.cpuSeconds.toFixed(1)
              } CPU s), ${el.toFixed(0)} s elapsed, about ${left.toFixed(0)} s left`,
            );
            next();
          } else if (msg.type === "error") {
            reject(new Error(`${job.c.id} seed ${job.seed}: ${msg.message}`));
          }
        };
        worker.postMessage({ config: job.c, seed: job.seed });
      };
      next();
    });
  try {
    for (let i = 0; i < Math.min(opts.workers, Math.max(1, total)); i++) {
      workers.push(new Worker(new URL("./teacher_student_worker.ts", import.meta.url).href, { type: "module" }));
    }
    await Promise.all(workers.map(run));
    if (total === 0) save();
  } finally {
    for (const w of workers) w.terminate();
    Deno.removeSignalListener("SIGINT", onInt);
    Deno.removeSignalListener("SIGTERM", onTerm);
  }
  console.log(
    `teacher-student: ${done.length} chains in ${RUNS} and ${EXPONENTS} (${
      ((performance.now() - t0) / 1000).toFixed(0)
    } s)`,
  );
  reportCpu(configs, cpu, opts.workers);
  return 0;
}

/** Prints the chains' CPU seconds, their total and the critical path on `workers` idle workers. */
function reportCpu(configs: TeacherStudentConfig[], cpu: Record<string, number>, workers: number): void {
  const order = configs.flatMap((c) => Array.from({ length: SEEDS }, (_, seed) => ({ c, seed })))
    .sort((a, b) => cost(b.c) - cost(a.c));
  const times = order.map((j) => cpu[`${j.c.id}#${j.seed}`]);
  if (!times.every(Number.isFinite)) {
    console.log("teacher-student: CPU times were not measured for every chain (no critical path)");
    return;
  }
  for (const c of configs) {
    const mine = Array.from({ length: SEEDS }, (_, seed) => cpu[`${c.id}#${seed}`]);
    console.log(`  ${c.id}: ${mine.map((v) => v.toFixed(1)).join(" + ")} CPU s`);
  }
  const total = times.reduce((a, b) => a + b, 0);
  const load = schedule(times, workers);
  console.log(
    `teacher-student: ${total.toFixed(0)} CPU seconds in the chains' threads; on ${workers} idle workers ${
      load.map((v) => v.toFixed(0)).join(" and ")
    } s (critical path ${(Math.max(...load) / 60).toFixed(1)} min)`,
  );
}
