import { defineConfig } from "vitest/config";
import { botApiSchemaPlugin } from "./.vitepress/plugins/bot-api-schema-plugin";

// Unit tests run in Node. The adapter package has its own config (it also runs in Chromium),
// and end-to-end tests have theirs (they need the production build).
export default defineConfig({
  plugins: [botApiSchemaPlugin()],
  resolve: { conditions: ["source"] },
  test: {
    include: ["tests/unit/**/*.test.ts", "playground/**/*.test.ts"],
    // A timeout only catches a test that hangs; vitest's 5 s default also caught honest tests on a busy machine.
    testTimeout: 30_000,
  },
});
