/**
 * Browser entry of the live edition for notebook 05 (smoothness and turbulence): the structure-function
 * exponents of K41, the beta model and She–Leveque (`figureStructureExponents`, control: the beta model's
 * active-set dimension d_F), redrawn with the same builder, at the notebook's largest order (p up to 10),
 * and the numerics of `src/theory/turbulence.ts`. The control's range is the notebook's (`ranges.dF` of
 * `src/findings/05_smoothness_and_turbulence.ts`), written into the page at build time with the
 * notebook's value (`liveTurbulenceData` in scripts/site_live.ts), so that it is stated once.
 * Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { figureStructureExponents } from "../figures/turbulence";
import { betaModelHurst, betaStructureExponent, intermittencyExponent } from "../theory/turbulence";
import { formatNumber } from "../_util/format";
import { live, type LiveSpec, mountAll, notation, pageData } from "./widget";
import { intervalText, roundToStep, sliderExtent, type SliderRange } from "./ranges";

/** What the build writes into the page for this figure (see `liveTurbulenceData` in scripts/site_live.ts). */
export interface LiveTurbulenceData {
  /** The notebook's range of d_F (`ranges.dF`): its bounds, and whether the lower one is excluded. */
  dF: SliderRange;
  /** The notebook's value of d_F (its parameter cell). */
  value: number;
  /** The largest order p the notebook draws (its cell's second argument). */
  pMax: number;
}

/** The slider's step in d_F (dimensionless). */
const DF_STEP = 0.01;

type Structure = { dF: number };

const structure = (): LiveSpec<Structure> => {
  const data = pageData<LiveTurbulenceData>("figureStructureExponents");
  const [lo, hi] = sliderExtent(data.dF, DF_STEP);
  return {
    controls: {
      dF: Inputs.range([lo, hi], {
        value: data.value,
        step: DF_STEP,
        label: notation(
          `d_{F}, active-set dimension of the beta model (dimensionless, ${lo}–${hi}, in the notebook's range ${
            intervalText(data.dF)
          })`,
        ),
      }),
    },
    // the slider's steps are decimal: 2.8, not 2.8000000000000003, in the legend and the caption
    draw: ({ dF }) => figureStructureExponents(roundToStep(dF, DF_STEP), data.pMax),
    readouts: ({ dF }) => {
      const d = roundToStep(dF, DF_STEP);
      const zeta6 = betaStructureExponent(6, d);
      return [
        {
          label: "ζ_{2} of the beta model",
          value: betaStructureExponent(2, d),
          text: `${formatNumber(betaStructureExponent(2, d))} (K41: 2/3)`,
        },
        {
          label: "h = (d_{F} − 2)/3",
          value: betaModelHurst(d),
          text: `${formatNumber(betaModelHurst(d))} (Hölder exponent of the active eddies, eq. 16)`,
        },
        {
          label: "μ = 2 − ζ_{6}",
          value: intermittencyExponent(zeta6),
          text: `${formatNumber(intermittencyExponent(zeta6))} (intermittency exponent; She–Leveque: 2/9)`,
        },
      ];
    },
  };
};

mountAll({ figureStructureExponents: live(structure) });
