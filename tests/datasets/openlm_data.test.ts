import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  OPENLM_COLUMNS,
  OPENLM_TRAIN_DATASETS,
  OPENLM_VAL_SETS,
  parseOpenLmCsv,
  selectRows,
  toRuns,
} from "../../src/datasets/openlm_data";

const text = readFileSync(new URL("../../data/gadre2024_openlm_runs.csv", import.meta.url), "utf8");
const HEADER = OPENLM_COLUMNS.join(",");
// The second line of the published file (first data line).
const OK = "c4_original-d=1024_l=24_h=8-0.25,c4_original,d=1024_l=24_h=8,411616256,359973888,2058081280,0.25," +
  "openlm_val,245760,4.257023584842682,4.241916694641113,4.272441368103028";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";
/** OK with field `i` (0-based, in OPENLM_COLUMNS order) replaced. */
const withField = (i: number, v: string) => OK.split(",").map((f, j) => (j === i ? v : f)).join(",");

describe("parseOpenLmCsv on the published file", () => {
  const rows = parseOpenLmCsv(text);

  it("reads all 832 rows (104 runs × 8 validation sets) with their file lines", () => {
    expect(rows.length).toBe(832);
    expect(rows[0].line).toBe(2);
    expect(rows[831].line).toBe(833);
    expect(new Set(rows.map((r) => r.run)).size).toBe(104);
  });

  it("reads the first row's values as the file has them", () => {
    const r = rows[0];
    expect(r.run).toBe("c4_original-d=1024_l=24_h=8-0.25");
    expect(r.trainDataset).toBe("c4_original");
    expect(r.model).toBe("d=1024_l=24_h=8");
    expect(r.params).toBe(411616256);
    expect(r.paramsNoEmbed).toBe(359973888);
    expect(r.trainTokens).toBe(2058081280);
    expect(r.tokenMultiplier).toBe(0.25);
    expect(r.valSet).toBe("openlm_val");
    expect(r.valTokens).toBe(245760);
    expect(r.loss).toBe(4.257023584842682);
    expect(r.lossLower95).toBe(4.241916694641113);
    expect(r.lossUpper95).toBe(4.272441368103028);
  });

  it("has 34, 35 and 35 runs per training set (C4 has seven runs of the 411M model, not eight; data/README.md)", () => {
    expect(OPENLM_TRAIN_DATASETS.map((t) => selectRows(rows, t, "c4_val").length)).toEqual([34, 35, 35]);
    for (const t of OPENLM_TRAIN_DATASETS) {
      for (const v of OPENLM_VAL_SETS) expect(selectRows(rows, t, v).length).toBe(t === "c4_original" ? 34 : 35);
    }
  });

  it("turns rows into runs with N by either convention", () => {
    const sel = selectRows(rows, "rpj", "c4_val");
    const runs = toRuns(sel);
    expect(runs[0]).toEqual({ N: sel[0].params, D: sel[0].trainTokens, loss: sel[0].loss });
    expect(toRuns(sel, "params_no_embed")[0].N).toBe(sel[0].paramsNoEmbed);
    expect(() => toRuns(sel, "paramz" as never)).toThrow("`size` must be one of params, params_no_embed, got paramz");
    expect(() => toRuns([{ ...sel[0], loss: NaN }])).toThrow("`rows[0].loss` must be in (0, ∞), got NaN");
    expect(() => selectRows(rows, "rpj", "wikitext")).toThrow(
      "no rows with `trainDataset` = rpj and `valSet` = wikitext",
    );
  });
});

describe("parseOpenLmCsv refuses a malformed line by line number and field", () => {
  it("accepts one trailing blank line, and a file without it", () => {
    expect(parseOpenLmCsv(csv(OK, OK)).length).toBe(2);
    expect(parseOpenLmCsv([HEADER, OK].join("\n")).length).toBe(1);
    expect(parseOpenLmCsv([HEADER, OK].join("\r\n") + "\r\n").length).toBe(1);
  });

  it("refuses a blank line inside the file and a second trailing one", () => {
    expect(() => parseOpenLmCsv(csv(OK, "", OK))).toThrow("line 3: expected 12 fields, got 0");
    expect(() => parseOpenLmCsv(csv(OK) + "\n")).toThrow("line 3: expected 12 fields, got 0");
  });

  it("refuses a wrong header, a header alone, and a line with a missing field", () => {
    expect(() => parseOpenLmCsv(csv(OK).replace("params_no_embed", "nonembedding"))).toThrow(
      /^line 1: the header must be run,/,
    );
    expect(() => parseOpenLmCsv(HEADER + "\n")).toThrow("at least one data line");
    expect(() => parseOpenLmCsv(csv(OK, OK.split(",").slice(0, 11).join(",")))).toThrow(
      "line 3: expected 12 fields, got 11",
    );
  });

  it("refuses non-positive, empty or non-numeric numbers, naming the column", () => {
    expect(() => parseOpenLmCsv(csv(withField(3, "-5")))).toThrow(
      "line 2: `params` must be a finite number > 0, got -5",
    );
    expect(() => parseOpenLmCsv(csv(OK, withField(5, "")))).toThrow(
      "line 3: `train_tokens` must be a finite number > 0, got an empty field",
    );
    expect(() => parseOpenLmCsv(csv(withField(9, "abc")))).toThrow(
      "line 2: `loss` must be a finite number > 0, got abc",
    );
    expect(() => parseOpenLmCsv(csv(withField(6, "0")))).toThrow(
      "line 2: `token_multiplier` must be a finite number > 0, got 0",
    );
  });

  it("refuses an unknown training or validation set, an empty name and a quoted field", () => {
    expect(() => parseOpenLmCsv(csv(withField(1, "pile")))).toThrow(
      "line 2: `train_dataset` must be one of c4_original, rpj, rw_original, got pile",
    );
    expect(() => parseOpenLmCsv(csv(withField(7, "wikitext")))).toThrow(/^line 2: `val_set` must be one of c4_val,/);
    expect(() => parseOpenLmCsv(csv(withField(2, " ")))).toThrow("line 2: `model` must not be empty");
    expect(() => parseOpenLmCsv(csv(withField(0, '"x"')))).toThrow("line 2: quoted fields are not expected");
  });

  it("refuses a loss outside its own 95% interval and more non-embedding than total parameters", () => {
    expect(() => parseOpenLmCsv(csv(withField(9, "4.3")))).toThrow(
      /^line 2: `loss` must lie in \[loss_tokens_lower_95, loss_tokens_upper_95\]/,
    );
    expect(() => parseOpenLmCsv(csv(withField(4, "411616257")))).toThrow(
      "line 2: `params_no_embed` must not exceed `params` (411616256), got 411616257",
    );
  });
});
