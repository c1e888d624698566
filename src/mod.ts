/**
 * The numeric library of the reproduction, and its tables. Re-exports only; figures are in
 * `./figures/mod`, notebook display in `./display`.
 * @module
 */
export * from "./validate";
export * from "./random";
export * from "./csv";
export * from "./tables";
