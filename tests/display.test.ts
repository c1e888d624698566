/**
 * src/display.ts speaks both kernels' display protocols from one object: Deno's
 * `Symbol.for("Jupyter.display")` method, and under tslab Node's inspection hook, which publishes the
 * whole bundle through tslab's display hook and swallows the empty line that `console.log` prints.
 * tslab is simulated here by what it puts on `globalThis` (`__tslab__.require`).
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  CAPTION_MIME,
  captionMarkdown,
  Display,
  FIGURE_MIME,
  figureBundle,
  forReaders,
  kernelName,
  MAX_TABLE_COLUMNS,
  md,
  splitWide,
  stack,
  whatWeChecked,
} from "../src/display";
import { CELL_VALUES, COLUMN_HEADERS, columnHeader } from "../src/tables/column_headers";
import { type Claim, claim } from "../src/findings/claim";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
type G = { __tslab__?: unknown; process?: { stdout: { write: (c: unknown) => boolean } } };
const g = globalThis as unknown as G;

afterEach(() => {
  delete g.__tslab__;
});

function fakeTslab(hook: ((d: unknown, update: boolean) => void) | undefined, raw?: (t: string, d: string) => void) {
  g.__tslab__ = {
    require(id: string) {
      if (id === "tslab/dist/jupyter") return { lastWriteDisplayData: hook };
      if (id === "tslab") return { display: { raw } };
      throw new Error(`unexpected require(${id})`);
    },
  };
}

describe("display under Deno", () => {
  it("is the default kernel outside tslab", () => {
    expect(kernelName()).toBe("deno");
  });
  it("hands Deno the bundle through Symbol.for('Jupyter.display')", () => {
    const d = md("**x**") as unknown as Record<symbol, () => unknown>;
    expect(d[Symbol.for("Jupyter.display")]()).toEqual({ "text/markdown": "**x**", "text/plain": "**x**" });
  });
  it("inspects as its plain text outside tslab", () => {
    const d = md("a $x$") as unknown as Record<symbol, () => unknown>;
    expect(d[INSPECT]()).toBe("a $x$");
  });
});

describe("display under tslab (simulated)", () => {
  it("detects tslab from its global", () => {
    fakeTslab(() => {});
    expect(kernelName()).toBe("tslab");
  });

  it("publishes the whole bundle as one display_data message and prints nothing", () => {
    const sent: unknown[] = [];
    fakeTslab((d, update) => sent.push({ d, update }));
    const stdout = g.process!.stdout;
    const original = stdout.write;
    const written: unknown[] = [];
    stdout.write = (c: unknown) => (written.push(c), true);
    try {
      const d = stack(md("a"), md("b")) as unknown as Record<symbol, () => string>;
      const text = d[INSPECT]();
      expect(text).toBe("");
      stdout.write("\n"); // what console.log writes for "" : swallowed
      stdout.write("next\n"); // later output passes through
    } finally {
      stdout.write = original;
    }
    expect(sent).toEqual([{
      d: { data: { "text/markdown": "a\n\nb", "text/plain": "a\n\nb" }, metadata: {}, transient: {} },
      update: false,
    }]);
    expect(written).toEqual(["next\n"]);
  });

  it("falls back to tslab's public display.raw, one MIME type at a time, without the internal hook", () => {
    const raw: [string, string][] = [];
    fakeTslab(undefined, (t, d) => raw.push([t, d]));
    const stdout = g.process!.stdout;
    const original = stdout.write;
    stdout.write = () => true;
    try {
      (new Display({ "text/plain": "p", "image/svg+xml": "<svg/>" }) as unknown as Record<symbol, () => string>)
        [INSPECT]();
    } finally {
      stdout.write = original;
    }
    expect(raw).toEqual([["text/plain", "p"], ["image/svg+xml", "<svg/>"]]);
  });
});

/** A claim record whose verdict is computed from its number, as the findings modules do. */
const checked = (id: string, text: string, value: number, expected: number, reason: string): Claim =>
  claim({
    id,
    ref: "§1",
    claim: text,
    numbers: { value },
    verdict: value === expected ? "holds" : "does not hold",
    reason,
  });

describe("whatWeChecked", () => {
  it("marks each claim ✅ or ❌ from its computed verdict", () => {
    const d = whatWeChecked([
      checked("00.one-holds", "one holds", 1 + 1, 2, "2"),
      checked("00.one-fails", "one fails", 0.1 + 0.2, 0.3, "0.30000000000000004"),
    ]);
    expect(d.bundle["text/markdown"]).toBe(
      "| paper | claim | verdict | why |\n| --- | --- | --- | --- |\n" +
        "| §1 | one holds | ✅ holds | 2 |\n| §1 | one fails | ❌ does not hold | 0.30000000000000004 |",
    );
  });
  it("takes a notebook's findings or its claims alike", () => {
    const claims = [checked("00.one-holds", "one holds", 2, 2, "2")];
    expect(whatWeChecked({ notebook: "00_x", title: "X", claims }).bundle).toEqual(whatWeChecked(claims).bundle);
  });
});

describe("figure captions", () => {
  it("a figure's bundle carries its caption as Markdown (CAPTION_MIME) and as plain alt text", async () => {
    const { figure2CriticalSize } = await import("../src/figures/pedestal");
    const fig = figure2CriticalSize();
    const bundle = figureBundle(fig);
    expect(Object.keys(bundle).sort()).toEqual([CAPTION_MIME, FIGURE_MIME, "image/png", "text/plain"].sort());
    expect(bundle[FIGURE_MIME]).toBe("figure2_critical_size");
    expect(bundle[CAPTION_MIME]).toContain("N<sub>crit</sub>(p)");
    expect(bundle["text/plain"]).toContain("N_crit(p)");
    expect(bundle["text/plain"]).not.toContain("_{");
  });
  it("captionMarkdown escapes Markdown markup and keeps the notation's tags", () => {
    expect(captionMarkdown("N_{crit} = 729 *")).toBe("N<sub>crit</sub> = 729 \\*");
    expect(captionMarkdown("on [0,1]^{d}, a | b, x < y")).toBe("on \\[0,1\\]<sup>d</sup>, a \\| b, x \\< y");
  });
});

describe("tables in Markdown", () => {
  it("whatWeChecked() escapes pipes in the reference, the claim and the reason", () => {
    const c = claim({
      id: "00.pipes",
      ref: "‖x‖ | eq. 1",
      claim: "|x| < 1",
      numbers: {},
      verdict: "holds",
      reason: "⟨|∇f|²⟩ = 2",
    });
    const text = whatWeChecked([c]).bundle["text/markdown"];
    expect(text.split("\n")[2]).toBe("| ‖x‖ \\| eq. 1 | \\|x\\| < 1 | ✅ holds | ⟨\\|∇f\\|²⟩ = 2 |");
  });
});

describe("tables for readers (issue 19)", () => {
  it("shows human headers from the one map, keeps unlisted names, and writes real minus signs", () => {
    expect(columnHeader("alpha_eq17_h_1_3")).toBe("α by eq. 17, h = 1/3");
    expect(columnHeader("N")).toBe("N");
    expect(columnHeader("toString")).toBe("toString"); // not an inherited property
    expect(forReaders("| alpha_low | x_crit | (1 − p) α_C |\n| --- | --- | --- |\n| -0.5 | 1e-3 | -2 |"))
      .toBe("| α, low end | x<sub>crit</sub> | (1 − p) α<sub>C</sub> |\n| --- | --- | --- |\n| −0.5 | 0.001 | −2 |");
    // label cells: parameter names as symbols, JavaScript's exponent form as formatNumber writes it
    expect(forReaders("| parameter | cut |\n| --- | --- |\n| alpha | N at D = 1.4e12 |\n| E | frontier, N_opt |"))
      .toBe("| parameter | cut |\n| --- | --- |\n| α | N at D = 1.4·10¹² |\n| E | frontier, N<sub>opt</sub> |");
    // no header is left in snake_case
    for (const h of Object.values(COLUMN_HEADERS)) expect(h, h).not.toMatch(/[a-z0-9]_[a-z0-9]/i);
  });
  it("splits a table wider than the limit, repeating its key columns, and keeps every cell once", () => {
    const headers = ["set", "domain", ...Array.from({ length: 10 }, (_, i) => `c${i}`)];
    const rows = [["a", "b", ...Array.from({ length: 10 }, (_, i) => String(i))]];
    const parts = splitWide(headers, rows);
    expect(parts).toHaveLength(2);
    for (const p of parts) {
      expect(p.headers.length).toBeLessThanOrEqual(MAX_TABLE_COLUMNS);
      expect(p.headers.slice(0, 2)).toEqual(["set", "domain"]);
    }
    expect(parts.flatMap((p) => p.headers.slice(2))).toEqual(headers.slice(2));
    expect(parts.flatMap((p) => p.rows[0].slice(2))).toEqual(rows[0].slice(2));
    // a numeric second column is not a key
    expect(splitWide(["k", ...headers.slice(2)], [["a", ...rows[0].slice(2)]])[0].headers[1]).toBe("c0");
    expect(splitWide(["a", "b"], [["1", "2"]])).toEqual([{ headers: ["a", "b"], rows: [["1", "2"]] }]);
  });
  it("keeps a long table's unit in every part, and shows a part's repeated rows once", () => {
    // notebook 08's shape: two label columns, then a unit that tells the rows apart
    const headers = ["cut", "variable", "unit", ...Array.from({ length: 8 }, (_, i) => `c${i}`)];
    const cells = (i: number) => Array.from({ length: 8 }, (_, j) => `${i}${j}`);
    const rows = ["1", "10⁶", "10⁹"].map((u, i) => ["fixed", "N", u, ...cells(i)]);
    const parts = splitWide(headers, rows);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.headers.slice(0, 3)).toEqual(["cut", "variable", "unit"]);
      expect(p.rows.map((r) => r[2])).toEqual(["1", "10⁶", "10⁹"]);
    }
    // notebook 09's shape: the per-unit columns at the end; a part without them has one row per (set, cut)
    const wide = ["set", "cut", "N", "D", "x", "y", "z", "w", "v", "unit", "p"];
    const units = ["1", "10⁶", "10⁹"];
    const long = ["a", "b"].flatMap((cut) =>
      units.map((u, i) => ["C4", cut, "7", "1", "2", "3", "4", "5", "6", u, `${cut}${i}`])
    );
    const [first, ...others] = splitWide(wide, long);
    expect(first.headers).not.toContain("unit");
    expect(first.rows).toEqual([["C4", "a", "7", "1", "2", "3", "4"], ["C4", "b", "7", "1", "2", "3", "4"]]);
    const last = others.at(-1)!;
    expect(last.headers.slice(-2)).toEqual(["unit", "p"]);
    expect(last.rows.map((r) => r.at(-1))).toEqual(["a0", "a1", "a2", "b0", "b1", "b2"]);
    // a table that is not split keeps its repeated rows: they are records, not an artefact of the split
    expect(splitWide(["a", "b"], [["1", "2"], ["1", "2"]])[0].rows).toHaveLength(2);
  });
  it("shows notebook 09's data sets, 07's approximants and 11's genres in words, never as machine names", () => {
    expect(forReaders("| t | v |\n| --- | --- |\n| rw_original | paloma_ptb |\n| rpj | c4_val |"))
      .toBe("| t | v |\n| --- | --- |\n| RefinedWeb | Penn Treebank |\n| RedPajama | C4 val |");
    expect(forReaders("| a | g |\n| --- | --- |\n| local_linear | science_fiction |\n| knn1 | belles_lettres |"))
      .toBe("| a | g |\n| --- | --- |\n| local-linear | science fiction |\n| 1-nearest neighbour | belles lettres |");
    for (const v of Object.values(CELL_VALUES)) expect(v, v).not.toMatch(/[a-z0-9]_[a-z0-9]/i);
  });
});
