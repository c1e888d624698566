/**
 * Every notebook's findings module, in the index's order (`src/notebooks.ts`): the list the README's
 * "What we found", the command line's `--params` check and the tests go through. Each module exports the
 * same names: `notebook` (its `defineNotebook` description), `defaults`, `analysis` and `findings`.
 *
 * @module
 */
import type { Findings } from "./claim";
import type { Notebook } from "./notebook";
import * as introduction from "./01_introduction";
import * as analogy from "./02_analogy";
import * as pedestal from "./03_pedestal";
import * as intrinsicDimension from "./04_intrinsic_dimension";
import * as smoothness from "./05_smoothness_and_turbulence";
import * as conclusion from "./06_conclusion";
import * as measured from "./07_measured_exponents";
import * as chinchilla from "./08_chinchilla";
import * as openlm from "./09_openlm";
import * as trainedNetworks from "./10_trained_networks";
import * as languageModel from "./11_language_model";

/** What every findings module exports. */
export interface NotebookModule {
  // deno-lint-ignore no-explicit-any
  notebook: Notebook<any, unknown>;
  defaults: Readonly<object>;
  analysis: (settings?: never) => unknown;
  findings: (settings?: never) => Findings;
}

/** The findings modules, in notebook order. */
export const NOTEBOOK_MODULES: readonly NotebookModule[] = [
  introduction,
  analogy,
  pedestal,
  intrinsicDimension,
  smoothness,
  conclusion,
  measured,
  chinchilla,
  openlm,
  trainedNetworks,
  languageModel,
];

/**
 * The findings module of a notebook, by id.
 * @throws {RangeError} naming the id when no module describes it, with the ids there are.
 * @example notebookModule("01_introduction").notebook.title // => "Introduction: what a small exponent costs"
 */
export function notebookModule(id: string): NotebookModule {
  const m = NOTEBOOK_MODULES.find((x) => x.notebook.id === id);
  if (!m) {
    throw new RangeError(
      `\`notebook\` must be one of ${NOTEBOOK_MODULES.map((x) => x.notebook.id).join(", ")}, got ${JSON.stringify(id)}`,
    );
  }
  return m;
}
