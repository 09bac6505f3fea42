import { defineConfig } from "vitest/config";

// The core flows in Chromium, Firefox ESR and WebKitGTK, against the production build. `npm test`
// builds first; `ENGINES=webkit npm run test:engines` runs one engine alone.
export default defineConfig({
  test: {
    include: ["tests/engines/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
