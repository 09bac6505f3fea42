import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { EDITOR_COMPILER_OPTIONS } from "./compiler-options";
import { collectTypeFiles } from "../../.vitepress/plugins/types-plugin";

// A language service wired the way Monaco's TypeScriptWorker wires it (monaco-editor 0.57,
// esm/vs/languages/features/typescript/tsWorker.js): file names are URIs, the current directory is "",
// extra libs are root files, lib files are found by bare name, fileExists = "has text", no
// directoryExists/realpath. Monaco ships TypeScript 5.9.3; this repository's `typescript` is 5.9 too,
// so what resolves and completes here resolves and completes in the editor.

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsLibDir = dirname(createRequire(import.meta.url).resolve("typescript/lib/lib.d.ts"));
const extraLibs = collectTypeFiles();
const pizza = readFileSync(join(root, "playground/examples/pizza/en.ts"), "utf8");
const MODEL = "file:///playground-1/bot.ts";

// One service for the whole file, as in the editor: a new text is a new version of the same model.
let code = "";
let version = 0;
const libCache = new Map<string, string | undefined>();

function text(fileName: string): string | undefined {
  if (fileName === MODEL) return code;
  if (/^lib\.[\w.]+\.d\.ts$/.test(fileName)) {
    if (!libCache.has(fileName)) {
      const path = join(tsLibDir, fileName);
      libCache.set(fileName, existsSync(path) ? readFileSync(path, "utf8") : undefined);
    }
    return libCache.get(fileName);
  }
  return extraLibs[fileName];
}

const service = ts.createLanguageService({
  getCompilationSettings: () => EDITOR_COMPILER_OPTIONS as unknown as ts.CompilerOptions,
  getScriptFileNames: () => [MODEL, ...Object.keys(extraLibs)],
  getScriptVersion: (fileName) => (fileName === MODEL ? String(version) : "1"),
  getScriptSnapshot: (fileName) => {
    const t = text(fileName);
    return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
  },
  // Monaco decides by extension and falls back to TS for anything else (package.json included).
  getScriptKind: () => ts.ScriptKind.TS,
  getCurrentDirectory: () => "",
  getDefaultLibFileName: () => "lib.es2022.full.d.ts",
  readFile: text,
  fileExists: (fileName) => text(fileName) !== undefined,
});

function load(source: string): void {
  code = source;
  version++;
}

function problems(source: string): string[] {
  load(source);
  return [...service.getSyntacticDiagnostics(MODEL), ...service.getSemanticDiagnostics(MODEL)].map(
    (d) => `${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
}

function completionsAfter(source: string, marker: string): string[] {
  load(source);
  const position = source.indexOf(marker) + marker.length;
  const result = service.getCompletionsAtPosition(MODEL, position, undefined);
  return (result?.entries ?? []).map((e) => e.name);
}

// A whole TypeScript program over grammY's types: about 20 s on a busy 2-core machine, so the timeout (which only
// catches a hang) leaves room.
describe("the editor's offline types", { timeout: 120_000 }, () => {
  it("type-check the pizza example without a single error", () => {
    expect(problems(pizza)).toEqual([]);
  });

  it("complete ctx.session. with the example's session fields", () => {
    const code = pizza.replace("const count = ctx.session.pizzaCount;", "const count = ctx.session.");
    expect(completionsAfter(code, "ctx.session.")).toContain("pizzaCount");
  });

  it("resolve every import a playground program may use", () => {
    const code = [
      'import { Bot, lazySession, type Context, type SessionFlavor } from "grammy";',
      'import type { Update, Message } from "grammy/types";',
      'import { Bot as WebBot } from "grammy/web";',
      'import { get, set, createStore } from "idb-keyval";',
      'import * as adapters from "@session-lab/adapters-browser";',
      "type C = Context & SessionFlavor<{ n: number }>;",
      "const u: Update | undefined = undefined as Update | undefined;",
      "const m: Message | undefined = u?.message;",
      'const b = new Bot<C>(""); const w = new WebBot("");',
      "b.use(lazySession({ initial: () => ({ n: 0 }) }));",
      'const store = createStore("db", "kv"); void get("k", store); void set("k", 1, store);',
      "export { m, w, adapters };",
    ].join("\n");
    expect(problems(code)).toEqual([]);
  });

  it("still report real mistakes (the check is not vacuous)", () => {
    const code = pizza.replace("ctx.session.pizzaCount++;", "ctx.session.pizzaCnt++;");
    expect(problems(code).some((p) => p.includes("pizzaCnt"))).toBe(true);
    expect(problems('import { nothing } from "grammy";').some((p) => p.startsWith("2305"))).toBe(true);
    expect(problems('import x from "left-pad";').some((p) => p.startsWith("2307"))).toBe(true);
  });
});
