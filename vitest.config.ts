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
    // One module graph per fork, not per file: loading grammY, esbuild and TypeScript again for each of
    // ~130 files was two thirds of the run (79 s against 23 s). Files clean up what they change (timers,
    // globals) in their own hooks. Forks, not threads: a worker thread's stack is too small for the
    // 3,000-deep values the cloning tests post.
    pool: "forks",
    isolate: false,
  },
});
