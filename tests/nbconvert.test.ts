/**
 * The notebooks as `jupyter nbconvert --to html` renders them with its default settings (issue 19,
 * item 3): each figure is one PNG output (drawn at 2×, its display size and alt text in the output's
 * metadata, its SVG in `figures/`), so the converted page shows every figure. The HTML is opened in
 * headless Chromium (tests/chromium.ts) with the network refused, and every figure image must have
 * loaded, at twice the pixels of its displayed size, followed by its numbered caption.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium";

const NOTEBOOKS = [
  ...readdirSync("notebooks").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).map((f) => `notebooks/${f}`),
  ...(existsSync("notebooks/solutions")
    ? readdirSync("notebooks/solutions").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).map((f) =>
      `notebooks/solutions/${f}`
    )
    : []),
].sort();

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
  metadata?: { "image/png"?: { width?: number; height?: number; alt?: string }; smallness?: { figure?: string } };
}
const outputsOf = (file: string): Output[] =>
  (JSON.parse(readFileSync(file, "utf8")) as { cells: { outputs?: Output[] }[] }).cells.flatMap((c) => c.outputs ?? []);

describe("figures in the committed notebooks: one image each", () => {
  for (const file of NOTEBOOKS) {
    it(`${file}: every figure is a PNG alone, with display size, alt text and the name of its figures/ SVG`, () => {
      for (const o of outputsOf(file)) {
        const d = o.data ?? {};
        expect(d["image/svg+xml"], `${file}: an SVG output (the SVG belongs in figures/)`).toBeUndefined();
        if (d["image/png"] === undefined) continue;
        expect(Object.keys(d).sort()).toEqual(["image/png", "text/plain"]);
        const meta = o.metadata ?? {};
        const name = meta.smallness?.figure;
        expect(name, `${file}: figure name`).toMatch(/^\w+$/);
        expect(existsSync(`figures/${name}.svg`), `figures/${name}.svg`).toBe(true);
        const png = Uint8Array.from(atob([d["image/png"]].flat().join("")), (c) => c.charCodeAt(0));
        const view = new DataView(png.buffer);
        const [w, h] = [view.getUint32(16), view.getUint32(20)];
        // drawn at 2×: the SVG's width attribute is the display width
        const svgWidth = Number(
          /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(readFileSync(`figures/${name}.svg`, "utf8"))?.[1],
        );
        expect(meta["image/png"]?.width, `${name}: display width`).toBe(Math.round(w / 2));
        expect(Math.abs(w - 2 * svgWidth), `${name}: PNG ${w} px for an SVG ${svgWidth} px wide`).toBeLessThanOrEqual(
          1,
        );
        expect(meta["image/png"]?.height).toBe(Math.round(h / 2));
        expect(meta["image/png"]?.alt).toBe([d["text/plain"]].flat().join(""));
        expect(meta["image/png"]?.alt?.length ?? 0).toBeGreaterThan(20);
      }
    });
  }
});

describe("jupyter nbconvert --to html (default settings) shows every figure", () => {
  let browser: Browser | undefined;
  let skip = "";
  const out = mkdtempSync(join(tmpdir(), "smallness-nbconvert-"));
  const python = execFileSync("bash", ["scripts/python.sh"], { encoding: "utf8" }).trim();

  /** Where nbconvert wrote the page of `file` (one folder per folder of notebooks: their names repeat). */
  const htmlOf = (file: string) =>
    join(out, file.split("/").slice(0, -1).join("_"), file.split("/").at(-1)!.replace(/\.ipynb$/, ".html"));

  beforeAll(async () => {
    // One nbconvert per folder of notebooks (a Python start-up and nbconvert's imports cost about 2 s each)
    const folders = [...new Set(NOTEBOOKS.map((f) => f.split("/").slice(0, -1).join("/")))];
    for (const folder of folders) {
      const files = NOTEBOOKS.filter((f) => f.split("/").slice(0, -1).join("/") === folder).map((f) => resolve(f));
      execFileSync(python, [
        "-m",
        "nbconvert",
        "--to",
        "html",
        "--output-dir",
        join(out, folder.replace(/\//g, "_")),
        ...files,
      ], {
        stdio: "ignore",
      });
    }
    const launched = await launchChromium("tests/nbconvert.test.ts");
    if ("skip" in launched) skip = launched.skip;
    else browser = launched.browser;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  for (const file of NOTEBOOKS) {
    it(`${file}`, async (ctx) => {
      const figures = outputsOf(file).filter((o) => o.data?.["image/png"] !== undefined);
      const html = htmlOf(file);
      const text = readFileSync(html, "utf8");
      expect((text.match(/<img src="data:image\/png;base64,/g) ?? []).length, file).toBe(figures.length);
      if (!browser) return ctx.skip(skip);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.route(/^(?!file:)/, (route) => route.abort()); // MathJax from a CDN is refused: figures must not need it
      await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
      const images = await page.$$eval(
        "img",
        (imgs) =>
          imgs.map((i) => ({ w: i.naturalWidth, shown: i.getBoundingClientRect().width, complete: i.complete })),
      );
      expect(images.length).toBe(figures.length);
      for (const [k, im] of images.entries()) {
        expect(im.complete && im.w > 0, `${file}: figure ${k + 1} loaded`).toBe(true);
        expect(im.shown, `${file}: figure ${k + 1} shown`).toBeGreaterThan(300);
        expect(Math.abs(im.w / im.shown - 2), `${file}: figure ${k + 1} at 2×`).toBeLessThan(0.05);
      }
      // each figure is followed by its numbered caption
      const n = Number(file.split("/").at(-1)!.slice(0, 2));
      const captions = await page.$$eval(
        "strong",
        (s) => s.map((e) => e.textContent ?? "").filter((t) => /^Figure \d+\.\d+\.$/.test(t)),
      );
      expect(captions).toEqual(figures.map((_, k) => `Figure ${n}.${k + 1}.`));
      await page.close();
    }, 120_000);
  }
});
