/**
 * The HTML edition (`npm run site`, scripts/site.ts): built from the committed notebooks, then opened
 * page by page in headless Chromium (Debian's `chromium`, driven by playwright-core). For every page:
 * each figure loaded with a non-zero size, no raw `$…$` is left outside the typeset math, links to
 * other pages resolve and open, solutions are collapsed; a screenshot of each page is saved in
 * `site/screenshots/` (named in the README). Without Chromium this file's own set-up installs it when it is
 * root with apt (as in CI), else the browser checks are skipped with a message saying how to install it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { buildSite, extractMath, renderMarkdown, type SiteManifest, slug } from "../scripts/site";

const CHROMIUM = "/usr/bin/chromium";
const EMOJI_FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
const SITE = resolve("site");
const SHOTS = join(SITE, "screenshots");
let built: SiteManifest | undefined;
/** Builds site/ once for both describe blocks. */
const builtSite = (): SiteManifest => (built ??= buildSite(SITE));
const notebookNames = readdirSync("notebooks").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).map((f) => f.replace(/\.ipynb$/, "")).sort();

describe("Markdown and math rendering", () => {
  it("holds inline and display math out of the Markdown parser, and leaves code and \\$ alone", () => {
    const { text, math } = extractMath("a $x_1$ b $$\\frac{a}{b}$$ `c $d$` \\$5 and $10");
    // display math is held first, then inline
    expect(math).toEqual([{ tex: "\\frac{a}{b}", display: true }, { tex: "x_1", display: false }]);
    expect(text).toBe("a %%MATH1%% b %%MATH0%% `c $d$` \\$5 and $10");
  });

  it("typesets math inside a table cell and emphasis-like underscores intact", () => {
    const html = renderMarkdown("| p | value |\n| --- | --- |\n| $p_{crit}$ | $a_1 * b_2$ |\n");
    expect(html).toContain("<table>");
    expect(html).toContain('class="katex"');
    expect(html).not.toMatch(/\$|%%MATH/);
    expect(html).not.toContain("<em>");
  });

  it("fails the build on a formula KaTeX cannot parse, naming it", () => {
    expect(() => renderMarkdown("bad $\\frac{1}{$ here")).toThrow(/KaTeX cannot typeset \$\\frac\{1\}\{\$/);
  });

  it("makes heading anchors from their text", () => {
    expect(slug("5.1 · Kolmogorov 1941")).toBe("5-1-kolmogorov-1941");
  });
});

describe("the HTML edition", () => {
  let manifest: SiteManifest;
  beforeAll(() => {
    manifest = builtSite();
  });

  it("has an index and one page per committed notebook", () => {
    const files = manifest.pages.map((p) => p.file);
    expect(files[0]).toBe("index.html");
    for (const name of notebookNames) expect(files).toContain(`${name}.html`);
    const index = readFileSync(join(SITE, "index.html"), "utf8");
    for (const name of notebookNames) expect(index).toContain(`href="${name}.html"`);
    expect(index).toContain("The pedestal effect"); // the paper's outline
  });

  it("carries its own KaTeX stylesheet and fonts and loads nothing from the network", () => {
    expect(statSync(join(SITE, "katex", "katex.min.css")).size).toBeGreaterThan(10_000);
    expect(readdirSync(join(SITE, "katex", "fonts")).some((f) => f.endsWith(".woff2"))).toBe(true);
    for (const p of manifest.pages) {
      const html = readFileSync(join(SITE, p.file), "utf8");
      expect(html, p.file).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html, p.file).not.toContain("<script");
    }
  });

  it("writes every figure output of every notebook as a non-empty SVG", () => {
    for (const p of manifest.pages.filter((q) => q.notebook)) {
      const nb = JSON.parse(readFileSync(`notebooks/${p.notebook}.ipynb`, "utf8")) as {
        cells: { outputs?: { data?: Record<string, unknown> }[] }[];
      };
      const svgs = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.["image/svg+xml"] !== undefined);
      expect(p.figures, p.file).toHaveLength(svgs.length);
      for (const f of p.figures) expect(statSync(join(SITE, f)).size).toBeGreaterThan(1000);
    }
  });

  it("folds every solution cell into a closed <details>", () => {
    for (const p of manifest.pages.filter((q) => q.notebook)) {
      const nb = JSON.parse(readFileSync(`notebooks/${p.notebook}.ipynb`, "utf8")) as { cells: { metadata?: { tags?: string[] } }[] };
      const solutions = nb.cells.filter((c) => c.metadata?.tags?.includes("solution")).length;
      const html = readFileSync(join(SITE, p.file), "utf8");
      expect((html.match(/<details class="solution">/g) ?? []).length, p.file).toBe(solutions);
      expect(html).not.toContain("<details open");
    }
  });
});

describe("the HTML edition in headless Chromium", () => {
  let browser: Browser | undefined;
  let page: Page;
  let manifest: SiteManifest;
  let skip = "";

  beforeAll(async () => {
    manifest = builtSite();
    // Debian's packages: the browser, and a colour-emoji font so that ✅/❌ in the pages render in the
    // screenshots (cosmetic: without root the checks run without it).
    const missing = [[CHROMIUM, "chromium"], [EMOJI_FONT, "fonts-noto-color-emoji"]].filter(([f]) => !existsSync(f)).map(([, p]) => p);
    if (missing.length > 0) {
      const root = process.getuid?.() === 0;
      let apt = false;
      try {
        execFileSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" });
        apt = true;
      } catch { /* no apt */ }
      if (root && apt) {
        execFileSync("sh", ["-c", `apt-get update -qq && apt-get install -y -qq ${missing.join(" ")} >/dev/null`], {
          stdio: ["ignore", "ignore", "inherit"],
          env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
        });
      } else if (!existsSync(CHROMIUM)) {
        skip = `${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium fonts-noto-color-emoji) to run the browser checks`;
        console.warn(`tests/site.test.ts: ${skip}`);
        return;
      }
    }
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // the pages must work offline: refuse every request that is not a local file
    await page.route(/^(?!file:)/, (route) => route.abort());
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (file: string) => {
    const failed: string[] = [];
    const onFail = (r: { url(): string }) => failed.push(r.url());
    page.on("requestfailed", onFail);
    await page.goto(pathToFileURL(join(SITE, file)).href, { waitUntil: "load" });
    page.off("requestfailed", onFail);
    return failed;
  };

  it("opens every page: figures loaded with a non-zero size, math typeset, no failed request; screenshots saved", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    for (const p of manifest.pages) {
      const failed = await open(p.file);
      expect(failed, `${p.file}: failed requests`).toEqual([]);
      const images = await page.$$eval("img", (imgs) =>
        imgs.map((i) => ({ src: i.getAttribute("src"), w: i.naturalWidth, h: i.naturalHeight, complete: i.complete }))
      );
      expect(images.length, `${p.file}: images`).toBe(p.figures.length);
      for (const im of images) {
        expect(im.complete && im.w > 0 && im.h > 0, `${p.file}: ${im.src} loaded ${im.w}×${im.h}`).toBe(true);
      }
      // raw math: any $…$ left in the text outside typeset math and code
      const rest = await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement;
        body.querySelectorAll(".katex, pre, code").forEach((e) => e.remove());
        return body.textContent ?? "";
      });
      expect(rest, `${p.file}: raw TeX`).not.toMatch(/\$\$|\$[^$\s](?:[^$]*[^$\s])?\$/);
      expect(rest).not.toContain("%%MATH");
      if (p.notebook) {
        const typeset = await page.$$eval(".katex", (els) => els.filter((e) => (e as HTMLElement).offsetWidth > 0).length);
        expect(typeset, `${p.file}: visible formulas`).toBeGreaterThan(0);
        // KaTeX's fonts are the ones from site/katex/fonts, loaded for real
        const fonts = await page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.family.startsWith("KaTeX") && f.status === "loaded").length;
        });
        expect(fonts, `${p.file}: KaTeX fonts loaded`).toBeGreaterThan(0);
      }
      const shot = join(SHOTS, p.file.replace(/\.html$/, ".png"));
      await page.screenshot({ path: shot });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    }
  }, 300_000);

  it("resolves every relative link, and the links between pages open the page they name", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    const titles = new Map(manifest.pages.map((p) => [p.file, p.title]));
    for (const p of manifest.pages) {
      await open(p.file);
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => ({ raw: a.getAttribute("href")!, abs: (a as HTMLAnchorElement).href })));
      for (const { raw, abs } of hrefs) {
        if (!abs.startsWith("file:")) continue;
        const url = new URL(abs);
        const target = decodeURIComponent(url.pathname);
        expect(existsSync(target), `${p.file}: link ${raw} → ${target}`).toBe(true);
        if (url.hash && target.endsWith(".html")) {
          expect(readFileSync(target, "utf8"), `${p.file}: anchor ${raw}`).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
        }
      }
      const pageLinks = [...new Set(hrefs.map((h) => h.raw).filter((h) => /^[\w-]+\.html$/.test(h)))];
      if (p.notebook) expect(pageLinks.length, `${p.file}: links to other pages`).toBeGreaterThan(0);
      for (const h of pageLinks) expect(titles.has(h), `${p.file}: ${h} is a page of the site`).toBe(true);
    }
    // follow the chain: index → first notebook → next → … by clicking, checking each page's title
    await open("index.html");
    const chain = manifest.pages.filter((p) => p.notebook);
    await page.click(`a[href="${chain[0].file}"]`);
    for (let i = 0; i < chain.length; i++) {
      expect(page.url().endsWith(`/${chain[i].file}`)).toBe(true);
      expect(await page.title()).toBe(chain[i].title);
      if (i < chain.length - 1) await page.click('nav.top a[rel="next"]');
    }
  }, 300_000);

  it("shows solutions collapsed, and opens one on a click", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    const withSolution = manifest.pages.find((p) => p.notebook && readFileSync(join(SITE, p.file), "utf8").includes("details"));
    expect(withSolution).toBeDefined();
    await open(withSolution!.file);
    const first = page.locator("details.solution").first();
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await first.locator("pre").isVisible()).toBe(false);
    await first.locator("summary").click();
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await first.locator("pre").isVisible()).toBe(true);
  }, 60_000);
});
