/**
 * Browser entry of the live edition for notebook 08 (Chinchilla's runs): the running exponent of a
 * fitted law (`figureChinchillaRunningExponent`), for the headline fit, any one of its bootstrap
 * re-estimates, or the published laws of Hoffmann et al. 2022 and Besiroglu et al. 2024. The fit and
 * the bootstrap draws are not recomputed in the browser: the build writes them into the page as JSON
 * (`liveChinchillaData`, computed in Node by the same analysis the notebook runs, with its fixed
 * seed); the figure and the numbers beside it are recomputed from them with `src/` functions.
 * Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { frontierExponent } from "../fit/chinchilla";
import { BESIROGLU_2024, type ChinchillaLaw, HOFFMANN_2022 } from "../paper";
import { crossover, cutFrontierInN } from "../fit/chinchilla_pedestal";
import { figureChinchillaRunningExponent } from "../figures/chinchilla";
import type * as chinchilla from "../findings/08_chinchilla";
import { formatNumber } from "../_util/format";
import { live, type LiveSpec, mountAll, notation, pageData } from "./widget";

/** What the build writes into the page for this figure (see `liveChinchillaData` in scripts/site.ts). */
export interface LiveChinchillaData {
  /** Parameter counts N of the runs (the figure shades their span). */
  runsN: number[];
  /** The headline fit. */
  law: ChinchillaLaw;
  /** The bootstrap re-estimates of the headline fit, in resample order. */
  draws: ChinchillaLaw[];
  /** Seed of the bootstrap. */
  seed: number;
}

const SOURCES = ["headline fit", "bootstrap draw", "Hoffmann et al. 2022", "Besiroglu et al. 2024"] as const;
type Running = { source: (typeof SOURCES)[number]; draw: number };

/** The law a reader chose. */
function lawOf(data: LiveChinchillaData, { source, draw }: Running): ChinchillaLaw {
  if (source === "bootstrap draw") return data.draws[draw - 1];
  if (source === "Hoffmann et al. 2022") return HOFFMANN_2022;
  if (source === "Besiroglu et al. 2024") return BESIROGLU_2024;
  return data.law;
}

const running = (): LiveSpec<Running> => {
  const data = pageData<LiveChinchillaData>("figureChinchillaRunningExponent");
  const runs = data.runsN.map((N) => ({ N }));
  const source = Inputs.select(SOURCES, {
    value: "headline fit",
    label: notation("law, fitted L = E + A/N^{α} + B/D^{β}"),
  });
  const draw = Inputs.range([1, data.draws.length], {
    value: 1,
    step: 1,
    label: notation(`k, bootstrap draw (1–${data.draws.length}, seed ${data.seed})`),
  });
  // moving the draw slider picks the bootstrap draws
  draw.addEventListener("input", () => {
    source.value = "bootstrap draw";
  });
  return {
    controls: { source, draw },
    // the figure reads the runs' sizes and the fit's law from the analysis; nothing else is needed
    draw: (v: Running) =>
      figureChinchillaRunningExponent({ runs, fit: { law: lawOf(data, v) } } as unknown as chinchilla.Analysis),
    readouts: (v) => {
      const law = lawOf(data, v);
      const aC = frontierExponent(law);
      const nCross = crossover(cutFrontierInN(law));
      return [
        { label: "α", value: law.alpha, text: `${formatNumber(law.alpha)} (exponent of N)` },
        { label: "β", value: law.beta, text: `${formatNumber(law.beta)} (exponent of D)` },
        {
          label: "α_{frontier} = αβ/(α+β)",
          value: aC,
          text: `${formatNumber(aC)} (exponent of compute on the frontier)`,
        },
        { label: "crossover in N_{opt}", value: nCross, text: `${formatNumber(nCross)} parameters` },
      ];
    },
  };
};

mountAll({ figureChinchillaRunningExponent: live(running) });
