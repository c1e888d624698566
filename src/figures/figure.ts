/**
 * The shape every figure of this project has: a base file name, a caption, the SVG element that
 * Observable Plot made, and the data rows that were plotted (written beside the figure as CSV).
 *
 * @module
 */

/** One row of a figure's data: column name to value. */
export type Row = Record<string, number | string>;

/** A rendered figure together with the data behind it. */
export interface Figure {
  /** Base file name without extension, e.g. `figure1_running_exponent`. */
  name: string;
  /** One-sentence caption; also the alt text of the image. */
  caption: string;
  /** The `<svg>` element returned by `Plot.plot` (rendered in the linkedom document of render.ts). */
  element: Element;
  /** The plotted data, one object per row. */
  data: Row[];
  /** Column order of the CSV written beside the figure. */
  columns: string[];
}

/**
 * Makes one of the figures `npm run reproduce` writes; called without options it gives the committed file
 * (`full`: notebook 07's experiments at their full sizes). Each topic module lists its builders as
 * `FIGURES`, and `src/figures/all.ts` lists the topic modules.
 */
export type FigureBuilder = (options?: { full?: boolean }) => Figure;
