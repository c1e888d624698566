/**
 * Findings of notebook 05 (sections 5–5.1 of the paper, eqs. 11–17): the cell argument behind
 * Sharma and Kaplan's 4/d, checked against a grid measurement; what it gives for a rough (Hölder-h)
 * target against eq. 17; K41, the beta model and She–Leveque; and the sections' typos.
 *
 * The analysis holds the grid measurement (one small experiment, memoised by dimension) and the worked
 * numbers the notebook prints; its notes in words are `smoothnessNotes` (`src/tables/turbulence.ts`),
 * its claim records are drawn from it in `_05_smoothness_and_turbulence_claims.ts`.
 *
 * @module
 */
import { roughExponent, sharmaKaplanExponent } from "../theory/intrinsic_dimension";
import { DEFAULT_SETTINGS, type ExponentMeasurement, gridExponents } from "../measure/measured_exponents";
import {
  cellCount,
  cellDiameter,
  cellSide,
  constantLossBound,
  holderLossBound,
  linearLossBound,
  midpointConstantLoss,
  piecewiseExponent,
} from "../theory/piecewise";
import { fitPowerLaw, localSlopes } from "../fit/powerlaw_fit";
import {
  activeFraction,
  betaModelHurst,
  betaModelVelocity,
  betaStructureExponent,
  effectiveHurst,
  intermittencyExponent,
  k41StructureExponent,
  k41Velocity,
  sheLevequeSpectrum,
  sheLevequeStructureExponent,
  type SpectrumPoint,
} from "../theory/turbulence";
import { K41_HURST, PAPER_BETA_DIMENSION } from "../paper";
import { memoise } from "../_util/memoise";
import type { Findings } from "./claim";
import { defineNotebook } from "./notebook";
import { claims } from "./_05_smoothness_and_turbulence_claims";

/** The parameters of notebook 05 (its first code cell). */
export interface Settings {
  /** Intrinsic dimension of the worked numbers and of the grid measurement, integer in [1, 6]. */
  d: number;
  /** Cell side of the worked numbers, in (0, 1). */
  s: number;
  /** G, bound on |∇f| (units of f per unit length), > 0. */
  gradBound: number;
  /** H, bound on the Hessian norm, > 0. */
  hessBound: number;
  /** C, Hölder constant, > 0. */
  holderC: number;
  /** Active-set dimension of the beta model, in (2, 3] (the paper: 2.8). */
  dF: number;
  /** Energy flux per unit mass ε, m²/s³, > 0. */
  eps: number;
  /** Orders p of the ζₚ table (`structureExponentTable`), each > 0. */
  orders: number[];
}

/** The grid measurement behind the eq. 13 and 4/d rows: n and 2n cells a side, 2 seeds. */
export interface GridCheck {
  /** Cells a side of the coarser grid: about 1000 cells in all, at least 2. */
  n: number;
  /** Piecewise-constant and piecewise-linear measurements (`gridExponents`). */
  constant: ExponentMeasurement;
  linear: ExponentMeasurement;
}

/** Eq. 11 in one dimension: N for two cell sides, s for two cell counts. */
export interface CellRow {
  d: number;
  /** N for s = 1/2 and for s = 1/10. */
  nHalf: number;
  nTenth: number;
  /** s for N = 10⁹ and for N = 10¹². */
  sGiga: number;
  sTera: number;
}

/** Step 4 at one Hölder exponent h, at the settings' d, s and C. */
export interface HolderRow {
  h: number;
  /** The loss bound C²dʰs²ʰ. */
  lossBound: number;
  /** The argument's exponent 2h/d with constant and with linear pieces. */
  constantPieces: number;
  linearPieces: number;
  /** Eq. 17's 4h/d, and its ratio to the argument's (linear pieces). */
  eq17: number;
  ratio: number;
}

/** ζ₂ of one turbulence model and the roughness a mean-square loss sees. */
export interface Zeta2Row {
  model: "K41" | "beta model" | "She–Leveque";
  zeta2: number;
  /** ζ₂/2, the h the L² loss sees. */
  hL2: number;
  /** The active eddies' h (eq. 16; K41's 1/3), null for the multifractal She–Leveque. */
  hActive: number | null;
  /** Step 4's argument with smoothness ζ₂/2 and constant pieces at the settings' d: ζ₂/d. */
  alphaConstant: number;
}

/** Everything notebook 05 shows, computed from its settings. */
export interface Analysis {
  settings: Settings;
  /** The grid measurement in the settings' d. */
  grid: GridCheck;
  /** Eq. 11: the table in d = 1, 3, 10, 40, 100; 8 = N(1/2) in d = 3; N(s) and N(s)^(−1/d) at the settings. */
  cells: { rows: CellRow[]; cubesHalfIn3: number; count: number; sideBack: number };
  /** Step 2: cell diameter s√d, the bound G²ds², the exact cell-centre loss G²s²/12, their ratio, 2/d. */
  constantStep: { diameter: number; bound: number; exact: number; ratio: number; alpha: number };
  /** Step 3: the pointwise bound Hds²/8, the loss bound H²d²s⁴/64, 4/d and SK's eq. 9. */
  linearStep: { pointwise: number; bound: number; alpha: number; sharmaKaplan: number };
  /** Step 4: rows for h = 1, 1/2, 1/3 and the beta model's h; eq. 17 and the argument at h = 1/2 and 1. */
  holder: { rows: HolderRow[]; eq17Half: number; argumentHalf: number; argumentLipschitz: number };
  /** Eq. 14 and the factor h. */
  k41: {
    /** v(l) at l = 1, 10⁻¹, 10⁻², 10⁻³ m, and v³/l there. */
    lengths: number[];
    velocities: number[];
    cubedFlux: number[];
    /** v(1)/v(0.1) = 10^(1/3). */
    decadeRatio: number;
    /** v²/τ with τ = l/v at l = 1 … 10⁻⁴, and the log–log slope of v(l) over them. */
    flux: number[];
    slope: number;
    /** 4/d, eq. 17's 4h/d and the argument's 2h/d at h = 1/3. */
    smooth: number;
    eq17: number;
    argument: number;
  };
  /** Eqs. 15–16: the slope of ln v against ln l between l1 and l2, with β there, eq. 16, the flux check, ζ₀, and h at d_F = 2.8. */
  beta: {
    l1: number;
    l2: number;
    slope: number;
    fractionL1: number;
    fractionL2: number;
    eq16: number;
    fluxCheck: number;
    zeta0: number;
    hPaper: number;
  };
  /** ζ₃ (K41, beta, She–Leveque), μ = 2 − ζ₆, the d_F with She–Leveque's μ, and the ζ₂ rows. */
  zeta: {
    zeta3: [number, number, number];
    muBeta: number;
    muSheLeveque: number;
    dFSameMu: number;
    rows: Zeta2Row[];
    h2Beta: number;
    h2SheLeveque: number;
  };
  /** She–Leveque's spectrum at p = 3 and as p → ∞ (p = 400); the beta-model line's h at dimension 1. */
  spectrum: { mid: SpectrumPoint; far: SpectrumPoint; betaAtDimOne: number };
}

/** About this many cells in all on the coarser grid of the measurement. */
const GRID_CELLS = 1000;
/** Seeds of the grid measurement. */
const GRID_SEEDS = 2;
/** The order standing in for p → ∞ in She–Leveque's spectrum. */
const FAR_ORDER = 400;

const gridCheck = memoise((d: number): GridCheck => {
  const n = Math.max(2, Math.round(GRID_CELLS ** (1 / d)));
  const [constant, linear] = gridExponents(d, null, [n, 2 * n], { ...DEFAULT_SETTINGS, seeds: GRID_SEEDS });
  return { n, constant, linear };
});

/** Log–log slope of the beta model's v(l) (eq. 15) between l = 10⁻¹ and 10⁻⁵: v grows with l, so minus `localSlopes`. */
function betaSlope(eps: number, dF: number): { l1: number; l2: number; slope: number } {
  const [l1, l2] = [1e-1, 1e-5];
  const slope = -localSlopes([l2, l1], [betaModelVelocity(eps, l2, dF), betaModelVelocity(eps, l1, dF)])[0];
  return { l1, l2, slope };
}

function analyse(settings: Settings): Analysis {
  const { d, s, gradBound: g, hessBound: hess, holderC, dF, eps } = settings;
  const rows = [1, 3, 10, 40, 100].map((dd) => ({
    d: dd,
    nHalf: cellCount(0.5, dd),
    nTenth: cellCount(0.1, dd),
    sGiga: cellSide(1e9, dd),
    sTera: cellSide(1e12, dd),
  }));
  const count = cellCount(s, d);
  const hs = [1, 0.5, K41_HURST, betaModelHurst(dF)];
  const holderRows = hs.map((h) => ({
    h,
    lossBound: holderLossBound(holderC, h, s, d),
    constantPieces: piecewiseExponent(h, 0, d),
    linearPieces: piecewiseExponent(h, 1, d),
    eq17: roughExponent(h, d),
    ratio: roughExponent(h, d) / piecewiseExponent(h, 1, d),
  }));
  const ls = [1, 1e-1, 1e-2, 1e-3];
  // eq. 14's premise: the flux v²/τ with turnover time τ = l/v is the same at every scale
  const kls = [1, 1e-1, 1e-2, 1e-3, 1e-4];
  const beta = betaSlope(eps, dF);
  const h2Beta = effectiveHurst(betaStructureExponent(2, dF), 2);
  const h2SheLeveque = effectiveHurst(sheLevequeStructureExponent(2), 2);
  const zeta2Rows = [
    { model: "K41" as const, z2: k41StructureExponent(2), h: K41_HURST as number | null },
    { model: "beta model" as const, z2: betaStructureExponent(2, dF), h: betaModelHurst(dF) },
    { model: "She–Leveque" as const, z2: sheLevequeStructureExponent(2), h: null },
  ].map(({ model, z2, h }) => ({
    model,
    zeta2: z2,
    hL2: effectiveHurst(z2, 2),
    hActive: h,
    // step 4's argument with smoothness r = ζ₂/2 and constant pieces: 2r/d = ζ₂/d
    alphaConstant: piecewiseExponent(effectiveHurst(z2, 2), 0, d),
  }));
  const muSheLeveque = intermittencyExponent(sheLevequeStructureExponent(6));
  return {
    settings,
    grid: gridCheck(d),
    cells: { rows, cubesHalfIn3: cellCount(0.5, 3), count, sideBack: cellSide(count, d) },
    constantStep: {
      diameter: cellDiameter(s, d),
      bound: constantLossBound(g, s, d),
      exact: midpointConstantLoss(g ** 2, s),
      ratio: constantLossBound(g, s, d) / midpointConstantLoss(g ** 2, s),
      alpha: piecewiseExponent(2, 0, d),
    },
    linearStep: {
      pointwise: Math.sqrt(linearLossBound(hess, s, d)),
      bound: linearLossBound(hess, s, d),
      alpha: piecewiseExponent(2, 1, d),
      sharmaKaplan: sharmaKaplanExponent(d),
    },
    holder: {
      rows: holderRows,
      eq17Half: roughExponent(0.5, d),
      argumentHalf: piecewiseExponent(0.5, 1, d),
      argumentLipschitz: piecewiseExponent(1, 1, d),
    },
    k41: {
      lengths: ls,
      velocities: ls.map((l) => k41Velocity(eps, l)),
      cubedFlux: ls.map((l) => k41Velocity(eps, l) ** 3 / l),
      decadeRatio: k41Velocity(eps, 1) / k41Velocity(eps, 0.1),
      flux: kls.map((l) => k41Velocity(eps, l) ** 2 / (l / k41Velocity(eps, l))),
      slope: -fitPowerLaw(kls, kls.map((l) => k41Velocity(eps, l))).alpha,
      smooth: sharmaKaplanExponent(d),
      eq17: roughExponent(K41_HURST, d),
      argument: piecewiseExponent(K41_HURST, 1, d),
    },
    beta: {
      ...beta,
      fractionL1: activeFraction(beta.l1, dF),
      fractionL2: activeFraction(beta.l2, dF),
      eq16: betaModelHurst(dF),
      fluxCheck: activeFraction(1e-3, dF) * betaModelVelocity(eps, 1e-3, dF) ** 3 / 1e-3,
      zeta0: betaStructureExponent(0, dF),
      hPaper: betaModelHurst(PAPER_BETA_DIMENSION),
    },
    zeta: {
      zeta3: [k41StructureExponent(3), betaStructureExponent(3, dF), sheLevequeStructureExponent(3)],
      muBeta: intermittencyExponent(betaStructureExponent(6, dF)),
      muSheLeveque,
      dFSameMu: 3 - muSheLeveque,
      rows: zeta2Rows,
      h2Beta,
      h2SheLeveque,
    },
    spectrum: { mid: sheLevequeSpectrum(3), far: sheLevequeSpectrum(FAR_ORDER), betaAtDimOne: betaModelHurst(1) },
  };
}

/**
 * Notebook 05, described once: its parameters (the dimension d in [1, 6] of the worked numbers and of the
 * grid measurement, the cell side, the bounds G, H and C, the beta model's d_F in (2, 3] (the paper's
 * 2.8), the energy flux ε and the orders of the ζₚ table), its analysis and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "05_smoothness_and_turbulence",
  defaults: {
    d: 3,
    s: 0.1,
    gradBound: 1,
    hessBound: 1,
    holderC: 1,
    dF: PAPER_BETA_DIMENSION,
    eps: 1,
    orders: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  },
  ranges: {
    d: { kind: "number", range: { min: 1, max: 6, integer: true } },
    s: { kind: "number", range: { min: 0, max: 1, minOpen: true, maxOpen: true } },
    gradBound: { kind: "number", range: { min: 0, minOpen: true } },
    hessBound: { kind: "number", range: { min: 0, minOpen: true } },
    holderC: { kind: "number", range: { min: 0, minOpen: true } },
    dF: { kind: "number", range: { min: 2, max: 3, minOpen: true } },
    eps: { kind: "number", range: { min: 0, minOpen: true } },
    orders: { kind: "list", each: { min: 0, minOpen: true } },
  },
  analyse,
  claims,
});

/** The notebook's defaults: the values its first code cell assigns (the paper's d_F = 2.8). */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 05's analysis at the given settings (defaults for what is left out), computed once per process;
 * the grid measurement is computed once per dimension d.
 * @throws {RangeError} naming the setting that is outside its range.
 * @example analysis().grid.n // => 10 (round(1000^(1/3)) cells a side in d = 3)
 * @example analysis({ dF: 2.3 }).beta.slope // => ≈ 0.1 ((2.3 − 2)/3)
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 05 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "05.eq17-rough")?.verdict // => "does not hold"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
