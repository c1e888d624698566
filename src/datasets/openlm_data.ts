/**
 * The open training runs of Gadre et al. 2024 ("Language models scale reliably with over-training and
 * on downstream tasks", arXiv:2403.08540): 104 decoder-only transformers from 11M to 6.9B parameters,
 * trained on three datasets (C4, RedPajama, RefinedWeb) at token multipliers M = 0.25…32 (M = 1 is
 * about 20 tokens per parameter), each evaluated on eight validation sets. The file is
 * `data/gadre2024_openlm_runs.csv`, one row per (run, validation set); this module parses its text
 * (it does no file I/O) and checks every field.
 *
 * @module
 */
import { requireObject, requirePositive, requireString } from "../_util/validate";

/** One run evaluated on one validation set (one line of the file). */
export interface OpenLmRow {
  /** Line of the CSV file the row was read from (the header is line 1). */
  line: number;
  /** Run name (the source JSON file's name), e.g. `rpj-d=512_l=8_h=4-1.0`. */
  run: string;
  /** Training set: `c4_original`, `rpj` (RedPajama) or `rw_original` (RefinedWeb). */
  trainDataset: string;
  /** Architecture: `d=W_l=L_h=H` (width, layers, heads) or `open_lm_1b` / `open_lm_7b`. */
  model: string;
  /** All parameters, embeddings included (Chinchilla's convention). */
  params: number;
  /** Parameters without the embeddings (Kaplan et al.'s convention). */
  paramsNoEmbed: number;
  /** Training tokens D. */
  trainTokens: number;
  /** Token multiplier M = D / (20 N), about; 1 is "compute-optimal". */
  tokenMultiplier: number;
  /** Validation set, one of `OPENLM_VAL_SETS`. */
  valSet: string;
  /** Tokens in the validation set. */
  valTokens: number;
  /** Mean cross-entropy on the validation set, nats per token. */
  loss: number;
  /** Lower end of the source's 95% interval of the mean over tokens. */
  lossLower95: number;
  /** Upper end of that interval. */
  lossUpper95: number;
}

/** The file's columns, in order. */
export const OPENLM_COLUMNS = [
  "run",
  "train_dataset",
  "model",
  "params",
  "params_no_embed",
  "train_tokens",
  "token_multiplier",
  "val_set",
  "val_tokens",
  "loss",
  "loss_tokens_lower_95",
  "loss_tokens_upper_95",
] as const;

/** The three training sets, in the order notebook 09 shows them. */
export const OPENLM_TRAIN_DATASETS = ["c4_original", "rpj", "rw_original"] as const;

/** Readable names of the training sets. */
export const OPENLM_TRAIN_LABELS: Record<string, string> = {
  c4_original: "C4",
  rpj: "RedPajama",
  rw_original: "RefinedWeb",
};

/** The eight validation sets; `c4_val` is Gadre et al.'s main loss. */
export const OPENLM_VAL_SETS = [
  "c4_val",
  "openlm_val",
  "paloma_c4_en",
  "paloma_falcon_refinedweb",
  "paloma_redpajama",
  "paloma_dolma_100_programming_languages",
  "paloma_ptb",
  "de_en",
] as const;

/** Short readable names of the validation sets. */
export const OPENLM_VAL_LABELS: Record<string, string> = {
  c4_val: "C4 val",
  openlm_val: "OpenLM val",
  paloma_c4_en: "Paloma C4",
  paloma_falcon_refinedweb: "Paloma RefinedWeb",
  paloma_redpajama: "Paloma RedPajama",
  paloma_dolma_100_programming_languages: "Paloma code",
  paloma_ptb: "Penn Treebank",
  de_en: "German–English",
};

const NUMERIC: Record<string, keyof OpenLmRow> = {
  params: "params",
  params_no_embed: "paramsNoEmbed",
  train_tokens: "trainTokens",
  token_multiplier: "tokenMultiplier",
  val_tokens: "valTokens",
  loss: "loss",
  loss_tokens_lower_95: "lossLower95",
  loss_tokens_upper_95: "lossUpper95",
};

/**
 * Parses the text of `gadre2024_openlm_runs.csv`.
 *
 * The header must be exactly `OPENLM_COLUMNS`. Every following line must have twelve
 * comma-separated fields (the file has no quoted fields); `run`, `train_dataset`, `model` and
 * `val_set` must be non-empty, the training set one of `OPENLM_TRAIN_DATASETS` and the validation
 * set one of `OPENLM_VAL_SETS`; every numeric field a finite number > 0; the loss must lie inside
 * its own 95% interval; and `params_no_embed` must not exceed `params`. One final newline (a
 * trailing blank line) is accepted; any other blank line is refused.
 *
 * @param text the whole file.
 * @throws {RangeError} naming the line and the field, e.g.
 *   ``"line 7: `loss` must be a finite number > 0, got -3"``.
 * @example parseOpenLmCsv(readInput("gadre2024_openlm_runs.csv")).length // => 832
 */
export function parseOpenLmCsv(text: string): OpenLmRow[] {
  if (typeof text !== "string") throw new TypeError(`\`text\` must be a string, got ${typeof text}`);
  const lines = text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const header = lines[0];
  if (header !== OPENLM_COLUMNS.join(",")) {
    throw new RangeError(`line 1: the header must be ${OPENLM_COLUMNS.join(",")}, got ${JSON.stringify(header)}`);
  }
  if (lines.length < 2) throw new RangeError("the CSV must have at least one data line after the header");
  const rows: OpenLmRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i];
    if (raw.includes('"')) throw new RangeError(`line ${line}: quoted fields are not expected, got ${raw}`);
    const fields = raw.trim() === "" ? [] : raw.split(",");
    if (fields.length !== OPENLM_COLUMNS.length) {
      throw new RangeError(
        `line ${line}: expected ${OPENLM_COLUMNS.length} fields, got ${fields.length} (${JSON.stringify(raw)})`,
      );
    }
    const row = { line } as OpenLmRow;
    OPENLM_COLUMNS.forEach((column, j) => {
      const s = fields[j];
      const key = NUMERIC[column];
      if (key) {
        const v = s.trim() !== "" ? Number(s) : NaN;
        if (!(Number.isFinite(v) && v > 0)) {
          throw new RangeError(
            `line ${line}: \`${column}\` must be a finite number > 0, got ${s === "" ? "an empty field" : s}`,
          );
        }
        (row as unknown as Record<string, number>)[key] = v;
      } else if (s.trim() === "") {
        throw new RangeError(`line ${line}: \`${column}\` must not be empty`);
      }
    });
    row.run = fields[0];
    row.trainDataset = fields[1];
    row.model = fields[2];
    row.valSet = fields[7];
    if (!(OPENLM_TRAIN_DATASETS as readonly string[]).includes(row.trainDataset)) {
      throw new RangeError(
        `line ${line}: \`train_dataset\` must be one of ${OPENLM_TRAIN_DATASETS.join(", ")}, got ${row.trainDataset}`,
      );
    }
    if (!(OPENLM_VAL_SETS as readonly string[]).includes(row.valSet)) {
      throw new RangeError(`line ${line}: \`val_set\` must be one of ${OPENLM_VAL_SETS.join(", ")}, got ${row.valSet}`);
    }
    if (!(row.lossLower95 <= row.loss && row.loss <= row.lossUpper95)) {
      throw new RangeError(
        `line ${line}: \`loss\` must lie in [loss_tokens_lower_95, loss_tokens_upper_95] = [${row.lossLower95}, ${row.lossUpper95}], got ${row.loss}`,
      );
    }
    if (row.paramsNoEmbed > row.params) {
      throw new RangeError(
        `line ${line}: \`params_no_embed\` must not exceed \`params\` (${row.params}), got ${row.paramsNoEmbed}`,
      );
    }
    rows.push(row);
  }
  return rows;
}

/** Which parameter count is N: all parameters (Chinchilla's convention) or without embeddings (Kaplan's). */
export type SizeConvention = "params" | "params_no_embed";

/** The two values of `SizeConvention`. */
export const SIZE_CONVENTIONS: readonly SizeConvention[] = ["params", "params_no_embed"];

/**
 * The rows of one training set evaluated on one validation set, in file order.
 * @throws {RangeError} if no row matches (naming the two values).
 * @example selectRows(parseOpenLmCsv(readInput("gadre2024_openlm_runs.csv")), "rpj", "c4_val").length // => 35
 */
export function selectRows(rows: readonly OpenLmRow[], trainDataset: string, valSet: string): OpenLmRow[] {
  if (!Array.isArray(rows)) throw new TypeError("`rows` must be an array of OpenLmRow (parseOpenLmRuns)");
  requireString("trainDataset", trainDataset);
  requireString("valSet", valSet);
  const out = rows.filter((r) => r.trainDataset === trainDataset && r.valSet === valSet);
  if (out.length === 0) {
    throw new RangeError(`no rows with \`trainDataset\` = ${trainDataset} and \`valSet\` = ${valSet}`);
  }
  return out;
}

/**
 * The runs as the fitting code takes them: N (by `size`), D = training tokens, and the loss.
 * @param size `"params"` (all parameters, the default) or `"params_no_embed"`.
 * @throws {TypeError} if `rows` is not an array of records or `size` not a string; {RangeError} if
 *   `size` is not one of the two conventions, or a row's N, D or loss is not a finite number > 0.
 * @example toRuns(selectRows(rows, "rpj", "c4_val"))[0].D // training tokens of the first run
 */
export function toRuns(
  rows: readonly OpenLmRow[],
  size: SizeConvention = "params",
): { N: number; D: number; loss: number }[] {
  if (!Array.isArray(rows)) {
    throw new TypeError(`\`rows\` must be an array of rows, got ${rows === null ? "null" : typeof rows}`);
  }
  requireString("size", size);
  if (!SIZE_CONVENTIONS.includes(size)) {
    throw new RangeError(`\`size\` must be one of ${SIZE_CONVENTIONS.join(", ")}, got ${size}`);
  }
  const key = size === "params" ? "params" : "paramsNoEmbed";
  return rows.map((r, i) => {
    requireObject(`rows[${i}]`, r);
    return {
      N: requirePositive(`rows[${i}].${key}`, r[key]),
      D: requirePositive(`rows[${i}].trainTokens`, r.trainTokens),
      loss: requirePositive(`rows[${i}].loss`, r.loss),
    };
  });
}
