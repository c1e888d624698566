/**
 * Section 2 of the paper: the analogy between the LLM scaling law and the convergence of a
 * numerical method, E(N) = A / N^a (eq. 2), and the grid exponent alpha(D) = a / D (eq. 10).
 *
 * The paper mixes two quantities. Eq. 2 and eq. 10 are statements about the *error* E of a
 * method of order a. The loss of section 5 (eq. 12) is a *squared* error, so its exponent is
 * twice the error's. Each row here says which quantity its exponent belongs to.
 *
 * @module
 */
import { resourceFactor } from "./scaling_law";
import { requireArray, requireInteger, requirePositive, requireString } from "../_util/validate";
import { A_RANGE, ALPHA_C } from "../paper";

/** What a row's exponent describes. */
export type Quantity = "error" | "squared error" | "loss";

/** The values of `Quantity`. */
export const QUANTITIES: readonly Quantity[] = ["error", "squared error", "loss"];

/** One row of the numerical-method analogy table. */
export interface AnalogyRow {
  /** Method or regime. */
  method: string;
  /** The quantity the exponent belongs to. */
  quantity: Quantity;
  /** Exponent alpha of that quantity against resources N. */
  exponent: number;
  /** Resource factor to halve that quantity, 2^(1/alpha). */
  halve: number;
  /** Resource factor to cut that quantity tenfold, 10^(1/alpha). */
  tenfold: number;
  /** Where the exponent comes from. */
  source: string;
}

/**
 * Builds one analogy row from an exponent.
 * @throws {RangeError} if `exponent` <= 0.
 * @example analogyRow("Monte Carlo", "error", 0.5, "paper §2").halve // => 4
 */
export function analogyRow(method: string, quantity: Quantity, exponent: number, source: string): AnalogyRow {
  requireString("method", method);
  if (!QUANTITIES.includes(quantity)) {
    throw new RangeError(`\`quantity\` must be one of ${QUANTITIES.join(", ")}, got ${String(quantity)}`);
  }
  requirePositive("exponent", exponent);
  requireString("source", source);
  return {
    method,
    quantity,
    exponent,
    halve: resourceFactor(2, exponent),
    tenfold: resourceFactor(10, exponent),
    source,
  };
}

/**
 * The exponent of a grid method of order a in D dimensions against the number of grid points
 * N = n^D (eq. 10): the error falls as h^a = N^(-a/D).
 *
 * @param a order of accuracy, > 0.
 * @param dimension D, an integer >= 1.
 * @throws {RangeError} if `a` <= 0 or `dimension` is not an integer >= 1.
 * @example gridExponent(2, 4) // => 0.5
 */
export function gridExponent(a: number, dimension: number): number {
  requirePositive("a", a);
  requireInteger("dimension", dimension, 1);
  return a / dimension;
}

/**
 * The rows of the paper's section 2 comparison: a 2nd-order grid, Monte Carlo, a Chinchilla-like
 * exponent 1/3 and the LLM exponents 0.1 and 0.05 (paper §1–§3), each with the resources needed
 * to halve and to cut tenfold the quantity its exponent describes.
 *
 * @example methodRows()[0].halve // => ≈ 1.41421 (√2)
 */
export function methodRows(): AnalogyRow[] {
  return [
    analogyRow("grid method, 2nd order (1-D)", "error", 2, "paper §2, eq. 2 with a = 2"),
    analogyRow("grid method, 2nd order (1-D)", "squared error", 4, "square of eq. 2 with a = 2"),
    analogyRow("Monte Carlo", "error", 0.5, "paper §2, a ∼ 1/2"),
    analogyRow("Monte Carlo", "squared error", 1, "variance of the mean ∼ 1/N"),
    analogyRow("Chinchilla-like (α_{C})", "loss", ALPHA_C, "paper §3, α_{C} ∼ 1/3"),
    analogyRow("LLM, upper end of A range", "loss", A_RANGE[1], "paper §1, 0.05–0.10"),
    analogyRow("LLM, lower end of A range", "loss", A_RANGE[0], "paper §1, 0.05–0.10"),
  ];
}

/** One row of the grid-in-D-dimensions table. */
export interface GridRow {
  /** Dimension D. */
  dimension: number;
  /** Order of accuracy a of the method (for the error). */
  order: number;
  /** Exponent of the error, a/D (eq. 10). */
  errorExponent: number;
  /** Exponent of the squared error, 2a/D. */
  squaredErrorExponent: number;
  /** Resources to halve the error, 2^(D/a). */
  halveError: number;
  /** Resources to halve the squared error, 2^(D/(2a)). */
  halveSquaredError: number;
  /** Resources to cut the error tenfold, 10^(D/a). */
  tenfoldError: number;
}

/**
 * Eq. 10 for a grid method of order `a` in dimensions `dims` (default 1..6): exponents of the
 * error and of the squared error, and the resources to halve each and to cut the error tenfold.
 *
 * @throws {RangeError} if `a` <= 0 or a dimension is not an integer >= 1.
 * @example gridRows(2, [2])[0].halveError // => 2
 */
export function gridRows(a = 2, dims: number[] = [1, 2, 3, 4, 5, 6]): GridRow[] {
  requireArray("dims", dims);
  return Array.from(dims, (dimension) => {
    const errorExponent = gridExponent(a, dimension);
    return {
      dimension,
      order: a,
      errorExponent,
      squaredErrorExponent: 2 * errorExponent,
      halveError: resourceFactor(2, errorExponent),
      halveSquaredError: resourceFactor(2, 2 * errorExponent),
      tenfoldError: resourceFactor(10, errorExponent),
    };
  });
}
