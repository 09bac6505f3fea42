import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { exportFileName, exportProject, planExport } from "./export-project";
import { SERVER_STORAGES } from "./strings";
import { allExamples, DENO_RUNNER_PROGRAM } from "./testing/examples";

const installed = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), "utf8")).version as string;

const pizza = allExamples().find((example) => example.name === "pizza" && example.locale === "en")!;
const pizzaMemory = allExamples().find((example) => example.name === "pizza-memory" && example.locale === "es")!;

describe("the exported project", () => {
  it("for Node: package.json, tsconfig.json, bot.ts, README.md and .gitignore", () => {
    const files = exportProject({ code: pizza.code, example: "pizza", locale: "en", runtime: "node", storage: "file" });
    expect(Object.keys(files).sort()).toEqual([".gitignore", "README.md", "bot.ts", "package.json", "tsconfig.json"]);
    const pkg = JSON.parse(files["package.json"]);
    expect(pkg).toMatchObject({ name: "session-lab-pizza", type: "module", scripts: { start: "tsx bot.ts" } });
    expect(pkg.dependencies).toEqual({
      grammy: `^${installed("grammy")}`,
      "@grammyjs/storage-file": `^${installed("@grammyjs/storage-file")}`,
    });
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(["@types/node", "tsx", "typescript"]);
    expect(files[".gitignore"]).toBe("node_modules/\nsessions/\n");
    expect(files["bot.ts"]).toContain("new Bot<MyContext>(token, { client: { apiRoot } })");
    expect(files["bot.ts"]).toContain('const token = process.env.BOT_TOKEN ?? "";');
    expect(files["bot.ts"]).not.toContain("adapters-browser");
  });

  it("names the adapter it uses, and none when the program keeps sessions in memory", () => {
    for (const storage of SERVER_STORAGES) {
      const pkg = JSON.parse(exportProject({ code: pizza.code, example: "pizza", locale: "en", runtime: "node", storage })["package.json"]);
      const adapters = Object.keys(pkg.dependencies).filter((name) => name !== "grammy");
      expect(adapters).toEqual({ memory: [], file: ["@grammyjs/storage-file"], free: ["@grammyjs/storage-free"] }[storage]);
    }
    const memory = exportProject({ code: pizzaMemory.code, example: "pizza-memory", locale: "es", runtime: "node", storage: "file" });
    expect(Object.keys(JSON.parse(memory["package.json"]).dependencies)).toEqual(["grammy"]);
    expect(memory[".gitignore"]).toBe("node_modules/\n");
    expect(memory["README.md"]).toContain("Este bot guarda sus sesiones en memoria");
  });

  it("for Deno: deno.json with npm: imports and only the permissions the bot needs", () => {
    const file = exportProject({ code: pizza.code, example: "pizza", locale: "en", runtime: "deno", storage: "file" });
    expect(Object.keys(file).sort()).toEqual([".gitignore", "README.md", "bot.ts", "deno.json"]);
    expect(JSON.parse(file["deno.json"])).toEqual({
      tasks: { start: "deno run --allow-net --allow-env --allow-read --allow-write bot.ts" },
      imports: {
        grammy: `npm:grammy@^${installed("grammy")}`,
        "@grammyjs/storage-file": `npm:@grammyjs/storage-file@^${installed("@grammyjs/storage-file")}`,
      },
    });
    expect(file["bot.ts"]).toContain('Deno.env.get("BOT_TOKEN")');
    expect(file["README.md"]).toContain("deno install\nBOT_TOKEN=123456:ABC-DEF deno task start");
    const free = exportProject({ code: pizza.code, example: "pizza", locale: "en", runtime: "deno", storage: "free" });
    expect(JSON.parse(free["deno.json"]).tasks.start).toBe("deno run --allow-net --allow-env bot.ts");
  });

  it("writes the README in the page's language, with the two commands and the guide's storage page", () => {
    const en = exportProject({ code: pizza.code, example: "pizza", locale: "en", runtime: "node", storage: "free" })["README.md"];
    const es = exportProject({ code: pizza.code, example: "pizza", locale: "es", runtime: "node", storage: "free" })["README.md"];
    for (const readme of [en, es]) {
      expect(readme).toContain("npm install\nBOT_TOKEN=123456:ABC-DEF npm start");
      expect(readme).toContain("@BotFather");
      expect(readme).toContain("BOT_API_ROOT");
      for (const name of ["MemorySessionStorage", "@grammyjs/storage-file", "@grammyjs/storage-free", "Redis", "PostgreSQL", "MongoDB"]) {
        expect(readme).toContain(name);
      }
    }
    expect(en).toContain("## Where the sessions are kept");
    expect(en).toContain("on Session Lab, explains the choice: /sessions/storage");
    expect(es).toContain("## Dónde se guardan las sesiones");
    expect(es).toContain("en Session Lab, explica cómo elegir: /es/sessions/storage");
    // Given the site's address, the links lead there from the reader's disk.
    const linked = exportProject({ code: pizza.code, example: "pizza", locale: "es", runtime: "node", storage: "file", siteUrl: "https://lab.example/docs/" });
    expect(linked["README.md"]).toContain("explica cómo elegir: https://lab.example/docs/es/sessions/storage");
    expect(linked["bot.ts"]).toContain("https://lab.example/docs/es/sessions/storage en Session Lab");
    // The comments left in bot.ts follow the language too.
    const esBot = exportProject({ code: pizza.code, example: "pizza", locale: "es", runtime: "node", storage: "free" })["bot.ts"];
    expect(esBot).toContain("// Exportado desde Session Lab");
    expect(esBot).toContain("Falta BOT_TOKEN");
  });

  it("names Deno's spellings of grammY by package, and depends on the runner when the program imports it", () => {
    const code = DENO_RUNNER_PROGRAM;
    const node = exportProject({ code, example: "runner", locale: "en", runtime: "node", storage: "file" });
    expect(node["bot.ts"]).toContain('import { Bot } from "grammy";\nimport type { Update } from "grammy/types";\nimport { run } from "@grammyjs/runner";');
    expect(JSON.parse(node["package.json"]).dependencies).toEqual({
      grammy: `^${installed("grammy")}`,
      "@grammyjs/runner": `^${installed("@grammyjs/runner")}`,
    });
    const deno = exportProject({ code, example: "runner", locale: "en", runtime: "deno", storage: "file" });
    expect(JSON.parse(deno["deno.json"]).imports).toEqual({
      grammy: `npm:grammy@^${installed("grammy")}`,
      "grammy/": `npm:/grammy@^${installed("grammy")}/`,
      "@grammyjs/runner": `npm:@grammyjs/runner@^${installed("@grammyjs/runner")}`,
    });
  });

  it("names the zip after the example", () => {
    expect(exportFileName("pizza")).toBe("session-lab-pizza.zip");
    expect(exportFileName("keys-user-chat")).toBe("session-lab-keys-user-chat.zip");
    expect(exportFileName("Mi bot!")).toBe("session-lab-mi-bot.zip");
  });
});

describe("a program that calls idb-keyval itself", () => {
  const code = `import { Bot } from "grammy";
import { get, set } from "idb-keyval";

const bot = new Bot("");
bot.on("message", async (ctx) => {
  const seen = ((await get<number>("seen")) ?? 0) + 1;
  await set("seen", seen);
  await ctx.reply(String(seen));
});
bot.start();
`;

  it("is told apart from one that does not, and from one that keeps sessions in the browser adapter", () => {
    const plan = (program: string) => planExport({ code: program, example: "counter", locale: "en", runtime: "node", storage: "file" });
    expect(plan(code)).toMatchObject({ callsIdbKeyval: true, usesBrowserStorage: false });
    expect(plan(code.replace(/import \{ get, set \} from "idb-keyval";\n/, ""))).toMatchObject({ callsIdbKeyval: false });
    expect(plan(allExamples()[0]!.code)).toMatchObject({ callsIdbKeyval: false, usesBrowserStorage: true });
  });

  it("keeps idb-keyval as a dependency and says in the README, in each language, that those calls fail on a server", () => {
    const en = exportProject({ code, example: "counter", locale: "en", runtime: "node", storage: "file" });
    expect(JSON.parse(en["package.json"]).dependencies).toHaveProperty("idb-keyval");
    expect(en["bot.ts"]).toContain('from "idb-keyval"');
    expect(en["README.md"]).toContain("`bot.ts` calls idb-keyval");
    const es = exportProject({ code, example: "counter", locale: "es", runtime: "deno", storage: "file" });
    expect(JSON.parse(es["deno.json"]).imports["idb-keyval"]).toMatch(/^npm:idb-keyval@\^\d/);
    expect(es["README.md"]).toContain("`bot.ts` llama a idb-keyval");
    // A program without it gets no such paragraph.
    const pizza = exportProject({ code: allExamples()[0]!.code, example: "pizza", locale: "en", runtime: "node", storage: "file" });
    expect(pizza["README.md"]).not.toContain("idb-keyval");
  });
});

