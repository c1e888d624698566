/**
 * The project's notation for math in text that is not TeX: `x_{i}` is a subscript and `x^{k}` a
 * superscript (`α_{C}`, `N_{crit}`, `2^{1/α}`, `A/N^{α}`); integer powers and digit subscripts are
 * written in Unicode directly (`2¹⁰`, `10⁻⁶`, `ζ₂`, `log₁₀`). Figures turn the notation into shifted
 * `<tspan>`s (`notationToSvg` of `src/figures/render.ts`); Markdown (captions, the notebooks' notes and
 * tables, claim tables, the README's "What we found") into `<sub>`/`<sup>`, which GitHub, Jupyter and
 * the HTML edition render; alt text into its plain form. Pure: strings in, strings out.
 *
 * @module
 */

/**
 * The notation with one level of nesting (`((1 − p)/p)^{1/α_{C}}`): the outer group's body may itself
 * hold `_{…}`/`^{…}`.
 */
const NOTATION_NESTED = /([_^])\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/**
 * Rewrites `_{…}`/`^{…}` as HTML `<sub>`/`<sup>`, which GitHub and the HTML edition render.
 * One level of nesting is read: `^{1/α_{C}}` gives `<sup>1/α<sub>C</sub></sup>`.
 * @example notationToMarkdown("N_{crit}") // => "N<sub>crit</sub>"
 */
export function notationToMarkdown(text: string): string {
  return text.replace(NOTATION_NESTED, (_m, kind: string, body: string) => {
    const inner = notationToMarkdown(body);
    return kind === "_" ? `<sub>${inner}</sub>` : `<sup>${inner}</sup>`;
  });
}

/**
 * Rewrites `_{…}`/`^{…}` as plain text: `_C`, `^k` for one character, `_(…)`/`^(…)` otherwise.
 * @example notationToPlain("2^{d/4}") // => "2^(d/4)"
 */
export function notationToPlain(text: string): string {
  return text.replace(NOTATION_NESTED, (_m, kind: string, raw: string) => {
    const body = notationToPlain(raw);
    return [...body].length === 1 || /^\w+$/.test(body) ? `${kind}${body}` : `${kind}(${body})`;
  });
}

/** TeX math (`$$…$$`, `$…$`), fenced code and code spans: Markdown that keeps its `_{` and `^{` as written. */
const VERBATIM = /(\$\$[^$]*\$\$|\$[^$\n]*\$|```[\s\S]*?```|`[^`\n]*`)/;

/**
 * Writes the notation of a Markdown text as `<sub>`/`<sup>` (`notationToMarkdown`), leaving TeX math
 * (`$N_{crit}$`, which Jupyter and GitHub render themselves) and code (`` `x_{i}` ``) as they are.
 * Idempotent: a text already written this way is returned unchanged.
 * @throws {TypeError} if `markdown` is not a string.
 * @example markdownNotation("α_{C} = 1/3, $\\alpha_{C}$") // => "α<sub>C</sub> = 1/3, $\\alpha_{C}$"
 */
export function markdownNotation(markdown: string): string {
  if (typeof markdown !== "string") throw new TypeError(`\`markdown\` must be a string, got ${typeof markdown}`);
  return markdown.split(VERBATIM).map((part, i) => (i % 2 === 1 ? part : notationToMarkdown(part))).join("");
}
