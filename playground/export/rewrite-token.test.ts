import { describe, expect, it } from "vitest";
import { freeName, rewriteToken, type TokenWords } from "./rewrite-token";

const WORDS: TokenWords = { tokenComment: ["from the environment"], tokenMissing: 'no "token"', apiRootComment: "optional" };
const NAMES = { token: "token", apiRoot: "apiRoot" };
const node = (code: string) => rewriteToken(code, "node", WORDS, NAMES);

describe("giving the exported bot its token", () => {
  it.each([
    ['new Bot("")', "new Bot(token, { client: { apiRoot } })"],
    ["new Bot('')", "new Bot(token, { client: { apiRoot } })"],
    ["new Bot(``)", "new Bot(token, { client: { apiRoot } })"],
    ['new Bot<MyContext>( "" )', "new Bot<MyContext>(token, { client: { apiRoot } })"],
    ['new Bot("", { botInfo })', "new Bot(token, { client: { apiRoot }, botInfo })"],
    ['new Bot("", {\n  botInfo,\n})', "new Bot(token, { client: { apiRoot }, botInfo, })"],
    // The program's own client options win, and options that are not a literal stay as written.
    ['new Bot("", { client: { timeoutSeconds: 5 } })', "new Bot(token, { client: { timeoutSeconds: 5 } })"],
    ['new Bot("", options)', "new Bot(token, options)"],
    ['new Bot("", { ...options })', "new Bot(token, { ...options })"],
  ])("%s becomes %s", (from, to) => {
    const result = node(`import { Bot } from "grammy";\nconst bot = ${from};\n`);
    expect(result.replaced).toBe(1);
    expect(result.code).toContain(`const bot = ${to};`);
  });

  it("reads the token after the last import, even one spread over lines, and exits without it", () => {
    const code = 'import { Bot } from "grammy";\nimport {\n  a,\n  b,\n} from "./x";\n\nconst bot = new Bot("");\n';
    const result = node(code).code;
    expect(result).toBe(
      [
        'import { Bot } from "grammy";',
        "import {",
        "  a,",
        "  b,",
        '} from "./x";',
        "",
        "// from the environment",
        'const token = process.env.BOT_TOKEN ?? "";',
        'if (token === "") {',
        '  console.error("no \\"token\\"");',
        "  process.exit(1);",
        "}",
        "// optional",
        "const apiRoot = process.env.BOT_API_ROOT;",
        "",
        "const bot = new Bot(token, { client: { apiRoot } });",
        "",
      ].join("\n"),
    );
  });

  it("reads Deno's environment in the Deno variant", () => {
    const result = rewriteToken('const bot = new Bot("");', "deno", WORDS, NAMES).code;
    expect(result).toContain('const token = Deno.env.get("BOT_TOKEN") ?? "";');
    expect(result).toContain("  Deno.exit(1);");
    expect(result).toContain('const apiRoot = Deno.env.get("BOT_API_ROOT");');
    expect(result).not.toContain("process");
  });

  it("leaves a bot alone whose token is written in the program, and adds nothing", () => {
    const code = 'import { Bot } from "grammy";\nconst bot = new Bot("123:abc");\n// new Bot("")\n';
    expect(node(code)).toEqual({ code, replaced: 0 });
  });

  it("picks names the program does not use yet", () => {
    expect(freeName("const a = 1;", "token")).toBe("token");
    expect(freeName("const token = 1;", "token")).toBe("botToken");
    expect(freeName("token botToken exportedToken token2", "token")).toBe("token3");
    const result = rewriteToken('const apiRoot = "x";\nconst bot = new Bot("");', "node", WORDS, {
      token: "token",
      apiRoot: freeName('const apiRoot = "x";', "apiRoot"),
    }).code;
    expect(result).toContain("new Bot(token, { client: { apiRoot: botApiRoot } })");
  });
});
