/**
 * Table of section 5.1: structure-function exponents zeta_p of K41, the beta model and
 * She-Leveque, and the Hölder exponent zeta_p / p each moment sees; and notebook 05's notes in words
 * (`smoothnessNotes`), from its analysis.
 *
 * @module
 */
import { type NamedTable, type TableBuilder, tableFromRows } from "./table";
import {
  betaStructureExponent,
  effectiveHurst,
  k41StructureExponent,
  sheLevequeStructureExponent,
} from "../theory/turbulence";
import { K41_HURST, PAPER_BETA_DIMENSION } from "../paper";
import { requireFields, requireList } from "../_util/validate";
import { rowsToMarkdown } from "../_util/markdown";
import { formatNumber as f } from "../_util/format";
import { BETA_MODEL_HURST } from "../paper";
import type * as smoothness from "../findings/05_smoothness_and_turbulence";

/**
 * `data/structure_exponents.csv`: columns `p,k41,beta_model,she_leveque,h_beta_model,h_she_leveque`
 * (zeta_p for each model, then zeta_p / p for the two intermittent ones).
 * @example structureExponentTable().table.numRows() // => 10
 */
export function structureExponentTable(
  orders: number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  dF = PAPER_BETA_DIMENSION,
): NamedTable {
  requireList("orders", orders);
  const rows = orders.map((p) => ({
    p,
    k41: k41StructureExponent(p),
    beta_model: betaStructureExponent(p, dF),
    she_leveque: sheLevequeStructureExponent(p),
    h_beta_model: effectiveHurst(betaStructureExponent(p, dF), p),
    h_she_leveque: effectiveHurst(sheLevequeStructureExponent(p), p),
  }));
  return {
    name: "structure_exponents",
    caption: `Structure-function exponents ζₚ: K41 (p/3), beta model (d_{F} = ${
      f(dF)
    }) and She–Leveque 1994, with ζₚ/p`,
    table: tableFromRows(rows, ["p", "k41", "beta_model", "she_leveque", "h_beta_model", "h_she_leveque"]),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [() => structureExponentTable()];

/** Notebook 05's worked numbers and small tables in words (Markdown), by section. */
export interface SmoothnessNotes {
  /** Eq. 11: N for two cell sides and s for two cell counts, in several dimensions (a table). */
  cells: string;
  /** Step 2: the piecewise-constant bound against the exact cell-centre loss. */
  constantStep: string;
  /** Step 3: the piecewise-linear bound. */
  linearStep: string;
  /** Step 4: Hölder bounds and exponents for h = 1, 1/2, 1/3 and the beta model's h (a table). */
  holder: string;
  /** Eq. 14: K41 velocities and the constant flux. */
  k41: string;
  /** The factor h: 4/d, eq. 17 and the argument at h = 1/3. */
  k41Factor: string;
  /** Eqs. 15–16: the measured slope of the beta model's v(l). */
  betaSlope: string;
  /** ζ₃ and the intermittency exponents. */
  zeta: string;
  /** ζ₂ and the roughness the L² loss sees (a table). */
  zeta2: string;
  /** She–Leveque's singularity spectrum at p = 3 and p → ∞. */
  sheLeveque: string;
}

/**
 * Notebook 05's notes (Markdown), from its analysis: the cell table, the steps of the cell argument, the
 * Hölder table, K41, the beta model's slope, ζ₃, ζ₂ and She–Leveque's spectrum.
 * @example smoothnessNotes(smoothness.analysis()).k41Factor // => "d = 3, h = 1/3: smooth 4/d = 1.333; eq. 17, 4h/d = 0.4444; argument, 2h/d = 0.2222."
 */
export function smoothnessNotes(a: smoothness.Analysis): SmoothnessNotes {
  requireFields("analysis", a, [
    "beta",
    "cells",
    "constantStep",
    "holder",
    "k41",
    "linearStep",
    "settings",
    "spectrum",
    "zeta",
  ], "a notebook's analysis");
  const { d, s, gradBound: g, hessBound: hess, holderC, dF, eps } = a.settings;
  const cellRows = a.cells.rows.map((r) => ({
    d: r.d,
    "N for s = 1/2": r.nHalf,
    "N for s = 1/10": r.nTenth,
    "s for N = 10⁹": r.sGiga,
    "s for N = 10¹²": r.sTera,
  }));
  const holderRows = a.holder.rows.map((r) => ({
    h: r.h,
    "loss bound C²dʰs²ʰ": r.lossBound,
    "argument, constant pieces": r.constantPieces,
    "argument, linear pieces": r.linearPieces,
    "eq. 17, 4h/d": r.eq17,
    "ratio eq. 17 / argument": r.ratio,
  }));
  const zeta2Rows = a.zeta.rows.map((r) => ({
    model: r.model === "beta model" ? `beta model d_{F} = ${f(dF)}` : r.model,
    "ζ₂": f(r.zeta2),
    "ζ₂/2 (h seen by the L² loss)": f(r.hL2),
    "h of active eddies (eq. 16)": r.hActive === null ? "multifractal" : f(r.hActive),
    [`α = ζ₂/d, piecewise constant, d = ${d}`]: f(r.alphaConstant),
  }));
  const { constantStep: c, linearStep: lin, k41, beta, zeta } = a;
  const { mid, far } = a.spectrum;
  return {
    cells: rowsToMarkdown(cellRows, Object.keys(cellRows[0]), { digits: 3 }),
    constantStep: `d = ${d}, s = ${f(s)}, G = ${f(g)}: cell diameter s√d = ${f(c.diameter)}; ` +
      `bound G²ds² = ${f(c.bound)}; exact cell-centre loss for an affine f with |g| = G: ` +
      `G²s²/12 = ${f(c.exact)} (ratio ${f(c.ratio)} ` +
      `= 12d). In N = ${f(a.cells.count)} cells the exponent is 2/d = ${f(c.alpha)}.`,
    linearStep: `d = ${d}, s = ${f(s)}, H = ${f(hess)}: pointwise bound Hds²/8 = ${f(lin.pointwise)}, ` +
      `loss bound H²d²s⁴/64 = ${f(lin.bound, 4)}; exponent 4/d = ${f(lin.alpha)} ` +
      `= SK's ${f(lin.sharmaKaplan)}.`,
    holder: `d = ${d}, s = ${f(s)}, C = ${f(holderC)}; the last row is the beta model's h at d_{F} = ${f(dF)}.\n\n` +
      rowsToMarkdown(holderRows, Object.keys(holderRows[0]), { digits: 4 }),
    k41:
      `ε = ${f(eps)} m²/s³: v(l) = ${
        k41.lengths.map((l, i) => `${f(k41.velocities[i])} m/s at l = ${f(l)} m`).join(", ")
      }. ` +
      `Each factor 10 in l changes v by ${f(k41.decadeRatio)} = 10^{1/3}; ` +
      `v³/l = ${k41.cubedFlux.map((x) => f(x)).join(", ")} (constant, as eq. 14 requires).`,
    k41Factor: `d = ${d}, h = 1/3: smooth 4/d = ${f(k41.smooth)}; eq. 17, 4h/d = ${f(k41.eq17)}; ` +
      `argument, 2h/d = ${f(k41.argument)}.`,
    betaSlope: `d_{F} = ${f(dF)}: β(10⁻¹) = ${f(beta.fractionL1)}, β(10⁻⁵) = ${f(beta.fractionL2)}; ` +
      `slope of ln v against ln l between them = **${f(beta.slope)}**; eq. 16 gives (d_{F} − 2)/3 = ${f(beta.eq16)} ` +
      `(the paper: h ≈ ${BETA_MODEL_HURST} at d_{F} = ${PAPER_BETA_DIMENSION}); K41 is ${
        f(K41_HURST)
      }. Flux check β v³ / l at l = 10⁻³: ` +
      `${f(beta.fluxCheck)} = ε. ` +
      `The beta model's ζ₀ = 3 − d_{F} = ${f(beta.zeta0)}.`,
    zeta: `ζ₃: K41 ${f(zeta.zeta3[0])}, beta model ${f(zeta.zeta3[1])}, She–Leveque ` +
      `${f(zeta.zeta3[2])}. Intermittency exponent μ = 2 − ζ₆: beta model ` +
      `${f(zeta.muBeta)} (= 3 − d_{F}), She–Leveque ${f(zeta.muSheLeveque)} (= 2/9), i.e. the ` +
      `beta-model d_{F} with the same μ is ${f(zeta.dFSameMu)} (the paper quotes ${PAPER_BETA_DIMENSION}).`,
    zeta2: rowsToMarkdown(zeta2Rows, Object.keys(zeta2Rows[0])),
    sheLeveque:
      `She–Leveque at p = 3: h = ${f(mid.h)}, D = ${f(mid.dim)}; as p → ∞: h → ${f(far.h)}, D → ${f(far.dim)}. ` +
      `The beta-model line would put dimension 1 at h = (1 − 2)/3 = ${f(a.spectrum.betaAtDimOne)}.`,
  };
}
