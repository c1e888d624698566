import { describe, expect, it } from "vitest";
import { formatNumber, tableFromRows, tableToCsv, tableToMarkdown } from "../src/tables";

describe("tables", () => {
  it("tableFromRows() keeps the given column order", () => {
    const t = tableFromRows([{ b: 1, a: 2 }], ["a", "b"]);
    expect(t.columnNames()).toEqual(["a", "b"]);
    expect(tableToCsv(t)).toBe("a,b\n2,1\n");
  });
  it("formatNumber() prints integers in full, others to 4 significant digits, tiny and huge with powers of ten", () => {
    expect(formatNumber(1024)).toBe("1024");
    expect(formatNumber(1 / 3)).toBe("0.3333");
    expect(formatNumber(1e-12)).toBe("1·10⁻¹²");
    expect(formatNumber(1.5e20)).toBe("1.5·10²⁰");
    expect(formatNumber(1048576)).toBe("1048576");
  });
  it("tableToMarkdown() writes a GitHub table and escapes pipes", () => {
    const md = tableToMarkdown(tableFromRows([{ m: "a|b", v: 0.25 }], ["m", "v"]));
    expect(md).toBe("| m | v |\n| --- | --- |\n| a\\|b | 0.25 |");
  });
});
