/**
 * The one module that owns a DOM: a server-side document (linkedom) for Observable Plot, the
 * serialisation of its SVG into a deterministic string, and the PNG rendering (resvg with the
 * DejaVu fonts). Figure modules take `plotDefaults()` and `powerOfTenAxis()` from here.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import type { Figure } from "./figure";
import { rowsToCsv } from "../_util/csv";
import { superscript } from "../_util/format";

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
    marginBottom: 52,
    marginRight: 24,
    marginTop: 28,
    style: { fontFamily: FONT_FAMILY, fontSize: "13px", background: "white" },
  };
}

/**
 * The one palette of every figure: Okabe & Ito's colour-blind-safe colours (Okabe & Ito 2008,
 * "Color Universal Design"), by name, plus the neutral greys of bands and annotations.
 */
export const PALETTE = {
  blue: "#0072B2",
  orange: "#E69F00",
  purple: "#CC79A7",
  green: "#009E73",
  sky: "#56B4E9",
  vermillion: "#D55E00",
  black: "#000000",
  /** Darker blue and orange, for text on light fills of those colours (contrast ≥ 4.5 on white). */
  blueText: "#00466e",
  orangeText: "#8a5a00",
  /** Fill of background bands (the paper's A range 0.05–0.1, regions). */
  band: "#bbbbbb",
  /** Annotation text. */
  note: "#444444",
  /** Dotted reference rules (d = 40, ζ_3 = 1, …). */
  rule: "#555555",
  /** Facet frames. */
  frame: "#cccccc",
} as const;

/**
 * Colours for up to six curves, in order: Okabe–Ito blue, orange, reddish purple, bluish green, sky
 * blue, vermillion, so that red and green are never neighbours.
 */
export const CURVE_COLOURS: readonly string[] = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.purple,
  PALETTE.green,
  PALETTE.sky,
  PALETTE.vermillion,
];

/** Viridis as Plot draws it (`scheme: "viridis"`), sampled at t in [0, 1]. */
const VIRIDIS = Plot.scale({ color: { type: "linear", scheme: "viridis", domain: [0, 1] } });

/**
 * Viridis without its lightest part (t up to 0.82 of the scheme, a mid green rather than the pale
 * yellow that vanishes on white), as a colour scale's `interpolate` option: the continuous encodings
 * of the figures (tokens D, token multiplier M) keep every mark visible on the white background.
 *
 * @example Plot.plot({ color: { type: "log", domain: [1e8, 1e12], interpolate: viridisOnWhite } })
 */
export const viridisOnWhite = (t: number): string => String(VIRIDIS.apply(0.82 * t));

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The colour to write a label in for a curve of colour `colour` (`#rrggbb`): the same hue, darkened
 * in steps of 5 % until its contrast with white is at least 4.5:1 (WCAG AA for text), so that labels
 * in orange, green or sky blue stay readable. Colours already dark enough are returned unchanged.
 * @throws {TypeError} if `colour` is not `#rrggbb`.
 * @example
 * textColour("#0072B2") // => "#0072B2"
 * textColour("#E69F00") // a darker orange
 */
export function textColour(colour: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) throw new TypeError(`\`colour\` must be #rrggbb, got ${colour}`);
  let c = colour;
  for (let f = 0.95; 1.05 / (luminance(c) + 0.05) < 4.5 && f > 0; f -= 0.05) {
    c = "#" + [1, 3, 5].map((i) => Math.round(parseInt(colour.slice(i, i + 2), 16) * f).toString(16).padStart(2, "0"))
      .join("");
  }
  return c;
}

/**
 * Options of the x scale's axis shared by every figure: the tick labels sit 6 px further from the
 * frame than Plot's default, so that the first x tick label never touches the lowest y tick label
 * at the origin, and the axis label sits 10 px above the bottom edge, room for subscripts.
 */
export const X_AXIS = { tickPadding: 6, labelOffset: 42 } as const;

/**
 * Mark option for decorative rects and areas (background bands, shaded regions): their group
 * carries the class `band`, which the layout test (tests/figures/layout.test.ts) does not count as
 * data, so labels may sit on them.
 */
export const BAND = { className: "band" } as const;

/**
 * The notation of labels and captions: `x_{i}` is a subscript and `x^{k}` a superscript, as in
 * TeX (`α_{C}`, `N_{crit}`, `d_{F}`, `2^{d/4}`). `notationToSvg` turns them into `<tspan>`s with a
 * baseline shift (in the serialised SVG), `notationToMarkdown` into `<sub>`/`<sup>` (captions on
 * GitHub), `notationToPlain` into plain text (`α_C`, `2^(d/4)`; alt text).
 */
const NOTATION = /([_^])\{([^{}]*)\}/g;

/**
 * Rewrites `_{…}`/`^{…}` in (already XML-escaped) SVG text content as shifted, smaller tspans.
 * @example notationToSvg("α_{C}") // => 'α<tspan baseline-shift="sub" font-size="75%">C</tspan>'
 */
export function notationToSvg(text: string): string {
  return text.replace(
    NOTATION,
    (_m, kind: string, body: string) =>
      `<tspan baseline-shift="${kind === "_" ? "sub" : "super"}" font-size="75%">${body}</tspan>`,
  );
}

/**
 * Applies the notation to a live SVG element in place (for figures shown as DOM elements rather than
 * serialised, e.g. the HTML edition's live figures): every text node under a `<text>` holding
 * `_{…}`/`^{…}` becomes plain text and shifted `<tspan>`s, as `notationToSvg` writes them.
 * @returns the element, for chaining.
 * @example container.replaceChildren(applyNotation(figure.element))
 */
export function applyNotation<E extends Element>(element: E): E {
  const doc = element.ownerDocument;
  const texts = element.tagName.toLowerCase() === "text" ? [element] : [...element.querySelectorAll("text")];
  for (const text of texts) {
    const nodes: Node[] = [];
    const walk = (n: Node) => n.childNodes.forEach((c) => (c.nodeType === 3 ? nodes.push(c) : walk(c)));
    walk(text);
    for (const node of nodes) {
      const value = node.textContent ?? "";
      if (!/[_^]\{[^{}]*\}/.test(value)) continue;
      const parts = value.split(/([_^]\{[^{}]*\})/);
      const replacement = parts.filter((p) => p !== "").map((p) => {
        const m = /^([_^])\{([^{}]*)\}$/.exec(p);
        if (!m) return doc.createTextNode(p);
        const tspan = doc.createElementNS("http://www.w3.org/2000/svg", "tspan");
        tspan.setAttribute("baseline-shift", m[1] === "_" ? "sub" : "super");
        tspan.setAttribute("font-size", "75%");
        tspan.textContent = m[2];
        return tspan;
      });
      (node as ChildNode).replaceWith(...replacement);
    }
  }
  return element;
}

// The Markdown and plain forms of the notation live in src/_util/notation.ts (the findings and the
// README use them without loading Plot); re-exported here beside `notationToSvg`.
export { notationToMarkdown, notationToPlain } from "../_util/notation";

/** Log-spaced grid 10^lo … 10^hi with `perDecade` points per decade (both ends included). */
export function logGrid(lo: number, hi: number, perDecade: number): number[] {
  const n = Math.round((hi - lo) * perDecade);
  return Array.from({ length: n + 1 }, (_, i) => 10 ** (lo + i / perDecade));
}

/**
 * Formats a power of ten as `10` with a superscript exponent (`10⁻⁶`, `10¹²`); 1 prints as `1`
 * and 10 as `10`. Values that are not powers of ten print in plain notation.
 *
 * @example formatPowerOfTen(1e-6) // => "10⁻⁶"
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
    // 10 as 10¹ beside 10², 10³ (one form per axis; 1 stays 1)
    tickFormat: (v: number) => (v === 10 && ticks.length > 2 ? "10¹" : formatPowerOfTen(v)),
    label,
    grid: true,
  };
}

/** One part of a composed figure: a Plot SVG and where its top left corner goes, in px. */
export interface Panel {
  element: Element;
  x?: number;
  y: number;
}

/**
 * Puts several Plot SVGs (panels with scales of their own, a colour bar beside a plot) into one
 * `<svg>` of `width` × `height` px, each as a nested `<svg>` at its `x`, `y`; the result serialises
 * and renders as a single figure (`serializeSvg`, `svgToPng`), with the house font and background.
 *
 * @example composePanels([{ element: top, y: 0 }, { element: bottom, y: 300 }], 720, 560)
 */
export function composePanels(panels: readonly Panel[], width: number, height: number): Element {
  const svg = figureDocument.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", PLOT_CLASS);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("font-family", FONT_FAMILY);
  svg.setAttribute("style", `background: white; font-family: ${FONT_FAMILY};`);
  for (const { element, x = 0, y } of panels) {
    element.setAttribute("x", String(x));
    element.setAttribute("y", String(y));
    svg.appendChild(element);
  }
  return svg as unknown as Element;
}

/**
 * Serialises a Plot SVG element into a deterministic, standalone SVG string: adds the `xmlns`
 * attribute, writes the labels' notation as tspans (`applyNotation`), renumbers Plot's clip-path ids
 * in document order (`clip-1`, `clip-2`, …) and rounds
 * numbers inside attribute values (coordinates, paths, transforms) to two decimals so that
 * floating-point noise does not reach the file; text content is left exactly as written. Works on a
 * copy: `element` itself is not changed.
 *
 * @throws {TypeError} if the element is not an `<svg>` (e.g. a `<figure>` from an HTML legend).
 */
export function serializeSvg(element: Element): string {
  if (element.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      `\`element\` must be an <svg>, got <${element.tagName.toLowerCase()}> (label curves inside the SVG instead of an HTML legend)`,
    );
  }
  // on a copy: the caller's element (a live figure, or one shown again) is left as it was
  const copy = element.cloneNode(true) as Element;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  applyNotation(copy); // sub- and superscripts of the labels' notation (`α_{C}`)
  let svg = copy.outerHTML;
  const ids = new Map<string, string>();
  svg = svg.replace(/plot-clip-\d+/g, (id) => {
    if (!ids.has(id)) ids.set(id, `clip-${ids.size + 1}`);
    return ids.get(id)!;
  });
  // round coordinates inside attribute values only (never label text)
  svg = svg.replace(
    /(\s[\w:-]+=")([^"]*)"/g,
    (_m, head: string, value: string) =>
      head + value.replace(/-?\d+\.\d{3,}/g, (num) => {
        const r = Math.round(Number(num) * 100) / 100;
        return String(Object.is(r, -0) ? 0 : r);
      }) + '"',
  );
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
