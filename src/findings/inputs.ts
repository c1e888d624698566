/**
 * The project's inputs from elsewhere (`data/*.csv` copied from published sources) and the one
 * function that reads them: it checks each file's SHA-256 and data-row count against the values
 * recorded here (and in `data/README.md`) before anything is computed from it, so a changed,
 * truncated or duplicated-row file is refused by name instead of silently moving every result.
 *
 * File I/O lives here, in the findings layer; numeric modules only parse strings.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";

/** What is recorded of an input file. */
export interface InputRecord {
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: string;
  /** Data rows (lines after the header). */
  rows: number;
  /** Where it comes from, in one line (details in `data/README.md`). */
  source: string;
}

/** The inputs from elsewhere, by file name in `data/`. */
export const INPUTS: Readonly<Record<string, InputRecord>> = {
  "chinchilla_fig4_points.csv": {
    sha256: "193478df4e90f040016431996c45682659306840ecdadf83cfb9cd5ca0aa1b30",
    rows: 245,
    source: "Hoffmann et al. 2022 Fig. 4, digitised by Besiroglu et al. 2024 (epoch-research/analyzing-chinchilla @ 9225883)",
  },
  "gadre2024_openlm_runs.csv": {
    sha256: "99251ef82e07514d5785fcbf1cfa2610753085b301a8a706f37f89a69b9200e4",
    rows: 832,
    source: "Gadre et al. 2024, 104 runs x 8 validation sets (mlfoundations/scaling @ a003c49, exp_data/models/*.json)",
  },
  "teacher_student_runs.csv": {
    sha256: "100532c22e167c2f569e5eeb064e7b2710c4c3aff7776c2e845e10e45d5466cf",
    rows: 252,
    source: "committed training runs of this project: npm run train -- teacher-student (notebook 10; code version in every row)",
  },
  "teacher_student_exponents.csv": {
    sha256: "1a11947616236060e2a2e7ee49182e3fc0e922cdd6c57cca2f446149d4615146",
    rows: 13,
    source: "exponents fitted by npm run train -- teacher-student from teacher_student_runs.csv (notebook 10)",
  },
};

/** The repository's `data/` folder, whatever the working directory. */
export const DATA_DIR = new URL("../../data/", import.meta.url);

/** SHA-256 of a byte string, lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  if (typeof bytes !== "string" && !(bytes instanceof Uint8Array)) {
    throw new TypeError("`bytes` must be a Uint8Array or a string");
  }
  return createHash("sha256").update(bytes).digest("hex");
}

/** The largest input file read (bytes): the recorded inputs are well under 1 MB, so anything this big is
 * not the published file, and is refused at once by its size rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A line for a message: quoted, and cut to 80 characters. */
function quoteLine(line: string): string {
  return JSON.stringify(line.length > 80 ? line.slice(0, 80) + "…" : line);
}

/**
 * Where `text` first differs from `reference`, line by line (1-based), e.g. `line 247 is new: "…"`.
 * @example firstDifference("a\nb\n", "a\nc\n") // => 'line 2, column 1: "b" where the published file has "c"'
 */
export function firstDifference(text: string, reference: string): string {
  const a = text.split(/\r\n|\n|\r/);
  const b = reference.split(/\r\n|\n|\r/);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (i >= b.length || (i === b.length - 1 && b[i] === "")) return `line ${i + 1} is new: ${quoteLine(a[i])}`;
    if (i >= a.length || (i === a.length - 1 && a[i] === "")) return `line ${i + 1} is missing (the published file has ${quoteLine(b[i])})`;
    let j = 0;
    while (j < a[i].length && a[i][j] === b[i][j]) j++;
    const around = (l: string) => JSON.stringify((j > 20 ? "…" : "") + l.slice(Math.max(0, j - 20), j + 40) + (l.length > j + 40 ? "…" : ""));
    return `line ${i + 1}, column ${j + 1}: ${around(a[i])} where the published file has ${around(b[i])}`;
  }
  return "the lines are the same, the line endings or bytes are not";
}

/**
 * Checks text against an input record: SHA-256 first, then the data-row count (so the message can
 * say whether rows were added or removed), and, given the published text (`reference`, or a function
 * returning it, or undefined), the first line that differs.
 * @throws {Error} naming the file, e.g. "data/x.csv has changed (246 data rows, expected 245); line 247 is new: …".
 * @example verifyInput("chinchilla_fig4_points.csv", readFileSync("data/chinchilla_fig4_points.csv"), INPUTS["chinchilla_fig4_points.csv"]) // returns: the file is the published one
 */
export function verifyInput(
  name: string,
  bytes: Uint8Array,
  record: InputRecord,
  reference?: string | (() => string | undefined),
): void {
  if (typeof name !== "string") throw new TypeError(`\`name\` must be a file name, got ${typeof name}`);
  if (!(bytes instanceof Uint8Array)) throw new TypeError("`bytes` must be a Uint8Array");
  if (
    record === null || typeof record !== "object" || typeof record.sha256 !== "string" ||
    !/^[0-9a-f]{64}$/.test(record.sha256) || !Number.isInteger(record.rows) || record.rows < 0
  ) {
    throw new TypeError("`record` must be an InputRecord (sha256: 64 hex digits, rows: an integer >= 0)");
  }
  if (reference !== undefined && typeof reference !== "string" && typeof reference !== "function") {
    throw new TypeError("`reference` must be the published text, a function returning it, or undefined");
  }
  const digest = sha256Hex(bytes);
  if (digest === record.sha256) return;
  const text = new TextDecoder().decode(bytes);
  const rows = text.split(/\r\n|\n|\r/).slice(1).filter((l) => l.trim() !== "").length;
  const what = rows === record.rows ? `its SHA-256 is ${digest}, expected ${record.sha256}` : `${rows} data rows, expected ${record.rows}`;
  let published: string | undefined;
  try {
    published = typeof reference === "function" ? reference() : reference;
  } catch {
    published = undefined;
  }
  const where = published !== undefined && sha256Hex(published) === record.sha256 ? `; ${firstDifference(text, published)}` : "";
  throw new Error(
    `data/${name} has changed (${what})${where}; it must be the published file byte for byte ` +
      `(source: ${record.source}). Restore it with: git checkout -- data/${name}`,
  );
}

/**
 * The committed copy of `data/<name>` (git's HEAD), to say where a changed file differs; undefined
 * outside a git checkout, in a browser, or when git is missing.
 */
function committedInput(name: string, dir: URL): string | undefined {
  // child_process through getBuiltinModule, not an import: this module is also bundled for the browser
  const proc = (globalThis as { process?: { getBuiltinModule?: (m: string) => unknown } }).process;
  const cp = proc?.getBuiltinModule?.("node:child_process") as
    | { spawnSync(cmd: string, args: string[], o: object): { status: number | null; stdout: string } }
    | undefined;
  if (!cp) return undefined;
  const r = cp.spawnSync("git", ["show", `HEAD:./${name}`], { cwd: dir.pathname, encoding: "utf8", maxBuffer: MAX_INPUT_BYTES });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * Reads an input file from `data/` (or from the folder `dir`, for tests) as text after verifying it
 * against `INPUTS`. Anything that is not a regular file (a folder, a FIFO, a device), a file over
 * `MAX_INPUT_BYTES` or an unreadable one is refused by name before it is read.
 * @throws {RangeError} if `name` is not a recorded input; {Error} naming the file if it is missing, not a
 *   regular file, too large, unreadable or changed (with the first differing line when git has the
 *   committed copy).
 * @example readInput("chinchilla_fig4_points.csv").split("\n").length // => 247 (header, 245 rows, final newline)
 */
export function readInput(name: string, dir: URL = DATA_DIR): string {
  const record = INPUTS[name];
  if (!record) throw new RangeError(`\`name\` must be one of ${Object.keys(INPUTS).join(", ")}, got ${JSON.stringify(name)}`);
  if (!(dir instanceof URL)) throw new TypeError("`dir` must be a file: URL of a folder");
  const path = new URL(name, dir);
  const shown = dir === DATA_DIR ? `data/${name}` : path.pathname;
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new Error(`${shown} is missing; restore it with: git checkout -- data/${name}`);
  }
  if (!st.isFile()) {
    const kind = st.isDirectory() ? "a folder" : st.isFIFO() ? "a FIFO" : st.isSocket() ? "a socket" : "a device or other special file";
    throw new Error(`${shown} is ${kind}, not a regular file; restore it with: git checkout -- data/${name}`);
  }
  if (st.size > MAX_INPUT_BYTES) {
    throw new Error(
      `${shown} is ${st.size} bytes, over the ${MAX_INPUT_BYTES} an input may have (the published file has ${record.rows} data rows); ` +
        `restore it with: git checkout -- data/${name}`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`${shown} cannot be read (${(e as { code?: string }).code ?? (e as Error).message}); check its permissions`);
  }
  verifyInput(name, bytes, record, () => committedInput(name, dir));
  return new TextDecoder().decode(bytes);
}
