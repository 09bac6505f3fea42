import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as esbuild from "esbuild-wasm/esm/browser.js";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleProgram } from "./bundle";
import { unavailableMessage } from "./resolver";
import { loadWasm } from "./wasm-loader";

const WASM_PATH = createRequire(import.meta.url).resolve("esbuild-wasm/esbuild.wasm");

// The worker's path end to end, minus the browser: the browser build of esbuild-wasm, started in this thread
// from a module loadWasm compiled, bundling through the same plugin.
describe("esbuild-wasm, as the worker runs it", () => {
  beforeAll(async () => {
    const bytes = readFileSync(WASM_PATH);
    const fetchImpl: typeof fetch = async () => new Response(bytes, { headers: { "Content-Type": "application/wasm" } });
    const wasmModule = await loadWasm("/esbuild.wasm", () => {}, { fetchImpl });
    // It reaches its globals through `self`, which a worker's global scope has and Node's lacks.
    Object.assign(globalThis, { self: globalThis });
    await esbuild.initialize({ wasmModule, worker: false });
  }, 60_000);

  it("bundles a grammY program", async () => {
    const result = await bundleProgram(esbuild, 'import { Bot } from "grammy";\nnew Bot("");\n', "bot.ts");
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (result.ok) expect(result.code).toContain("__sessionLabModules");
  }, 30_000);

  it("refuses an unavailable import at its position", async () => {
    const result = await bundleProgram(esbuild, '\nimport x from "axios";\nx();\n', "bot.ts");
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        { message: unavailableMessage("axios"), line: 2, column: 15, endLine: 2, endColumn: 22, severity: "error" },
      ],
    });
  }, 30_000);

  it("refuses in the page's language, and a require() as an import", async () => {
    const result = await bundleProgram(esbuild, 'const { freeStorage } = require("@grammyjs/storage-free");\n', "bot.ts", "es");
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        {
          message: unavailableMessage("@grammyjs/storage-free", "es"),
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 57,
          severity: "error",
        },
      ],
    });
  }, 30_000);

  it("wraps a CommonJS program in a function, where declaring a function twice is allowed", async () => {
    const code = 'const { Bot } = require("grammy");\nfunction key() { return 1; }\nfunction key() { return 2; }\nnew Bot(key());\n';
    const result = await bundleProgram(esbuild, code, "bot.ts");
    expect(result).toMatchObject({ ok: true, warnings: [] });
    // The body runs inside esbuild's CommonJS wrapper, not at the top level of the module.
    if (result.ok) expect(result.code).toMatch(/var require_bot = __commonJS\(\{\s+"bot\.ts"\(/);
  }, 30_000);
});
