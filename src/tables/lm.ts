/**
 * Tables of notebook 11 (character transformers on the Brown corpus), drawn from its analysis
 * (`languageModel.analysis`): the sizes of the sweep with their losses, gaps and throughput
 * (`data/lm_sizes.csv`), the fitted law (`data/lm_fit.csv`), the exponent and loss level per genre
 * (`data/lm_genre_fits.csv`), the TwoNN dimensions against 4/α (`data/lm_dimensions.csv`) and the
 * generated text per size; and the note on the sweep. Nothing here reads a file or runs a fit.
 *
 * @module
 */
import { sharmaKaplanExponent } from "../theory/intrinsic_dimension";
import * as languageModel from "../findings/11_language_model";
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import { formatNumber } from "../_util/format";
import { requireFields, requireList } from "../_util/validate";

/**
 * `data/lm_sizes.csv`: one row per size: N, width, layers, seeds, validation and training loss (mean
 * over seeds), seed spread, gap, last-quarter drop of the curve, throughput.
 * @example table(lmSizesTable()) // in a notebook
 */
export function lmSizesTable(a: languageModel.Analysis = languageModel.analysis()): NamedTable {
  requireFields("a", a, ["sizes"], "a notebook's analysis");
  requireList("a.sizes", a.sizes);
  const rows = a.sizes.map((z) => ({
    size: z.name,
    N: z.N,
    width: z.width,
    layers: z.layers,
    seeds: z.seeds,
    val_loss: z.valLoss,
    seed_sd: z.valSd,
    train_loss: z.trainLoss,
    gap: z.gap,
    last_quarter_drop: z.lastQuarterDrop,
    tokens_per_s: Math.round(z.tokensPerSecond),
  }));
  return {
    name: "lm_sizes",
    caption:
      `The sizes of the sweep: validation and training loss (nats/character, mean over seeds), the spread over seeds, ` +
      `the gap, the relative drop of the validation loss over the last quarter of training, and training characters per second (shared machine)`,
    table: tableFromRows(rows, [
      "size",
      "N",
      "width",
      "layers",
      "seeds",
      "val_loss",
      "seed_sd",
      "train_loss",
      "gap",
      "last_quarter_drop",
      "tokens_per_s",
    ]),
  };
}

/**
 * `data/lm_fit.csv`: the Approach 3 law of the size and data runs with bootstrap (over sizes) errors.
 * @example table(lmFitTable()) // in a notebook
 */
export function lmFitTable(a: languageModel.Analysis = languageModel.analysis()): NamedTable {
  requireFields("a", a, ["law", "settings"], "a notebook's analysis");
  return {
    name: "lm_fit",
    caption:
      `Approach 3 fit L = E + A/N^{α} + B/D^{β} of the character models' validation loss, with bootstrap standard errors and ` +
      `${
        formatNumber(100 * a.settings.level)
      }% percentile intervals over ${a.settings.resamples} resamples of the ${a.law.clusters.length} model sizes`,
    table: tableFromRows(a.law.summary as unknown as Record<string, unknown>[], [
      "parameter",
      "estimate",
      "stderr",
      "ci_low",
      "ci_high",
    ]),
  };
}

/**
 * `data/lm_genre_fits.csv`: per genre, α with its interval, the difference from the pooled α with Holm's
 * adjusted p, and the largest model's loss with its Holm-adjusted p against the other genres.
 * @example table(lmGenreTable()) // in a notebook
 */
export function lmGenreTable(a: languageModel.Analysis = languageModel.analysis()): NamedTable {
  requireFields("a", a, ["genreFits", "genreLevels"], "a notebook's analysis");
  requireList("a.genreFits", a.genreFits);
  requireList("a.genreLevels", a.genreLevels);
  const rows = a.genreFits.map((g, i) => ({
    genre: g.genre,
    alpha: g.alpha.estimate,
    alpha_low: g.alpha.ci_low,
    alpha_high: g.alpha.ci_high,
    diff_low: g.diffLow,
    diff_high: g.diffHigh,
    p_holm_alpha: g.pHolm,
    loss_largest: a.genreLevels[i].loss,
    se_largest: a.genreLevels[i].se,
    p_holm_level: a.genreLevels[i].pHolm,
  }));
  return {
    name: "lm_genre_fits",
    caption:
      `Per genre: α of the genre's validation loss (${
        formatNumber(100 * a.settings.level)
      }% interval over sizes), the interval of α_{genre} − α_{all} and ` +
      `Holm's adjusted p over the 15 genres; the largest model's loss on the genre, its window standard error and Holm's p against the other genres`,
    table: tableFromRows(rows, [
      "genre",
      "alpha",
      "alpha_low",
      "alpha_high",
      "diff_low",
      "diff_high",
      "p_holm_alpha",
      "loss_largest",
      "se_largest",
      "p_holm_level",
    ]),
  };
}

/**
 * `data/lm_dimensions.csv`: per size (seed 0), the TwoNN dimension of the representations and of the
 * input windows at the largest sample, its range over sample sizes, d/D and 4/d beside the fitted α.
 * @example table(lmDimensionsTable()) // in a notebook
 */
export function lmDimensionsTable(a: languageModel.Analysis = languageModel.analysis()): NamedTable {
  requireFields("a", a, ["dims", "law"], "a notebook's analysis");
  requireList("a.dims", a.dims);
  const alpha = a.alpha.estimate;
  const rows = a.dims.map((z) => {
    const ds = z.representation.map((t) => t.estimate);
    return {
      size: z.name,
      N: z.N,
      width: z.width,
      d_rep: ds[0],
      d_rep_min: Math.min(...ds),
      d_rep_max: Math.max(...ds),
      d_over_width: ds[0] / z.width,
      four_over_d: sharmaKaplanExponent(ds[0]),
      alpha,
      d_input: z.input[0].estimate,
    };
  });
  return {
    name: "lm_dimensions",
    caption:
      "TwoNN dimension of the final-layer representations (largest sample; min and max over sample sizes), d/D with D the width, 4/d beside the fitted α, and the TwoNN dimension of the embedded input windows (last 8 characters)",
    table: tableFromRows(rows, [
      "size",
      "N",
      "width",
      "d_rep",
      "d_rep_min",
      "d_rep_max",
      "d_over_width",
      "four_over_d",
      "alpha",
      "d_input",
    ]),
  };
}

/**
 * The generated text of each size (seed 0) at the fixed prompt (not written to `data/`: the samples are
 * in `data/lm_samples.csv`).
 * @example table(lmSamplesTable()) // in a notebook
 */
export function lmSamplesTable(a: languageModel.Analysis = languageModel.analysis()): NamedTable {
  requireFields("a", a, ["samples", "sizes"], "a notebook's analysis");
  requireList("a.samples", a.samples);
  requireList("a.sizes", a.sizes);
  const rows = a.samples.map((s) => ({
    N: s.N,
    loss: a.sizes.find((z) => z.N === s.N)!.valLoss,
    text: "`" + `${s.prompt}${s.text}`.replaceAll("\n", " ⏎ ") + "`",
  }));
  const s0 = a.samples[0];
  return {
    name: "lm_text_samples",
    caption:
      `Text generated by each size from the prompt "${s0.prompt}" (${s0.text.length} characters, temperature ${s0.temperature}, seed ${s0.seed})`,
    table: tableFromRows(rows, ["N", "loss", "text"]),
  };
}

const f = (x: number, digits = 3) => formatNumber(x, digits);

/**
 * Markdown summary of the sweep: sizes, seeds, budget, wall time.
 * @example lmSweepNote(languageModel.analysis()).startsWith("**21 runs**") // => true
 */
export function lmSweepNote(a: languageModel.Analysis): string {
  requireFields("a", a, ["runs", "sizes", "largestN"], "a notebook's analysis");
  requireList("a.runs", a.runs);
  requireList("a.sizes", a.sizes);
  const size = a.runs.filter((r) => r.kind === "size"), data = a.runs.filter((r) => r.kind === "data");
  const wall = a.runs.reduce((t, r) => t + r.wall, 0);
  const codes = [...new Set(a.runs.map((r) => r.codeVersion))];
  return `**${a.runs.length} runs**: ${size.length} of the size sweep (${a.sizes.length} sizes, N = ${
    f(a.sizes[0].N)
  }–${f(a.largestN)}, ` +
    `${a.sizes.map((z) => z.seeds).join("/")} seeds), ${data.length} of the data sweep (${
      data.map((r) => f(r.tokens)).join(", ")
    } characters at N = ${f(data[0]?.N ?? NaN)}), ` +
    `${a.runs.length - size.length - data.length} short check runs. Every size run saw D = ${f(a.D)} characters ` +
    `(${size[0].steps} steps of ${size[0].batch} × ${size[0].context}). Run time summed over runs: ${
      f(wall / 60, 2)
    } minutes on a shared 2-core machine; code ${codes.join(", ")}.`;
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [
  () => lmSizesTable(),
  () => lmFitTable(),
  () => lmGenreTable(),
  () => lmDimensionsTable(),
];
