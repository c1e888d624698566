/**
 * The registry of figures: every topic module of `src/figures/` with the figures it lists as `FIGURES`,
 * in file-name order, which is the order `npm run reproduce` writes them. A new topic module is added
 * here; `tests/artifacts.test.ts` fails on a module exporting `FIGURES` that is missing.
 *
 * @module
 */
import type { FigureBuilder } from "./figure";
import * as chinchilla from "./chinchilla";
import * as intrinsicDimension from "./intrinsic_dimension";
import * as lm from "./lm";
import * as measuredExponents from "./measured_exponents";
import * as openlm from "./openlm";
import * as pedestal from "./pedestal";
import * as trainedNetworks from "./trained_networks";
import * as turbulence from "./turbulence";

/** A topic module of `src/figures/`: its file (for messages) and its figures. */
export interface FigureModule {
  module: string;
  builders: readonly FigureBuilder[];
}

/** Every topic module of `src/figures/`, in file-name order. */
export const FIGURE_MODULES: readonly FigureModule[] = [
  { module: "src/figures/chinchilla.ts", builders: chinchilla.FIGURES },
  { module: "src/figures/intrinsic_dimension.ts", builders: intrinsicDimension.FIGURES },
  { module: "src/figures/lm.ts", builders: lm.FIGURES },
  { module: "src/figures/measured_exponents.ts", builders: measuredExponents.FIGURES },
  { module: "src/figures/openlm.ts", builders: openlm.FIGURES },
  { module: "src/figures/pedestal.ts", builders: pedestal.FIGURES },
  { module: "src/figures/trained_networks.ts", builders: trainedNetworks.FIGURES },
  { module: "src/figures/turbulence.ts", builders: turbulence.FIGURES },
];
