/// <reference types="@vitest/browser/providers/playwright" />
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, ensureChromium } from "../scripts/chromium";

// Browser run: the shared suites again, in headless Debian Chromium with its real IndexedDB.
// Playwright's own browser downloads are not installed and never used.
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: "../node_modules/.vite/adapters-browser",
  // Pre-bundled up front: discovering them mid-run makes Vite reload the page under the tests.
  optimizeDeps: { include: ["grammy", "idb-keyval", "fast-check"] },
  test: {
    name: "adapters-browser (chromium)",
    include: ["test/**/*.browser.test.ts"],
    browser: {
      enabled: true,
      provider: "playwright",
      headless: true,
      screenshotFailures: false,
      instances: [
        {
          browser: "chromium",
          launch: { executablePath: ensureChromium(), args: CHROMIUM_ARGS },
        },
      ],
    },
  },
});
