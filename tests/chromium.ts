/**
 * Debian's Chromium driven by playwright-core, shared by the browser tests (tests/site.test.ts,
 * tests/figures/layout.test.ts). `npm test` installs the browser first (`scripts/setup.sh
 * --with-browser`, when root with apt); run on their own, the tests install it the same way, or skip
 * with a message saying what to install.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** The flags this machine's closed network needs (no background connections) and a root user needs. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Installs the missing Debian packages (each given as [file it provides, package]) when root with apt,
 * then launches Chromium. Returns the browser, or the reason the browser tests are skipped.
 */
export async function launchChromium(
  who: string,
  packages: [file: string, pkg: string][] = [[CHROMIUM, "chromium"]],
): Promise<{ browser: Browser } | { skip: string }> {
  const missing = packages.filter(([f]) => !existsSync(f)).map(([, p]) => p);
  if (missing.length > 0) {
    let apt = false;
    try {
      execFileSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" });
      apt = true;
    } catch { /* no apt */ }
    if (process.getuid?.() === 0 && apt) {
      execFileSync("sh", ["-c", `apt-get update -qq && apt-get install -y -qq ${missing.join(" ")} >/dev/null`], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } else if (!existsSync(CHROMIUM)) {
      const skip = `${CHROMIUM} is missing: install Debian's packages (sudo apt-get install -y ${missing.join(" ")}) ` +
        `to run the browser checks`;
      console.warn(`${who}: ${skip}`);
      return { skip };
    }
  }
  const { chromium } = await import("playwright-core");
  return { browser: await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }) };
}
