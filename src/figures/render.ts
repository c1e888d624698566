/**
 * The one module that owns a DOM: a server-side document (linkedom) for Observable Plot, the
 * serialisation of its SVG into a deterministic string, and the PNG rendering (resvg with the
 * DejaVu fonts). Figure modules take `plotDefaults()` and `powerOfTenAxis()` from here.
 *
 * @module
 */
import { parseHTML } from "linkedom";
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import type { Figure } from "./figure";
import { rowsToCsv } from "../csv";
import { superscript } from "../tables";

const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");

/** The shared server-side document that every Plot call renders into. */
export const figureDocument: Document = document as unknown as Document;

/** Fixed class name for every plot, so that the SVG does not depend on Plot's random class. */
export const PLOT_CLASS = "smallness-plot";

/** Font stack written into every SVG; the PNG renderer maps it to DejaVu Sans. */
export const FONT_FAMILY = "DejaVu Sans, Verdana, sans-serif";

/** Default width and height of a figure, in CSS pixels (readable at GitHub's column width). */
export const FIGURE_SIZE = { width: 720, height: 440 } as const;

/**
 * Options that every figure passes to `Plot.plot`: the server-side document, the fixed class
 * name, the size, the font and margins that leave room for axis labels.
 *
 * @example Plot.plot({ ...plotDefaults(), marks: [...] })
 */
export function plotDefaults(): Record<string, unknown> {
  return {
    document: figureDocument,
    className: PLOT_CLASS,
    width: FIGURE_SIZE.width,
    height: FIGURE_SIZE.height,
    marginLeft: 64,
    marginBottom: 48,
    marginRight: 24,
    marginTop: 28,
    style: { fontFamily: FONT_FAMILY, fontSize: "13px", background: "white" },
  };
}

/** Colours for up to six curves (Tableau 10, colour-blind-safer order). */
export const CURVE_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#76b7b2"];

/** Log-spaced grid 10^lo … 10^hi with `perDecade` points per decade (both ends included). */
export function logGrid(lo: number, hi: number, perDecade: number): number[] {
  const n = Math.round((hi - lo) * perDecade);
  return Array.from({ length: n + 1 }, (_, i) => 10 ** (lo + i / perDecade));
}

/**
 * Formats a power of ten as `10` with a superscript exponent (`10⁻⁶`, `10¹²`); 1 prints as `1`
 * and 10 as `10`. Values that are not powers of ten print in plain notation.
 *
 * @example formatPowerOfTen(1e-6) // "10⁻⁶"
 */
export function formatPowerOfTen(value: number): string {
  if (!(value > 0)) return String(value);
  const e = Math.round(Math.log10(value));
  if (Math.abs(value / 10 ** e - 1) > 1e-9) return String(value);
  if (e === 0) return "1";
  if (e === 1) return "10";
  return "10" + superscript(e);
}

/**
 * Scale options for a log axis from `10^lo` to `10^hi` with ticks at every `step`-th power of ten,
 * labelled `10⁻⁶` style.
 *
 * @example Plot.plot({ x: powerOfTenAxis(-12, 0, 2, "x = 1/N") })
 */
export function powerOfTenAxis(
  lo: number,
  hi: number,
  step = 1,
  label?: string,
): Record<string, unknown> {
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += step) ticks.push(10 ** e);
  return {
    type: "log",
    domain: [10 ** lo, 10 ** hi],
    ticks,
    tickFormat: formatPowerOfTen,
    label,
    grid: true,
  };
}

/**
 * Serialises a Plot SVG element into a deterministic, standalone SVG string: adds the `xmlns`
 * attributes, renumbers Plot's clip-path ids in document order (`clip-1`, `clip-2`, …) and rounds
 * numbers inside attribute values (coordinates, paths, transforms) to two decimals so that
 * floating-point noise does not reach the file; text content is left exactly as written.
 *
 * @throws {TypeError} if the element is not an `<svg>` (e.g. a `<figure>` from an HTML legend).
 */
export function serializeSvg(element: Element): string {
  if (element.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      `\`element\` must be an <svg>, got <${element.tagName.toLowerCase()}> (label curves inside the SVG instead of an HTML legend)`,
    );
  }
  element.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  let svg = element.outerHTML;
  const ids = new Map<string, string>();
  svg = svg.replace(/plot-clip-\d+/g, (id) => {
    if (!ids.has(id)) ids.set(id, `clip-${ids.size + 1}`);
    return ids.get(id)!;
  });
  // round coordinates inside attribute values only (never label text)
  svg = svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_m, head: string, value: string) =>
    head + value.replace(/-?\d+\.\d{3,}/g, (num) => {
      const r = Math.round(Number(num) * 100) / 100;
      return String(Object.is(r, -0) ? 0 : r);
    }) + '"');
  return svg + "\n";
}

const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
/** The font file every PNG's text is drawn with (the folder alone may exist without it). */
const FONT_FILE = `${FONT_DIR}/DejaVuSans.ttf`;

/**
 * The DejaVu font folder, after checking that DejaVu Sans itself is there: without the font file
 * resvg silently draws no text, and every regenerated PNG would lose its labels.
 * @throws {Error} naming the missing file and the Debian package to install.
 */
function requireFonts(): string {
  if (!existsSync(FONT_FILE)) {
    throw new Error(`DejaVu Sans missing (${FONT_FILE}): apt-get install -y fonts-dejavu-core`);
  }
  return FONT_DIR;
}

/**
 * Renders an SVG string to PNG bytes with resvg, at `scale` times its size (default 1.5, sharp on
 * high-density screens and small enough to embed in a notebook), on a white background, with the
 * DejaVu fonts (Debian's fonts-dejavu-core) and no other system fonts, so the result is the same
 * on every machine that has them.
 */
export function svgToPng(svg: string, scale = 1.5): Uint8Array {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: {
      loadSystemFonts: false,
      fontDirs: [requireFonts()],
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return resvg.render().asPng();
}

/** The three renderings of a figure: the SVG string, the PNG bytes and the CSV text. */
export interface RenderedFigure {
  svg: string;
  png: Uint8Array;
  csv: string;
}

/** Serialises a figure's SVG, renders its PNG and formats its data as CSV. */
export function renderFigure(figure: Figure): RenderedFigure {
  const svg = serializeSvg(figure.element);
  return { svg, png: svgToPng(svg), csv: rowsToCsv(figure.data, figure.columns) };
}
