import { existsSync } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/** Where Debian's `chromium` package puts the browser. Playwright's own download is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Returns the path of Debian's Chromium, or fails with an error that names the package. Tests never
 * install system packages themselves: `.ci/run` installs the browsers before `npm test`.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  throw new Error(
    `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's "chromium" package ` +
      `(sudo apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH, then run the tests again.`,
  );
}

/**
 * Flags that keep headless Chromium quiet on a machine without internet: without the
 * background-networking ones it keeps trying to reach Google's hosts.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * Added for tests, never for the bench: V8's baseline tiers only. A test's page lives a few seconds, and
 * what the optimising compilers do for it in the background is mostly wasted on a 2-core machine running
 * two test files at once: for WebAssembly (the playground's esbuild is 14 MB of Go) about 4.5 s of CPU per
 * page load, for JavaScript (TurboFan and Maglev) about a tenth of the suite's CPU, measured on the
 * heaviest files. What a test checks does not depend on how fast the code runs; the bench measures that
 * with Chromium's defaults, as readers get it.
 */
const CHROMIUM_TEST_ARGS = ["--js-flags=--liftoff-only --no-opt --no-maglev"];

/** Launches headless Debian Chromium through playwright-core. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** {@link launchChromium} for tests: the project's flags, then {@link CHROMIUM_TEST_ARGS}, then `options.args`. */
export function launchTestChromium(options: LaunchOptions = {}): Promise<Browser> {
  return launchChromium({ ...options, args: [...CHROMIUM_ARGS, ...CHROMIUM_TEST_ARGS, ...(options.args ?? [])] });
}
