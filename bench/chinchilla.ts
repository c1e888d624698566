/**
 * Times the Chinchilla refit of notebook 08 (target: fits plus 1,000 bootstrap resamples in at most
 * 8 s on 2 cores): parsing the runs, the two grid fits (screened, as in the notebook), the bootstrap,
 * and the exhaustive check that screening loses nothing: the headline fit with every one of the
 * 4,500 starts run to convergence must reach the screened optimum (objective to 1e-9 relative,
 * parameters to 1e-5); a mismatch is printed as FAIL and sets a non-zero exit code. (This check
 * moved here from the test suite, where it took most of a minute.) Then,
 * if Debian's python3-scipy is installed, runs bench/compare_scipy.py (SciPy's L-BFGS-B on the same
 * objective and starts).
 *
 * Run alone: deno run -A bench/chinchilla.ts
 */
import process from "node:process";
import { onceSeconds } from "../scripts/bench_artifacts";
import { parseChinchillaCsv, withoutHighestLoss } from "../src/datasets/chinchilla_data";
import { bootstrapChinchilla, fitChinchilla, fitData, hoffmannGrid } from "../src/fit/chinchilla";
import * as chinchilla from "../src/findings/08_chinchilla";
import { CHINCHILLA_INPUT } from "../src/findings/_chinchilla";
import { readInput } from "../src/findings/inputs";
import { existsSync } from "node:fs";

/** Debian's python3 (where python3-torch, -scipy and -sklearn install), else whatever python3 is on PATH. */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

function time<T>(label: string, f: () => T): [T, number] {
  const [r, s] = onceSeconds(f);
  console.log(`${label}: ${s.toFixed(3)} s`);
  return [r, s];
}

/** Prints the time of each step of the Chinchilla analysis and the SciPy comparison. */
export async function bench(): Promise<void> {
  const text = readInput(CHINCHILLA_INPUT);
  const [runs, tParse] = time("parse 245 runs", () => parseChinchillaCsv(text));
  const headline = fitData(withoutHighestLoss(runs, chinchilla.defaults.dropHighest));
  const [, tAll] = time("fit, all runs (4,500 starts screened, 50 polished)", () => fitChinchilla(fitData(runs)));
  const [fit, tHead] = time("fit, headline runs (same)", () => fitChinchilla(headline));
  const [boot, tBoot] = time(
    `bootstrap, ${chinchilla.defaults.resamples} resamples from the optimum`,
    () =>
      bootstrapChinchilla(headline, fit, { resamples: chinchilla.defaults.resamples, seed: chinchilla.defaults.seed }),
  );
  console.log(
    `analysis total: ${(tParse + tAll + tHead + tBoot).toFixed(3)} s (target: at most 8 s); ` +
      `bootstrap resamples not converged: ${boot.notConverged}`,
  );
  const [full] = time(
    `check: headline fit, all ${hoffmannGrid().length} starts to convergence`,
    () => fitChinchilla(headline, { screening: false }),
  );
  const dAlpha = Math.abs(full.law.alpha - fit.law.alpha), dBeta = Math.abs(full.law.beta - fit.law.beta);
  const dObjective = Math.abs(full.objective - fit.objective) / full.objective;
  const dVector = Math.max(...full.vector.map((v, j) => Math.abs(v - fit.vector[j])));
  const same = hoffmannGrid().length === 4500 && dObjective <= 1e-9 && dVector <= 1e-5;
  console.log(
    `screened vs full grid: objective ${fit.objective.toExponential(10)} vs ${full.objective.toExponential(10)}; ` +
      `|Δα| = ${dAlpha.toExponential(2)}, |Δβ| = ${dBeta.toExponential(2)}, largest |Δ| of [a, b, e, α, β] ` +
      `${dVector.toExponential(2)}: ${same ? "same optimum" : "FAIL: screening missed the optimum"}`,
  );
  if (!same) process.exitCode = 1;
  console.log(
    `ours: E=${fit.law.E.toFixed(4)} A=${fit.law.A.toFixed(2)} B=${fit.law.B.toFixed(2)} ` +
      `alpha=${fit.law.alpha.toFixed(5)} beta=${fit.law.beta.toFixed(5)}`,
  );

  const script = new URL("./compare_scipy.py", import.meta.url).pathname;
  try {
    const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
      args: [script],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const out = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
    console.log(code === 0 ? out.trimEnd() : `compare_scipy.py failed (exit ${code}):\n${out}`);
  } catch {
    console.log("python3 not found: SciPy comparison skipped");
  }
}

if (import.meta.main) await bench();
