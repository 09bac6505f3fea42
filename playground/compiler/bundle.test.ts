import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { MODULE_REGISTRY } from "../protocol";
import { bundleProgram, type BundleResult } from "./bundle";
import { unavailableMessage } from "./resolver";

/** grammY's session guide, written in CommonJS: three alternative `getSessionKey`s, of which the last counts. */
const THREE_SESSION_KEYS = program(
  'const { Bot, session } = require("grammy");',
  'const bot = new Bot("");',
  "// Per chat.",
  "function getSessionKey(ctx) {",
  "  return ctx.chat?.id.toString();",
  "}",
  "// Per user.",
  "function getSessionKey(ctx) {",
  "  return ctx.from?.id.toString();",
  "}",
  "// Per user and chat.",
  "function getSessionKey(ctx) {",
  "  return ctx.from === undefined || ctx.chat === undefined ? undefined : `${ctx.from.id}/${ctx.chat.id}`;",
  "}",
  "bot.use(session({ getSessionKey, initial: () => ({ pizzas: 0 }) }));",
  "bot.start();",
);

const EXAMPLES = fileURLToPath(new URL("../examples", import.meta.url));

/** A stand-in for grammY's Bot that records what the program did with it. */
class FakeBot {
  static made: FakeBot[] = [];
  readonly handlers = new Map<string, (ctx: unknown) => unknown>();
  readonly middleware: unknown[] = [];
  started = false;
  constructor(readonly token: string) {
    FakeBot.made.push(this);
  }
  use(middleware: unknown) {
    this.middleware.push(middleware);
  }
  hears(pattern: RegExp, handler: (ctx: unknown) => unknown) {
    this.handlers.set(`hears ${pattern.source}`, handler);
  }
  command(name: string, handler: (ctx: unknown) => unknown) {
    this.handlers.set(`command ${name}`, handler);
  }
  start() {
    this.started = true;
  }
}

async function compile(code: string, filename = "bot.ts", locale: "en" | "es" = "en"): Promise<BundleResult> {
  return bundleProgram(esbuild, code, filename, locale);
}

async function compiled(code: string, filename = "bot.ts"): Promise<{ code: string; map: string }> {
  const result = await compile(code, filename);
  if (!result.ok) throw new Error(`expected a bundle, got ${JSON.stringify(result.diagnostics)}`);
  return result;
}

/**
 * Evaluates a bundle as an ES module, as the sandbox does (it imports the bundle from a `blob:` URL): strict,
 * with module scoping, which is what makes a duplicate function declaration at the top level an error.
 */
async function runAsModule(bundle: string, registry: Record<string, unknown>): Promise<void> {
  FakeBot.made = [];
  const global = globalThis as Record<string, unknown>;
  global[MODULE_REGISTRY] = registry;
  try {
    await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(bundle).toString("base64")}`);
  } finally {
    delete global[MODULE_REGISTRY];
  }
}

/** Runs a bundle the way the sandbox will: as the only code, with the registry on its global object. */
function run(bundle: string, registry: Record<string, unknown>): Record<string, unknown> {
  FakeBot.made = [];
  const global: Record<string, unknown> = { [MODULE_REGISTRY]: registry };
  new Script(bundle, { filename: "bundle.js" }).runInNewContext(global);
  return global;
}

function program(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

describe("bundleProgram", () => {
  it("bundles a program whose imports read the registry, and the bundle runs", async () => {
    const sessionCalls: unknown[] = [];
    const session = (options: { initial(): { pizzas: number } }) => {
      sessionCalls.push(options);
      return "session middleware";
    };
    const { code } = await compiled(
      program(
        'import { Bot, session, type Context, type SessionFlavor } from "grammy";',
        "type MyContext = Context & SessionFlavor<{ pizzas: number }>;",
        'const bot = new Bot<MyContext>("");',
        "bot.use(session({ initial: () => ({ pizzas: 0 }) }));",
        "bot.hears(/🍕/, (ctx) => {",
        "  ctx.session.pizzas++;",
        "});",
        "bot.start();",
      ),
    );
    expect(code).not.toMatch(/^\s*(import|export)\b/m);

    run(code, { grammy: { Bot: FakeBot, session } });

    expect(FakeBot.made).toHaveLength(1);
    const bot = FakeBot.made[0]!;
    expect(bot.token).toBe("");
    expect(bot.started).toBe(true);
    expect(bot.middleware).toEqual(["session middleware"]);
    const ctx = { session: (sessionCalls[0] as { initial(): { pizzas: number } }).initial() };
    bot.handlers.get("hears 🍕")!(ctx);
    expect(ctx.session.pizzas).toBe(1);
  });

  it("runs grammY's Deno imports from deno.land unchanged", async () => {
    const { code } = await compiled(
      program('import { Bot } from "https://deno.land/x/grammy@v1.46.0/mod.ts";', 'new Bot("from deno");'),
    );
    run(code, { grammy: { Bot: FakeBot } });
    expect(FakeBot.made.map((bot) => bot.token)).toEqual(["from deno"]);
  });

  it("reports a syntax error at its line and column, counted as the editor counts", async () => {
    const broken = '  await ctx.reply("¡Hola! 🍕" + );';
    const result = await compile(
      program('import { Bot } from "grammy";', 'const bot = new Bot("");', 'bot.command("start", async (ctx) => {', broken, "});"),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const column = broken.lastIndexOf(")") + 1;
    expect(result.diagnostics).toEqual([
      { message: 'Unexpected ")"', line: 4, column, endLine: 4, endColumn: column + 1, severity: "error" },
    ]);
  });

  it("reports every unavailable import on its own line, listing what is available", async () => {
    const result = await compile(
      program(
        'import { Bot } from "grammy";',
        'import axios from "axios";',
        'import { readFileSync } from "node:fs";',
        'import { helper } from "./helper";',
        'console.log(Bot, axios, readFileSync, helper);',
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([
      { message: unavailableMessage("axios"), line: 2, column: 19, endLine: 2, endColumn: 26, severity: "error" },
      { message: unavailableMessage("node:fs"), line: 3, column: 30, endLine: 3, endColumn: 39, severity: "error" },
      { message: unavailableMessage("./helper"), line: 4, column: 24, endLine: 4, endColumn: 34, severity: "error" },
    ]);
  });

  it("drops type-only imports: they never read the registry", async () => {
    const { code } = await compiled(
      program(
        'import type { Update } from "grammy/types";',
        'import { Context } from "grammy";',
        'import type { UseStore } from "idb-keyval";',
        "let update: Update | undefined;",
        "let ctx: Context | undefined;",
        "let store: UseStore | undefined;",
        "(globalThis as { ran?: boolean }).ran = update === ctx && ctx === store;",
      ),
    );
    expect(code).not.toContain(MODULE_REGISTRY);
    // An empty registry would make any registry read throw.
    expect(run(code, {}).ran).toBe(true);
  });

  it("passes esbuild's warnings on with their line", async () => {
    const result = await compile(program("const x = Math.random();", 'if (typeof x == "nmber") console.log(x);'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 2, column: 17, severity: "warning" });
  });

  it("compiles JavaScript as JavaScript when the file is .js", async () => {
    expect((await compile("const x: number = 1;\n", "bot.js")).ok).toBe(false);
    expect((await compile("const x = 1;\n", "bot.js")).ok).toBe(true);
  });

  it("writes a source map that takes a runtime stack frame back to the user's line", async () => {
    const source = program(
      'import { Bot } from "grammy";',
      "",
      'const bot = new Bot("");',
      "",
      "bot.command('boom', () => {",
      "  const why = 'on purpose';",
      "  throw new Error(why);",
      "});",
    );
    const { code, map } = await compiled(source);
    run(code, { grammy: { Bot: FakeBot } });

    let stack = "";
    try {
      FakeBot.made[0]!.handlers.get("command boom")!({});
    } catch (error) {
      stack = (error as Error).stack ?? "";
    }
    const frame = /bundle\.js:(\d+):(\d+)/.exec(stack);
    expect(frame, stack).not.toBeNull();
    const position = originalPositionFor(new TraceMap(map), { line: Number(frame![1]), column: Number(frame![2]) - 1 });
    expect(position).toMatchObject({ source: "bot.ts", line: 7 });
    expect(source.split("\n")[6]!.slice(position.column!)).toMatch(/^(throw )?new Error/);
    expect(JSON.parse(map).sourcesContent).toContain(source);
  });

  it("runs a CommonJS program as CommonJS: the same function declared three times, the last one counting", async () => {
    for (const filename of ["bot.js", "bot.ts"]) {
      const { code } = await compiled(THREE_SESSION_KEYS, filename);
      const options: { getSessionKey?: (ctx: unknown) => string | undefined }[] = [];
      await runAsModule(code, { grammy: { Bot: FakeBot, session: (o: (typeof options)[number]) => (options.push(o), "session") } });
      expect(FakeBot.made, filename).toHaveLength(1);
      expect(FakeBot.made[0]!.started).toBe(true);
      expect(options[0]!.getSessionKey!({ from: { id: 7 }, chat: { id: -100 } })).toBe("7/-100");
    }
  });

  it("bundles an ES module's top level as it is, where a duplicate function is the error it is in JavaScript", async () => {
    const result = await compile(program('import { Bot } from "grammy";', "function k() {}", "function k() {}", "new Bot(k);"), "bot.ts", "es");
    expect(result).toMatchObject({ ok: false, diagnostics: [{ line: 3, column: 10, severity: "error" }] });
    if (result.ok) return;
    // esbuild's words, framed in Spanish, and its note pointing at the first declaration.
    expect(result.diagnostics[0]!.message).toBe(
      
      'El compilador (esbuild) dice: The symbol "k" has already been declared\n' +
        'The symbol "k" was originally declared here (línea 2)\n' +
        "Duplicate top-level function declarations are not allowed in an ECMAScript module. This file is considered " +
        'to be an ECMAScript module because of the "import" keyword here (línea 1)',
    );
  });

  it("keeps CommonJS's module object: module.exports, exports and a top-level this", async () => {
    const { code } = await compiled(
      program(
        'const { Bot } = require("grammy");',
        "exports.answer = 42;",
        "new Bot(String(this === module.exports && module.exports.answer));",
      ),
      "bot.js",
    );
    await runAsModule(code, { grammy: { Bot: FakeBot } });
    expect(FakeBot.made.map((bot) => bot.token)).toEqual(["42"]);
  });

  it("runs a program without module syntax as CommonJS too, like Node", async () => {
    const { code } = await compiled(program("function k() { return 1; }", "function k() { return 2; }", "globalThis.k = k();"), "bot.js");
    await runAsModule(code, {});
    expect((globalThis as { k?: number }).k).toBe(2);
    delete (globalThis as { k?: number }).k;
  });

  it("still runs an ES module with top-level await", async () => {
    const { code } = await compiled(program('import { Bot } from "grammy";', "await Promise.resolve();", 'new Bot("after await");'));
    await runAsModule(code, { grammy: { Bot: FakeBot } });
    expect(FakeBot.made.map((bot) => bot.token)).toEqual(["after await"]);
  });

  it("refuses a require() as it refuses an import, at its line and in the page's language", async () => {
    for (const locale of ["en", "es"] as const) {
      const result = await compile(
        program(
          'const { Bot, session } = require("grammy");',
          'const { freeStorage } = require("@grammyjs/storage-free");',
          'const { IndexedDBAdapter } = require("@session-lab/adapters-browser");',
        ),
        "bot.js",
        locale,
      );
      expect(result).toEqual({
        ok: false,
        diagnostics: [
          {
            message: unavailableMessage("@grammyjs/storage-free", locale),
            line: 2,
            column: 33,
            endLine: 2,
            endColumn: 57,
            severity: "error",
          },
        ],
      });
    }
  });

  it("says why sloppy-mode syntax in a CommonJS program is refused", async () => {
    const result = await compile(program('const grammy = require("grammy");', "with (grammy) { new Bot(''); }"), "bot.js");
    expect(result).toMatchObject({ ok: false, diagnostics: [{ line: 2, column: 1, severity: "error" }] });
    if (result.ok) return;
    expect(result.diagnostics[0]!.message).toBe(
      'With statements cannot be used with the "esm" output format due to strict mode\n' +
        "The playground runs every program in strict mode, CommonJS programs too.",
    );
  });

  it("maps an error thrown while a CommonJS program loads back to its line", async () => {
    const source = program('const { Bot } = require("grammy");', "", "const bot = new Bot(missing);");
    const { code, map } = await compiled(source, "bot.js");
    const error = await runAsModule(code, { grammy: { Bot: FakeBot } }).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error).toBeInstanceOf(ReferenceError);
    // Node names a data: module's frames after its URL; the part that matters is line:column.
    const frame = /data:text\/javascript[^)\s]*:(\d+):(\d+)/.exec(error!.stack ?? "");
    expect(frame, error!.stack).not.toBeNull();
    const position = originalPositionFor(new TraceMap(map), { line: Number(frame![1]), column: Number(frame![2]) - 1 });
    expect(position).toMatchObject({ source: "bot.js", line: 3 });
  });

  it("compiles every playground example without a diagnostic", async () => {
    const files = readdirSync(EXAMPLES, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    expect(files).toContain(join("pizza", "en.ts"));
    for (const file of files) {
      const result = await compile(readFileSync(join(EXAMPLES, file), "utf8"));
      expect(result, file).toMatchObject({ ok: true, warnings: [] });
    }
  });
});
