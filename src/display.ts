/**
 * Showing things in a notebook. The only module that knows which Jupyter kernel it runs in:
 * under Deno's kernel it uses `Deno.jupyter.display`; elsewhere (a plain script, a test) it
 * returns the bundle without displaying it, so notebook cells never branch on the kernel.
 *
 * @module
 */
import type { Figure } from "./figures/figure";
import { renderFigure } from "./figures/render";
import { type MarkdownOptions, type NamedTable, type Table, tableToMarkdown } from "./tables";

/** A Jupyter MIME bundle: MIME type to payload (text, or base64 for images). */
export type MimeBundle = Record<string, string>;

type DenoJupyter = { display(bundle: MimeBundle, options: { raw: boolean }): Promise<void> | void };

function denoJupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno;
  return deno?.jupyter;
}

/** Base64 of bytes, without relying on a runtime's Buffer. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/** Displays a MIME bundle in the running kernel, if any. @returns the bundle. */
export async function display(bundle: MimeBundle): Promise<MimeBundle> {
  const jupyter = denoJupyter();
  if (jupyter) await jupyter.display(bundle, { raw: true });
  return bundle;
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
 * Shows a figure inline as an SVG + PNG bundle.
 * @example await show(figure1RunningExponent())
 */
export function show(figure: Figure): Promise<MimeBundle> {
  return display(figureBundle(figure));
}

/**
 * Shows Markdown (math in `$…$` is rendered by Jupyter and GitHub).
 * @example await md(`N_crit(0.1) = ${nCrit(0.1)}`)
 */
export function md(markdown: string): Promise<MimeBundle> {
  return display({ "text/markdown": markdown, "text/plain": markdown });
}

/**
 * Shows a table as Markdown, with its caption in bold above it when it is a named table.
 * @example await table(analogyTable(), { digits: 3 })
 */
export function table(t: Table | NamedTable, options: MarkdownOptions = {}): Promise<MimeBundle> {
  const named = "caption" in t && "name" in t ? (t as NamedTable) : undefined;
  const body = tableToMarkdown(named ? named.table : (t as Table), options);
  return md(named ? `**${named.caption}**\n\n${body}` : body);
}
