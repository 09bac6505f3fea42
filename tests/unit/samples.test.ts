import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { listSamples, runsOnDeno, toDeno, toJavaScript } from "../../.vitepress/samples";

const root = fileURLToPath(new URL("../..", import.meta.url));
const samples = listSamples(root);
const names = [...new Set(samples.map((s) => `${s.kind}/${s.name}`))];

/**
 * The code of a sample with comments dropped and every string's text blanked: what must be
 * identical between the English and the Spanish version.
 */
function codeShape(source: string): string[] {
  const file = ts.createSourceFile("sample.ts", source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    const kind = ts.SyntaxKind[node.kind];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) {
      out.push(`${kind}:<text>`);
    } else if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isNumericLiteral(node) || ts.isRegularExpressionLiteral(node)) {
      out.push(`${kind}:${node.text}`);
    } else if (node.getChildCount(file) === 0) {
      out.push(kind);
    }
    node.getChildren(file).forEach(visit);
  };
  visit(file);
  return out;
}

function read(kind: string, name: string, locale: string): string {
  const s = samples.find((x) => `${x.kind}/${x.name}` === `${kind}/${name}` && x.locale === locale);
  if (!s) throw new Error(`${kind}/${name} has no ${locale}.ts`);
  return readFileSync(s.path, "utf8");
}

describe("code samples", () => {
  it("exist", () => {
    expect(names.length).toBeGreaterThan(0);
  });

  describe.each(names)("%s", (id) => {
    const [kind, name] = id.split("/");

    it("has an English and a Spanish version", () => {
      expect(() => read(kind, name, "en")).not.toThrow();
      expect(() => read(kind, name, "es")).not.toThrow();
    });

    it("differs between English and Spanish only in comments and strings", () => {
      expect(codeShape(read(kind, name, "es"))).toEqual(codeShape(read(kind, name, "en")));
    });

    it("derives JavaScript that parses and keeps no TypeScript syntax", () => {
      const js = toJavaScript(read(kind, name, "en"));
      const file = ts.createSourceFile("sample.js", js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      // Parse errors alone miss leftover types: for a .js file, TypeScript reports those
      // ("Type annotations can only be used in TypeScript files") as syntactic diagnostics of a transpile.
      const again = ts.transpileModule(js, { compilerOptions: { allowJs: true }, fileName: "sample.js", reportDiagnostics: true });
      expect((file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics).toEqual([]);
      expect(again.diagnostics ?? []).toEqual([]);
      expect(js).not.toMatch(/^import /m);
      expect(js).not.toMatch(/\binterface\s+\w+\s*\{|:\s*SessionData\b|<MyContext>/);
    });

    it("derives a Deno version only when grammY is its only import", () => {
      const source = read(kind, name, "en");
      if (runsOnDeno(source)) expect(toDeno(source)).toContain('from "https://deno.land/x/grammy/mod.ts"');
      else expect(source).toMatch(/from "(?!grammy")/);
    });
  });
});

describe("sample derivation", () => {
  const source = [
    'import { Bot, Context, session, SessionFlavor } from "grammy";',
    "",
    "// Shape of the data.",
    "interface SessionData {",
    "  count: number;",
    "}",
    "type MyContext = Context & SessionFlavor<SessionData>;",
    "",
    'const bot = new Bot<MyContext>("");',
    "bot.use(session({ initial: (): SessionData => ({ count: 0 }) }));",
    "",
    "// Count every message.",
    'bot.on("message", (ctx) => {',
    "  ctx.session.count++;",
    "});",
    "",
  ].join("\n");

  it("turns value imports into require, drops type-only names, keeps comments and blank lines", () => {
    expect(toJavaScript(source)).toBe(
      [
        'const { Bot, session } = require("grammy");',
        "",
        'const bot = new Bot("");',
        "bot.use(session({ initial: () => ({ count: 0 }) }));",
        "",
        "// Count every message.",
        'bot.on("message", (ctx) => {',
        "  ctx.session.count++;",
        "});",
        "",
      ].join("\n"),
    );
  });

  it("keeps block comments aligned", () => {
    const js = toJavaScript(['import { Bot } from "grammy";', 'new Bot("").on("message", () => {', "  /**", "   * Why.", "   */", "  return;", "});", ""].join("\n"));
    expect(js).toContain("  /**\n   * Why.\n   */\n  return;");
  });

  it("points Deno at deno.land/x", () => {
    expect(toDeno(source).split("\n")[0]).toBe(
      'import { Bot, Context, session, SessionFlavor } from "https://deno.land/x/grammy/mod.ts";',
    );
  });
});
