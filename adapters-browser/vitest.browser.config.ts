/// <reference types="@vitest/browser/providers/playwright" />
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, chromiumPath } from "./test/setup/chromium";

// Browser run: the shared suites again, in headless Chromium with its real IndexedDB.
// Nothing here reaches outside this folder but for packages in node_modules, so
// `cd adapters-browser && npm test` works on its own.
export default defineConfig({
  root: import.meta.dirname,
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
          launch: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
        },
      ],
    },
  },
});
