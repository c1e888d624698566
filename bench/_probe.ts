import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/chromium";
const page_ = Deno.args[0] ?? "07_measured_exponents.html";
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.on("console", (m) => console.log("console:", m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto("file://" + Deno.cwd() + "/site/" + page_);
await page.waitForTimeout(8000);
const info = await page.$$eval("[data-live]", (hs) => hs.map((h) => ({
  live: (h as HTMLElement).dataset.live, redraws: (h as HTMLElement).dataset.redraws,
  first: (h as HTMLElement).dataset.firstRedrawMs, err: h.querySelector(".live-error:not([hidden])")?.textContent,
  readouts: [...h.querySelectorAll("output")].map((o) => o.textContent),
})));
console.log(JSON.stringify(info, null, 1));
for (const [i, h] of (await page.locator("[data-live]").all()).entries()) {
  await h.scrollIntoViewIfNeeded();
  await h.screenshot({ path: `/tmp/live_${i}.png` });
}
await browser.close();
