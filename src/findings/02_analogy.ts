/**
 * Findings of notebook 02 (the loss as a pseudo-metric, paper §2, eqs. 2 and 10): the numerical-method
 * analogy's numbers (√2 for a second-order grid, 4 for Monte Carlo) and what they leave out (the
 * dimension of the grid, error against squared error, the unit of the error in N_c).
 *
 * The settings are the notebook's parameters (the order and dimensions of its grid table, the LLM
 * exponent it places on the grid scale). The paper's own numbers (a = 2, a = 1/2) are fixed here: the
 * claims are about them, whatever the settings.
 *
 * @module
 */
import { gridExponent } from "../theory/analogy";
import { dimensionForExponent } from "../theory/intrinsic_dimension";
import { powerLaw, resourceFactor } from "../theory/scaling_law";
import { formatNumber } from "../_util/format";
import { type Claim, claim, type Findings } from "./claim";
import { defineNotebook } from "./notebook";

/** The parameters of notebook 02 (its first code cell). */
export interface Settings {
  /** Order of accuracy a > 0 of the grid method in the dimension table. */
  order: number;
  /** Dimensions D (integers ≥ 1) of the grid table (eq. 10). */
  dimensions: number[];
  /** An LLM exponent α > 0 to place on the grid scale. */
  llmExponent: number;
}

/** Everything notebook 02 shows besides its tables, computed from its settings. */
export interface Analysis {
  settings: Settings;
  /** D = a/α: the dimension in which a grid of order a has the LLM exponent for its error (eq. 10). */
  dimensionForError: number;
  /** D = 2a/α: the same for its squared error. */
  dimensionForSquaredError: number;
}

const f = (v: number, digits = 4) => formatNumber(v, digits);

function analyse(s: Settings): Analysis {
  return {
    settings: s,
    dimensionForError: dimensionForExponent(s.llmExponent, s.order),
    dimensionForSquaredError: dimensionForExponent(s.llmExponent, 2 * s.order),
  };
}

function claims(): Claim[] {
  const grid = resourceFactor(2, 2);
  const mc = resourceFactor(2, 0.5);
  const grid3 = resourceFactor(2, gridExponent(2, 3));
  const grid6 = resourceFactor(2, gridExponent(2, 6));
  // the exponents measured, not assumed: the log–log slope of a second-order grid's error (eq. 2 with
  // eq. 10's exponent, A = 1) and of its square, read between N = 1 and N = 10⁶
  const slope = (g: (n: number) => number) => Math.log(g(1) / g(1e6)) / Math.log(1e6);
  const error = (dimension: number) => (n: number) => powerLaw(n, 1, gridExponent(2, dimension));
  const errorExponent1D = slope(error(1));
  const squaredErrorExponent1D = slope((n) => error(1)(n) ** 2);
  const squaredExponent3 = slope((n) => error(3)(n) ** 2);
  const squared1 = resourceFactor(2, squaredErrorExponent1D);
  // N_c = A^(1/a) solves E(N_c) = A N_c^-a = 1: the same method (a = 2) with E measured in units ten
  // times smaller has A' = 10 A
  const a = 2;
  const nc = resourceFactor(4, a);
  const ncRescaled = resourceFactor(10 * 4, a);
  const ncIsUnitError = Math.abs(powerLaw(nc, 4, a) - 1) < 1e-12 && Math.abs(powerLaw(ncRescaled, 40, a) - 1) < 1e-12;
  return [
    claim({
      id: "02.halving-grid",
      paper: "s2.halving-arithmetic",
      ref: "§2, eq. 2",
      claim: "With a = 2, halving the error takes √2 times the resources.",
      numbers: { a: 2, factor: grid },
      verdict: Math.abs(grid - Math.SQRT2) <= 1e-12 ? "holds" : "does not hold",
      reason: `2^{1/a} = ${f(grid)} = √2`,
    }),
    claim({
      id: "02.halving-monte-carlo",
      paper: "s2.halving-arithmetic",
      ref: "§2, eq. 2",
      claim: "With a = 1/2 (Monte Carlo), halving the error takes 4 times the resources.",
      numbers: { a: 0.5, factor: mc },
      verdict: Math.abs(mc - 4) <= 1e-12 ? "holds" : "does not hold",
      reason: `2^{1/a} = 2² = ${f(mc)}`,
    }),
    claim({
      id: "02.grid-dimension",
      paper: "s2.grid-root-two",
      ref: "§2; eq. 10 (§4)",
      claim: "Most grid methods work around a = 2, so halving the error takes just √2 more resources.",
      numbers: { factor1D: grid, factor3D: grid3, factor6D: grid6 },
      verdict: Math.abs(grid3 - grid) > 1e-9 ? "does not hold" : "holds",
      reason: `against the number of grid points N, eq. 10 gives the exponent 2/D: halving the error takes ` +
        `${f(grid)} times the points in 1-D, ${f(grid3, 3)} in 3-D, ${f(grid6)} in 6-D`,
      headline: `"√2 to halve the error" holds for a second-order grid in one dimension only: by the paper's ` +
        `eq. 10 it takes 2^{D/2} times the points in D dimensions (${f(grid3, 3)} in 3-D, ${f(grid6)} in 6-D).`,
    }),
    claim({
      id: "02.error-vs-squared-error",
      paper: "s2.same-quantity",
      ref: "§2, eqs. 2, 10 against §5, eq. 12",
      claim: "A numerical method's exponent a and an LLM loss exponent measure the same thing.",
      numbers: {
        errorExponent1D,
        squaredErrorExponent1D,
        squaredExponent3D: squaredExponent3,
        squaredFactor1D: squared1,
      },
      verdict: Math.abs(squaredErrorExponent1D - errorExponent1D) > 1e-9 ? "does not hold" : "holds",
      reason: `eqs. 2 and 10 are about an error E, the loss of eq. 12 is a squared error, whose exponent is 2a: ` +
        `a second-order grid's squared error halves with ${f(squared1)} times the points in 1-D and has ` +
        `exponent ${f(squaredExponent3)} in 3-D`,
      headline: `The analogy mixes quantities: eqs. 2 and 10 are about an error, the loss of eq. 12 is a ` +
        `squared error, whose exponent is twice the error's (a second-order grid's squared error falls as ` +
        `N^{−4/D}).`,
    }),
    claim({
      id: "02.critical-size-units",
      paper: "s2.critical-size",
      ref: "§2, after eq. 2",
      claim:
        "The prefactor A measures a critical size N_{c} = A^{1/a} above which the error starts to show power-law decay.",
      numbers: { nc, ncRescaled },
      verdict: ncIsUnitError && Math.abs(ncRescaled - nc) > 1e-9 ? "does not hold" : "holds",
      reason: `eq. 2 decays as a power at every N; N_{c} is where E = 1, so it moves with the unit of E: ` +
        `A = 4, a = 2 gives N_{c} = ${f(nc)}, the same method with E in units ten times smaller ${f(ncRescaled)}`,
    }),
  ];
}

/**
 * Notebook 02, described once: its parameters (the order a > 0 and the dimensions D, integers ≥ 1, of its
 * grid table, the LLM exponent α > 0 it places on the grid scale; defaults: a second-order grid in one to
 * six dimensions, α = 0.1), its analysis and its claim records (which concern the paper's own numbers, so
 * they do not change with the settings).
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "02_analogy",
  defaults: { order: 2, dimensions: [1, 2, 3, 4, 5, 6], llmExponent: 0.1 },
  ranges: {
    order: { kind: "number", range: { min: 0, minOpen: true } },
    dimensions: { kind: "list", each: { min: 1, integer: true } },
    llmExponent: { kind: "number", range: { min: 0, minOpen: true } },
  },
  analyse,
  claims: () => claims(),
});

/** The notebook's defaults: the values its first code cell assigns (a second-order grid in D = 1…6, α = 0.1). */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 02's analysis at the given settings (defaults for what is left out), computed once per process.
 * @throws {RangeError} naming a setting outside its range (`order` or `llmExponent` ≤ 0, a dimension not an
 *   integer ≥ 1).
 * @example analysis().dimensionForError // => 20 (a = 2, α = 0.1)
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 02 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "02.grid-dimension")?.verdict // => "does not hold"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
