import { defineConfig } from "vitest/config";

// Node run: the whole suite on fake-indexeddb (installed as globals by the setup file). Paths stay
// inside this folder, so `cd adapters-browser && npm test` works on its own.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "adapters-browser (node, fake-indexeddb)",
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.browser.test.ts"],
    setupFiles: ["test/setup/fake-indexeddb.ts"],
    environment: "node",
  },
});
