/**
 * Browser entry of the live edition for notebook 03 (the pedestal effect): the paper's Figure 1
 * (`figure1RunningExponent`, controls α_C and four pedestal ratios p) and Figure 2
 * (`figure2CriticalSize`, controls α_C and the marked p), redrawn with the same builders and the
 * same `src/theory/pedestal.ts` numerics as the notebook. Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { figure1RunningExponent, figure2CriticalSize } from "../figures/pedestal";
import { criticalInverseSize, criticalSize } from "../theory/pedestal";
import { formatNumber } from "../_util/format";
import { snapThird } from "./format";
import { type Control, live, type LiveSpec, mountAll, notation } from "./widget";

/** α_C control: any positive exponent is valid (eq. 4); the slider spans 0.02–1 (the paper's 1/3 inside). */
const alphaControl = (): Control =>
  Inputs.range([0.02, 1], {
    value: 1 / 3,
    format: (v) => v.toFixed(3),
    label: notation("α_{C}, exponent of the C regime (dimensionless, 0.02–1)"),
  });

/** A pedestal-ratio control on a log slider over (0, 1): 0.001–0.999. */
const pControl = (label: string, value: number): Control =>
  Inputs.range([0.001, 0.999], { value, step: 0.001, transform: Math.log, label: notation(label) });

type Fig1 = { alphaC: number; p1: number; p2: number; p3: number; p4: number };
type Fig2 = { alphaC: number; p: number };

const figure1 = (): LiveSpec<Fig1> => ({
  controls: {
    alphaC: alphaControl(),
    p1: pControl("p₁, pedestal ratio L₀/L₁ of the first curve (0.001–0.999)", 0.01),
    p2: pControl("p₂, pedestal ratio of the second curve (0.001–0.999)", 0.05),
    p3: pControl("p₃, pedestal ratio of the third curve (0.001–0.999)", 0.1),
    p4: pControl("p₄, pedestal ratio of the fourth curve (0.001–0.999)", 0.2),
  },
  draw: ({ alphaC, p1, p2, p3, p4 }) =>
    figure1RunningExponent({ alphaC: snapThird(alphaC), pedestals: [p1, p2, p3, p4] }),
  readouts: ({ alphaC, p1, p2, p3, p4 }) =>
    [p1, p2, p3, p4].map((p, i) => {
      const x = criticalInverseSize(p, snapThird(alphaC));
      return { label: `x_{crit}(p${"₁₂₃₄"[i]} = ${p})`, value: x, text: `${formatNumber(x)} (x = 1/N, eq. 6)` };
    }),
});

const figure2 = (): LiveSpec<Fig2> => ({
  controls: {
    alphaC: alphaControl(),
    p: pControl("p, the marked pedestal ratio L₀/L₁ (0.001–0.999)", 0.1),
  },
  draw: ({ alphaC, p }) => figure2CriticalSize({ alphaC: snapThird(alphaC), marked: [p] }),
  readouts: ({ alphaC, p }) => {
    const n = criticalSize(p, snapThird(alphaC));
    return [{
      label: `N_{crit}(p = ${p})`,
      value: n,
      text: `${formatNumber(n)} (model size in the unit where L(N = 1) = L₁, eq. 7)`,
    }];
  },
});

mountAll({ figure1RunningExponent: live(figure1), figure2CriticalSize: live(figure2) });
