/**
 * The claim records of notebook 05, from its analysis (a private part of `05_smoothness_and_turbulence.ts`,
 * which describes the notebook; split off to keep each module under 450 lines).
 *
 * @module
 */
import { BETA_MODEL_HURST } from "../paper";
import { formatNumber as f } from "../_util/format";
import type { ExponentMeasurement } from "../measure/measured_exponents";
import { constantLossBound, linearLossBound } from "../theory/piecewise";
import { K41_HURST, PAPER_BETA_DIMENSION } from "../paper";
import { type Claim, claim } from "./claim";
import type { Analysis } from "./05_smoothness_and_turbulence";

/** A measured slope within this relative distance of its prediction counts as agreeing. */
const SLOPE_TOLERANCE = 0.05;
/** Closed forms that must agree up to rounding. */
const EXACT = 1e-12;

const within = (measured: number, predicted: number, rel: number) => Math.abs(measured / predicted - 1) < rel;
const belowBound = (e: ExponentMeasurement, d: number, bound: (side: number) => number) =>
  e.sizes.every((N, i) => e.mse[i] <= bound(N ** (-1 / d)));

/**
 * Notebook 05's claim records, in the order of its "What we checked" table. Ids: `05.eq11-cells`,
 * `05.eq13-constant`, `05.linear-4-over-d`, `05.eq17-rough`, `05.k41-h`, `05.beta-sign`,
 * `05.beta-h-paper`, `05.zeta3`, `05.intermittency-l2`, `05.df-above-2`, `05.typo-minus-sign`,
 * `05.typo-eps-cube-root`, `05.typo-ks`, `05.typo-integrand`, `05.typo-volume-element`.
 */
export function claims(a: Analysis): Claim[] {
  const { d, s, dF, eps } = a.settings;
  const { n, constant, linear } = a.grid;
  const conAlpha = a.constantStep.alpha;
  const linAlpha = a.linearStep.alpha;
  const { flux, slope: k41Slope } = a.k41;
  const beta = a.beta;
  const hPaper = beta.hPaper;
  const zeta3 = a.zeta.zeta3;
  const { h2Beta, h2SheLeveque: h2SL } = a.zeta;
  const far = a.spectrum.far;
  const { eq17Half, argumentHalf: argHalf, argumentLipschitz: argLipschitz } = a.holder;
  const eq17K41 = a.k41.eq17;
  return [
    claim({
      id: "05.eq11-cells",
      paper: "s5.eq11",
      ref: "§5, eq. 11",
      claim: "N(s) = s⁻ᵈ cubes of side s fill the unit d-cube.",
      numbers: { n3: a.cells.cubesHalfIn3, sBack: a.cells.sideBack },
      verdict: a.cells.cubesHalfIn3 === 8 && Math.abs(a.cells.sideBack - s) < EXACT ? "holds" : "does not hold",
      reason: `8 cubes of side 1/2 fill the unit 3-cube; s = ${f(s)}, d = ${d}: N = ${f(a.cells.count)}, ` +
        `and N^{−1/d} = ${f(a.cells.sideBack)}`,
    }),
    claim({
      id: "05.eq13-constant",
      paper: "s5.piecewise-exponents",
      ref: "§5, eqs. 12–13",
      claim: "Piecewise constants give L ≲ g²s²d, i.e. α = 2/d.",
      numbers: { measured: constant.alpha, predicted: conAlpha, n },
      verdict: within(constant.alpha, conAlpha, SLOPE_TOLERANCE) &&
          belowBound(constant, d, (x) => constantLossBound(Math.PI, x, d))
        ? "holds"
        : "does not hold",
      reason:
        `measured slope ${f(constant.alpha)} against 2/d = ${f(conAlpha)} (d = ${d}, n = ${n}→${2 * n} cells a side, ` +
        "within 5 %), below G²ds² with G = π",
    }),
    claim({
      id: "05.linear-4-over-d",
      paper: "s5.piecewise-exponents",
      ref: "§5, after eq. 13",
      claim: "Piecewise-linear pieces turn s² into s⁴, whence α = 4/d.",
      numbers: { measured: linear.alpha, predicted: linAlpha, n },
      verdict: within(linear.alpha, linAlpha, SLOPE_TOLERANCE) &&
          belowBound(linear, d, (x) => linearLossBound(Math.PI ** 2, x, d))
        ? "holds"
        : "does not hold",
      reason:
        `measured slope ${f(linear.alpha)} against 4/d = ${f(linAlpha)} (d = ${d}, within 5 %) for a C² target, ` +
        "below H²d²s⁴/64 with H = π²",
    }),
    claim({
      id: "05.eq17-rough",
      paper: "s5.eq17",
      ref: "§5.1, eq. 17",
      claim: "For a target of Hölder exponent h < 1 the exponent becomes α ∼ 4h/d.",
      numbers: { d, eq17Half, argumentHalf: argHalf, argumentLipschitz: argLipschitz, h2Beta, h2SheLeveque: h2SL },
      verdict: Math.abs(eq17Half - argHalf) < EXACT ? "holds" : "does not hold",
      reason: `the cell argument gives 2h/d with constant or linear pieces: h = 1/2, d = ${d}: ${f(argHalf)} against ` +
        `eq. 17's ${f(eq17Half)}; even h = 1 gives 2/d = ${f(argLipschitz)} (4/d needs two derivatives)`,
      headline: "Section 5's cell argument, carried through for a Hölder-h target, gives α = 2h/d with constant " +
        `or linear pieces, half of eq. 17's 4h/d (at d = ${d}, h = 1/2: ${f(argHalf)} against ${f(eq17Half)}); and ` +
        "for a mean-square loss intermittency *raises* the roughness exponent the loss sees, ζ₂/2, above K41's 1/3 " +
        `(${f(h2Beta, 3)} in the beta model with d_{F} = ${f(dF)}, ${f(h2SL, 3)} for She–Leveque).`,
    }),
    claim({
      id: "05.k41-h",
      paper: "s5.k41",
      ref: "§5.1, eq. 14",
      claim: "A constant energy flux ε = v³(l)/l gives v(l) ∼ l^{1/3}: Hölder exponent h = 1/3.",
      numbers: { slope: k41Slope, fluxMin: Math.min(...flux), fluxMax: Math.max(...flux) },
      verdict: flux.every((x) => Math.abs(x / eps - 1) < EXACT) && Math.abs(k41Slope - 1 / 3) < EXACT
        ? "holds"
        : "does not hold",
      reason: `v²/τ = ${f(flux[0])} at every l from 1 to 10⁻⁴ (ε = ${f(eps)}); log–log slope of v(l) ${f(k41Slope)}`,
    }),
    claim({
      id: "05.beta-sign",
      paper: "s5.beta-sign",
      ref: "§5.1, eqs. 15–16",
      claim: "In the beta model v(l) ∼ l^{1/3} β(l)^{−1/3} gives h = (d_{F} − 2)/3, below K41's 1/3.",
      numbers: { dF, slope: beta.slope, eq16: beta.eq16 },
      verdict: Math.abs(beta.slope - beta.eq16) < EXACT && beta.slope < 1 / 3 - EXACT ? "holds" : "does not hold",
      reason: `d_{F} = ${f(dF)}: slope of ln v against ln l between 10⁻¹ and 10⁻⁵ = ${f(beta.slope)}, eq. 16 gives ` +
        `${f(beta.eq16)}; ${beta.slope < 1 / 3 - EXACT ? "below" : "not below"} 1/3`,
    }),
    claim({
      id: "05.beta-h-paper",
      paper: "s5.beta-h",
      ref: "§5.1, after eq. 16",
      claim: "The beta model's d ∼ 2.8 corresponds to h ∼ 0.27.",
      numbers: { dF: PAPER_BETA_DIMENSION, h: hPaper },
      verdict: Math.round(hPaper * 100) / 100 === BETA_MODEL_HURST ? "holds" : "does not hold",
      reason: `(2.8 − 2)/3 = ${f(hPaper)}`,
      headline: `Eq. 16's h = (d − 2)/3 has the right sign (intermittency lowers the active eddies' h below 1/3) and ` +
        `gives ${f(hPaper, 3)} at d = ${
          f(PAPER_BETA_DIMENSION)
        }; "α ∼ −4h/d" has a stray minus; eq. 15 needs ε₀^{1/3}.`,
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
      reason: `the L² loss sees ζ₂/2: ${f(h2Beta)} (beta model, d_{F} = ${f(dF)}) and ${f(h2SL)} (She–Leveque), ` +
        `against K41's ${f(K41_HURST)}; true of high moments and of the active set, not of a mean-square loss`,
    }),
    claim({
      id: "05.df-above-2",
      paper: "s5.df-above-2",
      ref: "§5.1, after eq. 16",
      claim: "Every model has d_{F} > 2, since d_{F} < 2 would imply h < 0.",
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
      claim: "v(l) ∼ ε₀ l^{1/3} β(l)^{−1/3}.",
      numbers: { epsPower: 1 / 3 },
      verdict: "typo",
      reason: "only ε₀^{1/3} l^{1/3} has the units of a velocity ((m²/s³·m)^{1/3} = m/s), as eq. 14 gives",
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
      claim: "“The integrand … is bounded by g s d^{1/2}”.",
      numbers: {},
      verdict: "typo",
      reason:
        "g s √d bounds |f − f_{N}|; the integrand, its square, is bounded by g²s²d, which is what the paper uses next",
    }),
    claim({
      id: "05.typo-volume-element",
      paper: "s5.typo-volume-element",
      ref: "§5, eq. 12",
      claim: "L(s) = ∫ |f(x) − f_{N}(x)|² d_{d}x.",
      numbers: {},
      verdict: "typo",
      reason: "the volume element is dᵈx",
    }),
  ];
}
