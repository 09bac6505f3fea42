import { defineConfig } from "vitest/config";
import { botApiSchemaPlugin } from "../../.vitepress/plugins/bot-api-schema-plugin";
import { LongestFirst } from "./longest-first";

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
    // A poll without its own timeout waits for what a busy machine may take, not vitest's default second.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    // Two files at a time, one browser each: a test spends much of its time waiting (a worker starting, IndexedDB,
    // a poll), and the other file's browser uses the core meanwhile. The tests wait for conditions, never for
    // times, so they hold when they share the machine. E2E_WORKERS=1 runs the files one after another.
    fileParallelism: true,
    maxWorkers: Number(process.env.E2E_WORKERS ?? 2),
    minWorkers: 1,
    sequence: { sequencer: LongestFirst },
  },
});
