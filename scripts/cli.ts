/**
 * Command-line checks shared by the project's scripts (reproduce, site, bench, train): an unknown
 * option is refused in one line that lists the valid ones (exit status 2), and an output path that
 * would overwrite or empty a committed file is refused before anything runs.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** A command's options: each takes a value (`"value"`) or is a switch (`"switch"`). */
export type OptionSpec = Record<string, "switch" | "value">;

/** What `parseOptions` returns: the options given (a switch is `true`) and the other arguments. */
export interface ParsedOptions {
  options: Record<string, string | true>;
  positional: string[];
}

/** Prints `command: message` on stderr and exits with status 2 (a command-line mistake). */
export function refuse(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  Deno.exit(2);
}

/**
 * Reads `args` against `spec`, without exiting: the options, or the one-line message naming what is
 * wrong (an unknown option, a missing value, or, when `positional` is false, an extra argument) with
 * the valid options. For a command's `main` that returns its exit code (`scripts/train/*.ts`).
 * @example readOptions("train lm", ["--x"], { "--fresh": "switch" }) // "unknown option --x; valid options: --fresh"
 */
export function readOptions(
  _command: string,
  args: string[],
  spec: OptionSpec,
  positional: string | false = false,
): ParsedOptions | string {
  const valid = Object.entries(spec).map(([k, v]) => (v === "value" ? `${k} VALUE` : k)).join(", ") || "none";
  const options: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("-") && a !== "-") {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (!(name in spec)) return `unknown option ${name}; valid options: ${valid}`;
      if (spec[name] === "switch") {
        if (eq > 0) return `${name} takes no value; valid options: ${valid}`;
        options[name] = true;
      } else {
        const value = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined || value === "") return `${name} needs a value; valid options: ${valid}`;
        options[name] = value;
      }
    } else if (positional === false) {
      return `unexpected argument ${JSON.stringify(a)}; valid options: ${valid}`;
    } else {
      rest.push(a);
    }
  }
  return { options, positional: rest };
}

/**
 * Reads `args` against `spec`; an unknown option, a missing value or (when `positional` is false) an
 * extra argument ends the process with one line naming it and the valid options, exit status 2.
 * `--name=value` and `--name value` are both accepted.
 * @example parseOptions("site", ["--student"], { "--student": "switch", "--out": "value" }).options // { "--student": true }
 */
export function parseOptions(
  command: string,
  args: string[],
  spec: OptionSpec,
  positional: string | false = false,
): ParsedOptions {
  const read = readOptions(command, args, spec, positional);
  if (typeof read === "string") refuse(command, read);
  return read;
}

/** The repository's committed files (relative paths), or null outside a git checkout. */
function committedFiles(): string[] | null {
  const r = spawnSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0 || r.error) return null;
  return r.stdout.split("\0").filter((f) => f !== "");
}

function real(path: string): string {
  // the nearest existing ancestor, resolved (symlinks), with the rest appended
  let p = resolve(path);
  const tail: string[] = [];
  while (!existsSync(p) && dirname(p) !== p) {
    tail.unshift(p.slice(dirname(p).length + 1));
    p = dirname(p);
  }
  return resolve(realpathSync(p), ...tail);
}

/**
 * Refuses (exit 2, one line) an output folder that `command` would empty when it holds, is, or contains
 * the repository or any committed file: `--out notebooks` must not delete the notebooks.
 * @example refuseCommittedFolder("site", "/tmp/site") // returns: nothing committed there
 */
export function refuseCommittedFolder(command: string, dir: string): void {
  const target = real(dir);
  const root = realpathSync(ROOT);
  const rel = relative(root, target);
  const holdsRoot = rel === "" || !relative(target, root).startsWith("..");
  if (holdsRoot || rel.split("/")[0] === ".git") {
    refuse(
      command,
      `--out ${dir} would empty the repository (or a folder holding it); choose a new folder, e.g. --out /tmp/site`,
    );
  }
  if (rel.startsWith("..")) return;
  const files = committedFiles();
  const inside = files?.find((f) => f === rel || f.startsWith(rel + "/"));
  if (inside) {
    refuse(command, `--out ${dir} holds committed files (${inside}); choose a folder with none, e.g. --out /tmp/site`);
  }
}

/**
 * Records a temporary output (a file or folder named `NAME.PID.tmp`, renamed into place when complete)
 * with scripts/supervise.ts, which removes it if this process is killed before it can clean up (a
 * synchronous build cannot run a signal listener). Does nothing outside the supervisor.
 * @example announceTemporary("/tmp/.site.123.tmp")
 */
export function announceTemporary(path: string): void {
  const dir = Deno.env.get("SMALLNESS_TEMPORARIES");
  if (!dir) return;
  try {
    appendFileSync(join(dir, String(Deno.pid)), resolve(path) + "\n");
  } catch { /* the supervisor is gone: nothing to tell */ }
}

/**
 * Removes `paths` and ends the process at once, with 128 + the signal's number, on SIGINT, SIGTERM or
 * SIGHUP, even while the main thread is in synchronous work (a signal listener there would run only
 * once that work ends): the signals are answered by a worker thread (scripts/_signal_worker.ts). Returns
 * a function that stops listening (call it when the paths are complete, renamed or removed), after which
 * the process can end by itself.
 * @example const release = await removeOnSignal(["/tmp/.site.123.tmp"]); release();
 */
export async function removeOnSignal(paths: string[]): Promise<() => void> {
  const worker = new Worker(new URL("./_signal_worker.ts", import.meta.url), { type: "module" });
  await new Promise<void>((done, fail) => {
    worker.onmessage = () => done();
    worker.onerror = (e) => fail(new Error(`the signal worker did not start: ${e.message}`));
    worker.postMessage({ paths: paths.map((p) => resolve(p)) });
  });
  return () => worker.terminate();
}
