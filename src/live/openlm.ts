/**
 * Browser entry of the live edition for notebook 09 (the open training runs of Gadre et al. 2024): the
 * forecast of the largest runs (`figureOpenLmForecast`: the largest model size fitted, the bootstrap's
 * resamples, seed and coverage) and the exponent α per validation set (`figureOpenLmExponents`: the
 * bootstrap's resamples, seed and coverage), drawn by the notebook's builders. The grid fits are the
 * notebook's, computed at build time (`liveOpenLmData` in scripts/site_live.ts); the page bootstraps them
 * at the reader's settings with `bootstrapLaw`, the same resample indices for the same seed as the
 * notebook (src/live/openlm_runs.ts). Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { figureOpenLmExponents, figureOpenLmForecast } from "../figures/openlm";
import type * as openlm from "../findings/09_openlm";
import { OPENLM_TRAIN_LABELS } from "../datasets/openlm_data";
import { formatNumber } from "../_util/format";
import { type Bootstrap, domainFits, forecastRows, type LiveOpenLmData } from "./openlm_runs";
import { type Control, live, type LiveSpec, mountAll, notation, pageData } from "./widget";

/** The bootstrap's controls: coverage, resamples (at most `maxResamples`: each is a refit), seed. */
const bootstrapControls = (data: LiveOpenLmData, resamples: number, maxResamples: number) => ({
  level: Inputs.range([0.5, 0.99], {
    value: 0.95,
    step: 0.01,
    label: notation("coverage, of the bootstrap intervals (0.5–0.99)"),
  }),
  resamples: Inputs.range([10, maxResamples], {
    value: resamples,
    step: 1,
    label: notation(`resamples, bootstrap refits of each fit (10–${maxResamples}; the notebook: ${data.resamples})`),
  }),
  seed: Inputs.range([0, 9999], {
    value: data.seed,
    step: 1,
    label: notation("seed, of the bootstrap's resample draws (0–9999)"),
  }),
});

type Forecast = Bootstrap & { cut: string };

const forecast = (): LiveSpec<Forecast> => {
  const data = pageData<LiveOpenLmData>("figureOpenLmForecast");
  const cuts = data.forecast[0].cuts.map((c) => c.maxParams);
  const cutName = (n: number) => `${formatNumber(n)} parameters`;
  const cutOf = (name: string) => cuts.find((n) => cutName(n) === name)!;
  const rowsOf = ({ cut, resamples, seed, level }: Forecast) =>
    forecastRows(data, cutOf(cut), { resamples, seed, level });
  const cut: Control = Inputs.select(cuts.map(cutName), {
    value: cutName(cuts[1]),
    label: notation("largest N fitted, the runs above it are forecast"),
  });
  return {
    controls: { cut, ...bootstrapControls(data, 30, 60) },
    draw: (v) =>
      figureOpenLmForecast({
        settings: { forecastMaxParams: cutOf(v.cut), level: v.level },
        forecast: rowsOf(v),
      } as unknown as openlm.Analysis),
    readouts: (v) => {
      const rows = rowsOf(v);
      return data.forecast.map(({ trainDataset }) => {
        const mine = rows.filter((r) => r.train_dataset === trainDataset);
        const top = mine.reduce((a, b) => (b.params > a.params ? b : a));
        return {
          label: `${OPENLM_TRAIN_LABELS[trainDataset]}, forecast of its ${formatNumber(top.params)}-parameter run`,
          value: top.predicted,
          text: `${formatNumber(top.predicted, 4)} nats/token (${formatNumber(top.pred_low, 4)}–${
            formatNumber(top.pred_high, 4)
          }; measured ${formatNumber(top.loss, 4)})`,
        };
      });
    },
  };
};

const exponents = (): LiveSpec<Bootstrap> => {
  const data = pageData<LiveOpenLmData>("figureOpenLmExponents");
  const fitsOf = ({ resamples, seed, level }: Bootstrap) => domainFits(data, { resamples, seed, level });
  return {
    controls: bootstrapControls(data, 20, 30),
    draw: (v) =>
      figureOpenLmExponents({
        settings: { level: v.level },
        fits: fitsOf(v),
        chinchilla: { alpha: data.chinchillaAlpha },
      } as unknown as openlm.Analysis),
    readouts: (v) =>
      fitsOf(v).filter((f) => f.valSet === "c4_val").map((f) => {
        const a = f.summary.find((r) => r.parameter === "alpha")!;
        return {
          label: `α, ${f.trainDataset} on c4_val`,
          value: a.estimate,
          text: `${formatNumber(a.estimate, 3)} (${formatNumber(a.ci_low, 3)}–${formatNumber(a.ci_high, 3)})`,
        };
      }),
  };
};

mountAll({ figureOpenLmForecast: live(forecast), figureOpenLmExponents: live(exponents) });
