/**
 * The live edition's one piece of machinery: turns a static figure of the HTML edition into a live
 * one. Beside the figure it puts controls (from `@observablehq/inputs`), redraws the figure with
 * the project's own figure builder (`src/figures/*.ts`, rendered by Observable Plot into the page's
 * document) whenever a control moves, and shows the numbers that depend on the controls. An error
 * from the library is shown as a message beside the last good figure, never as a blank one.
 *
 * The page keeps the static SVG: it is what readers without JavaScript see and what is printed
 * (`.live-on` hides it on screen only, see the site's stylesheet).
 *
 * Hooks for the browser test: every live figure host gets `data-redraws` (a counter),
 * `data-redraw-ms` (the last redraw's time) and `data-first-redraw-ms`; every readout is an
 * `<output>` whose `data-value` holds the unrounded number.
 *
 * @module
 */
import type { Figure } from "../figures/figure";
import { applyNotation, notationToPlain } from "../figures/render";

/** An input from `@observablehq/inputs`: an element whose `value` is the control's value. */
export type Control = HTMLElement & { value: unknown };

/** A number shown beside a live figure. */
export interface Readout {
  /** What it is, e.g. "N_crit(p)". */
  label: string;
  /** The unrounded value (written to `data-value` for tests). */
  value: number;
  /** How it is shown (formatted, with its unit). */
  text: string;
}

/** What a live figure is made of. */
export interface LiveSpec<V extends Record<string, unknown>> {
  /** The controls, by the name of the value each sets. */
  controls: { [K in keyof V]: Control };
  /** Draws the figure for the controls' values with a figure builder of `src/figures`. */
  draw(values: V): Figure;
  /** The numbers shown beside the figure, computed with `src/` functions from the same values. */
  readouts?(values: V): Readout[];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Makes the figure host `host` live with `spec`: builds the panel (controls, plot, readouts,
 * message), draws once, and redraws on every `input` event of a control.
 */
export function mountLive<V extends Record<string, unknown>>(host: HTMLElement, spec: LiveSpec<V>): void {
  const panel = el("div", "live-panel");
  const controls = el("div", "live-controls");
  const plot = el("div", "live-plot");
  const readouts = el("div", "live-readouts");
  const message = el("p", "live-error");
  message.setAttribute("role", "alert");
  message.hidden = true;
  const caption = el("p", "live-caption");
  for (const c of Object.values(spec.controls) as Control[]) controls.append(c);
  panel.append(controls, message, plot, readouts, caption);
  host.prepend(panel);
  host.classList.add("live-on");

  let redraws = 0;
  const redraw = () => {
    const t0 = performance.now();
    const values = Object.fromEntries(
      Object.entries(spec.controls).map(([k, c]) => [k, (c as Control).value]),
    ) as V;
    try {
      const figure = spec.draw(values);
      const rows = spec.readouts?.(values) ?? [];
      plot.replaceChildren(applyNotation(figure.element));
      readouts.replaceChildren(...rows.map((r) => {
        const line = el("div", "live-readout");
        const out = el("output", "", r.text);
        out.dataset.value = String(r.value);
        out.dataset.label = r.label;
        line.append(el("span", "live-readout-label", `${r.label} = `), out);
        return line;
      }));
      caption.textContent = notationToPlain(figure.caption);
      message.hidden = true;
      plot.classList.remove("stale");
    } catch (e) {
      // keep the last good figure, greyed, and say what the library refused
      message.textContent = `Cannot draw for these values: ${(e as Error).message}`;
      message.hidden = false;
      plot.classList.add("stale");
    }
    const ms = performance.now() - t0;
    redraws += 1;
    host.dataset.redraws = String(redraws);
    host.dataset.redrawMs = ms.toFixed(1);
    if (redraws === 1) host.dataset.firstRedrawMs = ms.toFixed(1);
  };
  controls.addEventListener("input", redraw);
  redraw();
}

/**
 * Mounts, for every element of the page with `data-live="<name>"`, the live figure `specs[name]`
 * (a function of the host, so a spec may read build-time data from the page). Hosts with a name this
 * bundle does not know are left static.
 */
export function mountAll(specs: Record<string, (host: HTMLElement) => LiveSpec<Record<string, unknown>>>): void {
  const start = () => {
    for (const host of document.querySelectorAll<HTMLElement>("[data-live]")) {
      const make = specs[host.dataset.live ?? ""];
      if (!make) continue;
      try {
        mountLive(host, make(host));
      } catch (e) {
        const message = el("p", "live-error", `The live figure could not start: ${(e as Error).message}`);
        message.setAttribute("role", "alert");
        host.prepend(message);
      }
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}

/**
 * Reads the JSON that the build put in the page for a live figure (`<script type="application/json"
 * data-live-data="<name>">`).
 * @throws {Error} naming the missing data.
 */
export function pageData<T>(name: string): T {
  const node = document.querySelector(`script[data-live-data="${name}"]`);
  if (!node?.textContent) throw new Error(`the page carries no data for ${name}`);
  return JSON.parse(node.textContent) as T;
}
