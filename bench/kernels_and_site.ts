/**
 * Timings of the notebook machinery: checking every notebook under each kernel (`scripts/nb check`, what
 * `npm test` runs per notebook) and building the HTML edition (`npm run site`, with its live bundles'
 * sizes; the live figures' first-redraw times are printed by tests/site.test.ts).
 */
import { buildSite } from "../scripts/site";
import { budgetReport } from "../scripts/site_live";

async function timed(label: string, args: string[]): Promise<void> {
  const t0 = performance.now();
  const { code, stdout } = await new Deno.Command("bash", { args, stdout: "piped", stderr: "null" }).output();
  const s = (performance.now() - t0) / 1000;
  const ok = new TextDecoder().decode(stdout).split("\n").filter((l) => l.startsWith("ok")).length;
  console.log(`${label}: ${s.toFixed(2)} s (${ok} notebooks ok${code === 0 ? "" : ", FAILED"})`);
}

/** Prints how long the notebook checks take under Deno and tslab, and the site build. */
export async function bench(): Promise<void> {
  await timed("every notebook, Deno kernel, 2 jobs", ["scripts/nb", "check", "--jobs", "2"]);
  await timed("every notebook, tslab kernel, 2 jobs", ["scripts/nb", "check", "--kernel", "tslab", "--jobs", "2"]);
  const dir = await Deno.makeTempDir({ prefix: "smallness-site-" });
  try {
    const t0 = performance.now();
    const { pages, bundles } = await buildSite(dir);
    console.log(`site build: ${((performance.now() - t0) / 1000).toFixed(2)} s (${pages.length} pages)`);
    console.log(budgetReport(bundles));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
