/**
 * `npm run site`: the HTML edition of the notebooks, in `site/` (git-ignored).
 *
 * An index page with the paper's outline, one page per committed notebook (`notebooks/NN_name.ipynb`,
 * read with its outputs, nothing re-executed) and the seminar guide (`SEMINAR.md`). Markdown is
 * rendered with marked; math (`$…$`, `$$…$$`) is typeset at build time with KaTeX, whose CSS and fonts
 * are copied from node_modules into `site/katex/`, so the pages need no JavaScript and no network.
 * Figures are written beside the page and shown with `<img>`: a notebook holds one PNG per figure
 * and names it (`metadata.smallness.figure`), and the page shows that figure's SVG from `figures/`.
 * Solution cells (code cells tagged `solution`) are collapsed in `<details>`. Links to other
 * notebooks (`NN_name.ipynb`) become links to their pages; other relative links (`../data/x.csv`)
 * are kept, and resolve when `site/` sits in the checkout, as it does.
 *
 * Live figures (scripts/site_live.ts): a figure output whose code cell calls one of `LIVE_BUILDERS`
 * gets `data-live="<builder>"`, and its page loads the builder's bundle (`live/<topic>.js`), which puts
 * controls beside the figure and redraws it in the browser with the same builder. The static SVG
 * stays in the page for readers without JavaScript and for printing.
 *
 * The student edition (`--student`, written to `site-student/` unless `--out` says otherwise) is the
 * same site without the solution cells.
 *
 * `--zip` also packs the edition into `<out>/smallness-site.zip` (student edition:
 * `smallness-student-edition.zip`), a self-contained archive that opens from `file://` with no network.
 *
 * The analyses behind the pages' build-time data (notebook 08's 21 grid fits, one per value of its
 * `dropHighest`, about 0.9 CPU-seconds each; notebook 09's and 11's) are stored in `.cache/analyses/`, where
 * `npm run reproduce` keeps its own (`SMALLNESS_ANALYSIS_CACHE`, src/findings/_analysis_cache.ts): a build
 * after a reproduce or another build reads them.
 *
 * Usage: deno run -A scripts/site.ts [--student] [--out DIR] [--zip]
 *
 * @module
 */
import { notebookEntry, NOTEBOOKS } from "../src/notebooks";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import katex from "katex";
import { Marked, type Tokens } from "marked";
import {
  budgetReport,
  buildLive,
  kB,
  LIVE_BUDGET_GZIP,
  LIVE_BUILDERS,
  type LiveBundle,
  liveData,
  liveTopicOf,
} from "./site_live";
import { zipFolder } from "./zip";
import { CACHE_VARIABLE, pruneCache } from "../src/findings/_analysis_cache";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** One section of the paper and the notebook that reproduces it (by number prefix). */
export interface OutlineEntry {
  section: string;
  title: string;
  notebook: string;
  note: string;
}

/** The paper's outline (section titles as the paper has them) and the notebook for each section. */
export const PAPER_OUTLINE: OutlineEntry[] = [
  { section: "1", title: "Introduction", notebook: "01", note: "eq. 1; what an exponent of 0.1 costs" },
  {
    section: "2",
    title: "The loss function as a pseudo-metric of accuracy",
    notebook: "02",
    note: "eqs. 2 and 10; the numerical-method analogy",
  },
  { section: "3", title: "The pedestal effect", notebook: "03", note: "eqs. 3–8, Figures 1 and 2" },
  {
    section: "4",
    title: "Theoretical prediction of the scaling exponents",
    notebook: "04",
    note: "eqs. 9–10; the Sharma–Kaplan relation α ∼ 4/d",
  },
  {
    section: "5",
    title: "The SK model and connections with turbulent fractals (5.1 Scaling exponents of 3D turbulence)",
    notebook: "05",
    note: "eqs. 11–17",
  },
  { section: "6", title: "Conclusion", notebook: "06", note: "d > 40 ⇒ α < 0.1" },
];

/** Notebooks that go beyond the paper's text (checks against numbers we measure or published runs), from the index. */
export const BEYOND_THE_PAPER: OutlineEntry[] = NOTEBOOKS.filter((n) => n.part === "beyond").map((n) => ({
  section: "",
  title: n.title,
  notebook: n.id.slice(0, 2),
  note: n.section,
}));

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
  /** Set by scripts/notebooks.py on a figure: the PNG's display size and alt text, the figure's name. */
  metadata?: { "image/png"?: { alt?: string; width?: number }; smallness?: { figure?: string } };
  text?: string | string[];
  name?: string;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: "markdown" | "code" | "raw";
  source: string | string[];
  metadata?: { tags?: string[] };
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
}

/** A page of the site: its file name, title and the notebook it renders (if any). */
export interface SitePage {
  file: string;
  title: string;
  notebook?: string;
  figures: string[];
  /** The live figures of the page, by builder name, in page order. */
  live: string[];
}

/** What `buildSite` wrote. */
export interface SiteManifest {
  outDir: string;
  pages: SitePage[];
  /** The live edition's bundles, with their sizes. */
  bundles: LiveBundle[];
  /** Whether this is the student edition (no solution cells). */
  student: boolean;
}

/** Options of `buildSite`. */
export interface SiteOptions {
  /** The student edition: solution cells (and their outputs) left out. Default false. */
  student?: boolean;
}

const text = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : s ?? "");

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A heading's anchor: lower case, letters and digits joined by hyphens. */
export function slug(s: string): string {
  return s.normalize("NFKD").replace(/<[^>]*>/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(
    /^-|-$/g,
    "",
  );
}

/**
 * Replaces math in Markdown by placeholders, so that the Markdown parser does not touch it: display
 * math `$$…$$`, then inline `$…$` (an opening `$` followed by a non-space, a closing `$` preceded by a
 * non-space and not followed by a digit; `\$` is a literal dollar). Code spans and fenced code are
 * left alone. Returns the text and the formulas in placeholder order.
 */
export function extractMath(markdown: string): { text: string; math: { tex: string; display: boolean }[] } {
  const math: { tex: string; display: boolean }[] = [];
  const hold = (tex: string, display: boolean) => `%%MATH${math.push({ tex, display }) - 1}%%`;
  // split off fenced code blocks and code spans, which keep their dollars
  const parts = markdown.split(/(^```[\s\S]*?^```[^\n]*$|`[^`\n]*`)/m);
  const out = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    return part
      .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => hold(tex.trim(), true))
      .replace(/(?<![\\$])\$(?=\S)((?:\\\$|[^$])+?)(?<=\S)\$(?!\d)/g, (_, tex: string) => hold(tex, false));
  });
  return { text: out.join(""), math };
}

/**
 * Typesets one formula with KaTeX to HTML (with MathML for screen readers).
 * @throws {Error} naming the formula when KaTeX cannot parse it, so a build never ships raw TeX.
 */
export function typeset(tex: string, display: boolean): string {
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      strict: "ignore",
      output: "htmlAndMathml",
    });
    // a display formula wider than a phone scrolls sideways in its box, which the keyboard must reach
    // (WCAG 2.1.1, axe's scrollable-region-focusable): each is a tab stop
    return display ? html.replace('<span class="katex-display">', '<span class="katex-display" tabindex="0">') : html;
  } catch (e) {
    throw new Error(
      `KaTeX cannot typeset ${display ? "$$" : "$"}${tex}${display ? "$$" : "$"}: ${(e as Error).message}`,
    );
  }
}

function makeMarked(linkMap: (href: string) => string): Marked {
  const m = new Marked({ gfm: true });
  m.use({
    renderer: {
      heading(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, token: Tokens.Heading): string {
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth} id="${slug(token.text.replace(/%%MATH\d+%%/g, ""))}">${inner}</h${token.depth}>\n`;
      },
    },
    walkTokens(token) {
      if (token.type === "link") (token as Tokens.Link).href = linkMap((token as Tokens.Link).href);
    },
  });
  return m;
}

/** Markdown with math to HTML: math is held out of the parser and typeset with KaTeX afterwards. */
export function renderMarkdown(markdown: string, linkMap: (href: string) => string = (h) => h): string {
  const { text: held, math } = extractMath(markdown);
  const html = makeMarked(linkMap).parse(held, { async: false }) as string;
  // a wide table scrolls sideways in its own box (on a phone), which the keyboard must be able to reach
  // (WCAG 2.1.1, axe's scrollable-region-focusable): every table is a tab stop
  return html.replace(/<table>/g, '<table tabindex="0">').replace(
    /%%MATH(\d+)%%/g,
    (_, k: string) => typeset(math[Number(k)].tex, math[Number(k)].display),
  );
}

/**
 * Maps `<dir>NN_name.ipynb` (optionally with a fragment) to `NN_name.html` when that page exists, and
 * any other link through `other` (default: unchanged).
 */
function notebookLinks(
  pages: Set<string>,
  dir = "",
  other: (href: string) => string = (h) => h,
): (href: string) => string {
  const re = new RegExp(`^(?:\\./)?${dir}(\\d\\d_[\\w-]+)\\.ipynb(#.*)?$`);
  return (href) => {
    const m = re.exec(href);
    return m && pages.has(m[1]) ? `${m[1]}.html${m[2] ?? ""}` : other(href);
  };
}

const STYLE = `
body { font: 16px/1.55 "DejaVu Serif", Georgia, serif; color: #1b1b1b; margin: 0; background: #fdfdfb; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; overflow-wrap: break-word; }
main a, main code { overflow-wrap: anywhere; }
nav.top { font: 14px "DejaVu Sans", Verdana, sans-serif; background: #f0efe9; border-bottom: 1px solid #ddd; padding: .5rem 1.5rem; }
nav.top a { margin-right: 1.2rem; }
h1, h2, h3 { font-family: "DejaVu Sans", Verdana, sans-serif; line-height: 1.25; }
a { color: #1f5fa8; }
/* code wraps at the page's width rather than scrolling: a box that scrolls must be reachable from the
   keyboard (WCAG 2.1.1, axe's scrollable-region-focusable), and a tab stop on every code cell would be worse */
pre { background: #f4f4f0; border: 1px solid #e2e2da; padding: .6rem .8rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; line-height: 1.4; }
code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: .9em; }
.cell-code pre { border-left: 3px solid #9bb7d4; }
.output { margin: .4rem 0 1.2rem; }
.output.markdown { border-left: 3px solid #d9d9cf; padding-left: .9rem; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; background: white; }
.live-panel { border: 1px solid #c9d6e3; background: #f7f9fc; padding: .6rem .8rem; }
.live-controls { font: 13px "DejaVu Sans", Verdana, sans-serif; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
.live-controls form { --label-width: 15rem; --input-width: 12rem; }
.live-plot svg { max-width: 100%; height: auto; background: white; }
.live-plot.stale { opacity: .35; }
.live-error { color: #8a1c1c; background: #fdeeee; border: 1px solid #e6b3b3; padding: .3rem .6rem; font: 14px "DejaVu Sans", Verdana, sans-serif; }
.live-readouts { font: 14px "DejaVu Sans", Verdana, sans-serif; }
.live-readouts output { font-weight: bold; }
.live-note { font: 12px "DejaVu Sans", Verdana, sans-serif; color: #555; margin: 0 0 .3rem; }
.live-invalid[hidden] { display: none; }
.live-invalid { display: block; color: #8a1c1c; font: 13px "DejaVu Sans", Verdana, sans-serif; margin: .1rem 0 .3rem; }
.live-controls input[aria-invalid="true"] { outline: 2px solid #b3261e; background: #fdeeee; }
.live-controls input:focus-visible, .live-controls select:focus-visible { outline: 2px solid #1f5fa8; outline-offset: 1px; }
@media screen { figure.live-on > img.static, figure.live-on > figcaption:not(.live-caption) { display: none; } }
@media print {
  .live-panel, .live-caption, nav.top { display: none; }
  details.solution::details-content { content-visibility: visible; display: block; }
  details.solution > summary { list-style: none; }
  table { display: table; width: 100%; max-width: 100%; table-layout: auto; font-size: 10px; }
  th, td { overflow-wrap: anywhere; padding: .15rem .25rem; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  figure, tr { break-inside: avoid; }
}
figcaption { font-size: 14px; color: #444; margin-top: .3rem; }
.live-panel > p.live-caption { font-size: 14px; color: #444; margin: .3rem 0 .5rem; }
table { border-collapse: collapse; margin: .6rem 0; font-size: 14px; display: block; overflow-x: auto; }
th, td { border: 1px solid #d6d6cc; padding: .25rem .5rem; text-align: left; }
th { background: #f0efe9; }
details.solution { border: 1px solid #cfd8c4; background: #f7faf3; padding: .4rem .8rem; margin: .6rem 0 1.4rem; }
details.solution summary { cursor: pointer; font-family: "DejaVu Sans", Verdana, sans-serif; font-weight: bold; color: #35602a; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
ul.outline { list-style: none; padding-left: 0; }
ul.outline li { margin: .7rem 0; }
.muted { color: #666; font-size: 14px; }
nav.toc { font: 14px "DejaVu Sans", Verdana, sans-serif; background: #f7f7f2; border: 1px solid #e2e2da; padding: .5rem .9rem; margin: .8rem 0 1.4rem; }
nav.toc ol { margin: .3rem 0; padding-left: 1.4rem; }
nav.toc .toc-figures { margin: .3rem 0 0; }
/* WCAG 2.2's target size (2.5.8, axe's target-size): each link of the contents at least 24 px high, the
   figure numbers at least 24 px wide, so that none is a small target pressed against its neighbours */
nav.toc li a, nav.toc .toc-figures a { display: inline-block; padding: 4px 0; min-width: 24px; text-align: center; }
figcaption a.anchor { color: inherit; text-decoration: none; }
figcaption a.anchor:hover { text-decoration: underline; }
figure:target { outline: 2px solid #9bb7d4; outline-offset: 4px; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  main { padding: .6rem .8rem 3rem; }
  nav.top { padding: .4rem .8rem; }
  nav.top a { display: inline-block; margin: .1rem .8rem .1rem 0; padding: 4px 0; } /* 24 px targets (2.5.8) */
  .live-controls form { --label-width: 100%; --input-width: 100%; width: 100%; flex-wrap: wrap; }
  .live-controls form label { width: 100%; }
  .live-controls { display: block; }
  .katex-display > .katex { font-size: 1em; }
}
`;

function page(title: string, body: string, nav: string, head = ""): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="katex/katex.min.css">
<link rel="stylesheet" href="style.css">${head}
</head>
<body>
<nav class="top">${nav}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The first level-1 heading of a notebook, without Markdown emphasis. */
/** A notebook's page title, `N · title`, from the index (tests/findings/notebook.test.ts keeps every notebook in it). */
function notebookTitle(name: string): string {
  const entry = notebookEntry(name);
  return `${entry.number} · ${entry.title}`;
}

/** JSON for a `<script type="application/json">` element: `<` escaped so that no `</script>` can end it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The live builder a code cell calls (the first of `LIVE_BUILDERS` it names followed by `(`), if any. */
export function liveBuilderOf(source: string): string | undefined {
  return LIVE_BUILDERS.find((b) => new RegExp(`\\b${b}\\s*\\(`).test(source));
}

function renderOutputs(
  outputs: Output[],
  linkMap: (h: string) => string,
  figureFile: () => string,
  outDir: string,
  figures: string[],
  live?: string,
): string {
  const parts: string[] = [];
  // The executor writes each figure's numbered Markdown caption ("**Figure N.k.** …") as the next
  // output: it becomes the figure's <figcaption> instead of the plain-text caption.
  const captionAfter = (i: number): string | undefined => {
    const md = outputs[i + 1]?.data?.["text/markdown"];
    return md !== undefined && /^\*\*Figure \d+\.\d+\.\*\*/.test(text(md)) ? text(md) : undefined;
  };
  let skip = -1;
  for (const [i, o] of outputs.entries()) {
    if (i === skip) continue;
    if (o.output_type === "stream") {
      parts.push(`<pre class="output stream">${escapeHtml(text(o.text))}</pre>`);
      continue;
    }
    if (o.output_type === "error") {
      parts.push(`<pre class="output error">${escapeHtml(`${o.ename}: ${o.evalue}`)}</pre>`);
      continue;
    }
    const d = o.data ?? {};
    // a figure: the notebook holds its PNG (drawn at 2×) and names it; the page shows the figure's
    // SVG from figures/<name>.svg when the repository has it, else the notebook's PNG
    const named = o.metadata?.smallness?.figure;
    const svgFile = named !== undefined ? join(ROOT, "figures", `${named}.svg`) : undefined;
    if (d["image/svg+xml"] !== undefined || d["image/png"] !== undefined) {
      const svg = d["image/svg+xml"] !== undefined
        ? text(d["image/svg+xml"])
        : svgFile !== undefined && existsSync(svgFile)
        ? readFileSync(svgFile, "utf8")
        : undefined;
      let file = figureFile();
      if (svg !== undefined) writeFileSync(join(outDir, file), svg);
      else {
        file = file.replace(/\.svg$/, ".png");
        writeFileSync(join(outDir, file), Uint8Array.from(atob(text(d["image/png"])), (c) => c.charCodeAt(0)));
      }
      figures.push(file);
      const caption = o.metadata?.["image/png"]?.alt ?? text(d["text/plain"]);
      const numbered = captionAfter(i);
      if (numbered !== undefined) skip = i + 1;
      const figcaption = numbered !== undefined
        ? `<figcaption>${renderMarkdown(numbered, linkMap)}</figcaption>`
        : caption
        ? `<figcaption>${escapeHtml(caption)}</figcaption>`
        : "";
      const liveAttr = live ? ` data-live="${live}"` : "";
      // an anchor from the figure's number: #figure-3-1, linked from its caption and the contents
      const n = numbered !== undefined ? /^\*\*Figure (\d+)\.(\d+)\.\*\*/.exec(numbered) : null;
      const id = n ? ` id="figure-${n[1]}-${n[2]}"` : "";
      const anchored = n
        ? figcaption.replace(
          `<strong>Figure ${n[1]}.${n[2]}.</strong>`,
          `<strong><a class="anchor" href="#figure-${n[1]}-${n[2]}">Figure ${n[1]}.${n[2]}.</a></strong>`,
        )
        : figcaption;
      parts.push(
        `<figure class="output"${id}${liveAttr}><img class="static" src="${file}" alt="${escapeHtml(caption)}">` +
          anchored + `</figure>`,
      );
    } else if (d["text/markdown"] !== undefined) {
      parts.push(`<div class="output markdown">${renderMarkdown(text(d["text/markdown"]), linkMap)}</div>`);
    } else if (d["text/html"] !== undefined) {
      parts.push(`<div class="output html">${text(d["text/html"])}</div>`);
    } else if (d["text/plain"] !== undefined) {
      parts.push(`<pre class="output plain">${escapeHtml(text(d["text/plain"]))}</pre>`);
    }
  }
  return parts.join("\n");
}

function renderNotebook(
  nb: Notebook,
  name: string,
  outDir: string,
  linkMap: (h: string) => string,
  student: boolean,
): { html: string; figures: string[]; live: string[] } {
  const figures: string[] = [];
  const live: string[] = [];
  let k = 0;
  const figureFile = () => `figures/${name}-${++k}.svg`;
  const parts: string[] = [];
  for (const c of nb.cells) {
    if (c.cell_type === "markdown") {
      parts.push(renderMarkdown(text(c.source), linkMap));
    } else if (c.cell_type === "code") {
      const solution = c.metadata?.tags?.includes("solution") ?? false;
      if (solution && student) continue;
      const code = `<div class="cell-code"><pre><code class="language-ts">${
        escapeHtml(text(c.source))
      }</code></pre></div>`;
      // a figure is live when its cell (not a solution) calls a live builder and shows one figure
      const svgs = (c.outputs ?? []).filter((o) =>
        o.data?.["image/svg+xml"] !== undefined || o.data?.["image/png"] !== undefined
      ).length;
      const builder = !solution && svgs === 1 ? liveBuilderOf(text(c.source)) : undefined;
      if (builder) live.push(builder);
      const outputs = renderOutputs(c.outputs ?? [], linkMap, figureFile, outDir, figures, builder);
      if (solution) {
        parts.push(`<details class="solution"><summary>Solution</summary>\n${code}\n${outputs}\n</details>`);
      } else {
        parts.push(code, outputs);
      }
    }
  }
  return { html: parts.join("\n"), figures, live };
}

/**
 * The `<head>` additions and the data of a page with live figures: the inputs' stylesheet, the
 * bundles of their topics, and the build-time JSON of each live figure that needs some.
 */
function liveParts(live: string[]): { head: string; data: string } {
  if (live.length === 0) return { head: "", data: "" };
  const topics = [...new Set(live.map((b) => liveTopicOf(b)!))];
  const head = `\n<link rel="stylesheet" href="live/inputs.css">` +
    topics.map((t) => `\n<script src="live/${t}.js" defer></script>`).join("");
  const data = [...new Set(live)].map((b) => {
    const value = liveData(b);
    return value === undefined
      ? ""
      : `<script type="application/json" data-live-data="${b}">${scriptJson(value)}</script>`;
  }).join("");
  return { head, data };
}

/**
 * The committed notebook a page of an edition renders, as a repository path: the notebook with its
 * worked solutions (`notebooks/solutions/NN.ipynb`, when committed) for the full edition, the
 * students' notebook (`notebooks/NN.ipynb`) for the student edition.
 */
export function notebookFile(name: string, student: boolean): string {
  const solutions = `notebooks/solutions/${name}.ipynb`;
  return !student && existsSync(join(ROOT, solutions)) ? solutions : `notebooks/${name}.ipynb`;
}

/**
 * Links from the site to the repository's files: a relative link (resolved against `base`, the
 * repository folder of the text it appears in) to a committed file is copied into the site, under
 * `repo/<path>`, and pointed there, so that the links work in the archive opened on its own (and on
 * GitHub Pages). Other links (absolute, fragments, missing files) are left as they are.
 * @throws {Error} in the student edition, for a link to a notebook with worked solutions.
 */
function repoLinker(outDir: string, student: boolean): (href: string, base: string) => string {
  return (href, base) => {
    if (/^[a-z][\w+.-]*:|^#|^\//i.test(href)) return href;
    const [path, fragment = ""] = href.split(/(?=#)/);
    const file = posix.normalize(posix.join(base, decodeURIComponent(path)));
    if (file.startsWith("..") || !existsSync(join(ROOT, file)) || !statSync(join(ROOT, file)).isFile()) return href;
    if (student && file.startsWith("notebooks/solutions/")) {
      throw new Error(`the student edition would link to ${file}, which shows the solutions (link ${href})`);
    }
    mkdirSync(dirname(join(outDir, "repo", file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(outDir, "repo", file));
    return `repo/${file}${fragment}`;
  };
}

/**
 * A page's table of contents: its level-2 headings (by their anchors), and its figures (by their
 * anchors, `figure-3-1`, and numbers), as a `<nav>`; empty when the page has neither. A heading keeps its
 * markup but its links (a link inside the contents' link is not HTML): its math stays KaTeX's (`s⁴`, not
 * the `s4s^4s4` its text content would give).
 * @example tableOfContents('<h2 id="a">A</h2>') // '<nav class="toc" …><a href="#a">A</a>…'
 */
export function tableOfContents(html: string): string {
  const sections = [...html.matchAll(/<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g)]
    .map((m) => `<li><a href="#${m[1]}">${m[2].replace(/<\/?a\b[^>]*>/g, "")}</a></li>`);
  const figures = [...html.matchAll(/<figure[^>]* id="(figure-\d+-\d+)"/g)]
    .map((m) => `<a href="#${m[1]}">${m[1].replace(/^figure-(\d+)-(\d+)$/, "$1.$2")}</a>`);
  if (sections.length === 0 && figures.length === 0) return "";
  return `<nav class="toc" aria-label="Contents"><strong>Contents</strong>` +
    (sections.length ? `<ol>${sections.join("")}</ol>` : "") +
    (figures.length ? `<p class="toc-figures">Figures: ${figures.join(" · ")}</p>` : "") + `</nav>\n`;
}

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const src = join(from, entry);
    if (statSync(src).isDirectory()) copyDir(src, join(to, entry));
    else copyFileSync(src, join(to, entry));
  }
}

/**
 * Leaves out of a Markdown text every section whose heading names an answer key (`## Answer key`,
 * `### Answers …`), down to the next heading of the same or a higher level: the student edition's
 * seminar guide.
 */
export function withoutAnswerKey(markdown: string): string {
  const out: string[] = [];
  let skipping = 0; // heading level of the section being left out, 0 when none
  let fence = false;
  for (const line of markdown.split("\n")) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const h = fence ? null : /^(#{1,6})\s+(.*)$/.exec(line);
    if (h && skipping && h[1].length <= skipping) skipping = 0;
    if (h && !skipping && /\banswer(s| key)\b/i.test(h[2])) skipping = h[1].length;
    if (!skipping) out.push(line);
  }
  return out.join("\n");
}

/**
 * Builds the HTML edition from the committed notebooks into `outDir` (emptied first), with the live
 * figures' bundles (scripts/site_live.ts). With `student`, solution cells are left out, and so is
 * the seminar guide's answer key.
 * @throws {Error} if a formula cannot be typeset, there is no notebook, or a bundle fails or
 *   exceeds its budget.
 * @example (await buildSite("site")).pages.map((p) => p.file) // ["index.html", "01_introduction.html", …]
 */
export async function buildSite(outDir = join(ROOT, "site"), options: SiteOptions = {}): Promise<SiteManifest> {
  const student = options.student ?? false;
  const nbDir = join(ROOT, "notebooks");
  const names = readdirSync(nbDir).filter((f) => /^\d\d_[\w-]+\.ipynb$/.test(f)).map((f) => f.replace(/\.ipynb$/, ""))
    .sort();
  if (names.length === 0) throw new Error("no notebooks in notebooks/");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "figures"), { recursive: true });
  copyDir(join(ROOT, "node_modules", "katex", "dist", "fonts"), join(outDir, "katex", "fonts"));
  copyFileSync(join(ROOT, "node_modules", "katex", "dist", "katex.min.css"), join(outDir, "katex", "katex.min.css"));
  writeFileSync(join(outDir, "style.css"), STYLE.trimStart());

  const repoLink = repoLinker(outDir, student);
  const linkMap = notebookLinks(new Set(names), "", (href) => repoLink(href, "notebooks"));
  const notebooks = names.map((name) => {
    // the full edition renders the notebook with its worked solutions (notebooks/solutions/), the
    // student edition the students' notebook, which has none
    const file = notebookFile(name, student);
    const nb = JSON.parse(readFileSync(join(ROOT, file), "utf8")) as Notebook;
    nb.cells = nb.cells.filter((c) => !(c.metadata?.tags ?? []).includes("edition-note"));
    return { name, nb, file, title: notebookTitle(name) };
  });
  const hasSeminar = existsSync(join(ROOT, "SEMINAR.md"));
  const pages: SitePage[] = [];
  const navFor = (i: number) => {
    const links = [`<a href="index.html">Index</a>`];
    if (hasSeminar) links.push(`<a href="seminar.html">Seminar guide</a>`);
    if (i > 0) {
      links.push(`<a href="${notebooks[i - 1].name}.html" rel="prev">← ${escapeHtml(notebooks[i - 1].title)}</a>`);
    }
    if (i >= 0 && i < notebooks.length - 1) {
      links.push(`<a href="${notebooks[i + 1].name}.html" rel="next">${escapeHtml(notebooks[i + 1].title)} →</a>`);
    }
    return links.join("");
  };

  notebooks.forEach(({ name, nb, file, title }, i) => {
    const { html, figures, live } = renderNotebook(nb, name, outDir, linkMap, student);
    const source = `<p class="muted">Rendered from <a href="${repoLink(file, "")}">${file}</a> ` +
      (student
        ? `(the students' notebook, committed with its outputs; the exercises' solutions are not in this edition).</p>`
        : `(the notebook with its worked solutions, committed with its outputs; the students' copy is ` +
          `<a href="${repoLink(`notebooks/${name}.ipynb`, "")}">notebooks/${name}.ipynb</a>; source ` +
          `<a href="${repoLink(`notebooks/src/${name}.md`, "")}">notebooks/src/${name}.md</a>).</p>`);
    const { head, data } = liveParts(live);
    const liveNote = head
      ? `<p class="live-note">Live figures: move the controls beside a figure and it is recomputed in your browser ` +
        `by the same code the notebook runs (without JavaScript, and in print, the figures are the notebook's own).</p>\n`
      : "";
    // the note and the table of contents go under the page's title (the first heading), or first
    const at = html.indexOf("</h1>");
    const top = liveNote + tableOfContents(html);
    const body = at >= 0 ? html.slice(0, at + 5) + "\n" + top + html.slice(at + 5) : top + html;
    writeFileSync(join(outDir, `${name}.html`), page(title, body + "\n" + source + data, navFor(i), head));
    pages.push({ file: `${name}.html`, title, notebook: name, figures, live: head ? live : [] });
  });

  if (hasSeminar) {
    const seminarLinks = notebookLinks(new Set(names), "notebooks/", (href) => repoLink(href, ""));
    const seminar = readFileSync(join(ROOT, "SEMINAR.md"), "utf8");
    const rendered = renderMarkdown(student ? withoutAnswerKey(seminar) : seminar, seminarLinks);
    const h1 = rendered.indexOf("</h1>");
    const html = h1 >= 0
      ? rendered.slice(0, h1 + 5) + "\n" + tableOfContents(rendered) + rendered.slice(h1 + 5)
      : rendered;
    writeFileSync(join(outDir, "seminar.html"), page("Seminar guide", html, navFor(-1)));
    pages.push({ file: "seminar.html", title: "Seminar guide", figures: [], live: [] });
  }

  const byNumber = new Map(notebooks.map((n) => [n.name.slice(0, 2), n]));
  const item = (e: OutlineEntry) => {
    const nb = byNumber.get(e.notebook);
    const head = e.section ? `<strong>§${e.section} ${escapeHtml(e.title)}</strong><br>` : "";
    return nb
      ? `<li>${head}<a href="${nb.name}.html">${escapeHtml(nb.title)}</a> <span class="muted">(${
        escapeHtml(e.note)
      })</span></li>`
      : `<li>${head}${escapeHtml(e.title)} <span class="muted">(${
        escapeHtml(e.note)
      }; notebook not written yet)</span></li>`;
  };
  const listed = new Set([...PAPER_OUTLINE, ...BEYOND_THE_PAPER].map((e) => e.notebook));
  const others = notebooks.filter((n) => !listed.has(n.name.slice(0, 2)));
  const livePages = pages.filter((p) => p.live.length > 0).map((p) => `<a href="${p.file}">${escapeHtml(p.title)}</a>`);
  const index = [
    `<h1>On the Smallness of the Large Language Models Scaling Exponents — an executable reading</h1>`,
    `<p>S. Succi, P. V. Coveney, A. Hansen, arXiv 2606.24504. Every quantitative step of the paper recomputed in ` +
    `TypeScript notebooks, with a <em>What we checked</em> section and exercises ` +
    (student ? `in each (student edition: without the solutions).</p>` : `(solutions folded) in each.</p>`),
    `<h2>The paper, section by section</h2>`,
    `<ul class="outline">${PAPER_OUTLINE.map(item).join("\n")}</ul>`,
    `<h2>Beyond the paper's text</h2>`,
    `<ul class="outline">${BEYOND_THE_PAPER.map(item).join("\n")}${
      others.map((n) => `<li><a href="${n.name}.html">${escapeHtml(n.title)}</a></li>`).join("\n")
    }</ul>`,
    hasSeminar
      ? `<h2>Teaching</h2><p><a href="seminar.html">Seminar guide</a>: the notebooks in a 90-minute class, with the questions the paper's weak points raise.</p>`
      : "",
    livePages.length > 0
      ? `<h2>Live figures</h2><p>No install needed to rerun the paper's figures: in ${livePages.join(", ")}, ` +
        `move the controls beside a figure and it is recomputed in your browser by the project's own code, offline.</p>`
      : "",
    `<p class="muted">This edition is generated by <code>npm run site</code>` +
    (student ? ` (student edition: <code>npm run site -- --student</code>)` : "") + ` from the committed notebooks; ` +
    `math is typeset with KaTeX at build time and the pages work offline, also from <code>file://</code>.</p>`,
  ].join("\n");
  writeFileSync(
    join(outDir, "index.html"),
    page("Smallness of LLM scaling exponents: the notebooks", index, navFor(-1)),
  );
  pages.unshift({ file: "index.html", title: "Index", figures: [], live: [] });
  const bundles = pages.some((p) => p.live.length > 0) ? await buildLive(outDir) : [];
  // the budget holds per page, over every bundle the page loads
  for (const p of pages) {
    const topics = new Set(p.live.map((b) => liveTopicOf(b)));
    const gzip = bundles.filter((b) => topics.has(b.topic)).reduce((n, b) => n + b.gzipBytes, 0);
    if (gzip > LIVE_BUDGET_GZIP) {
      throw new Error(
        `${p.file} loads ${kB(gzip)} of gzip-compressed JavaScript, over the budget of ${kB(LIVE_BUDGET_GZIP)}`,
      );
    }
  }
  return { outDir, pages, bundles, student };
}

/** File name of an edition's archive, written inside the edition's folder by `--zip`. */
export function archiveName(student: boolean): string {
  return student ? "smallness-student-edition.zip" : "smallness-site.zip";
}

/**
 * Packs a built edition (`outDir`) into `<outDir>/<archiveName>`: one folder (`smallness-site/` or
 * `smallness-student-edition/`) that opens from `file://` with no network (every page, figure,
 * stylesheet, font, live bundle and linked repository file is inside; screenshots and other
 * archives are left out).
 * @returns the archive's path, its number of files and its size in bytes.
 * @example buildArchive("site", false).path // "site/smallness-site.zip"
 */
export function buildArchive(outDir: string, student: boolean): { path: string; files: number; bytes: number } {
  const name = archiveName(student);
  const path = join(outDir, name);
  const { files, bytes } = zipFolder(
    outDir,
    path,
    name.replace(/\.zip$/, ""),
    (p) => p.endsWith(".zip") || p.startsWith("screenshots/") || p.endsWith(".tmp"),
  );
  return { path, files, bytes };
}

if (import.meta.main) {
  const { announceTemporary, parseOptions, refuseCommittedFolder, removeOnSignal } = await import("./cli");
  const { options } = parseOptions("site", Deno.args, { "--student": "switch", "--out": "value", "--zip": "switch" });
  const student = options["--student"] === true;
  const out = typeof options["--out"] === "string"
    ? resolve(options["--out"])
    : join(ROOT, student ? "site-student" : "site");
  refuseCommittedFolder("site", out);
  // The analyses and grid fits the pages carry (notebook 08's 21 grid fits, 09's and 11's) are kept in the
  // folder `npm run reproduce` keeps them in, `.cache/analyses/` (stale ones removed), so that a build after
  // a reproduce, or a second build, reads them instead of refitting; unless the environment names a folder
  // (or, empty, none)
  if (Deno.env.get(CACHE_VARIABLE) === undefined) {
    Deno.env.set(CACHE_VARIABLE, join(ROOT, ".cache", "analyses"));
    pruneCache(join(ROOT, ".cache", "analyses"));
  }
  // Built beside `out` under a temporary name and renamed into place: an interruption leaves the old
  // edition (or none), never half of one.
  const building = join(dirname(out), `.${basename(out)}.${Deno.pid}.tmp`);
  announceTemporary(building);
  // a signal removes the half-built edition and ends the build at once, even in its synchronous parts
  // (rendering, analyses), which a listener on this thread would wait for
  const release = await removeOnSignal([building]);
  let built: SiteManifest;
  try {
    built = await buildSite(building, { student });
    rmSync(out, { recursive: true, force: true });
    renameSync(building, out);
  } finally {
    rmSync(building, { recursive: true, force: true });
    release();
  }
  const manifest = { ...built, outDir: out };
  const figures = manifest.pages.reduce((n, p) => n + p.figures.length, 0);
  const live = manifest.pages.reduce((n, p) => n + p.live.length, 0);
  console.log(budgetReport(manifest.bundles));
  console.log(
    `site${student ? " (student edition)" : ""}: ${manifest.pages.length} pages, ${figures} figures (${live} live) ` +
      `in ${relative(Deno.cwd(), out) || "."}/ (open index.html)`,
  );
  if (options["--zip"] === true) {
    const archive = buildArchive(out, student);
    console.log(
      `archive: ${relative(Deno.cwd(), archive.path)}, ${archive.files} files, ${kB(archive.bytes)} ` +
        `(unpack it anywhere and open ${archiveName(student).replace(/\.zip$/, "")}/index.html; no network needed)`,
    );
  }
}
