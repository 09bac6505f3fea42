/**
 * Vite plugin, dev server only. `concurrency.ts` imports @grammyjs/runner's `out/sequentialize.js`
 * by path: it is CommonJS, which the production build converts but the dev server serves untouched,
 * so the concurrency worker would fail to load under `npm run dev`. The file has no imports and sets
 * one export, so declaring `exports` and re-exporting the function makes it a valid ES module.
 */
import type { Plugin } from "vite";

/** Serves the runner's `sequentialize.js` as an ES module in dev. */
export function sequentializeDevPlugin(): Plugin {
  return {
    name: "session-lab:runner-sequentialize-esm",
    apply: "serve",
    transform(code, id) {
      if (!id.includes("/@grammyjs/runner/out/sequentialize.js")) return undefined;
      return `const exports = {};\n${code}\nexport { sequentialize };\n`;
    },
  };
}
