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
import { readFileSync } from "node:fs";

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

/**
 * Checks text against an input record: SHA-256 first, then the data-row count (so the message can
 * say whether rows were added or removed).
 * @throws {Error} naming the file, e.g. "data/x.csv has changed: 246 data rows, expected 245 …".
 */
export function verifyInput(name: string, bytes: Uint8Array, record: InputRecord): void {
  if (typeof name !== "string") throw new TypeError(`\`name\` must be a file name, got ${typeof name}`);
  if (!(bytes instanceof Uint8Array)) throw new TypeError("`bytes` must be a Uint8Array");
  if (
    record === null || typeof record !== "object" || typeof record.sha256 !== "string" ||
    !/^[0-9a-f]{64}$/.test(record.sha256) || !Number.isInteger(record.rows) || record.rows < 0
  ) {
    throw new TypeError("`record` must be an InputRecord (sha256: 64 hex digits, rows: an integer >= 0)");
  }
  const digest = sha256Hex(bytes);
  if (digest === record.sha256) return;
  const text = new TextDecoder().decode(bytes);
  const rows = text.split(/\r\n|\n|\r/).slice(1).filter((l) => l.trim() !== "").length;
  const what = rows === record.rows ? `its SHA-256 is ${digest}, expected ${record.sha256}` : `${rows} data rows, expected ${record.rows}`;
  throw new Error(
    `data/${name} has changed (${what}); it must be the published file byte for byte ` +
      `(source: ${record.source}). Restore it with: git checkout -- data/${name}`,
  );
}

/**
 * Reads an input file from `data/` as text after verifying it against `INPUTS`.
 * @throws {RangeError} if `name` is not a recorded input; {Error} if the file is missing or changed.
 * @example readInput("chinchilla_fig4_points.csv").split("\n").length // 247 (header, 245 rows, final newline)
 */
export function readInput(name: string): string {
  const record = INPUTS[name];
  if (!record) throw new RangeError(`\`name\` must be one of ${Object.keys(INPUTS).join(", ")}, got ${JSON.stringify(name)}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(new URL(name, DATA_DIR));
  } catch {
    throw new Error(`data/${name} is missing; restore it with: git checkout -- data/${name}`);
  }
  verifyInput(name, bytes, record);
  return new TextDecoder().decode(bytes);
}
