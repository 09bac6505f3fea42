import * as esbuild from "esbuild";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { bundleProgram } from "../compiler/bundle";
import { COMPARISONS, generateProgram, type KeyStrategy, type ProgramSpec, type SessionMode } from "./programs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const modes: SessionMode[] = ["strict", "lazy"];
const keys: KeyStrategy[] = ["chat", "user", "user-chat"];
const specs: ProgramSpec[] = modes.flatMap((mode) => keys.map((key) => ({ mode, key, store: `${mode}-${key}` })));
/** The lost-update view's variants: updates all at once, with and without sequentialize. */
const concurrentSpecs: ProgramSpec[] = specs.flatMap((spec) => [
  { ...spec, store: `${spec.store}-concurrent`, concurrent: true },
  { ...spec, store: `${spec.store}-sequentialized`, concurrent: true, sequentialize: true },
]);

/** The program's tokens with comments dropped and string texts blanked: what English and Spanish must share. */
function codeShape(source: string): string[] {
  const file = ts.createSourceFile("side.ts", source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    const kind = ts.SyntaxKind[node.kind];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) out.push(`${kind}:<text>`);
    else if (ts.isIdentifier(node) || ts.isNumericLiteral(node) || ts.isRegularExpressionLiteral(node)) out.push(`${kind}:${node.text}`);
    else if (node.getChildCount(file) === 0) out.push(kind);
    node.getChildren(file).forEach(visit);
  };
  visit(file);
  return out;
}

/** Type-checks sources as if they were files of the repository, with the root tsconfig's options. */
function typeErrors(sources: Record<string, string>): string[] {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = new Map(Object.entries(sources).map(([name, text]) => [join(root, "playground/scenario/__generated__", name), text]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, language, ...rest) =>
    files.has(f) ? ts.createSourceFile(f, files.get(f)!, language) : getSourceFile.call(host, f, language, ...rest);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("generateProgram", () => {
  it("writes programs that type-check against real grammY and the adapter package", () => {
    const sources: Record<string, string> = {};
    for (const spec of [...specs, ...concurrentSpecs]) {
      for (const locale of ["en", "es"] as const) sources[`${spec.store}-${locale}.ts`] = generateProgram(spec, locale);
    }
    expect(typeErrors(sources)).toEqual([]);
  }, 60_000);

  it.each(specs)("compiles with the playground's compiler: $mode, key $key", async (spec) => {
    const result = await bundleProgram(esbuild, generateProgram(spec, "en"), "side.ts");
    expect(result.ok).toBe(true);
  });

  it.each(specs)("imports only grammy and the adapter package, and uses the side's store: $mode, key $key", (spec) => {
    const source = generateProgram(spec, "en");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports).toEqual(["grammy", "@session-lab/adapters-browser"]);
    expect(source).toContain(`new IndexedDBAdapter({ store: "${spec.store}" })`);
    expect(source).toContain(spec.mode === "lazy" ? "lazySession({" : "  session({");
    expect(source.includes("getSessionKey: (ctx)")).toBe(spec.key !== "chat");
  });

  it.each(specs)("differs between English and Spanish only in comments and texts: $mode, key $key", (spec) => {
    expect(codeShape(generateProgram(spec, "es"))).toEqual(codeShape(generateProgram(spec, "en")));
    expect(generateProgram(spec, "es")).toContain("¡Tu nivel de hambre es");
  });

  it.each(concurrentSpecs)("compiles the lost-update variants too: $store", async (spec) => {
    const result = await bundleProgram(esbuild, generateProgram(spec, "en"), "side.ts");
    expect(result.ok).toBe(true);
    expect(codeShape(generateProgram(spec, "es"))).toEqual(codeShape(generateProgram(spec, "en")));
  });

  it.each(concurrentSpecs)("leaves bot.start() out when updates arrive all at once, and installs sequentialize before the session: $store", (spec) => {
    const source = generateProgram(spec, "en");
    expect(source.split("\n")).not.toContain("bot.start();");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    if (!spec.sequentialize) {
      expect(imports).toEqual(["grammy", "@session-lab/adapters-browser"]);
      expect(source).not.toContain("sequentialize");
      return;
    }
    expect(imports).toEqual(["grammy", "@session-lab/adapters-browser", "@grammyjs/runner"]);
    // One key function, shared: sequentialize keeps apart exactly the updates that share a session.
    const installed = source.indexOf("bot.use(sequentialize(getSessionKey));");
    expect(installed).toBeGreaterThan(source.indexOf("const getSessionKey = (ctx: Context) =>"));
    expect(installed).toBeLessThan(source.indexOf(spec.mode === "lazy" ? "lazySession({" : "  session({"));
    expect(source).toContain("    getSessionKey,\n");
  });

  it("keeps lines short enough to read beside the charts", () => {
    for (const spec of [...specs, ...concurrentSpecs]) {
      for (const locale of ["en", "es"] as const) {
        const long = generateProgram(spec, locale)
          .split("\n")
          .filter((line) => line.length > 120);
        expect(long).toEqual([]);
      }
    }
  });

  it("gives every side of a comparison its own store", () => {
    for (const sides of Object.values(COMPARISONS)) {
      const stores = sides.map((s) => s.spec.store);
      expect(new Set(stores).size).toBe(stores.length);
    }
  });
});
