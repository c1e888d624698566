/**
 * Runs one command so that an interruption ends everything it started: the last step of every npm
 * script (scripts/run.sh `exec`s into it after set-up).
 *
 * npm runs a script as `sh -c "…"` and, on SIGINT or SIGTERM, signals only that shell; a shell waiting
 * on `a && b` dies and leaves `b` (and everything `b` started) running. Here, one process stands between
 * npm and the command and outlives it:
 * - it makes itself the *child subreaper* of everything below it (Linux `prctl(PR_SET_CHILD_SUBREAPER)`),
 *   so a process whose parent dies (a Jupyter kernel in its own session, a browser started detached) is
 *   re-parented to it rather than to init, and can still be found;
 * - on SIGINT, SIGTERM or SIGHUP it passes the signal to the command, gives it `GRACE_MS` to stop its
 *   own children and remove its temporary files (reproduce, notebooks.py and the trainer do), then
 *   kills the command if it is still running (SIGKILL: a handler that synchronous work keeps from
 *   running would not answer a second signal), sends SIGTERM and, `KILL_MS` later, SIGKILL to every
 *   process still below it, removes the temporary
 *   files (`*.PID.tmp`, `.NAME.PID.tmp`, `.NAME.PID.probe`) those processes left in the repository's
 *   output folders and those they announced elsewhere (`announceTemporary` of scripts/cli.ts), and exits with 128 + the signal's number: everything is gone within 2 s;
 * - when the command ends by itself (or is killed by a signal), every process it left behind is ended the
 *   same way, and its exit status is passed on (128 + N for a signal N).
 *
 * Usage: deno run -A scripts/supervise.ts COMMAND [ARGS...]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** What the command is given to stop by itself after a signal, before everything below is ended. */
const GRACE_MS = 800;
/** Between SIGTERM and SIGKILL for whatever is still running after the grace period. */
const KILL_MS = 300;
/** Folders where the project's scripts write files atomically (a temporary name, then a rename). */
const OUTPUT_DIRS = ["", "figures", "data", "notebooks", "notebooks/tslab"];

/** The signals passed on to the command. */
const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
/** Signal numbers for the exit status of a command a signal ended (128 + N, as a shell reports it). */
const NUMBERS: Record<string, number> = { ...SIGNALS, SIGQUIT: 3, SIGABRT: 6, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13 };

function becomeSubreaper(): void {
  if (Deno.build.os !== "linux") return;
  try {
    const libc = Deno.dlopen("libc.so.6", {
      prctl: { parameters: ["i32", "u64", "u64", "u64", "u64"], result: "i32" },
    });
    libc.symbols.prctl(36, /* PR_SET_CHILD_SUBREAPER */ 1n, 0n, 0n, 0n);
  } catch {
    // without it, orphans of the command go to init; the process-tree walk still finds the rest
  }
}

/** Live (not zombie) processes below this one, by walking /proc's parent links. */
function descendants(): number[] {
  const parent = new Map<number, number>();
  const zombie = new Set<number>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  for (const p of entries) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(p), Number(fields[1]));
      if (fields[0] === "Z" || fields[0] === "X") zombie.add(Number(p));
    } catch { /* gone meanwhile */ }
  }
  const out: number[] = [];
  const below = new Set([Deno.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!below.has(pid) && below.has(ppid)) {
        below.add(pid);
        grew = true;
        if (!zombie.has(pid)) out.push(pid);
      }
    }
  }
  return out;
}

function signalAll(pids: number[], sig: Deno.Signal): void {
  for (const pid of pids) {
    try {
      Deno.kill(pid, sig);
    } catch { /* gone */ }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ends every process still below this one (SIGTERM, then SIGKILL) and removes their temporary files. */
async function endEverything(): Promise<void> {
  const seen = new Set<number>();
  let left = descendants();
  if (left.length > 0) {
    left.forEach((p) => seen.add(p));
    signalAll(left, "SIGTERM");
    const t0 = performance.now();
    while ((left = descendants()).length > 0 && performance.now() - t0 < KILL_MS) {
      left.forEach((p) => seen.add(p));
      await sleep(25);
    }
    for (let round = 0; round < 5 && (left = descendants()).length > 0; round++) {
      left.forEach((p) => seen.add(p));
      signalAll(left, "SIGKILL");
      await sleep(25);
    }
  }
  removeTemporaries(seen);
  removeAnnounced();
}

/** A private folder where the command's processes list their temporary outputs (scripts/cli.ts). */
let REGISTRY = "";

/** Removes every temporary output announced in REGISTRY that is still there (only `*.PID.tmp` names). */
function removeAnnounced(): void {
  if (REGISTRY === "") return;
  for (const f of readdirSync(REGISTRY)) {
    for (const path of readFileSync(join(REGISTRY, f), "utf8").split("\n")) {
      if (/\.\d+\.tmp$/.test(path)) rmSync(path, { recursive: true, force: true });
    }
  }
  rmSync(REGISTRY, { recursive: true, force: true });
}

/**
 * Removes `X.PID.tmp`, `.X.PID.tmp` and `.X.PID.probe` left in the output folders by the given processes
 * (also used by scripts/reproduce.ts for the jobs it started, when it is run without this supervisor).
 */
export function removeTemporaries(pids: Set<number>): void {
  if (pids.size === 0) return;
  const pattern = /\.(\d+)\.(tmp|probe)$/;
  for (const dir of OUTPUT_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(ROOT, dir));
    } catch {
      continue;
    }
    for (const name of names) {
      const m = pattern.exec(name);
      if (m && pids.has(Number(m[1]))) rmSync(join(ROOT, dir, name), { recursive: true, force: true });
    }
  }
}

if (import.meta.main) {
  const [cmd, ...args] = Deno.args;
  if (cmd === undefined) {
    console.error("supervise: usage: deno run -A scripts/supervise.ts COMMAND [ARGS...]");
    Deno.exit(2);
  }
  becomeSubreaper();
  REGISTRY = mkdtempSync(join(tmpdir(), "smallness-temporaries-"));
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(cmd, {
      args,
      env: { SMALLNESS_TEMPORARIES: REGISTRY },
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
  } catch (e) {
    console.error(`supervise: cannot start ${cmd}: ${(e as Error).message}`);
    rmSync(REGISTRY, { recursive: true, force: true });
    Deno.exit(127);
  }
  let received: Deno.Signal | null = null;
  const done = child.status;
  for (const name of Object.keys(SIGNALS) as Deno.Signal[]) {
    Deno.addSignalListener(name, () => {
      if (received) return; // a second signal changes nothing: the deadline is already running
      received = name;
      try {
        child.kill(name);
      } catch { /* already gone */ }
      // the command's own clean-up gets GRACE_MS; then it is killed (it has had its signal: a second one
      // would only wait on a handler that synchronous work keeps from running) and everything else below
      // is ended, whatever it is doing
      let finished = false;
      done.then(() => (finished = true));
      Promise.race([done, sleep(GRACE_MS)]).then(() => {
        if (!finished) {
          try {
            child.kill("SIGKILL");
          } catch { /* already gone */ }
        }
        return endEverything();
      }).then(() => Deno.exit(128 + SIGNALS[name]));
    });
  }
  const status = await done;
  if (received) await new Promise(() => {}); // the signal handler above exits
  await endEverything();
  const code = status.signal ? 128 + (NUMBERS[status.signal] ?? 1) : status.code;
  Deno.exit(code);
}
