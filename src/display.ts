/**
 * Showing things in a notebook: figures as PNG bundles (one image per figure; the SVG is in
 * `figures/`), Markdown, tables.
 *
 * Each function returns a `Display`, an object the kernel shows when it is the value of a cell's
 * last expression. Make it the last line of the cell (`show(fig)`, or `await show(fig)`, which gives
 * the same value). One display per cell; `stack()` joins Markdown. Notebooks never branch on the
 * kernel: the `Display` object speaks both kernels' protocols.
 *
 * - **Deno** renders an object through its `Symbol.for("Jupyter.display")` method: the bundle travels
 *   in the cell's own `execute_result`, in order. (An explicit `Deno.jupyter.display(...)` call is
 *   sent asynchronously and can land in the next cell's outputs, which makes re-execution
 *   non-deterministic; avoid it.)
 * - **tslab** (Node.js) prints a cell's last value with `console.log`, which formats it through
 *   `Symbol.for("nodejs.util.inspect.custom")`. There the `Display` publishes its whole bundle as one
 *   `display_data` message with tslab's display hook (synchronously, before the cell ends) and
 *   swallows the empty line `console.log` would print, so the cell's only output is the bundle.
 *
 * This is the only module that knows about kernels' display protocols.
 *
 * @module
 */
import type { Figure } from "./figures/figure";
import { notationToMarkdown, notationToPlain, serializeSvg, svgToPng } from "./figures/render";
import { type Claim, claimsMarkdown, type Findings } from "./findings/claim";
import { type MarkdownOptions, type NamedTable, type Table, tableToMarkdown } from "./tables/table";
import { cellValue, COLUMN_HEADERS, columnHeader } from "./tables/column_headers";
import { markdownNotation } from "./_util/notation";

/** A Jupyter MIME bundle: MIME type to payload (text, or base64 for images). */
export type MimeBundle = Record<string, string>;

const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");
const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** What tslab puts on `globalThis` while it runs a cell: the cell's `require`. */
interface TslabGlobal {
  __tslab__?: { require(id: string): unknown };
  process?: { stdout?: { write: (chunk: unknown, ...rest: unknown[]) => boolean } };
}

type DisplayData = { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> };

/**
 * The kernel this code runs in, as far as showing things goes: `"tslab"` inside tslab's kernel
 * (Node.js), otherwise `"deno"` (Deno's kernel, and any runtime that is not a kernel: tests, scripts).
 * @example kernelName() // => "deno" (under `deno jupyter` and in tests; "tslab" under tslab)
 */
export function kernelName(): "deno" | "tslab" {
  return (globalThis as TslabGlobal).__tslab__ ? "tslab" : "deno";
}

/**
 * Publishes a MIME bundle through tslab's display API, as one `display_data` message of the cell
 * being executed. Uses the hook tslab's own `display` object writes through
 * (`tslab/dist/jupyter`'s `lastWriteDisplayData`), so the bundle keeps all its MIME types in one
 * output; falls back to the public `display.raw(type, data)` (one output per type) if that hook is
 * missing. Returns false outside tslab.
 */
function publishToTslab(bundle: MimeBundle): boolean {
  const tslab = (globalThis as TslabGlobal).__tslab__;
  if (!tslab) return false;
  const jupyter = tslab.require("tslab/dist/jupyter") as {
    lastWriteDisplayData?: (d: DisplayData, update: boolean) => void;
  };
  if (typeof jupyter.lastWriteDisplayData === "function") {
    jupyter.lastWriteDisplayData({ data: { ...bundle }, metadata: {}, transient: {} }, false);
    return true;
  }
  const pub = tslab.require("tslab") as { display: { raw(type: string, data: string): void } };
  for (const [type, data] of Object.entries(bundle)) pub.display.raw(type, data);
  return true;
}

/**
 * Drops the next write to stdout if it is the bare newline `console.log` prints for an empty string
 * (tslab's echo of a cell's last value, already shown as a bundle); restores stdout either way.
 */
function swallowNextEmptyLine(): void {
  const stdout = (globalThis as TslabGlobal).process?.stdout;
  if (!stdout) return;
  const write = stdout.write;
  stdout.write = function (chunk: unknown, ...rest: unknown[]): boolean {
    stdout.write = write;
    return chunk === "\n" ? true : write.call(stdout, chunk, ...rest);
  };
}

/** Something a kernel shows as a MIME bundle when a cell evaluates to it. */
export class Display {
  /** @param bundle the MIME bundle shown. */
  constructor(readonly bundle: MimeBundle) {}

  /** The Deno kernel's display hook. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.bundle;
  }

  /**
   * Node's inspection hook, through which tslab prints a cell's value: inside tslab, publishes the
   * bundle and prints nothing; elsewhere, the plain-text form.
   */
  [NODE_INSPECT](): string {
    if (!publishToTslab(this.bundle)) return this.toString();
    swallowNextEmptyLine();
    return "";
  }

  /** Plain-text form (the bundle's `text/plain`). */
  toString(): string {
    return this.bundle["text/plain"] ?? "";
  }
}

/** Base64 of bytes, without relying on a runtime's Buffer. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/**
 * MIME type of a figure's caption (Markdown) inside its bundle. Jupyter front ends ignore it and show
 * the image; the project's executor (scripts/notebooks.py, `split_captions`) moves it into a
 * `text/markdown` output of its own right after the image, numbered "**Figure N.k.**", because
 * GitHub shows only one MIME type of a bundle (the PNG) and would hide a caption kept inside it.
 */
export const CAPTION_MIME = "text/vnd.smallness.caption+markdown";

/**
 * Escapes the characters of a caption that Markdown would read as markup (`*`, `[`, `` ` ``, `<`
 * not starting a tag we write, a leading `#`), then writes its notation (`α_{C}`) as `<sub>`/`<sup>`.
 * @example captionMarkdown("N_{crit} = 729 *") // => "N<sub>crit</sub> = 729 \\*"
 */
export function captionMarkdown(caption: string): string {
  const escaped = caption.replace(/[\\`*[\]<>|]/g, (c) => `\\${c}`).replace(/^#/, "\\#");
  return notationToMarkdown(escaped);
}

/**
 * MIME type of a figure's base name inside its bundle (`figure1_running_exponent`, the name of its
 * `figures/<name>.svg`). The executor (scripts/notebooks.py, `split_captions`) moves it into the
 * output's metadata (`metadata.smallness.figure`), where the HTML edition finds the figure's SVG.
 */
export const FIGURE_MIME = "text/vnd.smallness.figure";

/** Scale of a figure's PNG in a notebook: two pixels per CSS pixel (sharp on high-density screens). */
export const NOTEBOOK_PNG_SCALE = 2;

/**
 * The MIME bundle of a figure: one image, `image/png` at `NOTEBOOK_PNG_SCALE` (the SVG stays in
 * `figures/`: `jupyter nbconvert --to html` and GitHub both show the PNG), its caption in plain text
 * (`text/plain`, the alt text; notation as `α_C`) and as Markdown (`CAPTION_MIME`, with
 * `<sub>`/`<sup>`), and its name (`FIGURE_MIME`). The executor turns the last two into a numbered
 * caption output and the image's metadata (display width, alt text, figure name).
 * @example Object.keys(figureBundle(figure2CriticalSize())) // ["image/png", "text/plain", …]
 */
export function figureBundle(figure: Figure): MimeBundle {
  const png = svgToPng(serializeSvg(figure.element), NOTEBOOK_PNG_SCALE);
  return {
    "image/png": toBase64(png),
    "text/plain": notationToPlain(figure.caption),
    [CAPTION_MIME]: captionMarkdown(figure.caption),
    [FIGURE_MIME]: figure.name,
  };
}

/**
 * Shows a figure inline as a PNG bundle (last line of a cell); its caption travels in the
 * bundle and becomes a numbered Markdown output beneath the image when the notebook is executed by
 * scripts/notebooks.py (see `CAPTION_MIME`).
 * @example show(figure1RunningExponent())
 */
export function show(figure: Figure): Display {
  return new Display(figureBundle(figure));
}

/**
 * Shows Markdown (last line of a cell): math in `$…$` is rendered by Jupyter and GitHub; outside it,
 * the project's notation (`N_{crit}`, `2^{1/α}`) is written as `<sub>`/`<sup>` (`markdownNotation`), as
 * in the figures' captions, and tables are shown `forReaders`.
 * @example md("N_{crit}(0.1) = 729").bundle["text/markdown"] // => "N<sub>crit</sub>(0.1) = 729"
 */
export function md(markdown: string): Display {
  const shown = tablesForReaders(markdownNotation(markdown));
  return new Display({ "text/markdown": shown, "text/plain": shown });
}

/**
 * Every GFM table of a Markdown text (a header line, then a `| --- |` rule) passed through
 * `forReaders`; the rest of the text unchanged.
 * @example tablesForReaders("x\n\n| alpha |\n| --- |\n| -1 |") // => "x\n\n| α |\n| --- |\n| −1 |"
 */
export function tablesForReaders(markdown: string): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("| ") && lines[i].endsWith(" |") && /^\| ---( \| ---)* \|$/.test(lines[i + 1] ?? "")) {
      let j = i + 2;
      while (j < lines.length && lines[j].startsWith("|")) j++;
      out.push(forReaders(lines.slice(i, j).join("\n")));
      i = j - 1;
    } else out.push(lines[i]);
  }
  return out.join("\n");
}

/**
 * Shows a table as Markdown, with its caption in bold above it when it is a named table.
 * @example table(analogyTable(), { digits: 3 })
 */
export function table(t: Table | NamedTable, options: MarkdownOptions = {}): Display {
  const named = "caption" in t && "name" in t ? (t as NamedTable) : undefined;
  const body = tableToMarkdown(named ? named.table : (t as Table), options);
  return md(named ? `**${named.caption}**\n\n${body}` : body); // md shows its tables `forReaders`
}

/**
 * A Markdown table as readers see it: headers from `COLUMN_HEADERS` and label cells from `CELL_VALUES`
 * (src/tables/column_headers.ts; the CSVs keep the machine names), and a real minus sign (U+2212) in
 * front of negative numbers.
 * @example forReaders("| alpha_low |\n| --- |\n| -0.5 |") // => "| α, low end |\n| --- |\n| −0.5 |"
 * @example forReaders("| parameter |\n| --- |\n| alpha |") // => "| parameter |\n| --- |\n| α |"
 */
export function forReaders(markdown: string): string {
  const [head, , ...lines] = markdown.split("\n");
  const cellsOf = (line: string) => line.slice(2, -2).split(" | ");
  // prose headers written in the notation's plain form (α_C, N_crit) get their subscripts
  const headers = cellsOf(head).map((h) =>
    Object.hasOwn(COLUMN_HEADERS, h) || !/[\s\u0080-\uffff]/.test(h)
      ? columnHeader(h)
      : h.replace(/(?<=[A-Za-z\u0370-\u03ff])_([A-Za-z0-9]+)\b/g, "<sub>$1</sub>")
  );
  const rows = lines.map((l) => cellsOf(l.replace(/(?<=\| )-(?=[0-9.∞])/g, "−")).map(cellValue));
  return splitWide(headers, rows).map(({ headers: h, rows: r }) =>
    [`| ${h.join(" | ")} |`, `| ${h.map(() => "---").join(" | ")} |`, ...r.map((c) => `| ${c.join(" | ")} |`)].join(
      "\n",
    )
  ).join("\n\n");
}

/** Tables wider than this many columns are split (`splitWide`). */
export const MAX_TABLE_COLUMNS = 8;

/**
 * Splits a table wider than `MAX_TABLE_COLUMNS` into tables that each repeat its key columns and share
 * out the others, so that no table needs more than a page's width. The key columns are the leading
 * columns holding no numbers (at most two; at least the first), and the column after them as well when
 * they do not tell the rows apart and it does (a unit, a size: every part then says which row it
 * shows). A row that a part would show twice in succession (the rows differ only in another part's
 * columns, as a long table's per-unit rows do) is shown there once.
 * @example splitWide(["k", "a", "b"], [["x", "1", "2"]]).length // => 1
 */
export function splitWide(headers: string[], rows: string[][]): { headers: string[]; rows: string[][] }[] {
  if (headers.length <= MAX_TABLE_COLUMNS) return [{ headers, rows }];
  const numeric = (c: string) => /^[−-]?[0-9.]/.test(c);
  let keys = 1;
  while (keys < 2 && rows.every((r) => r[keys] !== undefined && !numeric(r[keys]))) keys++;
  const identifies = (k: number) => new Set(rows.map((r) => r.slice(0, k).join("\u0000"))).size === rows.length;
  if (!identifies(keys) && identifies(keys + 1)) keys++;
  const rest = headers.length - keys;
  const parts = Math.ceil(rest / (MAX_TABLE_COLUMNS - keys));
  const size = Math.ceil(rest / parts);
  return Array.from({ length: parts }, (_, k) => {
    const cols = [
      ...Array(keys).keys(),
      ...Array.from({ length: Math.min(size, rest - k * size) }, (_, j) => keys + k * size + j),
    ];
    const shown = rows.map((r) => cols.map((c) => r[c]));
    return {
      headers: cols.map((c) => headers[c]),
      rows: shown.filter((r, i) => i === 0 || r.some((c, j) => c !== shown[i - 1][j])),
    };
  });
}

/**
 * Joins several Markdown displays (text, tables) into one, separated by blank lines.
 * @throws {TypeError} if an item is not Markdown (a figure must be the only display of its cell).
 * @example stack(md("**Table 1**"), table(t))
 */
export function stack(...items: Display[]): Display {
  const parts = items.map((d, i) => {
    const text = d.bundle["text/markdown"];
    if (text === undefined) throw new TypeError(`\`items[${i}]\` must be Markdown (md or table), got a figure`);
    return text;
  });
  return md(parts.join("\n\n"));
}

/**
 * Shows the "What we checked" table of a notebook from its claim records (paper reference, claim,
 * verdict, reason), as Markdown.
 * @example whatWeChecked(pedestal.findings())
 */
export function whatWeChecked(findings: Findings | readonly Claim[]): Display {
  return md(claimsMarkdown(Array.isArray(findings) ? findings : (findings as Findings).claims));
}
