/**
 * The two controls of `@observablehq/inputs` that the live figures use, with the option types the
 * package documents (it ships no type declarations of its own).
 *
 * @module
 */
import * as Inputs from "@observablehq/inputs";
import type { Control } from "./widget";

/** Options of `range` (see the package's README). */
export interface RangeOptions {
  /** Text, or a node (e.g. `notation("α_{C}, …")` from ./widget, for sub- and superscripts). */
  label?: string | Node;
  value?: number;
  step?: number;
  transform?: (v: number) => number;
  format?: (v: number) => string;
}

/** A slider with a number box, limited to [min, max]: values outside cannot be entered. */
export const range = Inputs.range as unknown as (extent: [number, number], options?: RangeOptions) => Control;

/** A drop-down menu of `options`; its value is the chosen option (the first by default). */
export const select = Inputs.select as unknown as (
  options: readonly string[],
  settings?: { label?: string | Node; value?: string; format?: (option: string) => string },
) => Control;

/** A one-line text box; its value is the text (an `input` event on every keystroke). */
export const text = Inputs.text as unknown as (
  options?: { label?: string | Node; value?: string; placeholder?: string; maxlength?: number },
) => Control;

/**
 * A button named by its `content`; a click sets its value to `reduce(value)` (from `value`, 0 by
 * default) and sends an `input` event, as the other controls do.
 */
export const button = Inputs.button as unknown as <T>(
  content: string,
  options?: { value?: T; reduce?: (value: T) => T },
) => Control;
