import { defineConfig } from "vitest/config";

// Unit tests run in Node. The adapter package has its own config (it also runs in Chromium),
// and end-to-end tests have theirs (they need the production build).
export default defineConfig({
  resolve: { conditions: ["source"] },
  test: {
    include: ["tests/unit/**/*.test.ts", "playground/**/*.test.ts"],
  },
});
