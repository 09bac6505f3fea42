import { describe, expect, it } from "vitest";
import { AVAILABLE_MODULES, MODULE_REGISTRY } from "../protocol";
import { isServerStorage, registryShim, resolveSpecifier, unavailableMessage } from "./resolver";

describe("resolveSpecifier", () => {
  it.each(AVAILABLE_MODULES)("accepts %s as itself", (specifier) => {
    expect(resolveSpecifier(specifier)).toEqual({ ok: true, module: specifier });
  });

  it.each([
    ["https://deno.land/x/grammy/mod.ts", "grammy"],
    ["https://deno.land/x/grammy@v1.46.0/mod.ts", "grammy"],
    ["https://deno.land/x/grammy@v1/types.ts", "grammy/types"],
    ["https://deno.land/x/grammy/types.ts", "grammy/types"],
    ["npm:grammy", "grammy"],
    ["npm:grammy@1.46.0/types", "grammy/types"],
    ["npm:idb-keyval@^6", "idb-keyval"],
    ["npm:@session-lab/adapters-browser", "@session-lab/adapters-browser"],
  ])("maps Deno's %s to %s", (specifier, module) => {
    expect(resolveSpecifier(specifier)).toEqual({ ok: true, module });
  });

  it.each([
    "axios",
    "./helpers",
    "../bot.ts",
    "/abs.ts",
    "node:fs",
    "fs",
    "https://esm.sh/grammy",
    "https://deno.land/x/grammy/convenience/session.ts",
    "https://deno.land/x/grammy_storages/mod.ts",
    "https://deno.land/x/grammyfoo/mod.ts",
    "grammy/out/bot.js",
    "npm:axios",
    "Grammy",
  ])("refuses %s and lists what is available", (specifier) => {
    const resolution = resolveSpecifier(specifier);
    expect(resolution.ok).toBe(false);
    if (resolution.ok) return;
    expect(resolution.message).toBe(unavailableMessage(specifier));
    expect(resolution.message).toContain(`"${specifier}"`);
    for (const module of AVAILABLE_MODULES) expect(resolution.message).toContain(module);
  });

  it("words the refusal plainly, naming grammY's deno.land URLs", () => {
    expect(unavailableMessage("axios")).toBe(
      'Cannot import "axios": the playground can import grammy, grammy/web, grammy/types, ' +
        "@session-lab/adapters-browser, idb-keyval and @grammyjs/runner (npm: too), and grammY from deno.land " +
        "(https://deno.land/x/grammy/mod.ts or types.ts, any version).",
    );
  });

  it("refuses in Spanish on a Spanish page", () => {
    const resolution = resolveSpecifier("axios", "es");
    expect(resolution).toEqual({ ok: false, message: unavailableMessage("axios", "es") });
    expect(unavailableMessage("axios", "es")).toBe(
      'No se puede importar "axios": el playground puede importar grammy, grammy/web, grammy/types, ' +
        "@session-lab/adapters-browser, idb-keyval y @grammyjs/runner (también con npm:), y grammY desde deno.land " +
        "(https://deno.land/x/grammy/mod.ts o types.ts, de cualquier versión).",
    );
  });

  it.each(["en", "es"] as const)("suggests memory or the IndexedDB adapter for free storage (%s)", (locale) => {
    const message = unavailableMessage("@grammyjs/storage-free", locale);
    const [refusal, suggestion] = message.split("\n");
    expect(refusal).toBe(unavailableMessage("axios", locale).replace('"axios"', '"@grammyjs/storage-free"'));
    expect(suggestion).toContain('"@grammyjs/storage-free"');
    expect(suggestion).toContain('IndexedDBAdapter');
    expect(suggestion).toContain('"@session-lab/adapters-browser"');
    expect(suggestion).toMatch(locale === "en" ? /memory/ : /memoria/);
  });
});

describe("isServerStorage", () => {
  it.each([
    "@grammyjs/storage-free",
    "npm:@grammyjs/storage-redis@2.4.2",
    "@grammyjs/storage-mongodb/dist/mod.js",
    "https://deno.land/x/grammy_storages@v2.4.2/free/src/mod.ts",
    "https://deno.land/x/grammy_storages/redis/src/mod.ts",
    "redis",
    "ioredis",
    "mongodb@6",
    "npm:pg",
    "@supabase/supabase-js",
    "@deta/base",
  ])("knows %s keeps sessions on a server", (specifier) => {
    expect(isServerStorage(specifier)).toBe(true);
  });

  it.each(["axios", "grammy", "@grammyjs/menu", "@grammyjs/storages", "redis-like", "node:fs", "./redis", "https://deno.land/x/grammy/mod.ts"])(
    "does not take %s for a storage",
    (specifier) => {
      expect(isServerStorage(specifier)).toBe(false);
      expect(unavailableMessage(specifier)).not.toContain("\n");
    },
  );
});

describe("registryShim", () => {
  function evaluate(source: string, registry: unknown): unknown {
    const module = { exports: {} as unknown };
    const global = { [MODULE_REGISTRY]: registry };
    // The shim reads `globalThis`; hand it a stand-in so the test leaves the real one alone.
    new Function("module", "globalThis", source)(module, global);
    return module.exports;
  }

  it("exports the registry's namespace for the module", () => {
    const grammy = { Bot: class {} };
    expect(evaluate(registryShim("grammy"), { grammy })).toBe(grammy);
  });

  it("fails clearly when the sandbox did not provide the module", () => {
    expect(() => evaluate(registryShim("idb-keyval"), { grammy: {} })).toThrow(
      'The playground sandbox does not provide "idb-keyval".',
    );
    expect(() => evaluate(registryShim("grammy"), undefined)).toThrow('does not provide "grammy"');
  });
});
