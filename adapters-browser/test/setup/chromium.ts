import { existsSync } from "node:fs";

/**
 * The package's tests run from its own folder, so they carry their own few lines for finding
 * Chromium instead of importing the repository's `scripts/chromium.ts`. Debian's `chromium` is the
 * default; Playwright's own browser downloads are never used.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it (Debian: apt-get install chromium) ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the tests again.",
    );
  }
  return path;
}

/** Flags that keep headless Chromium from reaching for Google's hosts on a machine without internet. */
export const CHROMIUM_ARGS: string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
