/**
 * The Chinchilla training runs: 245 points (model size N, training compute C, final loss L) that
 * Besiroglu, Erdil, Barnett and You 2024 ("Chinchilla Scaling: A replication attempt",
 * arXiv:2404.10102) read off Figure 4 of Hoffmann et al. 2022 ("Training Compute-Optimal Large
 * Language Models", arXiv:2203.15556). The file is `data/chinchilla_fig4_points.csv`; this module
 * parses its text (it does no file I/O: `src/findings/08_chinchilla.ts` reads the file through
 * `readInput`) and checks every value. Pure numerics: no arquero, no tables.
 *
 * @module
 */
import { csvLines, parseDecimal } from "../_util/csv";
import { requireInteger, requireObject, requirePositive } from "../_util/validate";

/** One training run. */
export interface ChinchillaRun {
  /** Line of the CSV file the run was read from (the header is line 1). */
  line: number;
  /** Number of model parameters. */
  N: number;
  /** Training compute, in FLOP. */
  C: number;
  /** Number of training tokens, D = C / (6 N) (the usual 6 FLOP per parameter per token). */
  D: number;
  /** Final training loss, in nats per token. */
  loss: number;
}

/** The column names the Chinchilla CSV must have (others, such as the marker colour, are ignored). */
export const CHINCHILLA_COLUMNS = { N: "Model Size", C: "Training FLOP", loss: "loss" } as const;

/**
 * Parses the text of `chinchilla_fig4_points.csv` into runs, with D = C / (6 N).
 *
 * One pass over the lines: each must have as many comma-separated fields as the header (the file
 * has no quoted fields), and each of N, C and the loss must be a plain decimal number greater than
 * zero (`parseDecimal`: `0x10`, `3.` or `1e` are refused, not read as 16, 3 or NaN). (The arquero
 * table of the runs, for display, is `chinchillaTable` in `tables/chinchilla.ts`.)
 *
 * @param text the whole file (a header line, then one line per run; LF or CRLF line endings; a final
 *   newline and trailing blank lines are allowed).
 * @throws {RangeError} naming the line and the field, e.g.
 *   ``"line 7: `Model Size` must be a finite number > 0, got -3"``, for a missing column, a line
 *   with the wrong number of fields, an empty line inside the data, a value that is not a positive
 *   plain decimal number, or CR-only line endings.
 * @example parseChinchillaCsv("Model Size,Training FLOP,loss\n1e8,6e18,3.1\n")[0].D // => 1e10
 */
export function parseChinchillaCsv(text: string): ChinchillaRun[] {
  if (typeof text !== "string") throw new TypeError(`\`text\` must be a string, got ${typeof text}`);
  const lines = csvLines(text);
  if (lines.length < 2 || lines[0].trim() === "") {
    throw new RangeError("the CSV must have a header line and at least one data line");
  }
  const header = lines[0].split(",");
  const index = { N: 0, C: 0, loss: 0 };
  for (const field of ["N", "C", "loss"] as const) {
    const c = CHINCHILLA_COLUMNS[field];
    index[field] = header.indexOf(c);
    if (index[field] < 0) {
      throw new RangeError(`line 1: the header must have a column \`${c}\`, got ${lines[0]}`);
    }
  }
  const runs: ChinchillaRun[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].includes('"')) {
      throw new RangeError(`line ${line}: quoted fields are not expected, got ${lines[i]}`);
    }
    const fields = lines[i].trim() === "" ? [] : lines[i].split(",");
    if (fields.length !== header.length) {
      throw new RangeError(
        `line ${line}: expected ${header.length} fields, got ${fields.length} (${JSON.stringify(lines[i])})`,
      );
    }
    const value = (field: keyof typeof CHINCHILLA_COLUMNS): number => {
      const s = fields[index[field]];
      const v = parseDecimal(s);
      if (!(Number.isFinite(v) && v > 0)) {
        const shown = s === "" ? "an empty field" : s;
        throw new RangeError(
          `line ${line}: \`${CHINCHILLA_COLUMNS[field]}\` must be a finite number > 0, got ${shown}`,
        );
      }
      return v;
    };
    const N = value("N");
    const C = value("C");
    const loss = value("loss");
    runs.push({ line, N, C, D: C / (6 * N), loss });
  }
  return runs;
}

/**
 * Checks an array of runs: each with a positive integer `line` and positive finite N, C, D and loss.
 * @throws {TypeError} if `runs` is not an array of objects; {RangeError} naming the run and field.
 * @example requireRuns(parseChinchillaCsv(text)) // returns them
 */
export function requireRuns(runs: ChinchillaRun[]): ChinchillaRun[] {
  if (!Array.isArray(runs)) throw new TypeError(`\`runs\` must be an array of runs, got ${typeof runs}`);
  runs.forEach((r, i) => {
    requireObject(`runs[${i}]`, r);
    requireInteger(`runs[${i}].line`, r.line, 1);
    for (const f of ["N", "C", "D", "loss"] as const) requirePositive(`runs[${i}].${f}`, r[f]);
  });
  return runs;
}

/**
 * The runs without the `k` highest-loss ones (Besiroglu et al. 2024 and Hoffmann et al. 2022
 * leave out a few outlying small-model runs; the headline fit here leaves out k = 5).
 * Ties are broken by file order; the result keeps file order.
 *
 * @throws {RangeError} if `k` is not an integer in [0, runs.length).
 * @example withoutHighestLoss([3, 1, 2].map((loss) => ({ line: 1, N: 1e8, D: 1e10, C: 6e18, loss })), 1).length // => 2
 */
export function withoutHighestLoss(runs: ChinchillaRun[], k: number): ChinchillaRun[] {
  requireRuns(runs);
  if (!Number.isInteger(k) || k < 0 || k >= runs.length) {
    throw new RangeError(`\`k\` must be an integer in [0, ${runs.length}), got ${k}`);
  }
  const drop = new Set(
    runs.map((r, i) => ({ i, loss: r.loss })).sort((a, b) => b.loss - a.loss || a.i - b.i)
      .slice(0, k).map((o) => o.i),
  );
  return runs.filter((_, i) => !drop.has(i));
}
