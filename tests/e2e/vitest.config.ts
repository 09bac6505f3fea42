import { defineConfig } from "vitest/config";
import { botApiSchemaPlugin } from "../../.vitepress/plugins/bot-api-schema-plugin";

// End-to-end tests: real Chromium against the production build, served on 127.0.0.1.
// `npm test` builds first; run `npm run build` yourself before `npm run test:e2e`.
export default defineConfig({
  // The helpers build updates with playground/telegram, whose update kinds come from this plugin.
  plugins: [botApiSchemaPlugin()],
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one browser per file, files one after another keeps timings honest.
    fileParallelism: false,
  },
});
