/**
 * The HTML edition (`npm run site`, scripts/site.ts): built from the committed notebooks, then opened
 * page by page in headless Chromium (Debian's `chromium`, driven by playwright-core). For every page:
 * each figure loaded with a non-zero size, no raw `$…$` is left outside the typeset math, links to
 * other pages resolve and open, solutions are collapsed; a full-page screenshot of each page is saved
 * in `site/screenshots/` (`<page>.jpg`, named in the README).
 *
 * The live figures (scripts/site_live.ts, src/live/): the bundles meet their budget; in the browser
 * every control redraws its figure, the numbers beside a figure equal what the library computes here
 * in Node for the same values, a value the library refuses is answered by a message beside the
 * figure, and without JavaScript the static figure is shown. The first redraw's time is printed
 * (not asserted: speed lives in `npm run bench`, and the test machine may be shared). The figures that
 * train in the page (notebooks 10 and 11) train a tiny configuration: the loss falls, the figure
 * updates as it trains, and Train/Stop and the controls stop and restart it.
 * The student edition (`--student`) has no solution and still works in the browser.
 * Accessibility: axe-core (pinned in package.json) runs its WCAG 2 A and AA rules on every page of both
 * editions with the live figures drawn, beside the hand-written checks of names, roles and values.
 *
 * Without Chromium this file's own set-up installs it when it is root with apt (as in CI), else the
 * browser checks are skipped with a message saying how to install it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, Locator, Page } from "playwright-core";
import {
  archiveName,
  buildArchive,
  buildSite,
  extractMath,
  liveBuilderOf,
  notebookFile,
  renderMarkdown,
  type SiteManifest,
  slug,
  withoutAnswerKey,
} from "../scripts/site";
import {
  LIVE_BUDGET_GZIP,
  LIVE_FORECAST_CUTS,
  liveLmData,
  liveLmGenresData,
  type LiveLmWeights,
  liveMeasuredData,
  liveOpenLmData,
  liveTeacherStudentData,
  liveTurbulenceData,
  LM_WEIGHTS_BUDGET_GZIP,
  LM_WEIGHTS_FILE,
} from "../scripts/site_live";
import type { LiveLmData } from "../src/live/lm";
import { genreExponents, type LiveLmGenresData } from "../src/live/lm_genres";
import { figureLmGenres } from "../src/figures/lm";
import * as languageModel from "../src/findings/11_language_model";
import { encode } from "../src/learn/lm/corpus";
import { parseLmSamples, parseLmWeights } from "../src/datasets/lm_data";
import { readInput } from "../src/findings/inputs";
import { base64ToFloats } from "../src/_util/base64";
import { generate } from "../src/learn/lm/sample";
import {
  BATCH,
  CURVE_WINDOWS_PER_GENRE,
  PROMPT,
  SAMPLE_LENGTH,
  SAMPLE_SEED,
  SAMPLE_TEMPERATURE,
  sweepTrainConfig,
  windowsOf,
} from "../src/learn/lm/sweep";
import { Trainer, windowLosses } from "../src/learn/lm/train";
import { criticalInverseSize, criticalSize } from "../src/theory/pedestal";
import { figure1RunningExponent, figure2CriticalSize } from "../src/figures/pedestal";
import { applyNotation } from "../src/figures/render";
import {
  figureChinchillaBootstrap,
  figureChinchillaRunningExponent,
  figureChinchillaRuns,
} from "../src/figures/chinchilla";
import { figureStructureExponents } from "../src/figures/turbulence";
import { betaModelHurst, betaStructureExponent, intermittencyExponent } from "../src/theory/turbulence";
import * as smoothness from "../src/findings/05_smoothness_and_turbulence";
import { figureTeacherStudentLiveRun } from "../src/figures/trained_networks_live";
import { runChain, SWEEP } from "../src/learn/teacher_student";
import { figureTeacherStudentExponents } from "../src/figures/trained_networks";
import * as trainedNetworks from "../src/findings/10_trained_networks";
import { fitPowerLaw } from "../src/fit/powerlaw_fit";
import { dimensionForExponent, halvingFactor, sharmaKaplanExponent } from "../src/theory/intrinsic_dimension";
import { frontierExponent } from "../src/fit/chinchilla";
import { HOFFMANN_2022 } from "../src/paper";
import { crossover, cutFrontierInN } from "../src/fit/chinchilla_pedestal";
import * as chinchilla from "../src/findings/08_chinchilla";
import { OPENLM_TRAIN_DATASETS, OPENLM_TRAIN_LABELS, OPENLM_VAL_SETS } from "../src/datasets/openlm_data";
import { formatNumber } from "../src/_util/format";
import { DEFAULT_SETTINGS, gridExponents, manifoldExponents, twonnOnManifold } from "../src/measure/measured_exponents";
import { figureExponents, figureGridSmoothMse } from "../src/figures/measured_exponents";
import { domainFits, forecastRows } from "../src/live/openlm_runs";

import { CHROMIUM, launchChromium } from "./chromium";
const EMOJI_FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
const SITE = resolve("site");
const STUDENT = resolve("site-student");
const SHOTS = join(SITE, "screenshots");
let built: Promise<SiteManifest> | undefined;
let builtStudent: Promise<SiteManifest> | undefined;
/** Builds site/ once for every describe block. */
const builtSite = (): Promise<SiteManifest> => (built ??= buildSite(SITE));
/** Builds the student edition once. */
const studentSite = (): Promise<SiteManifest> => (builtStudent ??= buildSite(STUDENT, { student: true }));
/** The live figures the issue asks for, by notebook page. */
const LIVE_PAGES: Record<string, string[]> = {
  "03_pedestal.html": ["figure1RunningExponent", "figure2CriticalSize"],
  "04_intrinsic_dimension.html": ["figureHalvingCostVersusDimension", "figureExponentVersusDimension"],
  "05_smoothness_and_turbulence.html": ["figureStructureExponents"],
  "07_measured_exponents.html": [
    "figureGridSmoothMse",
    "figureGridRoughMse",
    "figureManifoldMse",
    "figureTwoNN",
    "figureExponents",
  ],
  "08_chinchilla.html": ["figureChinchillaBootstrap", "figureChinchillaRuns", "figureChinchillaRunningExponent"],
  "09_openlm.html": ["figureOpenLmForecast", "figureOpenLmExponents"],
  "10_trained_networks.html": ["figureTeacherStudentLoss", "figureTeacherStudentExponents"],
  "11_language_model.html": ["figureLmCurves", "figureLmGenres"],
};
/**
 * Live figures shown beside their static figure, which stays on screen with its numbered caption (the
 * panel, with a caption of its own, trains one of its curves): notebook 10's chain.
 */
const BESIDE = new Set(["figureTeacherStudentLoss"]);
/**
 * Live figures with no controls of their own, redrawn by the controls of the figures they follow
 * (`LiveSpec.follows`): notebook 07's Figure 7.5, from the runs of Figures 7.1–7.3 (its own test).
 */
const FOLLOWERS = new Set(["figureExponents"]);
/**
 * Values the redraw test sets instead of its rule's (a quarter of the way to an end) where that value draws
 * the same figure: notebook 10's smallest fitted width, whose rule gives 1 from 2, and every configuration
 * fits from width 2 at least (4 for one), so that 1 draws what 2 draws.
 */
const REDRAW_TARGETS: Record<string, number[]> = { figureTeacherStudentExponents: [8] };
/** Live figures drawn progressively, as a model trains in the page: each has its own test of its controls. */
const PROGRESSIVE = new Set(["figureLmCurves"]);
const notebookNames = readdirSync("notebooks").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).map((f) =>
  f.replace(/\.ipynb$/, "")
).sort();

/** The text of every `<text>` element of an SVG string, in document order (tags inside removed). */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]*>/g, ""));
}

/**
 * Waits until `count` live figures of the page have drawn once, and every bootstrap the page runs in
 * slices is done (notebook 11's per-genre exponents, `data-bootstrap`).
 */
async function liveReady(on: Page, count: number): Promise<void> {
  await on.waitForFunction(
    (n) =>
      document.querySelectorAll("[data-live][data-redraws]").length >= n &&
      !document.querySelector('[data-bootstrap="computing"]'),
    count,
    { timeout: 20_000 },
  );
}

/** The second number box of a live figure (the marked p of Figure 2). */
const pBox = (figure: Locator): Locator => figure.locator(".live-controls input[type=number]").nth(1);

describe("Markdown and math rendering", () => {
  it("holds inline and display math out of the Markdown parser, and leaves code and \\$ alone", () => {
    const { text, math } = extractMath("a $x_1$ b $$\\frac{a}{b}$$ `c $d$` \\$5 and $10");
    // display math is held first, then inline
    expect(math).toEqual([{ tex: "\\frac{a}{b}", display: true }, { tex: "x_1", display: false }]);
    expect(text).toBe("a %%MATH1%% b %%MATH0%% `c $d$` \\$5 and $10");
  });

  it("typesets math inside a table cell and emphasis-like underscores intact", () => {
    const html = renderMarkdown("| p | value |\n| --- | --- |\n| $p_{crit}$ | $a_1 * b_2$ |\n");
    expect(html).toContain('<table tabindex="0">'); // a tab stop: on a phone it scrolls sideways
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

  it("finds the live builder a cell calls, and only a call", () => {
    expect(liveBuilderOf("show(figure2CriticalSize({ alphaC }));")).toBe("figure2CriticalSize");
    expect(liveBuilderOf("import { figure2CriticalSize } from '../src/figures/mod';")).toBeUndefined();
    expect(liveBuilderOf("show(figureChinchillaRuns(analysis));")).toBe("figureChinchillaRuns");
    expect(liveBuilderOf("show(figureOpenLmRuns(analysis));")).toBeUndefined();
  });

  it("leaves the answer key out of the student's seminar guide, down to the next heading of its level", () => {
    const md = "# Guide\n## Plan\nplan\n## Answer key\n### Q1\nsecret\n```\n# not a heading\n```\n## Links\nlinks\n";
    expect(withoutAnswerKey(md)).toBe("# Guide\n## Plan\nplan\n## Links\nlinks\n");
  });
});

describe("the HTML edition", () => {
  let manifest: SiteManifest;
  beforeAll(async () => {
    manifest = await builtSite();
  }, 120_000);

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
      // nothing is loaded from elsewhere: no remote src, stylesheet or preload (hyperlinks to sources may be absolute)
      expect(html, p.file).not.toMatch(/\ssrc="(https?:)?\/\//);
      expect(html, p.file).not.toMatch(/<link[^>]*href="(https?:)?\/\//);
      // the only scripts: the page's own live bundle, and build-time data
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      for (const tag of scripts) {
        expect(tag, p.file).toMatch(
          /^<script (src="live\/\w+\.js" defer|type="application\/json" data-live-data="\w+")>$/,
        );
      }
      if (!LIVE_PAGES[p.file]) expect(scripts, p.file).toEqual([]);
    }
  });

  it("makes the figures the issue names live, and bundles each page's JavaScript within the budget", () => {
    for (const [file, builders] of Object.entries(LIVE_PAGES)) {
      expect(manifest.pages.find((p) => p.file === file)?.live, file).toEqual(builders);
    }
    expect(manifest.bundles.map((b) => b.file)).toEqual([
      "live/pedestal.js",
      "live/intrinsic_dimension.js",
      "live/turbulence.js",
      "live/measured_exponents.js",
      "live/chinchilla.js",
      "live/openlm.js",
      "live/trained_networks.js",
      "live/lm.js",
    ]);
    for (const p of manifest.pages) {
      const html = readFileSync(join(SITE, p.file), "utf8");
      const scripts = html.match(/(?<=<script src=")live\/\w+\.js/g) ?? [];
      const gzip = scripts.reduce((n, f) => n + manifest.bundles.find((b) => b.file === f)!.gzipBytes, 0);
      expect(gzip, `${p.file}: gzip-compressed JavaScript`).toBeLessThanOrEqual(LIVE_BUDGET_GZIP);
      if (p.live.length === 0) continue;
      // with the build-time data it carries (notebook 09's grid fits, notebook 11's corpus slice)
      const page = gzipSync(html, { level: 9 }).length;
      console.log(
        `${p.file}: ${(page / 1024).toFixed(1)} kB gzip, ${((page + gzip) / 1024).toFixed(1)} kB with its bundle`,
      );
      expect(page + gzip, `${p.file}: page and bundle, gzip-compressed`).toBeLessThanOrEqual(LIVE_BUDGET_GZIP);
    }
    for (const b of manifest.bundles) {
      console.log(`${b.file}: ${(b.bytes / 1024).toFixed(1)} kB minified, ${(b.gzipBytes / 1024).toFixed(1)} kB gzip`);
      expect(b.gzipBytes, b.file).toBeLessThanOrEqual(LIVE_BUDGET_GZIP);
      const code = readFileSync(join(SITE, b.file), "utf8");
      // the server-side DOM and the PNG renderer stay out of the browser bundle; nothing is fetched
      expect(code, b.file).not.toMatch(/linkedom|resvg-js|require\(|\bfetch\(|XMLHttpRequest|https?:\/\/cdn/);
    }
  });

  it("ships notebook 11's corpus slice in its page, and the page with its bundle stays within the budget", () => {
    const html = readFileSync(join(SITE, "11_language_model.html"), "utf8");
    const json = /<script type="application\/json" data-live-data="figureLmCurves">([\s\S]*?)<\/script>/.exec(html)
      ?.[1];
    expect(json).toBeDefined();
    const data = JSON.parse(json!) as LiveLmData;
    const characters = (t: Record<string, string>) => Object.values(t).reduce((n, x) => n + x.length, 0);
    // a slice of every genre, a few hundred kB in all: the page trains on it, the sweep on the whole text
    expect(Object.keys(data.train).length).toBe(15);
    expect(Object.keys(data.validation).length).toBe(15);
    expect(characters(data.train)).toBeGreaterThan(100_000);
    expect(characters(data.train) + characters(data.validation)).toBeLessThan(400_000);
    expect(data.model).toEqual({ vocabSize: 85, context: 64, width: 4, layers: 1, heads: 1 });
    const bundle = manifest.bundles.find((b) => b.file === "live/lm.js")!;
    const page = gzipSync(html, { level: 9 }).length;
    console.log(
      `11_language_model.html: ${(page / 1024).toFixed(1)} kB gzip with its data, ` +
        `${((page + bundle.gzipBytes) / 1024).toFixed(1)} kB with live/lm.js`,
    );
    expect(page + bundle.gzipBytes).toBeLessThanOrEqual(LIVE_BUDGET_GZIP);
  });

  it("ships the committed models' parameters beside notebook 11's page, within their budget, as data/lm_weights.csv holds them", () => {
    const text = readFileSync(join(SITE, LM_WEIGHTS_FILE), "utf8");
    const gzipped = gzipSync(text, { level: 9 }).length;
    console.log(`${LM_WEIGHTS_FILE}: ${(text.length / 1024).toFixed(1)} kB, ${(gzipped / 1024).toFixed(1)} kB gzip`);
    expect(gzipped).toBeLessThanOrEqual(LM_WEIGHTS_BUDGET_GZIP);
    // the README says 0.9 MB compressed, in MB of 2²⁰ bytes (230,360 float32 parameters compress little)
    expect(gzipped / 2 ** 20).toBeGreaterThan(0.85);
    expect(gzipped / 2 ** 20).toBeLessThan(0.95);
    const sandbox: { smallnessLmWeights?: LiveLmWeights[] } = {};
    new Function("globalThis", text)(sandbox);
    const shipped = sandbox.smallnessLmWeights!;
    const committed = parseLmWeights(readInput("lm_weights.csv")).sort((a, b) => a.N - b.N);
    expect(shipped.map((m) => m.size)).toEqual(["w4l1", "w8l1", "w16l1", "w24l2", "w32l2", "w48l2", "w64l2"]);
    shipped.forEach((m, i) => {
      expect(m.N).toBe(committed[i].N);
      expect(Array.from(base64ToFloats(m.weights)!)).toEqual(Array.from(committed[i].weights));
    });
    // the page lists the same models and names the file
    const html = readFileSync(join(SITE, "11_language_model.html"), "utf8");
    const json = /<script type="application\/json" data-live-data="figureLmCurves">([\s\S]*?)<\/script>/.exec(html)![1];
    const data = JSON.parse(json) as LiveLmData;
    expect(data.committed.map((c) => c.size)).toEqual(shipped.map((m) => m.size));
    expect(data.weightsFile).toBe(LM_WEIGHTS_FILE);
  });

  it("writes every figure output of every notebook as a non-empty SVG (the figure's own, from figures/)", () => {
    for (const p of manifest.pages.filter((q) => q.notebook)) {
      const nb = JSON.parse(readFileSync(`notebooks/${p.notebook}.ipynb`, "utf8")) as {
        cells: { outputs?: { data?: Record<string, unknown> }[] }[];
      };
      const shown = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.["image/png"] !== undefined);
      expect(p.figures, p.file).toHaveLength(shown.length);
      for (const f of p.figures) {
        expect(f, p.file).toMatch(/\.svg$/);
        expect(statSync(join(SITE, f)).size).toBeGreaterThan(1000);
      }
    }
  });

  it("folds every solution cell into a closed <details>", () => {
    for (const p of manifest.pages.filter((q) => q.notebook)) {
      const nb = JSON.parse(readFileSync(notebookFile(p.notebook!, false), "utf8")) as {
        cells: { metadata?: { tags?: string[] } }[];
      };
      const solutions = nb.cells.filter((c) => c.metadata?.tags?.includes("solution")).length;
      expect(solutions, p.file).toBeGreaterThanOrEqual(2);
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
    manifest = await builtSite();
    // the browser, and a colour-emoji font so that ✅/❌ render in the screenshots
    const launched = await launchChromium("tests/site.test.ts", [[CHROMIUM, "chromium"], [
      EMOJI_FONT,
      "fonts-noto-color-emoji",
    ]]);
    if ("skip" in launched) {
      skip = launched.skip;
      return;
    }
    browser = launched.browser;
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // the pages must work offline: refuse every request that is not a local file
    await page.route(/^(?!file:)/, (route) => route.abort());
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (file: string, dir = SITE, on: Page = page) => {
    const failed: string[] = [];
    const onFail = (r: { url(): string }) => failed.push(r.url());
    on.on("requestfailed", onFail);
    await on.goto(pathToFileURL(join(dir, file)).href, { waitUntil: "load" });
    on.off("requestfailed", onFail);
    return failed;
  };

  it(
    "opens every page: figures loaded with a non-zero size, math typeset, no failed request; screenshots saved",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      for (const p of manifest.pages) {
        const failed = await open(p.file);
        expect(failed, `${p.file}: failed requests`).toEqual([]);
        const images = await page.$$eval("img", (imgs) =>
          imgs.map((i) => ({
            src: i.getAttribute("src"),
            w: i.naturalWidth,
            h: i.naturalHeight,
            complete: i.complete,
          })));
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
          const typeset = await page.$$eval(
            ".katex",
            (els) => els.filter((e) => (e as HTMLElement).offsetWidth > 0).length,
          );
          expect(typeset, `${p.file}: visible formulas`).toBeGreaterThan(0);
          // KaTeX's fonts are the ones from site/katex/fonts, loaded for real
          const fonts = await page.evaluate(async () => {
            await document.fonts.ready;
            return [...document.fonts].filter((f) => f.family.startsWith("KaTeX") && f.status === "loaded").length;
          });
          expect(fonts, `${p.file}: KaTeX fonts loaded`).toBeGreaterThan(0);
        }
        if (p.live.length > 0) await liveReady(page, p.live.length);
        // full page, as JPEG: a tall page's PNG takes seconds to encode
        const shot = join(SHOTS, p.file.replace(/\.html$/, ".jpg"));
        await page.screenshot({ path: shot, fullPage: true, type: "jpeg", quality: 85 });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
      }
    },
    300_000,
  );

  it("resolves every relative link, and the links between pages open the page they name", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    const titles = new Map(manifest.pages.map((p) => [p.file, p.title]));
    for (const p of manifest.pages) {
      await open(p.file);
      const hrefs = await page.$$eval(
        "a[href]",
        (as) => as.map((a) => ({ raw: a.getAttribute("href")!, abs: (a as HTMLAnchorElement).href })),
      );
      for (const { raw, abs } of hrefs) {
        if (!abs.startsWith("file:")) continue;
        const url = new URL(abs);
        const target = decodeURIComponent(url.pathname);
        expect(existsSync(target), `${p.file}: link ${raw} → ${target}`).toBe(true);
        if (url.hash && target.endsWith(".html")) {
          expect(readFileSync(target, "utf8"), `${p.file}: anchor ${raw}`).toContain(
            `id="${decodeURIComponent(url.hash.slice(1))}"`,
          );
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
    const withSolution = manifest.pages.find((p) =>
      p.notebook && readFileSync(join(SITE, p.file), "utf8").includes("details")
    );
    expect(withSolution).toBeDefined();
    await open(withSolution!.file);
    const first = page.locator("details.solution").first();
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await first.locator("pre").isVisible()).toBe(false);
    await first.locator("summary").click();
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await first.locator("pre").isVisible()).toBe(true);
  }, 60_000);
  /** The numbers beside a live figure, by label, as the page computed them (unrounded). */
  const readouts = async (host: Locator) =>
    Object.fromEntries(
      await host.locator("output[data-value]").evaluateAll((os) =>
        os.map((o) => [(o as HTMLElement).dataset.label!, Number((o as HTMLElement).dataset.value)])
      ),
    ) as Record<string, number>;
  /** The text of every label of a live figure's SVG. */
  const liveTexts = async (host: Locator) =>
    svgTexts(await host.locator(".live-plot > svg").evaluate((e) => e.outerHTML));
  const redraws = async (host: Locator) => Number(await host.getAttribute("data-redraws"));
  const plotOf = (host: Locator) => host.locator(".live-plot").evaluate((e) => e.innerHTML);
  /** Sets the `i`-th number box of a live figure (it redraws on the input event, as a slider does). */
  const setNumber = async (host: Locator, i: number, value: number) => {
    const before = await redraws(host);
    await host.locator(".live-controls input[type=number]").nth(i).fill(String(value));
    return before;
  };

  it("redraws every live figure when any of its controls moves, and times the first redraw", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    const firsts: string[] = [];
    for (const [file, builders] of Object.entries(LIVE_PAGES)) {
      expect(await open(file), `${file}: failed requests`).toEqual([]);
      await liveReady(page, builders.length);
      for (const builder of builders) {
        const host = page.locator(`figure[data-live="${builder}"]`);
        // on screen the live figure replaces the static one, which stays in the page for print
        // (the figure's own <svg>: a figure of two panels nests theirs inside it)
        expect(await host.locator(".live-plot > svg").isVisible(), builder).toBe(true);
        expect(await host.locator("img.static").count(), builder).toBe(1);
        expect(await host.locator("img.static").isVisible(), builder).toBe(BESIDE.has(builder));
        expect(await host.locator(".live-error").isVisible(), builder).toBe(false);
        firsts.push(`${builder} ${await host.getAttribute("data-first-redraw-ms")} ms`);
        if (PROGRESSIVE.has(builder) || FOLLOWERS.has(builder)) continue;
        const boxes = await host.locator(".live-controls input[type=number]").all();
        expect(boxes.length, builder).toBeGreaterThan(0);
        for (let i = 0; i < boxes.length; i++) {
          const [min, max, now, step] = await boxes[i].evaluate((b) => {
            const n = b as HTMLInputElement;
            return [Number(n.min), Number(n.max), n.valueAsNumber, n.step === "any" ? 0 : Number(n.step)];
          });
          // a value inside the control's range (on its step), a quarter of the way to an end
          const away = now - min > 0.01 * (max - min) ? now - (now - min) / 4 : now + (max - now) / 4;
          const near = Number((step ? min + Math.round((away - min) / step) * step : away).toPrecision(3));
          // at least one step away (a control of a few values, seeds 1–3, rounds a quarter back to where it is)
          const target = REDRAW_TARGETS[builder]?.[i] ??
            (near !== now ? near : now - step >= min ? now - step : now + step);
          const svg = await plotOf(host);
          const before = await setNumber(host, i, target);
          expect(await redraws(host), `${builder}: control ${i} redraws`).toBe(before + 1);
          expect(await plotOf(host), `${builder}: control ${i} changes the figure`).not.toBe(svg);
        }
        if (builder === "figureChinchillaRunningExponent") {
          const svg = await plotOf(host);
          await host.locator("select").selectOption("Hoffmann et al. 2022");
          expect(await plotOf(host), "the law menu changes the figure").not.toBe(svg);
        }
        if (builder === "figureOpenLmForecast") {
          const [svg, before] = [await plotOf(host), await redraws(host)];
          await host.locator("select").selectOption({ index: 2 });
          expect(await redraws(host), "the cut menu redraws").toBeGreaterThan(before);
          expect(await plotOf(host), "the cut menu changes the figure").not.toBe(svg);
        }
      }
    }
    // printed, not asserted (CONTRIBUTING: no timing assertions); the issue's target is 50 ms on 2 cores
    console.log(`first redraw: ${firsts.join(", ")}`);
    for (const f of firsts) expect(Number.isFinite(Number(f.split(" ")[1])), f).toBe(true);
  }, 120_000);

  it("shows beside each live figure the numbers the library computes in Node for the same values", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    const close = (got: number, want: number, what: string) =>
      expect(Math.abs(got / want - 1), `${what}: ${got} vs ${want}`).toBeLessThan(1e-12);
    await open("03_pedestal.html");
    await liveReady(page, 2);
    const fig1 = page.locator('figure[data-live="figure1RunningExponent"]');
    const fig2 = page.locator('figure[data-live="figure2CriticalSize"]');
    for (const [alphaC, p] of [[0.2, 0.01], [0.5, 0.3], [0.9, 0.002]]) {
      await setNumber(fig2, 0, alphaC);
      await setNumber(fig2, 1, p);
      close((await readouts(fig2))[`N_crit(p = ${p})`], criticalSize(p, alphaC), `N_crit(${p}, ${alphaC})`);
      await setNumber(fig1, 0, alphaC);
      await setNumber(fig1, 3, p);
      close((await readouts(fig1))[`x_crit(p₃ = ${p})`], criticalInverseSize(p, alphaC), `x_crit(${p}, ${alphaC})`);
    }
    // the figure itself is the builder's: its labels are those the builder draws in Node
    // (in the shared notation: applyNotation turns "N_{crit}" into N with a lowered "crit", as in the page)
    expect(await liveTexts(fig2)).toEqual(
      svgTexts(applyNotation(figure2CriticalSize({ alphaC: 0.9, marked: [0.002] }).element).outerHTML),
    );
    expect(await liveTexts(fig1)).toEqual(
      svgTexts(
        applyNotation(figure1RunningExponent({ alphaC: 0.9, pedestals: [0.01, 0.05, 0.002, 0.2] }).element).outerHTML,
      ),
    );
    await open("04_intrinsic_dimension.html");
    await liveReady(page, 2);
    const halving = page.locator('figure[data-live="figureHalvingCostVersusDimension"]');
    for (const d of [7, 40, 113]) {
      await setNumber(halving, 0, d);
      const r = await readouts(halving);
      close(r["α = 4/d"], sharmaKaplanExponent(d), `4/${d}`);
      close(r["resources to halve the loss, 2^(d/4)"], halvingFactor(d), `2^(${d}/4)`);
    }
    const exponent = page.locator('figure[data-live="figureExponentVersusDimension"]');
    await setNumber(exponent, 0, 0.02);
    await setNumber(exponent, 1, 0.25);
    const r = await readouts(exponent);
    close(r["d where 4/d = high edge"], dimensionForExponent(0.25), "4/0.25");
    close(r["d where 4/d = low edge"], dimensionForExponent(0.02), "4/0.02");

    await open("08_chinchilla.html");
    await liveReady(page, 3);
    const chin = page.locator('figure[data-live="figureChinchillaRunningExponent"]');
    const { fit, bootstrap } = chinchilla.analysis();
    const check = async (law: { alpha: number; beta: number; E: number; A: number; B: number }, what: string) => {
      const got = await readouts(chin);
      close(got["α"], law.alpha, `${what} α`);
      close(got["β"], law.beta, `${what} β`);
      close(got["α_frontier = αβ/(α+β)"], frontierExponent(law), `${what} α_frontier`);
      close(got["crossover in N_opt"], crossover(cutFrontierInN(law)), `${what} crossover`);
    };
    await check(fit.law, "headline fit");
    const e = bootstrap.estimates;
    for (const k of [17, 1000]) {
      await setNumber(chin, 0, k);
      expect(await chin.locator("select").evaluate((m) => (m as HTMLSelectElement).selectedOptions[0].text)).toBe(
        "bootstrap draw",
      );
      await check(
        { E: e.E[k - 1], A: e.A[k - 1], B: e.B[k - 1], alpha: e.alpha[k - 1], beta: e.beta[k - 1] },
        `draw ${k}`,
      );
    }
    await chin.locator("select").selectOption("Hoffmann et al. 2022");
    await check(HOFFMANN_2022, "Hoffmann et al.");
    const analysis = chinchilla.analysis();
    expect(await liveTexts(chin)).toEqual(
      svgTexts(
        applyNotation(
          figureChinchillaRunningExponent({ ...analysis, fit: { ...analysis.fit, law: HOFFMANN_2022 } }).element,
        ).outerHTML,
      ),
    );
    // Figure 8.1, bootstrapped in the page: at 50 resamples and the notebook's seed, notebook 08's bootstrap
    const boot = page.locator('figure[data-live="figureChinchillaBootstrap"]');
    await setNumber(boot, 0, 50);
    const small = chinchilla.analysis({ resamples: 50 });
    const got = await readouts(boot);
    for (const [p, symbol] of [["alpha", "α"], ["beta", "β"]] as const) {
      const s = small.bootstrap.summary.find((r) => r.parameter === p)!;
      close(got[`${symbol}, 95 % interval`], s.estimate, symbol);
      // each refit stops at the optimiser's tolerance: Chromium's and Node's last bits of exp and pow move
      // it within that (5·10⁻⁸ relative in the standard error seen), not the resamples drawn
      const se = got[`bootstrap standard error of ${symbol}`];
      expect(Math.abs(se / s.stderr - 1), `bootstrap standard error of ${symbol}: ${se} vs ${s.stderr}`)
        .toBeLessThan(1e-6);
    }
    expect(await liveTexts(boot)).toEqual(
      svgTexts(applyNotation(figureChinchillaBootstrap(small).element).outerHTML),
    );
  }, 120_000);

  it(
    "redraws notebook 08's runs at the reader's runs left out, from the notebook's grid fits, and Figures 8.1 and 8.3 follow",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      await open("08_chinchilla.html");
      await liveReady(page, 3);
      const runs = page.locator('figure[data-live="figureChinchillaRuns"]');
      const boot = page.locator('figure[data-live="figureChinchillaBootstrap"]');
      const running = page.locator('figure[data-live="figureChinchillaRunningExponent"]');
      const box = runs.locator(".live-controls input[type=number]").first();
      const slider = runs.locator(".live-controls input[type=range]").first();
      const plain = (c: string) => {
        while (/[_^]\{[^{}]*\}/.test(c)) c = c.replace(/[_^]\{([^{}]*)\}/g, "$1"); // the text of its <sub>/<sup>
        return c;
      };
      /** The runs ringed as left out (7 px rings; the colour bar's key has one more) and the curves' paths. */
      const drawing = (svg: string) => ({
        rings: [...svg.matchAll(/<circle[^>]*\br="7"[^>]*>/g)].map((m) =>
          [/\bcx="([^"]+)"/, /\bcy="([^"]+)"/].map((r) => Number(r.exec(m[0])?.[1] ?? NaN).toFixed(6)).join(",")
        ),
        paths: [...svg.matchAll(/<path[^>]*\bd="([^"]+)"/g)].map((m) => m[1]),
        texts: svgTexts(svg),
      });
      const liveDrawing = async () => drawing(await runs.locator(".live-plot > svg").evaluate((e) => e.outerHTML));
      const nodeDrawing = (a: chinchilla.Analysis) => drawing(applyNotation(figureChinchillaRuns(a).element).outerHTML);
      // the control: the notebook's range and value, named, its value spoken as the box shows it
      expect(await box.evaluate((b) => [(b as HTMLInputElement).min, (b as HTMLInputElement).max])).toEqual([
        "0",
        "20",
      ]);
      expect(await box.inputValue()).toBe(String(chinchilla.defaults.dropHighest));
      expect(await slider.getAttribute("aria-label")).toMatch(/^runs left out, the highest-loss runs not fitted/);
      expect(await slider.getAttribute("aria-valuetext")).toBe("runs left out = 5");
      expect(await runs.locator("figcaption:not(.live-caption) strong").first().textContent()).toBe("Figure 8.2.");
      // at the notebook's value the live figure is the notebook's
      const notebook = chinchilla.analysis();
      expect(await liveDrawing()).toEqual(nodeDrawing(notebook));
      const times: string[] = [];
      for (const d of [0, 1, 12, 20]) {
        const [beforeBoot, beforeRunning] = [await redraws(boot), await redraws(running)];
        const before = await setNumber(runs, 0, d);
        expect(await redraws(runs), `dropHighest ${d} redraws`).toBe(before + 1);
        // the notebook at that value: its runs left out, its grid fit, its figure
        const a = chinchilla.analysis({ dropHighest: d, resamples: 50 });
        const law = a.fit.law;
        const got = await readouts(runs);
        expect(got["runs fitted"]).toBe(245 - d);
        expect([got["α"], got["β"], got["E"]], `dropHighest ${d}: the fit the page carries`).toEqual([
          law.alpha,
          law.beta,
          law.E,
        ]);
        const shown = await liveDrawing();
        expect(shown.rings, `dropHighest ${d}: the runs ringed`).toHaveLength(d + 1);
        expect(shown, `dropHighest ${d}: the builder's figure`).toEqual(nodeDrawing(a));
        expect((await runs.locator("figcaption.live-caption").textContent())?.trim()).toBe(
          `Figure 8.2. ${plain(figureChinchillaRuns(a).caption)}`,
        );
        // Figures 8.1 and 8.3 follow: redrawn once each, from the same fit
        expect(await redraws(boot), `8.1 follows ${d}`).toBe(beforeBoot + 1);
        expect(await redraws(running), `8.3 follows ${d}`).toBe(beforeRunning + 1);
        const b = await readouts(boot);
        expect([b["runs fitted"], b["α, 95 % interval"], b["β, 95 % interval"]]).toEqual([
          245 - d,
          law.alpha,
          law.beta,
        ]);
        expect(await boot.locator("figcaption.live-caption").textContent()).toContain(
          `resamples of the ${245 - d} headline runs)`,
        );
        const r = await readouts(running);
        expect([r["runs fitted"], r["α"], r["β"]]).toEqual([245 - d, law.alpha, law.beta]);
        times.push(
          `${d}: 8.2 ${await runs.getAttribute("data-redraw-ms")} ms, 8.1 (100 resamples) ${await boot.getAttribute(
            "data-redraw-ms",
          )} ms, 8.3 ${await running.getAttribute("data-redraw-ms")} ms`,
        );
      }
      // at another value, 8.1 is the notebook's bootstrap there, and 8.3's draws are that bootstrap's
      await setNumber(runs, 0, 0);
      await setNumber(boot, 0, 50);
      const all = chinchilla.analysis({ dropHighest: 0, resamples: 50 }).bootstrap;
      const b = await readouts(boot);
      for (const [p, symbol] of [["alpha", "α"], ["beta", "β"]] as const) {
        const s = all.summary.find((x) => x.parameter === p)!;
        // each refit stops at the optimiser's tolerance: Chromium's and Node's last bits of exp and pow move it
        const se = b[`bootstrap standard error of ${symbol}`];
        expect(Math.abs(se / s.stderr - 1), `${symbol}: ${se} vs ${s.stderr}`).toBeLessThan(1e-6);
      }
      expect(await boot.locator("figcaption.live-caption").textContent()).toContain(
        "(50 resamples of the 245 headline runs)",
      );
      await setNumber(running, 0, 50);
      const drawn = await readouts(running);
      expect(Math.abs(drawn["α"] / all.estimates.alpha[49] - 1), "8.3's draw 50 at 0 left out").toBeLessThan(1e-6);
      expect(Math.abs(drawn["β"] / all.estimates.beta[49] - 1)).toBeLessThan(1e-6);
      times.push(`8.3's draw 50 refitted in the page: ${await running.getAttribute("data-redraw-ms")} ms`);
      // a number outside the range is answered beside the control, never shown as accepted
      const [shownBefore, redrawn, sliderBefore] = [await plotOf(runs), await redraws(runs), await slider.inputValue()];
      const followers = [await redraws(boot), await redraws(running)];
      await box.fill("21");
      const note = runs.locator(".live-invalid").first();
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe(
        "runs left out must be between 0 and 20, in steps of 1; 21 is outside that, so the figure still shows runs left out = 0.",
      );
      expect(await box.getAttribute("aria-invalid")).toBe("true");
      expect(await slider.inputValue(), "the slider stays with the figure").toBe(sliderBefore);
      expect(await redraws(runs)).toBe(redrawn);
      expect(await plotOf(runs)).toBe(shownBefore);
      expect([await redraws(boot), await redraws(running)], "the followers are not redrawn").toEqual(followers);
      expect(await axeViolations(page, `#${await runs.getAttribute("id")}`), "out-of-range runs left out").toEqual([]);
      // back at the notebook's value: the notebook's figures, and 8.3's draws the notebook's own
      await setNumber(runs, 0, 5);
      expect(await note.isVisible()).toBe(false);
      expect(await liveDrawing()).toEqual(nodeDrawing(notebook));
      await setNumber(running, 0, 17);
      const e = notebook.bootstrap.estimates;
      expect([(await readouts(running))["α"], (await readouts(running))["β"]]).toEqual([e.alpha[16], e.beta[16]]);
      // printed, not asserted (CONTRIBUTING: no timing assertions)
      console.log(`Figure 8.2 and its followers, redrawn in the page: ${times.join("; ")}`);
    },
    180_000,
  );

  it(
    "redraws notebook 05's structure-function exponents at the reader's d_F, in the notebook's range, as Node does",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      // relative, or absolute at 0 (μ = 3 − d_F at d_F = 3)
      const close = (got: number, want: number, what: string) =>
        expect(want === 0 ? Math.abs(got) : Math.abs(got / want - 1), `${what}: ${got} vs ${want}`).toBeLessThan(1e-12);
      await open("05_smoothness_and_turbulence.html");
      await liveReady(page, 1);
      const host = page.locator('figure[data-live="figureStructureExponents"]');
      const box = host.locator(".live-controls input[type=number]").first();
      // the control's range is the notebook's, (2, 3], its open end one step inside; its value the notebook's
      const r = smoothness.notebook.ranges.dF;
      expect(r).toEqual({ kind: "number", range: { min: 2, max: 3, minOpen: true } });
      expect(liveTurbulenceData()).toEqual({
        dF: { min: 2, max: 3, minOpen: true, maxOpen: false },
        value: smoothness.defaults.dF,
        pMax: 10,
      });
      expect(await box.evaluate((b) => [(b as HTMLInputElement).min, (b as HTMLInputElement).max])).toEqual([
        "2.01",
        "3",
      ]);
      expect(await box.inputValue()).toBe(String(smoothness.defaults.dF));
      // at the notebook's value the live figure is the committed one's drawing (the notebook's cell)
      expect(await liveTexts(host)).toEqual(
        svgTexts(applyNotation(figureStructureExponents(smoothness.defaults.dF, 10).element).outerHTML),
      );
      const number = (await host.locator("figcaption:not(.live-caption) strong").first().textContent())!;
      expect(number).toMatch(/^Figure 5\.\d+\.$/);
      const plain = (c: string) => {
        while (/[_^]\{[^{}]*\}/.test(c)) c = c.replace(/[_^]\{([^{}]*)\}/g, "$1"); // the text of its <sub>/<sup>
        return c;
      };
      for (const dF of [2.01, 2.37, 3]) {
        const before = await setNumber(host, 0, dF);
        expect(await redraws(host), `d_F = ${dF} redraws`).toBe(before + 1);
        const got = await readouts(host);
        close(got["ζ_2 of the beta model"], betaStructureExponent(2, dF), `ζ_2(${dF})`);
        close(got["h = (d_F − 2)/3"], betaModelHurst(dF), `h(${dF})`);
        close(got["μ = 2 − ζ_6"], intermittencyExponent(betaStructureExponent(6, dF)), `μ(${dF})`);
        const node = figureStructureExponents(dF, 10);
        expect(await liveTexts(host), `d_F = ${dF}: the builder's labels`).toEqual(
          svgTexts(applyNotation(node.element).outerHTML),
        );
        // the caption keeps its number and says the reader's d_F, updated in place
        expect((await host.locator("figcaption.live-caption").textContent())?.trim()).toBe(
          `${number} ${plain(node.caption)}`,
        );
      }
      console.log(`notebook 05's structure exponents redrawn in ${await host.getAttribute("data-redraw-ms")} ms`);
      // d_F = 2 is outside the notebook's (2, 3]: answered beside the box, the figure left at d_F = 3
      const [shown, redrawn] = [await readouts(host), await redraws(host)];
      await box.fill("2");
      const note = host.locator(".live-invalid").first();
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe(
        "dF must be between 2.01 and 3, in steps of 0.01; 2 is outside that, so the figure still shows dF = 3.",
      );
      expect(await box.getAttribute("aria-invalid")).toBe("true");
      expect(await readouts(host)).toEqual(shown);
      expect(await redraws(host)).toBe(redrawn);
      expect(await axeViolations(page, `#${await host.getAttribute("id")}`), "out-of-range d_F").toEqual([]);
      await box.fill("2.5");
      expect(await note.isVisible()).toBe(false);
      expect(await redraws(host)).toBe(redrawn + 1);
    },
    60_000,
  );

  it(
    "refits notebook 10's exponents in the page at the reader's smallest fitted width, with the numbers Node computes",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      const close = (got: number, want: number, what: string) =>
        expect(Math.abs(got / want - 1), `${what}: ${got} vs ${want}`).toBeLessThan(1e-9);
      await open("10_trained_networks.html");
      await liveReady(page, 2);
      const host = page.locator('figure[data-live="figureTeacherStudentExponents"]');
      const box = host.locator(".live-controls input[type=number]").first();
      // the notebook's range and value; the page carries the chains the notebook's analysis rebuilds
      expect(trainedNetworks.notebook.ranges.fitMinWidth).toEqual({
        kind: "number",
        range: { min: 1, max: 16, integer: true },
      });
      const data = liveTeacherStudentData();
      expect(data.fitMinWidth).toEqual({ min: 1, max: 16 });
      expect(data.chains.length).toBe(trainedNetworks.analysis().chains.length);
      expect(await box.evaluate((b) => [(b as HTMLInputElement).min, (b as HTMLInputElement).max])).toEqual([
        "1",
        "16",
      ]);
      expect(await box.inputValue()).toBe(String(trainedNetworks.defaults.fitMinWidth));
      // at the notebook's value the figure is the notebook's (the committed one's drawing)
      expect(await liveTexts(host)).toEqual(
        svgTexts(applyNotation(figureTeacherStudentExponents(trainedNetworks.analysis()).element).outerHTML),
      );
      const number = (await host.locator("figcaption:not(.live-caption) strong").first().textContent())!;
      expect(number).toMatch(/^Figure 10\.\d+\.$/);
      const times: string[] = [];
      for (const fitMinWidth of [3, 8, 16]) {
        const before = await setNumber(host, 0, fitMinWidth);
        expect(await redraws(host), `fitMinWidth = ${fitMinWidth} redraws`).toBe(before + 1);
        times.push(`${fitMinWidth}: ${await host.getAttribute("data-redraw-ms")} ms`);
        const node = trainedNetworks.analysis({ fitMinWidth });
        const got = await readouts(host);
        const students = Object.values(node.students);
        expect(Object.keys(got).sort()).toEqual(students.map((e) => `α (${e.config})`).sort());
        for (const e of students) close(got[`α (${e.config})`], e.alpha, `α of ${e.config} from width ${fitMinWidth}`);
        expect(await liveTexts(host), `fitMinWidth = ${fitMinWidth}: the builder's labels`).toEqual(
          svgTexts(applyNotation(figureTeacherStudentExponents(node).element).outerHTML),
        );
        expect((await host.locator("figcaption.live-caption").textContent())!.startsWith(number)).toBe(true);
      }
      // printed, not asserted (no timing assertions)
      console.log(`notebook 10's exponents refitted in the page: ${times.join(", ")}`);
      // 17 is outside the notebook's [1, 16]: answered beside the box, the figure left as it was
      const [shown, redrawn] = [await readouts(host), await redraws(host)];
      await box.fill("17");
      const note = host.locator(".live-invalid").first();
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe(
        "fitMinWidth must be between 1 and 16, in steps of 1; 17 is outside that, so the figure still shows fitMinWidth = 16.",
      );
      expect(await box.getAttribute("aria-invalid")).toBe("true");
      expect(await readouts(host)).toEqual(shown);
      expect(await redraws(host)).toBe(redrawn);
      expect(await axeViolations(page, `#${await host.getAttribute("id")}`), "out-of-range fitMinWidth").toEqual([]);
      await box.fill("4");
      expect(await note.isVisible()).toBe(false);
      expect(await redraws(host)).toBe(redrawn + 1);
    },
    60_000,
  );

  it(
    "reruns notebook 07's experiments and bootstraps notebook 09's fits in the page, with the numbers Node computes",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      const close = (got: number, want: number, what: string, tolerance = 1e-9) =>
        expect(Math.abs(got / want - 1), `${what}: ${got} vs ${want}`).toBeLessThan(tolerance);
      const texts = async (host: Locator) =>
        Object.fromEntries(
          await host.locator("output[data-value]").evaluateAll((os) =>
            os.map((o) => [(o as HTMLElement).dataset.label!, o.textContent!])
          ),
        ) as Record<string, string>;
      const times: string[] = [];
      const timed = async (host: Locator, what: string) =>
        times.push(`${what} ${await host.getAttribute("data-redraw-ms")} ms`);

      await open("07_measured_exponents.html");
      await liveReady(page, 5);
      const summary = page.locator('figure[data-live="figureExponents"]');
      const summaryRedraws = await redraws(summary);
      // smooth grids: 2 seeds, 1024 points, d = 1–3
      const smooth = page.locator('figure[data-live="figureGridSmoothMse"]');
      for (const [i, v] of [[0, 2], [1, 1024], [2, 3]]) await setNumber(smooth, i, v);
      await timed(smooth, "7.1");
      const s = { ...DEFAULT_SETTINGS, seeds: 2, mcPoints: 1024, gridSides: DEFAULT_SETTINGS.gridSides.slice(0, 3) };
      const runs = s.gridSides.flatMap((sides, i) => gridExponents(i + 1, null, sides, s));
      let r = await readouts(smooth);
      close(r["α, piecewise constant, d = 3"], runs[4].alpha, "7.1 constant, d = 3");
      close(r["α, piecewise linear, d = 3"], runs[5].alpha, "7.1 linear, d = 3");
      // the figure is the notebook's builder's, drawn from that run
      expect(await liveTexts(smooth)).toEqual(
        svgTexts(
          applyNotation(
            figureGridSmoothMse({ settings: s, exponents: runs, dimensions: [], intermittent: [] }).element,
          ).outerHTML,
        ),
      );
      // rough targets: h = 1/2, one seed
      const rough = page.locator('figure[data-live="figureGridRoughMse"]');
      await setNumber(rough, 0, 0.5);
      await setNumber(rough, 1, 1);
      await timed(rough, "7.2");
      const [rc, rl] = gridExponents(1, 0.5, DEFAULT_SETTINGS.gridSides[0], {
        ...DEFAULT_SETTINGS,
        seeds: 1,
        hs: [0.5],
      });
      r = await readouts(rough);
      close(r["α, piecewise constant, d = 1"], rc.alpha, "7.2 constant");
      close(r["α, piecewise linear, d = 1"], rl.alpha, "7.2 linear");
      // manifolds in R^16, 32–512 training points, 64 queries, one seed
      const manifold = page.locator('figure[data-live="figureManifoldMse"]');
      for (const [i, v] of [[0, 16], [1, 512], [2, 64], [3, 1]]) await setNumber(manifold, i, v);
      await timed(manifold, "7.3");
      const [knn, ll] = manifoldExponents(5, {
        ...DEFAULT_SETTINGS,
        seeds: 1,
        ambientDim: 16,
        manifoldSizes: [32, 81, 203, 512],
        queries: 64,
      });
      r = await readouts(manifold);
      close(r["α, 1-nearest neighbour, d = 5"], knn.alpha, "7.3 1-NN", 1e-6);
      close(r["α, local-linear, d = 5"], ll.alpha, "7.3 local-linear", 1e-6);
      // TwoNN from 300 and 600 points in R^16, one seed
      const twonn = page.locator('figure[data-live="figureTwoNN"]');
      for (const [i, v] of [[0, 16], [1, 300], [2, 600], [3, 1]]) await setNumber(twonn, i, v);
      await timed(twonn, "7.4");
      r = await readouts(twonn);
      for (const N of [300, 600]) {
        close(r[`TwoNN estimate of d = 5 from N = ${N}`], twonnOnManifold(5, 16, N, 1).estimate, `TwoNN ${N}`, 1e-6);
      }
      // Figure 7.5 follows 7.1–7.3: each of their 9 inputs above redrew it (7.4's did not), and it now
      // shows the exponents of those runs, each against its prediction, with the notebook's cascades
      expect(await redraws(summary), "7.5 redrawn by the controls of 7.1–7.3").toBe(summaryRedraws + 9);
      await timed(summary, "7.5");
      r = await readouts(summary);
      close(
        r["measured / predicted α, smooth target, piecewise linear, d = 3"],
        runs[5].alpha / runs[5].alphaPaper,
        "7.5 smooth",
      );
      close(
        r["measured / predicted α, rough target (h = 1/2), piecewise linear, d = 1"],
        rl.alpha / rl.alphaPaper,
        "7.5 rough",
      );
      close(r["measured / predicted α, manifold, local-linear, d = 5"], ll.alpha / ll.alphaPaper, "7.5 manifold", 1e-6);
      const roughRuns = [1, 2, 3].flatMap((d) =>
        gridExponents(d, 0.5, DEFAULT_SETTINGS.gridSides[d - 1], { ...DEFAULT_SETTINGS, seeds: 1, hs: [0.5] })
      );
      const manifoldSettings = {
        ...DEFAULT_SETTINGS,
        seeds: 1,
        ambientDim: 16,
        manifoldSizes: [32, 81, 203, 512],
        queries: 64,
      };
      const inNode = figureExponents({
        settings: { ...s, hs: [0.5], ambientDim: 16 },
        exponents: [
          ...runs,
          ...roughRuns,
          ...DEFAULT_SETTINGS.manifoldDims.flatMap((d) => manifoldExponents(d, manifoldSettings)),
        ],
        dimensions: [],
        intermittent: liveMeasuredData().cascades,
      });
      // the numbered caption kept; the figure's labels those the builder draws in Node for the same runs
      expect((await summary.locator("figcaption.live-caption").textContent())?.trim()).toBe(
        `Figure 7.5. ${inNode.caption}`,
      );
      expect(await liveTexts(summary)).toEqual(svgTexts(applyNotation(inNode.element).outerHTML));
      // its cascades are the notebook's: the build computes them as the notebook's analysis does
      const cascades = readFileSync("data/sk_intermittency.csv", "utf8").trim().split("\n").slice(1)
        .map((l) => Number(l.split(",")[3]));
      expect(liveMeasuredData().cascades.map((c) => Number(c.alpha.toFixed(4)))).toEqual(cascades);

      await open("09_openlm.html");
      await liveReady(page, 2);
      const data = liveOpenLmData();
      // the forecast from the runs up to 1.6·10⁸ parameters, 12 resamples of seed 7, 90 % intervals
      const fc = page.locator('figure[data-live="figureOpenLmForecast"]');
      await fc.locator("select").selectOption({ index: 0 });
      for (const [i, v] of [[0, 0.9], [1, 12], [2, 7]]) await setNumber(fc, i, v);
      await timed(fc, "9.2");
      const rows = forecastRows(data, LIVE_FORECAST_CUTS[0], { resamples: 12, seed: 7, level: 0.9 });
      r = await readouts(fc);
      const shown = await texts(fc);
      for (const t of OPENLM_TRAIN_DATASETS) {
        const top = rows.filter((x) => x.train_dataset === t).reduce((a, b) => (b.params > a.params ? b : a));
        const label = `${OPENLM_TRAIN_LABELS[t]}, forecast of its ${formatNumber(top.params)}-parameter run`;
        close(r[label], top.predicted, label, 1e-9);
        expect(shown[label], label).toContain(`(${formatNumber(top.pred_low, 4)}–${formatNumber(top.pred_high, 4)};`);
      }
      expect(await fc.locator("figcaption.live-caption").textContent()).toMatch(
        /^Figure 9\.2\. Forecast of the runs larger than 1\.6·10⁸ parameters .* the 90% bootstrap interval/,
      );
      // the exponents, 10 resamples of seed 3, 80 % intervals
      const ex = page.locator('figure[data-live="figureOpenLmExponents"]');
      for (const [i, v] of [[0, 0.8], [1, 10], [2, 3]]) await setNumber(ex, i, v);
      await timed(ex, "9.3");
      const fits = domainFits(data, { resamples: 10, seed: 3, level: 0.8 });
      const exShown = await texts(ex);
      for (const f of fits.filter((x) => x.valSet === "c4_val")) {
        const a = f.summary.find((x) => x.parameter === "alpha")!;
        expect(exShown[`α, ${f.trainDataset} on c4_val`]).toBe(
          `${formatNumber(a.estimate, 3)} (${formatNumber(a.ci_low, 3)}–${formatNumber(a.ci_high, 3)})`,
        );
      }
      expect(await ex.locator("figcaption.live-caption").textContent()).toContain("with 80% bootstrap intervals");
      // printed, not asserted (no timing assertions)
      console.log(`recomputed in the page: ${times.join(", ")}`);
    },
    180_000,
  );

  it(
    "refuses a value outside a control's range, and answers a value the library refuses beside the figure",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      await open("03_pedestal.html");
      await liveReady(page, 2);
      const fig2 = page.locator('figure[data-live="figure2CriticalSize"]');
      const before = await readouts(fig2);
      // p = 1.5 cannot be entered: the box is invalid and the figure is not redrawn
      await pBox(fig2).fill("1.5");
      expect(await pBox(fig2).evaluate((b) => (b as HTMLInputElement).validity.valid)).toBe(false);
      expect(await readouts(fig2)).toEqual(before);
      // the band's edges in the wrong order: the library's RangeError is shown, the last figure kept
      await open("04_intrinsic_dimension.html");
      await liveReady(page, 2);
      const exponent = page.locator('figure[data-live="figureExponentVersusDimension"]');
      await setNumber(exponent, 0, 0.5);
      await setNumber(exponent, 1, 0.1);
      const error = exponent.locator(".live-error");
      expect(await error.isVisible()).toBe(true);
      // in plain words, naming the controls as the reader sees them (not the library's `band[1]`)
      expect(await error.textContent()).toMatch(/high edge \(0\.1\) must be above its low edge \(0\.5\)/);
      expect(await error.textContent()).not.toContain("`");
      expect(await exponent.locator(".live-plot svg").isVisible()).toBe(true);
      await setNumber(exponent, 1, 0.8);
      expect(await error.isVisible()).toBe(false);
    },
    60_000,
  );

  it("keeps each live figure's numbered caption, in the project's notation, and updates it in place", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    for (const [file, builders] of Object.entries(LIVE_PAGES)) {
      await open(file);
      await liveReady(page, builders.length);
      for (const builder of builders) {
        const host = page.locator(`figure[data-live="${builder}"]`);
        const live = host.locator(".live-caption");
        expect(await live.isVisible(), builder).toBe(true);
        const number = await host.locator("figcaption:not(.live-caption) strong").first().textContent();
        expect(number, builder).toMatch(/^Figure \d+\.\d+\.$/);
        if (BESIDE.has(builder)) {
          // the static figure keeps its numbered caption on screen; the panel's own is not numbered
          expect(await host.locator("figcaption:not(.live-caption)").isVisible(), builder).toBe(true);
          expect((await live.textContent())!.startsWith("Figure"), `${builder}: its own caption`).toBe(false);
        } else expect((await live.textContent())!.startsWith(number!), `${builder}: numbered`).toBe(true);
        // what the reader sees of the live figure has no ASCII underscores or carets (α_p, N_crit)
        // (the ids of notebook 09's table, c4_original or paloma_ptb, are names, not notation: Figure 9.3 reads by them)
        const seen = (await host.evaluate((h) => (h as HTMLElement).innerText))
          .replace(
            new RegExp([...OPENLM_TRAIN_DATASETS, ...OPENLM_VAL_SETS, "train_dataset", "val_set"].join("|"), "g"),
            "",
          );
        expect(seen, `${builder}: notation`).not.toMatch(/[_^]/);
        expect(seen, builder).not.toContain("α_C");
      }
    }
    await open("03_pedestal.html");
    await liveReady(page, 2);
    const fig2 = page.locator('figure[data-live="figure2CriticalSize"]');
    await setNumber(fig2, 0, 0.5);
    let want = figure2CriticalSize({ alphaC: 0.5, marked: [0.1] }).caption;
    while (/[_^]\{[^{}]*\}/.test(want)) want = want.replace(/[_^]\{([^{}]*)\}/g, "$1"); // the text of its <sub>/<sup>
    expect((await fig2.locator("figcaption.live-caption").textContent())?.trim()).toBe(`Figure 3.2. ${want}`);
    expect(await fig2.locator("figcaption.live-caption sub").count()).toBeGreaterThan(0);
    await open("08_chinchilla.html");
    await liveReady(page, 3);
    const labels = await page.locator('figure[data-live="figureChinchillaRunningExponent"] .live-readout-label')
      .allTextContents();
    expect(labels.some((l) => l.startsWith("αfrontier = αβ/(α+β)"))).toBe(true); // α<sub>frontier</sub>, as notebook 08 names it
  }, 120_000);

  it(
    "names every control, in the reader's units, and passes an accessibility check of names and roles in Chromium",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      for (const [file, builders] of Object.entries(LIVE_PAGES)) {
        await open(file);
        await liveReady(page, builders.length);
        // Chromium's accessibility tree: every slider, number box and menu has a name
        for (const builder of builders.filter((b) => !FOLLOWERS.has(b))) {
          const tree = await page.locator(`figure[data-live="${builder}"] .live-controls`).ariaSnapshot();
          // (a line whose name holds ": " is quoted as a whole: - 'slider "k (the notebook: 5)"': "5")
          const controls = tree.split("\n").filter((l) => /^\s*- '?(slider|spinbutton|combobox)\b/.test(l));
          expect(controls.length, `${builder}: controls in the accessibility tree`).toBeGreaterThan(0);
          for (const line of controls) {
            expect(line, `${builder}: an unnamed control`).toMatch(
              /- '?(slider|spinbutton|combobox) "[^"]{3,}"/,
            );
          }
        }
        // the same, element by element (axe's label rules): a label for the box, aria-label on the slider
        const unnamed = await page.$$eval(".live-controls input, .live-controls select", (els) =>
          els.filter((e) => {
            const i = e as HTMLInputElement;
            const name = i.getAttribute("aria-label") ?? [...(i.labels ?? [])].map((l) => l.textContent).join(" ");
            return name.trim().length < 3;
          }).map((e) => e.outerHTML.slice(0, 80)));
        expect(unnamed, file).toEqual([]);
        // every slider says its value as the box shows it: p, not ln p
        const spoken = await page.$$eval(
          ".live-controls form",
          (forms) =>
            forms.filter((f) => f.querySelector("input[type=range]")).map((f) => ({
              text: f.querySelector("input[type=range]")!.getAttribute("aria-valuetext") ?? "",
              box: (f.querySelector("input[type=number]") as HTMLInputElement).value,
            })),
        );
        for (const { text, box } of spoken) {
          expect(text.endsWith(` = ${box}`), `${file}: ${text} for ${box}`).toBe(true);
        }
        // alerts and status messages have their roles; no two elements share an id
        const ids = await page.$$eval("[id]", (els) => els.map((e) => e.id));
        expect(new Set(ids).size, `${file}: duplicate ids`).toBe(ids.length);
      }
      const fig1 = page.locator('figure[data-live="figure1RunningExponent"]');
      await open("03_pedestal.html");
      await liveReady(page, 2);
      expect(await fig1.locator("input[type=range]").nth(1).getAttribute("aria-valuetext")).toBe("p₁ = 0.01");
    },
    120_000,
  );

  /**
   * axe-core's WCAG 2 A and AA rules, of WCAG 2.0, 2.1 and 2.2 (the rules tagged `wcag2a`, `wcag2aa`,
   * `wcag21a`, `wcag21aa`, `wcag22aa`): the success criteria a page must meet to conform at level AA,
   * which is what the issue's accessibility check asks for. A violation of any impact fails (not only
   * serious and critical: the site has none of the others either). axe's `best-practice` rules (landmarks,
   * one `<h1>`, regions) are advice beyond WCAG, and its `experimental` ones may change between releases:
   * neither is run. Run in the page, injected from the pinned `axe-core` package (nothing is fetched;
   * `preload: false` keeps axe from reading the stylesheets over XHR, which `file://` refuses).
   */
  const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
  const AXE = resolve("node_modules", "axe-core", "axe.min.js");
  /** axe's WCAG 2 A/AA violations in the page (or in `within`), one line each: rule, impact, first elements. */
  const axeViolations = async (on: Page, within = "html"): Promise<string[]> => {
    if (!(await on.evaluate(() => "axe" in window))) await on.addScriptTag({ path: AXE });
    return await on.evaluate(async ({ tags, within }) => {
      // deno-lint-ignore no-explicit-any
      const axe = (window as any).axe;
      const result = await axe.run(within, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
        preload: false,
      });
      // deno-lint-ignore no-explicit-any
      return result.violations.map((v: any) =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}; ${
          // deno-lint-ignore no-explicit-any
          v.nodes.slice(0, 3).map((n: any) => n.target.join(" ")).join(" | ")}`
      );
    }, { tags: AXE_TAGS, within });
  };

  it(
    "passes axe-core's WCAG 2 A and AA rules on every page of both editions, with the live figures drawn",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      const editions = [{ manifest, dir: SITE, name: "full" }, {
        manifest: await studentSite(),
        dir: STUDENT,
        name: "student",
      }];
      // at a desktop's width and a phone's (390 px: targets, wrapped and scrolling boxes change)
      for (const e of editions) {
        for (const p of e.manifest.pages) {
          expect(await open(p.file, e.dir), `${e.name} ${p.file}: failed requests`).toEqual([]);
          if (p.live.length > 0) await liveReady(page, p.live.length);
          expect(await axeViolations(page), `${e.name} ${p.file}`).toEqual([]);
          await page.setViewportSize({ width: 390, height: 844 });
          expect(await axeViolations(page), `${e.name} ${p.file} at 390 px`).toEqual([]);
          await page.setViewportSize({ width: 1200, height: 900 });
        }
      }
      // and the live figures' other states: a number typed out of range (the note beside the box, the box
      // marked invalid) and a value the library refuses (the message beside the last good figure)
      await open("03_pedestal.html");
      await liveReady(page, 2);
      const fig2 = page.locator('figure[data-live="figure2CriticalSize"]');
      await pBox(fig2).fill("5");
      expect(await fig2.locator(".live-invalid").nth(1).isVisible()).toBe(true);
      expect(await axeViolations(page, "#figure-3-2"), "out-of-range p").toEqual([]);
      await open("04_intrinsic_dimension.html");
      await liveReady(page, 2);
      const exponent = page.locator('figure[data-live="figureExponentVersusDimension"]');
      await setNumber(exponent, 0, 0.5);
      await setNumber(exponent, 1, 0.1);
      expect(await exponent.locator(".live-error").isVisible()).toBe(true);
      expect(await axeViolations(page, `#${await exponent.getAttribute("id")}`), "refused band").toEqual([]);
    },
    300_000,
  );

  it(
    "answers a number typed out of range in plain words beside the control, and never shows it as accepted",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      await open("03_pedestal.html");
      await liveReady(page, 2);
      const fig2 = page.locator('figure[data-live="figure2CriticalSize"]');
      const slider = fig2.locator("input[type=range]").nth(1);
      const [before, sliderBefore, redrawn] = [await readouts(fig2), await slider.inputValue(), await redraws(fig2)];
      await pBox(fig2).fill("5");
      const note = fig2.locator(".live-invalid").nth(1);
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe(
        "p must be between 0.001 and 0.999, in steps of 0.001; 5 is outside that, so the figure still shows p = 0.1.",
      );
      expect(await pBox(fig2).getAttribute("aria-invalid")).toBe("true");
      expect(await pBox(fig2).getAttribute("aria-describedby")).toBe(await note.getAttribute("id"));
      expect(await slider.inputValue(), "the slider stays with the figure").toBe(sliderBefore);
      expect(await readouts(fig2)).toEqual(before);
      expect(await redraws(fig2)).toBe(redrawn);
      await pBox(fig2).fill("0.2");
      expect(await note.isVisible()).toBe(false);
      expect(await pBox(fig2).getAttribute("aria-invalid")).toBeNull();
      expect(await redraws(fig2)).toBe(redrawn + 1);
    },
    60_000,
  );

  it(
    "trains notebook 10's smallest chain in the page: each width's loss falls, α is fitted as widths finish, and Train/Stop and the controls stop, resume and restart it, deterministically",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      await open("10_trained_networks.html");
      await liveReady(page, 1);
      const host = page.locator('figure[data-live="figureTeacherStudentLoss"]');
      const button = host.locator(".live-controls button");
      const run = () => host.getAttribute("data-run");
      const frames = async () => Number((await host.getAttribute("data-frames")) ?? 0);
      const until = (state: string) =>
        page.waitForFunction(
          (w) => document.querySelector('[data-live="figureTeacherStudentLoss"]')?.getAttribute("data-run") === w,
          state,
          { timeout: 60_000 },
        );
      /** Waits until `n` widths have finished (one readout each). */
      const widthsDone = (n: number) =>
        page.waitForFunction(
          (k) =>
            document.querySelectorAll('[data-live="figureTeacherStudentLoss"] output[data-label^="L_test(w ="]')
              .length >= k,
          n,
          { timeout: 60_000 },
        );
      const close = (got: number, want: number, what: string, tolerance: number) =>
        expect(Math.abs(got / want - 1), `${what}: ${got} vs ${want}`).toBeLessThan(tolerance);
      // Figure 10.1 (the committed sweep) stays on screen under the chain, which waits for Train
      expect(await host.locator("img.static").isVisible()).toBe(true);
      expect(await run()).toBe("ready");
      expect(await button.textContent()).toBe("Train");

      // a tiny chain: widths 1, 2, 4, 8 with 300 L-BFGS iterations each (the sweep's: 1,500, up to 64)
      await host.locator("select").selectOption("8");
      await setNumber(host, 1, 300);
      expect(await run()).toBe("ready");
      const config = {
        ...SWEEP[0],
        widths: [1, 2, 4, 8],
        iterations: 300,
        doubled: false,
        longer: false,
        gridCells: [],
      };
      // the figure is the builder's: its labels are those it draws in Node for the chain not yet started
      expect(await liveTexts(host)).toEqual(
        svgTexts(
          applyNotation(
            figureTeacherStudentLiveRun({ config, seed: 0, curves: [], finished: [], state: "ready" }).element,
          ).outerHTML,
        ),
      );
      const before = await frames();
      await button.click();
      expect(await run()).toBe("training");
      expect(await button.textContent()).toBe("Stop");
      // it updates as it trains: a first frame, more frames to the end
      await page.waitForFunction(
        (n) =>
          Number(document.querySelector<HTMLElement>('[data-live="figureTeacherStudentLoss"]')!.dataset.frames) > n,
        before,
      );
      const first = (await readouts(host))["L_test, now"];
      const partway = await frames();
      await until("done");
      expect(await frames()).toBeGreaterThan(partway);
      expect(await button.textContent()).toBe("Train");
      const end = await readouts(host);
      expect(end["L_test, now"], "the test loss falls").toBeLessThan(first);
      expect(end["L_test(w = 8)"]).toBeLessThan(end["L_test(w = 4)"]);
      expect(end["L_test(w = 4)"]).toBeLessThan(end["L_test(w = 1)"]);
      // α is fitted to the finished widths ≥ 2 as notebook 10 fits a chain: ln L_test on ln N
      close(
        end["α, fitted over w ≥ 2"],
        fitPowerLaw([9, 17, 33], [end["L_test(w = 2)"], end["L_test(w = 4)"], end["L_test(w = 8)"]]).alpha,
        "α",
        1e-12,
      );
      expect(end["4/d"]).toBe(2);
      // the project's trainer as Node runs it: the first width (one unit) agrees closely. Not asserted
      // beyond it: Chromium's Math.cos and Math.exp round some teacher values differently in the last
      // bit, and L-BFGS (its line search and evaluation limit) carries that to the 5th digit at w = 2
      // and further at w = 8; determinism in the page is checked below.
      const node = runChain(config, 0).rows;
      close(end["L_test(w = 1)"], node[0].testLoss, "w = 1 as in Node", 1e-6);

      // deterministic: Train again trains the same chain; Stop stops it where it is (nothing moves), and
      // Train goes on from there to the same end
      await button.click();
      expect(await run()).toBe("training");
      await widthsDone(2);
      await button.click();
      expect(await run()).toBe("stopped");
      expect(await button.textContent()).toBe("Train");
      const [stopped, stoppedFrames] = [await readouts(host), await frames()];
      await page.waitForTimeout(500);
      expect(await frames()).toBe(stoppedFrames);
      expect(await readouts(host)).toEqual(stopped);
      expect(await run()).toBe("stopped");
      await button.click();
      expect(await run()).toBe("training");
      await until("done");
      expect(await readouts(host)).toEqual(end);

      // another control makes a new chain: while one trains, the new one trains at once
      await button.click();
      await setNumber(host, 0, 1);
      expect(await run()).toBe("training");
      expect(await host.locator(".live-caption").textContent()).toContain("seed 1");
      await until("done");
      const seed1 = await readouts(host);
      expect(seed1["L_test(w = 8)"]).not.toBe(end["L_test(w = 8)"]);
      // and when none trains, the new chain waits for Train
      await setNumber(host, 0, 2);
      expect(await run()).toBe("ready");
      expect(Object.keys(await readouts(host)).filter((k) => k.startsWith("L_test(w ="))).toEqual([]);
    },
    120_000,
  );

  it("works from the keyboard: a slider moves with the arrow keys and redraws its figure", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    await open("04_intrinsic_dimension.html");
    await liveReady(page, 2);
    const halving = page.locator('figure[data-live="figureHalvingCostVersusDimension"]');
    const slider = halving.locator("input[type=range]").first();
    await slider.focus();
    const before = await redraws(halving);
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    expect(await redraws(halving)).toBe(before + 3);
    expect((await readouts(halving))["α = 4/d"]).toBe(sharmaKaplanExponent(43));
    expect(await slider.getAttribute("aria-valuetext")).toBe("d = 43");
    // Tab reaches the next control
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("number");
  }, 60_000);

  it(
    "bootstraps notebook 11's per-genre exponents in the page as Node does, the intervals filling in as the resamples come",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      await open("11_language_model.html");
      await liveReady(page, 2);
      const genres = page.locator('figure[data-live="figureLmGenres"]');
      const done = () =>
        page.waitForFunction(
          () => document.querySelector('[data-live="figureLmGenres"]')?.getAttribute("data-bootstrap") === "done",
          null,
          { timeout: 60_000 },
        );
      // the same bootstrap in Node, from the data the page carries, through its JSON
      const data = JSON.parse(JSON.stringify(liveLmGenresData())) as LiveLmGenresData;
      // every refit is the same in Chromium as in Node, to the bit: the fits' exp and log are the project's own
      // (src/fit/_f64math.ts, in WebAssembly), not the engines' own, which differ in their last bits and sent
      // refits along the flat direction of β (the data term rests on four budgets of one size) elsewhere
      const check = async (settings: { resamples: number; seed: number; level: number }) => {
        const want = genreExponents(data, settings);
        const alpha = want.law.summary[3];
        const got = await readouts(genres);
        expect(got["draws of sizes"]).toBe(settings.resamples);
        expect(got["α of all genres together"]).toBe(alpha.estimate); // the grid fit the page carries
        const se = got["bootstrap standard error of α of all genres together"];
        expect(se, "the standard error").toBe(alpha.stderr);
        const holm = Object.keys(got).find((k) => k.startsWith("genres whose α differs"))!;
        expect(got[holm]).toBe(want.genreFits.filter((g) => g.pHolm < 1 - settings.level).length);
        const figure = figureLmGenres(
          {
            genreFits: want.genreFits,
            alpha,
            settings: { level: settings.level },
          } as unknown as languageModel.Analysis,
        );
        expect(await liveTexts(genres)).toEqual(svgTexts(applyNotation(figure.element).outerHTML));
        return figure;
      };
      // at load: the notebook's settings, the notebook's figure
      expect(await genres.getAttribute("data-bootstrap")).toBe("done");
      await check({ resamples: 200, seed: 11, level: 0.95 });
      expect(await liveTexts(genres)).toEqual(
        svgTexts(applyNotation(figureLmGenres(languageModel.analysis()).element).outerHTML),
      );
      // fewer resamples and another coverage refit nothing: drawn at once
      const frames = async () => Number((await genres.getAttribute("data-frames")) ?? 0);
      const before = await frames();
      await setNumber(genres, 0, 60);
      await setNumber(genres, 2, 0.9);
      expect(await genres.getAttribute("data-bootstrap")).toBe("done");
      expect(await frames()).toBe(before);
      const figure = await check({ resamples: 60, seed: 11, level: 0.9 });
      expect((await genres.locator("figcaption.live-caption").textContent())?.trim()).toBe(
        `Figure 11.4. ${figure.caption}`,
      );
      // a new seed: its first draws at once, the rest in slices, each frame more of them, up to 60
      await genres.evaluate((host) => {
        const seen: number[] = [];
        (window as unknown as { seen: number[] }).seen = seen;
        new MutationObserver(() => {
          const out = host.querySelector('output[data-label="draws of sizes"]') as HTMLElement | null;
          if (out && Number(out.dataset.value) !== seen.at(-1)) seen.push(Number(out.dataset.value));
        }).observe(host.querySelector(".live-readouts")!, { childList: true });
      });
      await setNumber(genres, 1, 7);
      await done();
      const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
      expect(seen[0], "drawn before the redraw returns").toBe(20);
      expect(seen.at(-1)).toBe(60);
      expect([...seen].sort((a, b) => a - b), "more draws in every frame").toEqual(seen);
      expect(await frames()).toBeGreaterThan(before);
      await check({ resamples: 60, seed: 7, level: 0.9 });
      // a number outside the range is answered beside the control, and the figure kept
      const shown = await plotOf(genres);
      const redrawn = await redraws(genres);
      await setNumber(genres, 0, 500);
      const note = genres.locator(".live-invalid").first();
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain("resamples must be between 50 and 200");
      expect(await redraws(genres)).toBe(redrawn);
      expect(await plotOf(genres)).toBe(shown);
      // the top of the range at a new seed: printed, not asserted (CONTRIBUTING: no timing assertions)
      await setNumber(genres, 0, 200);
      await done();
      const t0 = Date.now();
      await setNumber(genres, 1, 3);
      const redraw = await genres.getAttribute("data-redraw-ms");
      await done();
      console.log(
        `Figure 11.4, a new seed at 200 resamples: redraw ${redraw} ms, bootstrap done after ${Date.now() - t0} ms`,
      );
      await check({ resamples: 200, seed: 3, level: 0.9 });
    },
    120_000,
  );

  it(
    "trains notebook 11's smallest model in the page: its loss falls as it trains, as in Node, a control stops or restarts it, and it writes",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      await open("11_language_model.html");
      await liveReady(page, 1);
      const lm = page.locator('figure[data-live="figureLmCurves"]');
      const button = lm.locator(".live-controls button");
      const step = async () => Number(await lm.getAttribute("data-step"));
      const frames = async () => Number((await lm.getAttribute("data-frames")) ?? 0);
      const generated = () => lm.locator(".live-sample-text").getAttribute("data-generated");
      const until = (state: string) =>
        page.waitForFunction(
          (w) => document.querySelector('[data-live="figureLmCurves"]')?.getAttribute("data-run") === w,
          state,
          { timeout: 60_000 },
        );
      const close = (got: number, want: number, what: string) =>
        expect(Math.abs(got / want - 1), `${what}: ${got} vs ${want}`).toBeLessThan(1e-9);
      // the same runs in Node, by the same trainer on the slice the page carries
      const data = liveLmData();
      const T = data.model.context;
      const byGenre = (t: Record<string, string>) =>
        new Map(Object.entries(t).map(([g, x]) => [g, encode(x, data.vocab)] as [string, Uint8Array]));
      const trainIds = encode(Object.values(data.train).join(""), data.vocab);
      const evalOn = [
        windowsOf(byGenre(data.validation), T, CURVE_WINDOWS_PER_GENRE),
        windowsOf(byGenre(data.train), T, CURVE_WINDOWS_PER_GENRE),
      ];
      const inNode = (seed: number, steps: number, upTo = steps) => {
        const t = new Trainer(data.model, sweepTrainConfig(data.model.width, steps, seed), trainIds);
        while (t.stepsDone < upTo) t.step();
        const [val, train] = evalOn.map((w) => {
          const l = windowLosses(t.model, w.tokens, w.targets, BATCH);
          return l.reduce((a, b) => a + b, 0) / l.length;
        });
        const text = (prompt: string, temperature: number) =>
          [...generate(t.model, encode(prompt, data.vocab), SAMPLE_LENGTH, temperature, seed)].map((i) => data.vocab[i])
            .join("");
        return { val, train, text };
      };

      // a tiny run: 300 steps (the sweep's are 4,800) of seed 0
      const STEPS = 300;
      expect(await lm.getAttribute("data-run")).toBe("ready");
      expect(await button.textContent()).toBe("Train");
      await setNumber(lm, 1, STEPS);
      const start = await readouts(lm);
      expect(start.step).toBe(0);
      expect(Math.abs(start["held-out loss at step 0"] - Math.log(85)), "untrained: a uniform guess").toBeLessThan(
        0.05,
      );
      await button.click();
      // it updates as it trains: a frame partway, more frames to the end
      await page.waitForFunction((n) => {
        const h = document.querySelector<HTMLElement>('[data-live="figureLmCurves"]')!;
        return h.dataset.run === "training" && Number(h.dataset.step) > 0 && Number(h.dataset.step) < n;
      }, STEPS);
      expect(await button.textContent()).toBe("Stop");
      const partway = await frames();
      await until("done");
      expect(await frames()).toBeGreaterThan(partway);
      expect(await button.textContent()).toBe("Train");
      const end = await readouts(lm);
      expect(end.step).toBe(STEPS);
      expect(end["held-out loss"], "the loss falls").toBeLessThan(end["held-out loss at step 0"] - 1);
      const node = inNode(0, STEPS);
      close(end["held-out loss"], node.val, "held-out loss after 300 steps");
      close(end["training loss"], node.train, "training loss after 300 steps");
      expect(await generated()).toBe(node.text(PROMPT, 0.8));
      expect(await lm.locator(".live-sample").textContent()).toContain(PROMPT.trim());

      // Train after the end starts again; a new seed restarts the run with it, still training
      await button.click();
      await until("training");
      await setNumber(lm, 0, 1);
      expect(await lm.getAttribute("data-run")).toBe("training");
      expect(await lm.locator("figcaption.live-caption").textContent()).toContain("seed 1");
      await page.waitForFunction(() =>
        Number(document.querySelector<HTMLElement>('[data-live="figureLmCurves"]')!.dataset.step) >= 50
      );
      // Stop stops it where it is, and the prompt and temperature rewrite the text without training
      await button.click();
      await until("stopped");
      const stoppedAt = await step();
      expect(stoppedAt).toBeLessThan(STEPS);
      await lm.locator(".live-controls input[type=text]").fill("It was");
      await setNumber(lm, 2, 0);
      await page.waitForTimeout(300);
      expect(await step()).toBe(stoppedAt);
      expect(await lm.getAttribute("data-run")).toBe("stopped");
      expect(await generated()).toBe(inNode(1, STEPS, stoppedAt).text("It was", 0));
      // Train goes on from there: the end is that of a run without a stop (the batches are drawn per step)
      await button.click();
      await until("done");
      const again = await readouts(lm);
      const seed1 = inNode(1, STEPS);
      expect(again.step).toBe(STEPS);
      close(again["held-out loss"], seed1.val, "seed 1, stopped and gone on");
      expect(again["held-out loss"]).not.toBe(end["held-out loss"]);
    },
    120_000,
  );

  it(
    "writes with the sweep's committed models in the page: each continues the prompt exactly as its committed sample",
    async (ctx) => {
      if (!browser) return ctx.skip(skip);
      await open("11_language_model.html");
      await liveReady(page, 1);
      const lm = page.locator('figure[data-live="figureLmCurves"]');
      const generated = () => lm.locator(".live-sample-text").getAttribute("data-generated");
      const samples = parseLmSamples(readInput("lm_samples.csv"));
      const choices = await lm.locator(".live-controls select option").allTextContents();
      expect(choices.length).toBe(8); // the model trained here and the seven sizes
      await setNumber(lm, 0, SAMPLE_SEED); // the sweep's sampling seed; the temperature's default is the sweep's
      for (const size of ["w64l2", "w4l1"]) {
        await lm.locator(".live-controls select").selectOption({ index: choices.findIndex((c) => c.startsWith(size)) });
        await page.waitForFunction(
          (s) => document.querySelector('[data-live="figureLmCurves"]')?.getAttribute("data-writer") === s,
          size,
          { timeout: 30_000 },
        );
        const want = samples.find((x) => x.run === `${size}-s0`)!;
        expect(want.temperature).toBe(SAMPLE_TEMPERATURE);
        expect(want.prompt).toBe(PROMPT);
        expect(await generated(), size).toBe(want.text);
      }
      // back to the model trained here: it writes again, untrained
      await lm.locator(".live-controls select").selectOption({ index: 0 });
      expect(await lm.getAttribute("data-writer")).toBe("the one trained in this page");
    },
    120_000,
  );

  it("prints solutions open and wide tables within the page", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    const printer = await browser!.newPage({ viewport: { width: 700, height: 900 } }); // about an A4 page's text width
    await printer.route(/^(?!file:)/, (route) => route.abort());
    await printer.emulateMedia({ media: "print" });
    for (const p of manifest.pages.filter((q) => q.notebook)) {
      await open(p.file, SITE, printer);
      const solutions = printer.locator("details.solution pre");
      for (let i = 0; i < await solutions.count(); i++) {
        expect(await solutions.nth(i).isVisible(), `${p.file}: solution ${i}`).toBe(true);
      }
      const cut = await printer.$$eval(
        "table",
        (ts) =>
          ts.filter((t) =>
            t.getBoundingClientRect().right > document.querySelector("main")!.getBoundingClientRect().right + 1
          )
            .map((t) => t.querySelector("th")?.textContent),
      );
      expect(cut, `${p.file}: tables cut in print`).toEqual([]);
    }
    await printer.close();
  }, 120_000);

  it(
    "gives every page with sections a table of contents and every figure an anchor, and fits a 390 px phone",
    async (ctx) => {
      for (const p of manifest.pages.filter((q) => q.notebook || q.file === "seminar.html")) {
        const html = readFileSync(join(SITE, p.file), "utf8");
        const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
        expect(toc, `${p.file}: contents`).not.toBe("");
        const sections = [...html.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
        expect([...toc.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]), p.file).toEqual(sections);
        const ids = [...html.matchAll(/<figure[^>]* id="(figure-\d+-\d+)"/g)].map((m) => m[1]);
        expect(ids.length, `${p.file}: figure anchors`).toBe(p.figures.length);
        for (const id of ids) expect(toc, p.file).toContain(`href="#${id}"`);
      }
      if (!browser) return ctx.skip(skip);
      const phone = await browser!.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
      await phone.route(/^(?!file:)/, (route) => route.abort());
      for (const p of manifest.pages) {
        await open(p.file, SITE, phone);
        if (p.live.length > 0) await liveReady(phone, p.live.length);
        const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
        const over = await phone.$$eval("main *", (els) =>
          els.filter((e) => {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.right <= 391) return false;
            // inside a box that scrolls or clips (a wide table, a code block, display math, KaTeX's own
            // clipped SVG) is fine: only what spills over the page counts
            for (let a = e.parentElement; a && a.tagName !== "MAIN"; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== "visible") return false;
            }
            return true;
          }).slice(0, 3).map((e) => `${e.tagName}.${e.getAttribute("class") ?? ""}`));
        expect({ file: p.file, wide, over }).toEqual({ file: p.file, wide: 390, over: [] });
      }
      // a figure's anchor scrolls to it
      await phone.goto(`${pathToFileURL(join(SITE, "03_pedestal.html")).href}#figure-3-2`, { waitUntil: "load" });
      expect(await phone.evaluate(() => document.querySelector(":target")?.id)).toBe("figure-3-2");
      await phone.close();
    },
    180_000,
  );

  it("shows the static figures when JavaScript is off, and prints them", async (ctx) => {
    if (!browser) return ctx.skip(skip);
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const off = await context.newPage();
    await off.route(/^(?!file:)/, (route) => route.abort());
    for (const [file, builders] of Object.entries(LIVE_PAGES)) {
      expect(await open(file, SITE, off), file).toEqual([]);
      expect(await off.locator(".live-panel").count(), file).toBe(0);
      for (const builder of builders) {
        const img = off.locator(`figure[data-live="${builder}"] img.static`);
        expect(await img.isVisible(), `${file}: ${builder} static`).toBe(true);
        expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth), builder).toBeGreaterThan(0);
      }
    }
    await context.close();
    // in print, with JavaScript on, the static figure is shown and the live panel hidden
    await open("03_pedestal.html");
    await liveReady(page, 2);
    await page.emulateMedia({ media: "print" });
    const fig = page.locator('figure[data-live="figure1RunningExponent"]');
    expect(await fig.locator("img.static").isVisible()).toBe(true);
    expect(await fig.locator(".live-panel").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
  }, 60_000);

  it(
    "packs each edition into an archive that works unpacked on its own: every page, figure, font, link and live control, offline",
    async (ctx) => {
      const editions = [{ manifest: await builtSite(), dir: SITE, student: false }, {
        manifest: await studentSite(),
        dir: STUDENT,
        student: true,
      }];
      const unpacked = mkdtempSync(join(tmpdir(), "smallness-archive-"));
      try {
        for (const e of editions) {
          const archive = buildArchive(e.dir, e.student);
          expect(archive.path).toBe(join(e.dir, archiveName(e.student)));
          // unpacked by Info-ZIP's unzip (or Python's zipfile), not by our writer, into a folder of its own
          const into = join(unpacked, e.student ? "student" : "full");
          try {
            execFileSync("unzip", ["-q", archive.path, "-d", into], { stdio: "ignore" });
          } catch {
            execFileSync("python3", ["-m", "zipfile", "-e", archive.path, into], { stdio: "ignore" });
          }
          const root = join(into, archiveName(e.student).replace(/\.zip$/, ""));
          for (const p of e.manifest.pages) expect(existsSync(join(root, p.file)), p.file).toBe(true);
          if (!browser) continue;
          for (const p of e.manifest.pages) {
            expect(await open(p.file, root), `archive ${p.file}: failed requests`).toEqual([]);
            const broken = await page.$$eval(
              "img",
              (imgs) => imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).length,
            );
            expect(broken, `archive ${p.file}: broken images`).toBe(0);
            if (p.notebook) {
              const fonts = await page.evaluate(async () => {
                await document.fonts.ready;
                return [...document.fonts].filter((f) => f.family.startsWith("KaTeX") && f.status === "loaded").length;
              });
              expect(fonts, `archive ${p.file}: KaTeX fonts`).toBeGreaterThan(0);
            }
            // every relative link stays inside the unpacked folder and names a file that is there
            const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
            for (const abs of hrefs.filter((h) => h.startsWith("file:"))) {
              const target = decodeURIComponent(new URL(abs).pathname);
              expect(target.startsWith(root + "/"), `archive ${p.file}: ${target} leaves the archive`).toBe(true);
              expect(existsSync(target), `archive ${p.file}: ${target}`).toBe(true);
            }
            if (p.live.length === 0) continue;
            await liveReady(page, p.live.length);
            for (const builder of new Set(p.live.filter((b) => !FOLLOWERS.has(b)))) {
              const host = page.locator(`figure[data-live="${builder}"]`);
              const box = host.locator(".live-controls input[type=number]").first();
              const [min, max, now, step] = await box.evaluate((b) => {
                const n = b as HTMLInputElement;
                return [Number(n.min), Number(n.max), n.valueAsNumber, n.step === "any" ? 0 : Number(n.step)];
              });
              const before = await redraws(host);
              const away = now - min > 0.01 * (max - min) ? now - (now - min) / 4 : now + (max - now) / 4;
              await box.fill(
                String(Number((step ? min + Math.round((away - min) / step) * step : away).toPrecision(3))),
              );
              expect(await redraws(host), `archive ${p.file}: ${builder} redraws`).toBe(before + 1);
            }
          }
        }
        if (!browser) return ctx.skip(skip);
      } finally {
        rmSync(unpacked, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it("builds a student edition without solutions that works in the browser", async (ctx) => {
    const student = await studentSite();
    expect(student.student).toBe(true);
    const full = await builtSite();
    expect(student.pages.map((p) => p.file)).toEqual(full.pages.map((p) => p.file));
    for (const p of student.pages) {
      const html = readFileSync(join(STUDENT, p.file), "utf8");
      expect(html, p.file).not.toContain('class="solution"');
      expect(html, p.file).not.toContain("<summary>Solution");
    }
    // no page of the student edition links to, or carries, a notebook with the solutions
    const carried = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? carried(join(dir, e.name)) : [join(dir, e.name)]
      );
    expect(carried(STUDENT).filter((f) => /solutions/.test(f))).toEqual([]);
    for (const p of student.pages) {
      expect(readFileSync(join(STUDENT, p.file), "utf8"), p.file).not.toMatch(/href="[^"]*solutions\//);
    }
    // every solution cell's code is absent from the student page (and present in the full one)
    for (const p of student.pages.filter((q) => q.notebook)) {
      const nb = JSON.parse(readFileSync(notebookFile(p.notebook!, false), "utf8")) as {
        cells: { source: string | string[]; metadata?: { tags?: string[] } }[];
      };
      const html = readFileSync(join(STUDENT, p.file), "utf8");
      for (const c of nb.cells.filter((q) => q.metadata?.tags?.includes("solution"))) {
        const first = (Array.isArray(c.source) ? c.source.join("") : c.source).split("\n").find((l) =>
          l.trim().length > 20
        );
        if (first) {
          expect(html, p.file).not.toContain(
            first.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
          );
        }
      }
    }
    if (!browser) return ctx.skip(skip);
    for (const p of student.pages) {
      expect(await open(p.file, STUDENT), `student ${p.file}: failed requests`).toEqual([]);
      expect(await page.locator("details.solution").count(), p.file).toBe(0);
      const broken = await page.$$eval("img", (imgs) => imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).length);
      expect(broken, `student ${p.file}: broken images`).toBe(0);
      if (p.live.length > 0) await liveReady(page, p.live.length);
    }
  }, 120_000);
});
