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
  /**
   * Values that each control accepts but that do not go together (a band's edges in the wrong
   * order): a sentence in plain words saying what to change, or undefined when the values are fine.
   */
  check?(values: V): string | undefined;
}

/**
 * The project's notation (`α_{C}`, `N_{crit}`, `2^{d/4}`, see `src/figures/render.ts`) as DOM nodes:
 * text, and `<sub>`/`<sup>` elements, as the notebooks' captions show it.
 * @example label.replaceChildren(...notationNodes("N_{crit}(p)"))
 */
export function notationNodes(text: string): Node[] {
  // one level of nesting, as in captions: ((1 − p)/p)^{1/α_{C}}
  return text.split(/([_^]\{(?:[^{}]|\{[^{}]*\})*\})/).filter((p) => p !== "").map((part) => {
    const m = /^([_^])\{((?:[^{}]|\{[^{}]*\})*)\}$/.exec(part);
    if (!m) return document.createTextNode(part);
    const e = document.createElement(m[1] === "_" ? "sub" : "sup");
    e.append(...notationNodes(m[2]));
    return e;
  });
}

/** A `<span>` holding `text` in the project's notation (for control labels and readouts). */
export function notation(text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.append(...notationNodes(text));
  return span;
}

/** A number as typed in a box, with a real minus sign. */
const shown = (v: string): string => v.replace(/^-/, "−");

/**
 * Makes every control of a panel speak the reader's units and answer out-of-range typing:
 * - the slider gets the control's label as its accessible name (the number box has it through its
 *   `<label>`) and `aria-valuetext` with the value in the reader's units (a log slider moves ln p;
 *   its value text says p);
 * - a number typed outside the control's range (or off its step) is answered beside the control in
 *   plain words, the box is marked `aria-invalid`, the slider stays where the figure is, and the
 *   figure is not redrawn (the control keeps its last valid value).
 */
function speakControls(controls: HTMLElement): void {
  for (const form of controls.querySelectorAll<HTMLFormElement>("form")) {
    const box = form.querySelector<HTMLInputElement>("input[type=number]");
    const slider = form.querySelector<HTMLInputElement>("input[type=range]");
    const label = form.querySelector("label");
    if (!box) continue;
    const name = (label?.textContent ?? "").trim();
    const symbol = name.split(/,| \(/)[0].trim() || "the value";
    const note = document.createElement("span");
    note.className = "live-invalid";
    note.setAttribute("role", "status");
    note.hidden = true;
    note.id = `${box.id || "n"}-invalid`;
    form.append(note);
    box.setAttribute("aria-describedby", note.id);
    const speak = () => slider?.setAttribute("aria-valuetext", `${symbol} = ${shown(box.value)}`);
    if (slider) {
      slider.setAttribute("aria-label", name);
      slider.addEventListener("input", speak);
      speak();
    }
    let last = box.value;
    let sliderBefore = slider?.value ?? "";
    form.addEventListener("input", (e) => {
      if (e.target === box) sliderBefore = slider?.value ?? "";
    }, true);
    // runs after the input's own handler (added after it), which refuses an invalid value
    box.addEventListener("input", () => {
      if (box.validity.valid) {
        last = box.value;
        note.hidden = true;
        box.removeAttribute("aria-invalid");
        speak();
        return;
      }
      if (slider) slider.value = sliderBefore;
      const step = box.step && box.step !== "any" ? `, in steps of ${box.step}` : "";
      const typed = box.value === "" ? "an empty box is not a number" : `${shown(box.value)} is outside that`;
      note.textContent = `${symbol} must be between ${shown(box.min)} and ${shown(box.max)}${step}; ${typed}, ` +
        `so the figure still shows ${symbol} = ${shown(last)}.`;
      note.hidden = false;
      box.setAttribute("aria-invalid", "true");
    });
  }
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
  for (const c of Object.values(spec.controls) as Control[]) controls.append(c);
  speakControls(controls);
  panel.append(controls, message, plot, readouts);
  host.prepend(panel);
  // the numbered caption ("Figure 3.1. …") stays where it is: a copy of it, kept up to date with the
  // live figure, replaces it on screen; the original goes with the static figure to print
  const figcaption = host.querySelector<HTMLElement>(":scope > figcaption");
  const caption = (figcaption?.cloneNode(true) as HTMLElement | undefined) ?? el("figcaption", "");
  caption.classList.add("live-caption");
  caption.setAttribute("aria-live", "polite");
  if (figcaption) figcaption.after(caption);
  else host.append(caption);
  const captionText = caption.querySelector("p") ?? caption;
  const number = captionText.querySelector("strong");
  host.classList.add("live-on");

  let redraws = 0;
  const redraw = () => {
    const t0 = performance.now();
    const values = Object.fromEntries(
      Object.entries(spec.controls).map(([k, c]) => [k, (c as Control).value]),
    ) as V;
    try {
      const refused = spec.check?.(values);
      if (refused !== undefined) throw new Error(refused);
      const figure = spec.draw(values);
      const rows = spec.readouts?.(values) ?? [];
      plot.replaceChildren(applyNotation(figure.element));
      readouts.replaceChildren(...rows.map((r) => {
        const line = el("div", "live-readout");
        const out = el("output", "");
        out.append(...notationNodes(r.text));
        out.dataset.value = String(r.value);
        out.dataset.label = notationToPlain(r.label);
        const name = el("span", "live-readout-label");
        name.append(...notationNodes(r.label), " = ");
        line.append(name, out);
        return line;
      }));
      captionText.replaceChildren(...(number ? [number, " "] : []), ...notationNodes(figure.caption));
      message.hidden = true;
      plot.classList.remove("stale");
    } catch (e) {
      // keep the last good figure, greyed, and say what the library refused
      message.textContent = `Cannot draw for these values. ${(e as Error).message}`;
      message.hidden = false;
      plot.classList.add("stale");
    }
    const ms = performance.now() - t0;
    redraws += 1;
    host.dataset.redraws = String(redraws);
    host.dataset.redrawMs = ms.toFixed(1);
    if (redraws === 1) host.dataset.firstRedrawMs = ms.toFixed(1);
  };
  controls.addEventListener("input", (e) => {
    // a number box that refused what was typed keeps the figure as it is (speakControls answers it)
    if ((e.target as HTMLInputElement).validity?.valid === false) return;
    redraw();
  });
  redraw();
}

/** A live figure's maker (a function of the page's host element) with its values' type erased, as `mountAll` takes it. */
export type LiveMaker = (host: HTMLElement) => LiveSpec<Record<string, unknown>>;

/**
 * A live figure's maker for `mountAll`'s table: the figures' values differ in type, and a table of
 * makers can only hold them with the type erased, here, once (a spec only ever receives the values
 * its own controls make).
 */
export function live<V extends Record<string, unknown>>(make: (host: HTMLElement) => LiveSpec<V>): LiveMaker {
  return make as unknown as LiveMaker;
}

/**
 * Mounts, for every element of the page with `data-live="<name>"`, the live figure `specs[name]`
 * (a function of the host, so a spec may read build-time data from the page). Hosts with a name this
 * bundle does not know are left static.
 */
export function mountAll(specs: Record<string, LiveMaker>): void {
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
