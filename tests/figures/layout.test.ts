/**
 * Layout of every committed figure (`figures/*.svg`), measured from Chromium's own layout of the SVG
 * (Debian's `chromium`, driven by playwright-core as in tests/site.test.ts):
 *
 * - no two text boxes overlap (tick labels, axis labels, curve labels, annotations);
 * - every text box lies inside the SVG's viewBox;
 * - no data mark runs through a label: points sampled every 1.5 px along each line, link and rule,
 *   and the boxes of dots and bars, fall outside every text box (background bands, shaded areas,
 *   axes, ticks and grids are not data marks: figures give decorative rects the class `band`,
 *   `BAND` in src/figures/render.ts);
 * - lines, links and rules stay within the plot frame (the extent of the grid);
 * - axes read well (the review of 2026-12-02): at most 12 tick labels per axis, the labels of an axis
 *   in one form (not "10" beside "10²", not "2" beside "2.0"), no tick without its label;
 * - no dot or bar so pale that it vanishes on white (contrast below 1.5:1, as viridis's yellow end).
 *
 * Text boxes are the browser's (font ascent to descent, advance widths), compared as they are; the
 * boxes of dots and bars are shrunk by 1 px on each side, so that a dot touching a label's box does not count.
 * Run `deno run -A scripts/reproduce.ts --no-notebooks` first when figures change. Without Chromium
 * (and without root and apt to install it) the checks are skipped with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

import { launchChromium } from "../chromium";
import { figure1RunningExponent } from "../../src/figures/pedestal";
import { serializeSvg } from "../../src/figures/render";
const FIGURES = readdirSync("figures").filter((f) => f.endsWith(".svg")).sort();

/** What the browser reports for one figure: a list of human-readable problems. */
type Problems = string[];

/** Runs in the page: measures the SVG in `document.body` and lists its layout problems. */
function measure(): Problems {
  const SHRINK = 1;
  const STEP = 1.5;
  const FRAME_TOLERANCE = 2;
  const DATA = new Set(["line", "dot", "link", "rule", "rect", "bar"]);
  const svg = document.querySelector("svg")!;
  const view = svg.getBoundingClientRect();
  type Box = { left: number; right: number; top: number; bottom: number };
  const shrink = (r: Box): Box => ({
    left: r.left + SHRINK,
    right: r.right - SHRINK,
    top: r.top + SHRINK,
    bottom: r.bottom - SHRINK,
  });
  const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const inside = (x: number, y: number, b: Box) => x > b.left && x < b.right && y > b.top && y < b.bottom;
  const problems: string[] = [];

  const texts = [...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim() !== "").map((t) => ({
    text: (t.textContent ?? "").trim(),
    box: t.getBoundingClientRect() as Box,
  }));
  for (let i = 0; i < texts.length; i++) {
    const b = texts[i].box;
    if (b.left < view.left || b.right > view.right || b.top < view.top || b.bottom > view.bottom) {
      problems.push(`text "${texts[i].text}" lies outside the viewBox`);
    }
    for (let j = i + 1; j < texts.length; j++) {
      if (meets(b, texts[j].box)) problems.push(`text "${texts[i].text}" overlaps text "${texts[j].text}"`);
    }
  }

  // the frame: the extent of the grid lines (all facets together)
  const grid = [...svg.querySelectorAll('g[aria-label$="grid"] line')].map((l) => l.getBoundingClientRect());
  const frame: Box | null = grid.length === 0 ? null : {
    left: Math.min(...grid.map((r) => r.left)) - FRAME_TOLERANCE,
    right: Math.max(...grid.map((r) => r.right)) + FRAME_TOLERANCE,
    top: Math.min(...grid.map((r) => r.top)) - FRAME_TOLERANCE,
    bottom: Math.max(...grid.map((r) => r.bottom)) + FRAME_TOLERANCE,
  };

  /** The clip rectangle of an element (from the nearest clip-path), in page coordinates, or null. */
  const clipOf = (el: Element): Box | null => {
    const owner = el.closest("[clip-path]");
    if (!owner) return null;
    const id = /url\(#([^)]+)\)/.exec(owner.getAttribute("clip-path") ?? "")?.[1];
    const rect = id ? svg.querySelector(`[id="${id}"] rect`) as SVGRectElement | null : null;
    const m = (owner as SVGGraphicsElement).getScreenCTM();
    if (!rect || !m) return null;
    const p = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(m);
    const x = rect.x.baseVal.value,
      y = rect.y.baseVal.value,
      w = rect.width.baseVal.value,
      h = rect.height.baseVal.value;
    const a = p(x, y), b = p(x + w, y + h);
    return { left: Math.min(a.x, b.x), right: Math.max(a.x, b.x), top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) };
  };

  for (const group of svg.querySelectorAll("g[aria-label]")) {
    const kind = group.getAttribute("aria-label")!;
    if (!DATA.has(kind) || group.classList.contains("band")) continue;
    for (const el of group.querySelectorAll("path, line, circle, rect")) {
      const shape = el as SVGGeometryElement;
      const clip = clipOf(shape);
      const where = `${kind} mark <${el.tagName}>`;
      if (kind === "dot" || kind === "rect" || kind === "bar") {
        const r = shrink(shape.getBoundingClientRect());
        if (clip && !meets(r, clip)) continue;
        const hit = texts.find((t) => meets(r, t.box));
        if (hit) {
          problems.push(`${where} at (${Math.round(r.left)}, ${Math.round(r.top)}) lies under text "${hit.text}"`);
        }
        continue;
      }
      const m = shape.getScreenCTM();
      if (!m || typeof shape.getTotalLength !== "function") continue;
      const length = shape.getTotalLength();
      const hits = new Set<string>();
      let outside = 0;
      for (let s = 0; s <= length; s += STEP) {
        const q = shape.getPointAtLength(s).matrixTransform(m);
        if (clip && !inside(q.x, q.y, clip)) continue;
        for (const t of texts) if (inside(q.x, q.y, t.box)) hits.add(t.text);
        if (frame && !inside(q.x, q.y, frame)) outside++;
      }
      for (const t of hits) problems.push(`${where} runs through text "${t}"`);
      if (outside > 0) problems.push(`${where} leaves the frame (${outside} sampled points outside)`);
    }
  }
  problems.push(...axisProblems(svg));
  problems.push(...faintMarks(svg));
  return problems;

  /**
   * Data marks nearly invisible on the white background (the review's "yellow end of viridis"): a dot or
   * bar whose fill and stroke both have a contrast below 1.5:1 with white (WCAG's ratio; viridis's
   * #fde725 has 1.2, Okabe–Ito's sky blue 2.2). White-filled open symbols count by their stroke.
   */
  function faintMarks(root: SVGSVGElement): string[] {
    const out = new Set<string>();
    const contrast = (css: string): number => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css);
      if (!m || m[4] === "0") return 0;
      const [r, g, b] = [m[1], m[2], m[3]].map((c) => Number(c) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
    };
    for (const group of root.querySelectorAll('g[aria-label="dot"], g[aria-label="bar"], g[aria-label="rect"]')) {
      if (group.classList.contains("band")) continue;
      for (const el of group.querySelectorAll("circle, path, rect")) {
        const style = getComputedStyle(el);
        const best = Math.max(contrast(style.fill), style.stroke === "none" ? 0 : contrast(style.stroke));
        if (best > 0 && best < 1.5) {
          out.add(`${group.getAttribute("aria-label")} mark in ${style.fill} is faint on white`);
        }
      }
    }
    return [...out];
  }

  /**
   * The kinds of defect the figure review of 2026-12-02 found on axes: too many tick labels (17 at
   * 0.2 spacing), labels of one axis in mixed forms ("10" beside "10²", "2" beside "2.0"), and a tick
   * without its label. Per axis group (Plot's `x-axis tick` / `tick label`, facets together).
   */
  function axisProblems(root: SVGSVGElement): string[] {
    const out: string[] = [];
    for (const axis of ["x-axis", "y-axis"]) {
      const labelGroups = [...root.querySelectorAll(`g[aria-label="${axis} tick label"]`)];
      const tickGroups = [...root.querySelectorAll(`g[aria-label="${axis} tick"]`)];
      labelGroups.forEach((group, k) => {
        const labels = [...group.querySelectorAll("text")].map((t) => (t.textContent ?? "").trim()).filter((t) =>
          t !== ""
        );
        if (labels.length > 12) out.push(`${axis}: ${labels.length} tick labels (at most 12 read well)`);
        const power = labels.filter((l) => /^10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$/.test(l));
        const plainPower = labels.filter((l) => /^10+$/.test(l) && l !== "1");
        if (power.length > 0 && plainPower.length > 0) {
          out.push(`${axis}: tick labels mix ${plainPower[0]} with ${power[0]}`);
        }
        // "2" beside "2.0": a label with trailing zeros beside one with fewer decimals (0.1, 0.2, 0.5, 1, 2
        // on a log axis is one notation: no label there pads its decimals)
        const numbers = labels.filter((l) => /^[−-]?\d+(\.\d+)?$/.test(l));
        const decimals = new Set(numbers.map((l) => (l.split(".")[1] ?? "").length));
        const padded = numbers.some((l) => /\.\d*0$/.test(l));
        if (numbers.length === labels.length && decimals.size > 1 && padded) {
          out.push(`${axis}: tick labels mix decimals: ${numbers.join(", ")}`);
        }
        const ticks = tickGroups[k]?.querySelectorAll("path, line").length ?? 0;
        const shown = [...group.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim() !== "").length;
        if (ticks > 0 && group.querySelectorAll("text").length === ticks && shown < ticks) {
          out.push(`${axis}: ${ticks - shown} tick(s) without a label`);
        }
      });
    }
    return out;
  }
}

describe("figure layout in Chromium", () => {
  let browser: Browser | undefined;
  let page: Page;
  let skip = "";

  beforeAll(async () => {
    const launched = await launchChromium("tests/figures/layout.test.ts");
    if ("skip" in launched) {
      skip = launched.skip;
      return;
    }
    browser = launched.browser;
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.route(/^(?!about:|data:)/, (route) => route.abort());
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("finds the committed figures", () => {
    expect(FIGURES.length).toBeGreaterThanOrEqual(14);
  });

  for (const file of FIGURES) {
    it(`${file}: no text over text, no text outside the frame, no data mark through a label`, async (ctx) => {
      if (!browser) return ctx.skip(skip);
      const svg = readFileSync(`figures/${file}`, "utf8");
      await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
      const problems = await page.evaluate(measure);
      expect(problems, file).toEqual([]);
    });
  }

  // the live edition redraws Figure 3.1 for the reader's p (src/live/pedestal.ts): its key must find a
  // free place for small pedestals too (the review of 2026-12-02: it collided with the curves for p ≤ 0.003)
  const LIVE_PEDESTALS = [
    [0.001, 0.002, 0.003, 0.004],
    [0.003, 0.05, 0.1, 0.2],
    [0.001, 0.05, 0.1, 0.2],
    [0.01, 0.002, 0.1, 0.2],
    [0.001, 0.001, 0.001, 0.001],
    [0.002, 0.01, 0.003, 0.999],
  ];
  for (const pedestals of LIVE_PEDESTALS) {
    for (const alphaC of [1 / 3, 0.1, 0.9]) {
      it(`the live Figure 3.1 at α_C = ${alphaC.toFixed(3)}, p = ${pedestals.join(", ")}: no key over a curve or label`, async (ctx) => {
        if (!browser) return ctx.skip(skip);
        const svg = serializeSvg(figure1RunningExponent({ alphaC, pedestals }).element);
        await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
        expect(await page.evaluate(measure)).toEqual([]);
      });
    }
  }
});
