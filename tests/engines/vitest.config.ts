import { defineConfig } from "vitest/config";
import { botApiSchemaPlugin } from "../../.vitepress/plugins/bot-api-schema-plugin";

// The core flows in Chromium, Firefox ESR and WebKitGTK, against the production build. `npm test`
// builds first; `ENGINES=webkit npm run test:engines` runs one engine alone.
export default defineConfig({
  // The e2e helpers these tests share build updates with playground/telegram, whose update kinds come from this plugin.
  plugins: [botApiSchemaPlugin()],
  test: {
    include: ["tests/engines/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
