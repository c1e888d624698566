/**
 * Showing things in a notebook: figures as SVG + PNG bundles, Markdown, tables.
 *
 * Each function returns a `Display`, an object that Jupyter kernels render through its
 * `Symbol.for("Jupyter.display")` method when it is the value of a cell's last expression. Make it
 * the last line of the cell (`show(fig)`, or `await show(fig)`, which gives the same value). That
 * way the output travels in the cell's own `execute_result`, in order: an explicit
 * `Deno.jupyter.display(...)` call is sent asynchronously and can land in the next cell's outputs,
 * which makes re-execution non-deterministic. One display per cell; `stack()` joins Markdown.
 *
 * This is the only module that knows about kernels' display protocols.
 *
 * @module
 */
import type { Figure } from "./figures/figure";
import { renderFigure } from "./figures/render";
import { type MarkdownOptions, type NamedTable, type Table, tableToMarkdown } from "./tables";

/** A Jupyter MIME bundle: MIME type to payload (text, or base64 for images). */
export type MimeBundle = Record<string, string>;

const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

/** Something a kernel shows as a MIME bundle when a cell evaluates to it. */
export class Display {
  /** @param bundle the MIME bundle shown. */
  constructor(readonly bundle: MimeBundle) {}

  /** The Deno kernel's display hook. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.bundle;
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
 * The MIME bundle of a figure: `image/svg+xml` and `image/png` (so GitHub shows it either way)
 * and its caption as `text/plain`.
 */
export function figureBundle(figure: Figure): MimeBundle {
  const { svg, png } = renderFigure(figure);
  return { "image/svg+xml": svg, "image/png": toBase64(png), "text/plain": figure.caption };
}

/**
 * Shows a figure inline as an SVG + PNG bundle (last line of a cell).
 * @example show(figure1RunningExponent())
 */
export function show(figure: Figure): Display {
  return new Display(figureBundle(figure));
}

/**
 * Shows Markdown; math in `$…$` is rendered by Jupyter and GitHub (last line of a cell).
 * @example md(`N_crit(0.1) = ${criticalSize(0.1, 1 / 3)}`)
 */
export function md(markdown: string): Display {
  return new Display({ "text/markdown": markdown, "text/plain": markdown });
}

/**
 * Shows a table as Markdown, with its caption in bold above it when it is a named table.
 * @example table(analogyTable(), { digits: 3 })
 */
export function table(t: Table | NamedTable, options: MarkdownOptions = {}): Display {
  const named = "caption" in t && "name" in t ? (t as NamedTable) : undefined;
  const body = tableToMarkdown(named ? named.table : (t as Table), options);
  return md(named ? `**${named.caption}**\n\n${body}` : body);
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
