import { describe, expect, it } from "vitest";
import { BROWN_GENRES, genreLabel } from "../../src/datasets/lm_data";
import { expectRefusal } from "../helpers";

describe("genreLabel", () => {
  it("writes the two Brown genres with an underscore in words and leaves the thirteen others as they are", () => {
    expect(BROWN_GENRES.map(genreLabel).filter((l, i) => l !== BROWN_GENRES[i])).toEqual([
      "belles lettres",
      "science fiction",
    ]);
    expect(genreLabel("news")).toBe("news");
  });
  it("refuses what is not a Brown genre, by name", () => {
    expectRefusal(() => genreLabel(3 as never), TypeError, "`genre` must be a string, got number");
    expect(() => genreLabel("poetry")).toThrow(
      /`genre` must be one of the Brown genres \(adventure, .*\), got "poetry"/,
    );
  });
});
