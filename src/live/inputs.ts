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
  settings?: { label?: string | Node; value?: string },
) => Control;
