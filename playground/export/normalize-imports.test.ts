import { describe, expect, it } from "vitest";
import { normalizeImports } from "./normalize-imports";

describe("naming imports by their package", () => {
  it("turns Deno's spellings into package names and lists what the program imports", () => {
    const code = [
      'import { Bot } from "https://deno.land/x/grammy@v1.46.0/mod.ts";',
      'import type { Update } from "https://deno.land/x/grammy/types.ts";',
      'import { run } from "npm:@grammyjs/runner@2";',
      'import { session } from "grammy";',
      'export { Keyboard } from "npm:grammy";',
      '// import { x } from "npm:grammy"',
      'const s = "from \'npm:grammy\'";',
    ].join("\n");
    const result = normalizeImports(code);
    expect(result.code).toBe(
      [
        'import { Bot } from "grammy";',
        'import type { Update } from "grammy/types";',
        'import { run } from "@grammyjs/runner";',
        'import { session } from "grammy";',
        'export { Keyboard } from "grammy";',
        '// import { x } from "npm:grammy"',
        'const s = "from \'npm:grammy\'";',
      ].join("\n"),
    );
    expect([...result.modules].sort()).toEqual(["@grammyjs/runner", "grammy", "grammy/types"]);
  });

  it("leaves imports it does not know as written", () => {
    const code = 'import fs from "node:fs";\nimport "./setup.ts";\n';
    expect(normalizeImports(code)).toEqual({ code, modules: new Set() });
  });
});
