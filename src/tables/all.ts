/**
 * The registry of tables: every topic module of `src/tables/` with the tables it lists as `TABLES`, in
 * file-name order, which is the order `npm run reproduce` writes them. A new topic module is added here;
 * `tests/artifacts.test.ts` fails on a module exporting `TABLES` that is missing.
 *
 * @module
 */
import type { TableBuilder } from "./table";
import * as analogy from "./analogy";
import * as chinchilla from "./chinchilla";
import * as conclusion from "./conclusion";
import * as intrinsicDimension from "./intrinsic_dimension";
import * as lm from "./lm";
import * as measuredExponents from "./measured_exponents";
import * as openlm from "./openlm";
import * as pedestal from "./pedestal";
import * as scalingLaw from "./scaling_law";
import * as trainedNetworks from "./trained_networks";
import * as turbulence from "./turbulence";

/** A topic module of `src/tables/`: its file (for messages) and its tables. */
export interface TableModule {
  module: string;
  builders: readonly TableBuilder[];
}

/** Every topic module of `src/tables/`, in file-name order. */
export const TABLE_MODULES: readonly TableModule[] = [
  { module: "src/tables/analogy.ts", builders: analogy.TABLES },
  { module: "src/tables/chinchilla.ts", builders: chinchilla.TABLES },
  { module: "src/tables/conclusion.ts", builders: conclusion.TABLES },
  { module: "src/tables/intrinsic_dimension.ts", builders: intrinsicDimension.TABLES },
  { module: "src/tables/lm.ts", builders: lm.TABLES },
  { module: "src/tables/measured_exponents.ts", builders: measuredExponents.TABLES },
  { module: "src/tables/openlm.ts", builders: openlm.TABLES },
  { module: "src/tables/pedestal.ts", builders: pedestal.TABLES },
  { module: "src/tables/scaling_law.ts", builders: scalingLaw.TABLES },
  { module: "src/tables/trained_networks.ts", builders: trainedNetworks.TABLES },
  { module: "src/tables/turbulence.ts", builders: turbulence.TABLES },
];
