import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { monacoTrimPlugin, stripSideEffectImports, styleModuleSource } from "../../../.vitepress/plugins/monaco-trim-plugin";

const workersPath = fileURLToPath(new URL("../../../node_modules/monaco-editor/esm/vs/internal/common/workers.js", import.meta.url));
const workers = readFileSync(workersPath, "utf8");

describe("monacoTrimPlugin", () => {
  it("only applies to production builds, before Vite's own CSS handling", () => {
    expect(monacoTrimPlugin().apply).toBe("build");
    expect(monacoTrimPlugin().enforce).toBe("pre");
  });

  it("drops the contribution imports of Monaco's workers helper and keeps its binding import and code", () => {
    const transform = monacoTrimPlugin().transform as (code: string, id: string) => { code: string } | undefined;
    const out = transform(workers, workersPath)!.code;
    // The file this relies on still looks as expected: many bare imports, one that binds `editor`.
    expect(workers.match(/^import '/gm)!.length).toBeGreaterThan(20);
    expect(out).not.toMatch(/^import '/m);
    expect(out).toContain("import { editor } from '../../editor/editor.api.js';");
    expect(out).toContain("function createWebWorker(opts)");
    expect(out).toContain("export { createWebWorker };");
  });

  it("leaves every other module alone", () => {
    const transform = monacoTrimPlugin().transform as (code: string, id: string) => unknown;
    expect(transform("import './x.css';\n", "/n/monaco-editor/esm/vs/editor/editor.main.js")).toBeUndefined();
    expect(transform("import './x.css';\n", "/src/internal/common/workers.js")).toBeUndefined();
  });

  it("strips only imports that bind nothing", () => {
    const code = ["import 'a.js';", 'import "b.css"', "import { c } from 'c.js';", "import d from 'd.js';", "const e = 'import \\'x\\';';", ""].join("\n");
    expect(stripSideEffectImports(code)).toBe(["import { c } from 'c.js';", "import d from 'd.js';", "const e = 'import \\'x\\';';", ""].join("\n"));
  });

  it("routes CSS imported by Monaco's modules, and only those, to a style module", async () => {
    const plugin = monacoTrimPlugin();
    const resolveId = plugin.resolveId as (this: unknown, source: string, importer?: string) => Promise<string | undefined>;
    const load = plugin.load as (id: string) => string | undefined;
    const context = { resolve: async (source: string) => ({ id: `/abs/node_modules/monaco-editor/esm/vs/${source.replace("./", "")}` }) };
    const monacoModule = "/abs/node_modules/monaco-editor/esm/vs/features/codicon/register.js";

    const id = await resolveId.call(context, "./codicon.css", monacoModule);
    expect(id).toBe("\0monaco-style:/abs/node_modules/monaco-editor/esm/vs/codicon.css.js");
    // Vite's CSS plugin claims ids ending in .css (query or not): the stand-in must not look like one.
    expect(id).not.toMatch(/\.css($|\?)/);
    expect(load(id!)).toBe(styleModuleSource("/abs/node_modules/monaco-editor/esm/vs/codicon.css"));
    await expect(resolveId.call(context, "./page.css", "/repo/docs/page.vue")).resolves.toBeUndefined();
    await expect(resolveId.call(context, "./x.js", monacoModule)).resolves.toBeUndefined();
    expect(load("/repo/docs/page.css")).toBeUndefined();
  });
});

describe("styleModuleSource", () => {
  it("imports the compiled CSS as a string and appends it to the document, labelled with its file", async () => {
    const source = styleModuleSource("/abs/node_modules/monaco-editor/esm/vs/base/x.css");
    expect(source).toContain('import css from "/abs/node_modules/monaco-editor/esm/vs/base/x.css?inline";');
    // Run it against a stand-in document, with the CSS import replaced by its value.
    const appended: Array<{ dataset: Record<string, string>; textContent: string }> = [];
    const document = {
      createElement: () => ({ dataset: {}, textContent: "" }),
      head: { append: (el: (typeof appended)[number]) => appended.push(el) },
    };
    const body = source.replace(/^import css from .*$/m, 'const css = ".a{color:red}";');
    new Function("document", body)(document);
    expect(appended).toEqual([{ dataset: { monacoCss: "monaco-editor/esm/vs/base/x.css" }, textContent: ".a{color:red}" }]);
  });
});
