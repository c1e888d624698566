import { describe, expect, it } from "vitest";
import { tableFromRows, tableToCsv, tableToMarkdown } from "../../src/tables/table";

describe("tables", () => {
  it("tableFromRows() keeps the given column order", () => {
    const t = tableFromRows([{ b: 1, a: 2 }], ["a", "b"]);
    expect(t.columnNames()).toEqual(["a", "b"]);
    expect(tableToCsv(t)).toBe("a,b\n2,1\n");
  });
  it("tableToMarkdown() writes a GitHub table and escapes pipes", () => {
    const md = tableToMarkdown(tableFromRows([{ m: "a|b", v: 0.25 }], ["m", "v"]));
    expect(md).toBe("| m | v |\n| --- | --- |\n| a\\|b | 0.25 |");
  });
});
