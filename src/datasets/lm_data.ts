/**
 * Parsers of the committed runs of notebook 11's language-model sweep (`npm run train -- lm`):
 * `data/lm_runs.csv` (one row per run), `data/lm_curves.csv` (loss curves), `data/lm_genres.csv` (final
 * losses per genre and split), `data/lm_twonn.csv` (TwoNN dimensions), `data/lm_samples.csv` (text
 * samples) and `data/lm_weights.csv` (the seed-0 model of each size). Text in, records out (no file I/O);
 * every field is checked.
 *
 * @module
 */
import { csvLines, parseDecimal } from "../_util/csv";
import { requireString } from "../_util/validate";
import { base64ToFloats } from "../_util/base64";

/** The fifteen Brown genres (cats.txt), sorted, as the CSVs list them. */
export const BROWN_GENRES = [
  "adventure",
  "belles_lettres",
  "editorial",
  "fiction",
  "government",
  "hobbies",
  "humor",
  "learned",
  "lore",
  "mystery",
  "news",
  "religion",
  "reviews",
  "romance",
  "science_fiction",
] as const;

/**
 * A Brown genre as readers read it (its name in cats.txt with spaces: `science_fiction` → "science fiction"),
 * in tables, figures and the live page alike.
 * @throws {TypeError} if `genre` is not a string; {RangeError} if it is not one of `BROWN_GENRES`.
 * @example genreLabel("belles_lettres") // => "belles lettres"
 */
export function genreLabel(genre: string): string {
  requireString("genre", genre);
  if (!(BROWN_GENRES as readonly string[]).includes(genre)) {
    throw new RangeError(
      `\`genre\` must be one of the Brown genres (${BROWN_GENRES.join(", ")}), got ${JSON.stringify(genre)}`,
    );
  }
  return genre.replaceAll("_", " ");
}

/** Splits one CSV line into fields (RFC 4180 quotes; the files have no newline inside a field). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= line.length) throw new RangeError(`unterminated quoted field in ${JSON.stringify(line.slice(0, 40))}`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            s += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else s += line[i++];
      }
      out.push(s);
      if (i < line.length && line[i] !== ",") {
        throw new RangeError(`a quoted field must end at a comma, in ${JSON.stringify(line.slice(0, 40))}`);
      }
      i++;
    } else {
      const j = line.indexOf(",", i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/**
 * Parses a CSV whose header must be exactly `columns`: fields named in `strings` stay strings, all
 * others must be plain decimal numbers.
 *
 * @throws {RangeError} naming the line and column of a bad field, or a header that differs.
 * @example parseRecords("a,b\n1,x\n", ["a", "b"], ["b"])[0].a; // => 1
 */
export function parseRecords(
  text: string,
  columns: readonly string[],
  strings: readonly string[],
): Record<string, number | string>[] {
  requireString("text", text);
  const lines = csvLines(text);
  if (lines.length < 2) throw new RangeError("the CSV must have a header and at least one row");
  const header = splitCsvLine(lines[0]);
  if (header.join(",") !== columns.join(",")) {
    throw new RangeError(`the header must be ${columns.join(",")}, got ${lines[0]}`);
  }
  const str = new Set(strings);
  return lines.slice(1).map((line, k) => {
    const f = splitCsvLine(line);
    if (f.length !== columns.length) {
      throw new RangeError(`line ${k + 2}: ${columns.length} fields expected, got ${f.length}`);
    }
    const rec: Record<string, number | string> = {};
    columns.forEach((c, i) => {
      if (str.has(c)) rec[c] = f[i];
      else {
        const v = parseDecimal(f[i]);
        if (!Number.isFinite(v)) {
          throw new RangeError(`line ${k + 2}: \`${c}\` must be a number, got ${JSON.stringify(f[i])}`);
        }
        rec[c] = v;
      }
    });
    return rec;
  });
}

/** One run of the sweep (a row of `lm_runs.csv`). */
export interface LmRun {
  run: string;
  /** `size` (L(N) sweep), `data` (data-size sweep at one N) or `check` (short reproduction runs). */
  kind: "size" | "data" | "check";
  width: number;
  layers: number;
  heads: number;
  context: number;
  vocab: number;
  /** Non-embedding parameters. */
  N: number;
  params: number;
  seed: number;
  steps: number;
  batch: number;
  /** Training tokens (characters) seen, D. */
  tokens: number;
  lr: number;
  /** 6·N·tokens. */
  flops: number;
  trainLoss: number;
  valLoss: number;
  /** Validation loss per genre (nats per character). */
  valByGenre: Record<string, number>;
  /** Wall-clock seconds of the run (on a shared machine: provenance, not a benchmark). */
  wall: number;
  codeVersion: string;
}

/** The columns of `lm_runs.csv`. */
export const LM_RUN_COLUMNS = [
  "run",
  "kind",
  "width",
  "layers",
  "heads",
  "context",
  "vocab",
  "N",
  "params",
  "seed",
  "steps",
  "batch",
  "tokens",
  "lr",
  "flops",
  "train_loss",
  "val_loss",
  ...BROWN_GENRES.map((g) => `val_${g}`),
  "wall_s",
  "code_version",
] as const;

/**
 * Parses `lm_runs.csv`.
 *
 * @throws {RangeError} on a bad header, field or kind.
 */
export function parseLmRuns(text: string): LmRun[] {
  return parseRecords(text, LM_RUN_COLUMNS, ["run", "kind", "code_version"]).map((r, i) => {
    const kind = r.kind as LmRun["kind"];
    if (!["size", "data", "check"].includes(kind)) {
      throw new RangeError(`line ${i + 2}: \`kind\` must be size, data or check, got ${kind}`);
    }
    return {
      run: r.run as string,
      kind,
      width: r.width as number,
      layers: r.layers as number,
      heads: r.heads as number,
      context: r.context as number,
      vocab: r.vocab as number,
      N: r.N as number,
      params: r.params as number,
      seed: r.seed as number,
      steps: r.steps as number,
      batch: r.batch as number,
      tokens: r.tokens as number,
      lr: r.lr as number,
      flops: r.flops as number,
      trainLoss: r.train_loss as number,
      valLoss: r.val_loss as number,
      valByGenre: Object.fromEntries(BROWN_GENRES.map((g) => [g, r[`val_${g}`] as number])),
      wall: r.wall_s as number,
      codeVersion: r.code_version as string,
    };
  });
}

/**
 * The size name of a run (`w16l1-s2` → `w16l1`): the part of its name before the seed, which the runs of
 * one size share.
 * @example sizeName("w16l1-s2") // => "w16l1"
 */
export function sizeName(run: string): string {
  requireString("run", run);
  return run.split("-")[0];
}

/** One point of a loss curve. */
export interface LmCurvePoint {
  run: string;
  step: number;
  tokens: number;
  batchLoss: number;
  trainLoss: number;
  valLoss: number;
}

/** Parses `lm_curves.csv`. */
export function parseLmCurves(text: string): LmCurvePoint[] {
  return parseRecords(text, ["run", "step", "tokens", "batch_loss", "train_loss", "val_loss"], ["run"]).map((r) => ({
    run: r.run as string,
    step: r.step as number,
    tokens: r.tokens as number,
    batchLoss: r.batch_loss as number,
    trainLoss: r.train_loss as number,
    valLoss: r.val_loss as number,
  }));
}

/** A final loss of one run on one genre and split. */
export interface LmGenreLoss {
  run: string;
  genre: string;
  split: "train" | "validation";
  windows: number;
  mean: number;
  sd: number;
}

/** Parses `lm_genres.csv`. */
export function parseLmGenres(text: string): LmGenreLoss[] {
  return parseRecords(text, ["run", "genre", "split", "windows", "mean", "sd"], ["run", "genre", "split"]).map((r) => ({
    run: r.run as string,
    genre: r.genre as string,
    split: r.split as LmGenreLoss["split"],
    windows: r.windows as number,
    mean: r.mean as number,
    sd: r.sd as number,
  }));
}

/** A TwoNN estimate of one run's representations or input windows at one sample size. */
export interface LmTwoNN {
  run: string;
  N: number;
  width: number;
  what: "representation" | "input";
  points: number;
  subsets: number;
  estimate: number;
  mle: number;
}

/** Parses `lm_twonn.csv`. */
export function parseLmTwoNN(text: string): LmTwoNN[] {
  return parseRecords(text, ["run", "N", "width", "what", "points", "subsets", "estimate", "mle"], ["run", "what"]).map(
    (r) => ({
      run: r.run as string,
      N: r.N as number,
      width: r.width as number,
      what: r.what as LmTwoNN["what"],
      points: r.points as number,
      subsets: r.subsets as number,
      estimate: r.estimate as number,
      mle: r.mle as number,
    }),
  );
}

/** A generated text sample. */
export interface LmSample {
  run: string;
  N: number;
  temperature: number;
  seed: number;
  prompt: string;
  /** The continuation (newlines restored from the file's `\n`). */
  text: string;
}

/** Parses `lm_samples.csv`. */
export function parseLmSamples(text: string): LmSample[] {
  return parseRecords(text, ["run", "N", "temperature", "seed", "prompt", "text"], ["run", "prompt", "text"]).map((
    r,
  ) => ({
    run: r.run as string,
    N: r.N as number,
    temperature: r.temperature as number,
    seed: r.seed as number,
    prompt: r.prompt as string,
    text: (r.text as string).replaceAll("\\n", "\n"),
  }));
}

/** The final parameters of one committed model (seed 0 of a size of the sweep). */
export interface LmWeights {
  run: string;
  width: number;
  layers: number;
  heads: number;
  context: number;
  vocab: number;
  N: number;
  /** Number of parameters (all: embeddings included). */
  params: number;
  /** The parameters as float32, in `tensorShapes` order (src/learn/lm/model.ts). */
  weights: Float32Array;
}

/**
 * Parses `lm_weights.csv`: `run,width,layers,heads,context,vocab,N,params,weights`, the last field the
 * parameters' little-endian float32 bytes in base64.
 *
 * @throws {RangeError} naming the line when a field is bad, the base64 does not decode to `params`
 *   floats, or a parameter is not finite.
 */
export function parseLmWeights(text: string): LmWeights[] {
  const columns = ["run", "width", "layers", "heads", "context", "vocab", "N", "params", "weights"];
  return parseRecords(text, columns, ["run", "weights"]).map((r, k) => {
    const params = r.params as number, weights = base64ToFloats(r.weights as string);
    if (weights === null || weights.length !== params) {
      throw new RangeError(
        `line ${k + 2}: \`weights\` must be the base64 of ${params} little-endian float32 values` +
          (weights === null ? "" : `, got ${weights.length}`),
      );
    }
    const bad = weights.findIndex((w) => !Number.isFinite(w));
    if (bad >= 0) throw new RangeError(`line ${k + 2}: parameter ${bad} is not finite`);
    return {
      run: r.run as string,
      width: r.width as number,
      layers: r.layers as number,
      heads: r.heads as number,
      context: r.context as number,
      vocab: r.vocab as number,
      N: r.N as number,
      params,
      weights,
    };
  });
}
