/**
 * Findings of notebook 05 (sections 5–5.1 of the paper, eqs. 11–17): the cell argument behind
 * Sharma and Kaplan's 4/d, checked against a grid measurement; what it gives for a rough (Hölder-h)
 * target against eq. 17; K41, the beta model and She–Leveque; and the sections' typos.
 *
 * `findings05` returns the claim records of the notebook's "What we checked" table (running one
 * small grid experiment, memoised); `worked05` returns the worked numbers and small tables the
 * notebook prints, as Markdown.
 *
 * @module
 */
import { claim, type Findings, memoise } from "./claim";
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
import { rowsToMarkdown } from "../_util/markdown";
import { formatNumber as f } from "../_util/format";
import {
  activeFraction,
  betaModelHurst,
  betaModelVelocity,
  betaStructureExponent,
  effectiveHurst,
  intermittencyExponent,
  K41_HURST,
  k41StructureExponent,
  k41Velocity,
  PAPER_BETA_DIMENSION,
  sheLevequeSpectrum,
  sheLevequeStructureExponent,
} from "../theory/turbulence";
import { requireInRange, requireInteger, requirePositive, requireSettings } from "../_util/validate";

/** The parameters of notebook 05. */
export interface Settings05 {
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
}

/** The notebook's defaults (the paper's d_F = 2.8). */
export const DEFAULTS05: Readonly<Settings05> = {
  d: 3,
  s: 0.1,
  gradBound: 1,
  hessBound: 1,
  holderC: 1,
  dF: PAPER_BETA_DIMENSION,
  eps: 1,
};

function settings05(s: Partial<Settings05>): Settings05 {
  const out = requireSettings("settings", s, DEFAULTS05 as Settings05);
  requireInteger("d", out.d, 1, 6);
  requireInRange("s", out.s, { min: 0, max: 1, minOpen: true, maxOpen: true });
  requirePositive("gradBound", out.gradBound);
  requirePositive("hessBound", out.hessBound);
  requirePositive("holderC", out.holderC);
  requireInRange("dF", out.dF, { min: 2, max: 3, minOpen: true });
  requirePositive("eps", out.eps);
  return out;
}

/** Log–log slope of the beta model's v(l) (eq. 15) between l = 10⁻¹ and 10⁻⁵: v grows with l, so minus `localSlopes`. */
function betaSlope(eps: number, dF: number): { l1: number; l2: number; slope: number } {
  const [l1, l2] = [1e-1, 1e-5];
  const slope = -localSlopes([l2, l1], [betaModelVelocity(eps, l2, dF), betaModelVelocity(eps, l1, dF)])[0];
  return { l1, l2, slope };
}

/** The grid measurement behind the eq. 13 and 4/d rows: n and 2n cells a side, 2 seeds. */
export interface GridCheck05 {
  /** Cells a side of the coarser grid: about 1000 cells in all, at least 2. */
  n: number;
  /** Piecewise-constant and piecewise-linear measurements (`gridExponents`). */
  constant: ExponentMeasurement;
  linear: ExponentMeasurement;
}

const gridCheck = memoise((d: number): GridCheck05 => {
  const n = Math.max(2, Math.round(1000 ** (1 / d)));
  const [constant, linear] = gridExponents(d, null, [n, 2 * n], { ...DEFAULT_SETTINGS, seeds: 2 });
  return { n, constant, linear };
});

/**
 * The grid measurement of notebook 05 in dimension `d`: the smooth target of notebook 7,
 * sin(π ω·x + 1/2) with |ω| = 1, approximated by cell constants and cell-wise linear functions on
 * n and 2n cells a side (2 seeds of 4096 Monte Carlo points), memoised.
 * @throws {RangeError} if `d` is not an integer in [1, 6].
 * @example analysis05(3).linear.alpha // ≈ 4/3
 */
export function analysis05(d: number = DEFAULTS05.d): GridCheck05 {
  requireInteger("d", d, 1, 6);
  return gridCheck(d);
}

const within = (measured: number, predicted: number, rel: number) => Math.abs(measured / predicted - 1) < rel;
const belowBound = (e: ExponentMeasurement, d: number, bound: (side: number) => number) =>
  e.sizes.every((N, i) => e.mse[i] <= bound(N ** (-1 / d)));

/**
 * The claim records of notebook 05, memoised by settings. Ids: `05.eq11-cells`,
 * `05.eq13-constant`, `05.linear-4-over-d`, `05.eq17-rough`, `05.k41-h`, `05.beta-sign`,
 * `05.beta-h-paper`, `05.zeta3`, `05.intermittency-l2`, `05.df-above-2`, `05.typo-minus-sign`,
 * `05.typo-eps-cube-root`, `05.typo-ks`, `05.typo-integrand`, `05.typo-volume-element`.
 *
 * @param s notebook parameters (defaults `DEFAULTS05`); the claims use `d`, `s`, `dF` and `eps`.
 * @throws {RangeError} if a parameter is outside the range `Settings05` states.
 * @example claimById(findings05(), "05.eq17-rough").verdict // "does not hold"
 */
export function findings05(s: Partial<Settings05> = {}): Findings {
  const { d, s: side, dF, eps } = settings05(s);
  return run05({ d, s: side, dF, eps });
}

const run05 = memoise(({ d, s, dF, eps }: { d: number; s: number; dF: number; eps: number }): Findings => {
  const { n, constant, linear } = gridCheck(d);
  const conAlpha = piecewiseExponent(2, 0, d);
  const linAlpha = piecewiseExponent(2, 1, d);
  // eq. 14's premise: the flux v²/τ with turnover time τ = l/v is the same at every scale
  const kls = [1, 1e-1, 1e-2, 1e-3, 1e-4];
  const flux = kls.map((l) => k41Velocity(eps, l) ** 2 / (l / k41Velocity(eps, l)));
  const k41Slope = -fitPowerLaw(kls, kls.map((l) => k41Velocity(eps, l))).alpha;
  const beta = betaSlope(eps, dF);
  const hPaper = betaModelHurst(PAPER_BETA_DIMENSION);
  const zeta3 = [k41StructureExponent(3), betaStructureExponent(3, dF), sheLevequeStructureExponent(3)];
  const h2Beta = effectiveHurst(betaStructureExponent(2, dF), 2);
  const h2SL = effectiveHurst(sheLevequeStructureExponent(2), 2);
  const far = sheLevequeSpectrum(400);
  const eq17Half = roughExponent(0.5, d);
  const argHalf = piecewiseExponent(0.5, 1, d);
  const argLipschitz = piecewiseExponent(1, 1, d);
  const eq17K41 = roughExponent(K41_HURST, d);
  return {
    notebook: "05_smoothness_and_turbulence",
    title: "Smoothness and turbulence",
    claims: [
      claim({
        id: "05.eq11-cells",
        paper: "s5.eq11",
        ref: "§5, eq. 11",
        claim: "N(s) = s⁻ᵈ cubes of side s fill the unit d-cube.",
        numbers: { n3: cellCount(0.5, 3), sBack: cellSide(cellCount(s, d), d) },
        verdict: cellCount(0.5, 3) === 8 && Math.abs(cellSide(cellCount(s, d), d) - s) < 1e-12 ? "holds" : "does not hold",
        reason: `8 cubes of side 1/2 fill the unit 3-cube; s = ${f(s)}, d = ${d}: N = ${f(cellCount(s, d))}, ` +
          `and N^(−1/d) = ${f(cellSide(cellCount(s, d), d))}`,
      }),
      claim({
        id: "05.eq13-constant",
        paper: "s5.piecewise-exponents",
        ref: "§5, eqs. 12–13",
        claim: "Piecewise constants give L ≲ g²s²d, i.e. α = 2/d.",
        numbers: { measured: constant.alpha, predicted: conAlpha, n },
        verdict: within(constant.alpha, conAlpha, 0.05) && belowBound(constant, d, (x) => constantLossBound(Math.PI, x, d))
          ? "holds"
          : "does not hold",
        reason: `measured slope ${f(constant.alpha)} against 2/d = ${f(conAlpha)} (d = ${d}, n = ${n}→${2 * n} cells a side, ` +
          "within 5 %), below G²ds² with G = π",
      }),
      claim({
        id: "05.linear-4-over-d",
        paper: "s5.piecewise-exponents",
        ref: "§5, after eq. 13",
        claim: "Piecewise-linear pieces turn s² into s⁴, whence α = 4/d.",
        numbers: { measured: linear.alpha, predicted: linAlpha, n },
        verdict: within(linear.alpha, linAlpha, 0.05) && belowBound(linear, d, (x) => linearLossBound(Math.PI ** 2, x, d))
          ? "holds"
          : "does not hold",
        reason: `measured slope ${f(linear.alpha)} against 4/d = ${f(linAlpha)} (d = ${d}, within 5 %) for a C² target, ` +
          "below H²d²s⁴/64 with H = π²",
      }),
      claim({
        id: "05.eq17-rough",
        paper: "s5.eq17",
        ref: "§5.1, eq. 17",
        claim: "For a target of Hölder exponent h < 1 the exponent becomes α ∼ 4h/d.",
        numbers: { d, eq17Half, argumentHalf: argHalf, argumentLipschitz: argLipschitz, h2Beta, h2SheLeveque: h2SL },
        verdict: Math.abs(eq17Half - argHalf) < 1e-12 ? "holds" : "does not hold",
        reason: `the cell argument gives 2h/d with constant or linear pieces: h = 1/2, d = ${d}: ${f(argHalf)} against ` +
          `eq. 17's ${f(eq17Half)}; even h = 1 gives 2/d = ${f(argLipschitz)} (4/d needs two derivatives)`,
        headline: "Section 5's cell argument, carried through for a Hölder-h target, gives α = 2h/d with constant " +
          `or linear pieces, half of eq. 17's 4h/d (at d = ${d}, h = 1/2: ${f(argHalf)} against ${f(eq17Half)}); and ` +
          "for a mean-square loss intermittency *raises* the roughness exponent the loss sees, ζ₂/2, above K41's 1/3 " +
          `(${f(h2Beta, 3)} in the beta model with d_F = ${f(dF)}, ${f(h2SL, 3)} for She–Leveque).`,
      }),
      claim({
        id: "05.k41-h",
        paper: "s5.k41",
        ref: "§5.1, eq. 14",
        claim: "A constant energy flux ε = v³(l)/l gives v(l) ∼ l^(1/3): Hölder exponent h = 1/3.",
        numbers: { slope: k41Slope, fluxMin: Math.min(...flux), fluxMax: Math.max(...flux) },
        verdict: flux.every((x) => Math.abs(x / eps - 1) < 1e-12) && Math.abs(k41Slope - 1 / 3) < 1e-12 ? "holds" : "does not hold",
        reason: `v²/τ = ${f(flux[0])} at every l from 1 to 10⁻⁴ (ε = ${f(eps)}); log–log slope of v(l) ${f(k41Slope)}`,
      }),
      claim({
        id: "05.beta-sign",
        paper: "s5.beta-sign",
        ref: "§5.1, eqs. 15–16",
        claim: "In the beta model v(l) ∼ l^(1/3) β(l)^(−1/3) gives h = (d_F − 2)/3, below K41's 1/3.",
        numbers: { dF, slope: beta.slope, eq16: betaModelHurst(dF) },
        verdict: Math.abs(beta.slope - betaModelHurst(dF)) < 1e-12 && beta.slope < 1 / 3 - 1e-12 ? "holds" : "does not hold",
        reason: `d_F = ${f(dF)}: slope of ln v against ln l between 10⁻¹ and 10⁻⁵ = ${f(beta.slope)}, eq. 16 gives ` +
          `${f(betaModelHurst(dF))}; ${beta.slope < 1 / 3 - 1e-12 ? "below" : "not below"} 1/3`,
      }),
      claim({
        id: "05.beta-h-paper",
        paper: "s5.beta-h",
        ref: "§5.1, after eq. 16",
        claim: "The beta model's d ∼ 2.8 corresponds to h ∼ 0.27.",
        numbers: { dF: PAPER_BETA_DIMENSION, h: hPaper },
        verdict: Math.round(hPaper * 100) / 100 === 0.27 ? "holds" : "does not hold",
        reason: `(2.8 − 2)/3 = ${f(hPaper)}`,
        headline: `Eq. 16's h = (d − 2)/3 has the right sign (intermittency lowers the active eddies' h below 1/3) and ` +
          `gives ${f(hPaper, 3)} at d = ${f(PAPER_BETA_DIMENSION)}; "α ∼ −4h/d" has a stray minus; eq. 15 needs ε₀^(1/3).`,
      }),
      claim({
        id: "05.zeta3",
        paper: "ours",
        ref: "§5.1 (K41, beta model, multifractal)",
        claim: "K41, the beta model and She–Leveque all give ζ₃ = 1 (the four-fifths law).",
        numbers: { k41: zeta3[0], beta: zeta3[1], sheLeveque: zeta3[2] },
        verdict: zeta3.every((z) => Math.abs(z - 1) < 1e-14) ? "holds" : "does not hold",
        reason: `ζ₃ = ${zeta3.map((z) => f(z)).join(", ")}`,
      }),
      claim({
        id: "05.intermittency-l2",
        paper: "s5.intermittency-lowers",
        ref: "§5.1, after eq. 16",
        claim: "Intermittency gives the signal further roughness, hence a smaller exponent of the (mean-square) loss.",
        numbers: { h2Beta, h2SheLeveque: h2SL, k41: K41_HURST },
        verdict: h2Beta < K41_HURST && h2SL < K41_HURST ? "holds" : "does not hold",
        reason: `the L² loss sees ζ₂/2: ${f(h2Beta)} (beta model, d_F = ${f(dF)}) and ${f(h2SL)} (She–Leveque), ` +
          `against K41's ${f(K41_HURST)}; true of high moments and of the active set, not of a mean-square loss`,
      }),
      claim({
        id: "05.df-above-2",
        paper: "s5.df-above-2",
        ref: "§5.1, after eq. 16",
        claim: "Every model has d_F > 2, since d_F < 2 would imply h < 0.",
        numbers: { hFilaments: far.h, dimFilaments: far.dim },
        verdict: far.dim > 2 ? "holds" : "does not hold",
        reason: `a beta-model relation: She–Leveque has h → ${f(far.h)} > 0 on sets of dimension → ${f(far.dim)}`,
      }),
      claim({
        id: "05.typo-minus-sign",
        paper: "s5.typo-minus-sign",
        ref: "§5.1, after eq. 14",
        claim: "With h = 1/3 the exponent drops by a factor h, “α ∼ −4h/d”.",
        numbers: { eq17: eq17K41 },
        verdict: "typo",
        reason: `stray minus: eq. 17 has none and a negative α would be the “wall”; 4h/d = ${f(eq17K41)} at d = ${d}`,
      }),
      claim({
        id: "05.typo-eps-cube-root",
        paper: "s5.typo-eps-cube-root",
        ref: "§5.1, eq. 15",
        claim: "v(l) ∼ ε₀ l^(1/3) β(l)^(−1/3).",
        numbers: { epsPower: 1 / 3 },
        verdict: "typo",
        reason: "only ε₀^(1/3) l^(1/3) has the units of a velocity ((m²/s³·m)^(1/3) = m/s), as eq. 14 gives",
      }),
      claim({
        id: "05.typo-ks",
        paper: "s5.typo-ks",
        ref: "§5, before §5.1",
        claim: "“KS justly evoke a connection …”",
        numbers: {},
        verdict: "typo",
        reason: "KS for SK (Sharma and Kaplan), the abbreviation section 4 introduced",
      }),
      claim({
        id: "05.typo-integrand",
        paper: "s5.typo-integrand",
        ref: "§5, before eq. 13",
        claim: "“The integrand … is bounded by g s d^(1/2)”.",
        numbers: {},
        verdict: "typo",
        reason: "g s √d bounds |f − f_N|; the integrand, its square, is bounded by g²s²d, which is what the paper uses next",
      }),
      claim({
        id: "05.typo-volume-element",
        paper: "s5.typo-volume-element",
        ref: "§5, eq. 12",
        claim: "L(s) = ∫ |f(x) − f_N(x)|² d_d x.",
        numbers: {},
        verdict: "typo",
        reason: "the volume element is dᵈx",
      }),
    ],
  };
});

/** The worked numbers and small tables notebook 05 prints, as Markdown, by section. */
export interface Worked05 {
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
 * The worked numbers of notebook 05 as Markdown, computed from its parameters (memoised).
 * @throws {RangeError} if a parameter is outside the range `Settings05` states.
 * @example worked05().k41Factor // "d = 3, h = 1/3: smooth 4/d = 1.333; …"
 */
export function worked05(s: Partial<Settings05> = {}): Worked05 {
  return runWorked05(settings05(s));
}

const runWorked05 = memoise(({ d, s, gradBound: g, hessBound: hess, holderC, dF, eps }: Settings05): Worked05 => {
  const cellRows = [1, 3, 10, 40, 100].map((dd) => ({
    d: dd,
    "N for s = 1/2": cellCount(0.5, dd),
    "N for s = 1/10": cellCount(0.1, dd),
    "s for N = 10⁹": cellSide(1e9, dd),
    "s for N = 10¹²": cellSide(1e12, dd),
  }));
  const hs = [1, 0.5, K41_HURST, betaModelHurst(dF)];
  const holderRows = hs.map((h) => ({
    h,
    "loss bound C²dʰs²ʰ": holderLossBound(holderC, h, s, d),
    "argument, constant pieces": piecewiseExponent(h, 0, d),
    "argument, linear pieces": piecewiseExponent(h, 1, d),
    "eq. 17, 4h/d": roughExponent(h, d),
    "ratio eq. 17 / argument": roughExponent(h, d) / piecewiseExponent(h, 1, d),
  }));
  const ls = [1, 1e-1, 1e-2, 1e-3];
  const beta = betaSlope(eps, dF);
  const zeta2Rows = [
    { model: "K41", z2: k41StructureExponent(2), h: K41_HURST as number | null },
    { model: `beta model d_F = ${f(dF)}`, z2: betaStructureExponent(2, dF), h: betaModelHurst(dF) },
    { model: "She–Leveque", z2: sheLevequeStructureExponent(2), h: null },
  ].map(({ model, z2, h }) => ({
    model,
    "ζ₂": f(z2),
    "ζ₂/2 (h seen by the L² loss)": f(effectiveHurst(z2, 2)),
    "h of active eddies (eq. 16)": h === null ? "multifractal" : f(h),
    // step 4's argument with smoothness r = ζ₂/2 and constant pieces: 2r/d = ζ₂/d
    [`α = ζ₂/d, piecewise constant, d = ${d}`]: f(piecewiseExponent(effectiveHurst(z2, 2), 0, d)),
  }));
  const far = sheLevequeSpectrum(400);
  const mid = sheLevequeSpectrum(3);
  const muSL = intermittencyExponent(sheLevequeStructureExponent(6));
  return {
    cells: rowsToMarkdown(cellRows, Object.keys(cellRows[0]), { digits: 3 }),
    constantStep: `d = ${d}, s = ${f(s)}, G = ${f(g)}: cell diameter s√d = ${f(cellDiameter(s, d))}; ` +
      `bound G²ds² = ${f(constantLossBound(g, s, d))}; exact cell-centre loss for an affine f with |g| = G: ` +
      `G²s²/12 = ${f(midpointConstantLoss(g ** 2, s))} (ratio ${f(constantLossBound(g, s, d) / midpointConstantLoss(g ** 2, s))} ` +
      `= 12d). In N = ${f(cellCount(s, d))} cells the exponent is 2/d = ${f(piecewiseExponent(2, 0, d))}.`,
    linearStep: `d = ${d}, s = ${f(s)}, H = ${f(hess)}: pointwise bound Hds²/8 = ${f(Math.sqrt(linearLossBound(hess, s, d)))}, ` +
      `loss bound H²d²s⁴/64 = ${f(linearLossBound(hess, s, d), 4)}; exponent 4/d = ${f(piecewiseExponent(2, 1, d))} ` +
      `= SK's ${f(sharmaKaplanExponent(d))}.`,
    holder: `d = ${d}, s = ${f(s)}, C = ${f(holderC)}; the last row is the beta model's h at d_F = ${f(dF)}.\n\n` +
      rowsToMarkdown(holderRows, Object.keys(holderRows[0]), { digits: 4 }),
    k41: `ε = ${f(eps)} m²/s³: v(l) = ${ls.map((l) => `${f(k41Velocity(eps, l))} m/s at l = ${f(l)} m`).join(", ")}. ` +
      `Each factor 10 in l changes v by ${f(k41Velocity(eps, 1) / k41Velocity(eps, 0.1))} = 10^(1/3); ` +
      `v³/l = ${ls.map((l) => f(k41Velocity(eps, l) ** 3 / l)).join(", ")} (constant, as eq. 14 requires).`,
    k41Factor: `d = ${d}, h = 1/3: smooth 4/d = ${f(sharmaKaplanExponent(d))}; eq. 17, 4h/d = ${f(roughExponent(K41_HURST, d))}; ` +
      `argument, 2h/d = ${f(piecewiseExponent(K41_HURST, 1, d))}.`,
    betaSlope: `d_F = ${f(dF)}: β(10⁻¹) = ${f(activeFraction(beta.l1, dF))}, β(10⁻⁵) = ${f(activeFraction(beta.l2, dF))}; ` +
      `slope of ln v against ln l between them = **${f(beta.slope)}**; eq. 16 gives (d_F − 2)/3 = ${f(betaModelHurst(dF))} ` +
      `(the paper: h ≈ 0.27 at d_F = 2.8); K41 is ${f(K41_HURST)}. Flux check β v³ / l at l = 10⁻³: ` +
      `${f(activeFraction(1e-3, dF) * betaModelVelocity(eps, 1e-3, dF) ** 3 / 1e-3)} = ε. ` +
      `The beta model's ζ₀ = 3 − d_F = ${f(betaStructureExponent(0, dF))}.`,
    zeta: `ζ₃: K41 ${f(k41StructureExponent(3))}, beta ${f(betaStructureExponent(3, dF))}, She–Leveque ` +
      `${f(sheLevequeStructureExponent(3))}. Intermittency exponent μ = 2 − ζ₆: beta model ` +
      `${f(intermittencyExponent(betaStructureExponent(6, dF)))} (= 3 − d_F), She–Leveque ${f(muSL)} (= 2/9), i.e. the ` +
      `beta-model d_F with the same μ is ${f(3 - muSL)} (the paper quotes 2.8).`,
    zeta2: rowsToMarkdown(zeta2Rows, Object.keys(zeta2Rows[0])),
    sheLeveque: `She–Leveque at p = 3: h = ${f(mid.h)}, D = ${f(mid.dim)}; as p → ∞: h → ${f(far.h)}, D → ${f(far.dim)}. ` +
      `The beta-model line would put dimension 1 at h = (1 − 2)/3 = ${f(betaModelHurst(1))}.`,
  };
});
