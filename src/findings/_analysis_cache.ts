/**
 * The analyses shared between the processes of one command (private to `notebook.ts`): `npm test` runs
 * two vitest workers and a notebook kernel per notebook, `npm run reproduce` a figures job beside the
 * notebook kernels, and each would otherwise compute the same analysis again (notebook 09's takes half a
 * minute). When the environment variable `SMALLNESS_ANALYSIS_CACHE` names a folder, an analysis is
 * computed by the first process that needs it and read by the others from `<folder>/<id>-<key>.v8`.
 *
 * The key is a SHA-256 of everything the value depends on: the notebook's id and settings, the contents of
 * every file under `src/`, every input of `INPUTS` (so a changed input is never served from the folder: it
 * misses, is read, and is refused by `readInput`), `package-lock.json`, and the JavaScript engine's version
 * (Deno's and Node's V8 differ in the last bit of `Math.exp`, so the two kernels never share a value). The
 * value is stored with V8's structured serialisation, which keeps typed arrays, −0, NaN and references
 * shared inside the value. A second process that needs a value being computed waits for it (a lock file
 * holding the computing process's id; a lock whose process has died is taken over). Without the variable,
 * with it set to the empty string, or in a browser, nothing is cached across processes; an unwritable folder is not an error (the value
 * is then computed here and not stored).
 *
 * @module
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { writeAtomic } from "../_util/write_atomic";
import { DATA_DIR, INPUTS, MAX_INPUT_BYTES } from "./inputs";

/** The environment variable naming the folder of shared analyses. */
export const CACHE_VARIABLE = "SMALLNESS_ANALYSIS_CACHE";

/** How long a process waits for another's analysis before computing it itself (ms). */
const WAIT_MS = 20 * 60 * 1000;

interface NodeLike {
  env?: Record<string, string | undefined>;
  pid?: number;
  versions?: Record<string, string | undefined>;
  kill?: (pid: number, signal: number) => boolean;
}

/** Node's or Deno's `process` when there is one (not in a browser, where the bundler stubs `node:*`). */
const proc = (): NodeLike | undefined => (globalThis as { process?: NodeLike }).process;

/** The folder of shared analyses, or null when none is set (always null in a browser). */
export function cacheFolder(): string | null {
  const dir = proc()?.env?.[CACHE_VARIABLE];
  return typeof dir === "string" && dir !== "" ? dir : null;
}

const SRC_DIR = new URL("../", import.meta.url);
const ROOT_DIR = new URL("../../", import.meta.url);

function hashTree(hash: ReturnType<typeof createHash>, dir: URL, prefix: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) hashTree(hash, new URL(`${e.name}/`, dir), `${prefix}${e.name}/`);
    else if (e.isFile()) hash.update(`${prefix}${e.name}\0`).update(readFileSync(new URL(e.name, dir))).update("\0");
  }
}

function hashFile(hash: ReturnType<typeof createHash>, url: URL, label: string): void {
  hash.update(`${label}\0`);
  try {
    const st = statSync(url);
    // anything readInput would refuse (a FIFO, a folder, a huge file) is hashed by its kind, never read
    if (!st.isFile() || st.size > MAX_INPUT_BYTES) hash.update(`special ${st.mode} ${st.size}`);
    else hash.update(readFileSync(url));
  } catch {
    hash.update("missing");
  }
  hash.update("\0");
}

let fingerprintMemo: string | undefined;

/** SHA-256 of the code, the inputs, the lock file and the engine: computed once per process. */
function fingerprint(): string {
  if (fingerprintMemo !== undefined) return fingerprintMemo;
  const hash = createHash("sha256");
  const deno = (globalThis as { Deno?: { version?: { v8?: string; deno?: string } } }).Deno;
  hash.update(deno?.version ? `deno ${deno.version.deno} v8 ${deno.version.v8}` : `node v8 ${proc()?.versions?.v8}`);
  hashTree(hash, SRC_DIR, "src/");
  for (const name of Object.keys(INPUTS).sort()) hashFile(hash, new URL(name, DATA_DIR), `data/${name}`);
  hashFile(hash, new URL("package-lock.json", ROOT_DIR), "package-lock.json");
  return (fingerprintMemo = hash.digest("hex"));
}

/** Sleeps this thread for `ms` milliseconds (the analyses are synchronous, so the wait is too). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readValue<A>(file: string): A | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    return deserialize(bytes) as A;
  } catch {
    return undefined; // a damaged file: computed again and replaced
  }
}

/** Whether the process whose id the lock file holds is gone (an empty lock is being written: alive). */
function lockIsStale(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, "utf8"));
  } catch {
    return false; // gone already: the next attempt takes it
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    proc()?.kill?.(pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === "ESRCH";
  }
}

/**
 * Removes from `dir` the stored analyses of other versions of the code, inputs or engine (those whose
 * name does not carry this process's fingerprint), and any lock or temporary file left by a process that
 * was killed. Returns how many files were removed; a missing folder is empty.
 * @example pruneCache("/nonexistent/folder") // => 0
 */
export function pruneCache(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const current = `-${fingerprint().slice(0, 16)}-`;
  let removed = 0;
  for (const name of names) {
    if (name.endsWith(".v8") && name.includes(current)) continue;
    if (name.endsWith(".lock") && !lockIsStale(`${dir}/${name}`)) continue;
    rmSync(`${dir}/${name}`, { force: true, recursive: true });
    removed++;
  }
  return removed;
}

/**
 * The analysis of notebook `id` at `settings`: read from the shared folder when another process has
 * computed it, otherwise `compute()` (and stored for the others). Without a folder, just `compute()`.
 * @example cached("00_example", { cut: 4 }, () => ({ twice: 8 })).twice // => 8
 */
export function cached<A>(id: string, settings: unknown, compute: () => A): A {
  const dir = cacheFolder();
  if (dir === null) return compute();
  const file = `${dir}/${id}-${fingerprint().slice(0, 16)}-${
    createHash("sha256").update(JSON.stringify(settings)).digest("hex").slice(0, 16)
  }.v8`;
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const hit = readValue<A>(file);
    if (hit !== undefined) return hit;
    let fd: number | undefined;
    try {
      mkdirSync(dir, { recursive: true });
    } catch {
      return compute(); // no folder can be made there (a file in its place, no permission): store nothing
    }
    try {
      fd = openSync(lock, "wx");
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") return compute(); // unwritable: compute here, store nothing
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(proc()?.pid ?? ""));
        closeSync(fd);
        const value = compute();
        try {
          writeAtomic(file, serialize(value));
        } catch { /* a full disk: the others compute it themselves */ }
        return value;
      } finally {
        rmSync(lock, { force: true });
      }
    }
    if (Date.now() > deadline) return compute();
    if (lockIsStale(lock)) rmSync(lock, { force: true });
    else sleep(50);
  }
}
