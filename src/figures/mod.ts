/**
 * Figures: the rendering machinery and every figure of the project. Re-exports only.
 * @module
 */
export * from "./figure";
export * from "./render";
export * from "./export";
export * from "./pedestal";
export * from "./intrinsic_dimension";
export * from "./turbulence";
export * from "./measured_exponents";
export * from "./chinchilla";
export * from "./openlm";
export { figureLmCurves, figureLmGenres, figureLmLossVsN, figureLmTwoNN } from "./lm";
