/**
 * Browser entry of the live edition for notebook 04 (the intrinsic dimension): the resources that
 * halve the loss against d (`figureHalvingCostVersusDimension`, control: the marked dimension d) and
 * the exponent against d (`figureExponentVersusDimension`, controls: the band of LLM exponents and the
 * Hölder exponent h), redrawn with the same builders and the numerics of `src/theory/intrinsic_dimension.ts`.
 * Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { figureExponentVersusDimension, figureHalvingCostVersusDimension } from "../figures/intrinsic_dimension";
import {
  dimensionForExponent,
  halvingDoublings,
  halvingFactor,
  sharmaKaplanExponent,
} from "../theory/intrinsic_dimension";
import { formatNumber } from "../_util/format";
import { snapThird } from "./format";
import { live, type LiveSpec, mountAll, notation } from "./widget";

/** Largest dimension of the halving figure, as notebook 04 draws it. */
const D_MAX = 120;

type Halving = { d: number };
type Exponent = { lo: number; hi: number; h: number };

const halving = (): LiveSpec<Halving> => ({
  controls: {
    d: Inputs.range([1, D_MAX], { value: 40, step: 1, label: notation("d, intrinsic dimension (1–120)") }),
  },
  draw: ({ d }) => figureHalvingCostVersusDimension(D_MAX, [d]),
  readouts: ({ d }) => [
    { label: "α = 4/d", value: sharmaKaplanExponent(d), text: `${formatNumber(sharmaKaplanExponent(d))} (eq. 9)` },
    {
      label: "resources to halve the loss, 2^{d/4}",
      value: halvingFactor(d),
      text: `${formatNumber(halvingFactor(d))}× (${formatNumber(halvingDoublings(d))} doublings)`,
    },
  ],
});

const exponent = (): LiveSpec<Exponent> => ({
  controls: {
    lo: Inputs.range([0.005, 1], {
      value: 0.05,
      step: 0.005,
      label: notation("low edge, of the band of LLM exponents α (0.005–1)"),
    }),
    hi: Inputs.range([0.005, 1], {
      value: 0.1,
      step: 0.005,
      label: notation("high edge, of the band (0.005–1, above the low edge)"),
    }),
    h: Inputs.range([0.01, 1], {
      value: 1 / 3,
      format: (v: number) => v.toFixed(3),
      label: notation("h, Hölder exponent of a rough target (0.01–1)"),
    }),
  },
  check: ({ lo, hi }) =>
    hi > lo
      ? undefined
      : `The band's high edge (${hi}) must be above its low edge (${lo}): raise the high edge or lower the low one.`,
  draw: ({ lo, hi, h }) => figureExponentVersusDimension(snapThird(h), undefined, [lo, hi]),
  readouts: ({ lo, hi }) => [
    {
      label: "d where 4/d = high edge",
      value: dimensionForExponent(hi),
      text: `${formatNumber(dimensionForExponent(hi))} dimensions`,
    },
    {
      label: "d where 4/d = low edge",
      value: dimensionForExponent(lo),
      text: `${formatNumber(dimensionForExponent(lo))} dimensions`,
    },
  ],
});

mountAll({ figureHalvingCostVersusDimension: live(halving), figureExponentVersusDimension: live(exponent) });
