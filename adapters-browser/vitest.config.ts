import { defineConfig } from "vitest/config";

// Node run: the whole suite on fake-indexeddb (installed as globals by the setup file).
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: "../node_modules/.vite/adapters-browser",
  test: {
    name: "adapters-browser (node, fake-indexeddb)",
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.browser.test.ts"],
    setupFiles: ["test/setup/fake-indexeddb.ts"],
    environment: "node",
  },
});
