/**
 * The numeric library of the reproduction, and its tables. Re-exports only; figures are in
 * `./figures/mod`, notebook display in `./display`.
 * @module
 */

// numerics
export * from "./random";
export * from "./format";
export * from "./scaling_law";
export * from "./analogy";
export * from "./pedestal";
export * from "./intrinsic_dimension";
export * from "./piecewise";
export * from "./turbulence";
export * from "./conclusion";
export * from "./powerlaw_fit";
export * from "./approximation";
export * from "./rough";
export * from "./cascade";
export * from "./manifold";
export * from "./knn";
export * from "./twonn";
export * from "./measured_exponents";
export * from "./optimize";
export * from "./bootstrap";
export * from "./chinchilla_data";
export * from "./chinchilla_fit";
export * from "./chinchilla_pedestal";
export * from "./student_t";
export * from "./openlm_data";
export * from "./openlm_fit";
export { BROWN_GENRES, type LmRun, parseLmRuns } from "./lm_data";
export { type ClusterLawFit, fitClusteredLaw, holmAdjust, bootstrapPValue } from "./lm_fit";

// findings: each notebook's analysis and claim records
export { claimById } from "./findings/claim";
export * from "./findings/01_introduction";
export * from "./findings/02_analogy";
export * from "./findings/03_pedestal";
export * from "./findings/04_intrinsic_dimension";
export * from "./findings/05_smoothness_and_turbulence";
export * from "./findings/06_conclusion";
export * from "./findings/07_measured_exponents";
export * from "./findings/08_chinchilla";
export * from "./findings/09_openlm";
export {
  alphaSummary11, type Analysis11, analysis11, findings11, type Settings11, SETTINGS_11, sizeName, sweepNote11,
} from "./findings/11_language_model";

// tables
export * from "./tables";
export * from "./tables/scaling_law";
export * from "./tables/analogy";
export * from "./tables/pedestal";
export * from "./tables/intrinsic_dimension";
export * from "./tables/turbulence";
export * from "./tables/conclusion";
export * from "./tables/measured_exponents";
export * from "./tables/chinchilla";
export * from "./tables/openlm";
export { lmDimensionsTable, lmFitTable, lmGenreTable, lmSamplesTable, lmSizesTable } from "./tables/lm";
