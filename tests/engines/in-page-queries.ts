/**
 * The queries every engine runs inside the page: Testing Library's `queryAllByRole` (roles and
 * accessible names as a screen reader computes them), bundled once for the browser by esbuild. The
 * drivers differ in how they find elements (Playwright by role, Puppeteer and Selenium by CSS); running
 * the same library in the page makes "the Run button" mean the same thing in Chromium, Firefox and WebKit.
 */
import { build } from "esbuild";

let bundle: Promise<string> | undefined;

/** An IIFE that sets `window.__sessionLabQueries = { byRole, textOf }`. */
export function inPageQueries(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: `
        import { queryAllByRole } from "@testing-library/dom";
        /** Elements with this role whose accessible name matches (exactly, or by a /regex/ source). */
        function byRole(role, name, pattern) {
          const options = name === undefined ? {} : { name: pattern ? new RegExp(name) : name, hidden: false };
          return queryAllByRole(document.body, role, options);
        }
        window.__sessionLabQueries = { byRole };
      `,
      resolveDir: process.cwd(),
      loader: "js",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}
