import { describe, expect, it } from "vitest";
import { rewriteStorage, type StorageWords } from "./rewrite-storage";
import { SERVER_STORAGES, type ServerStorage } from "./strings";
import { allExamples } from "./testing/examples";

const WORDS: StorageWords = {
  comment: ["replaced: IndexedDB is a browser API"],
  lineNote: "see above",
  freeStorageWrapper: ["why the wrapper"],
};
const rewrite = (code: string, storage: ServerStorage) => rewriteStorage(code, storage, WORDS, "token");

/** The lines of `code` that are code, comments stripped (the rewrite's own comments included). */
const codeLines = (code: string) =>
  code
    .split("\n")
    .map((line) => line.replace(/\s*\/\/ (see above|replaced: .*)$/, "").replace(/^\s*\/\/.*$/, ""))
    .filter((line) => line.trim() !== "");

const IMPORTS: Record<ServerStorage, string> = {
  memory: 'import { MemorySessionStorage } from "grammy";',
  file: 'import { FileAdapter } from "@grammyjs/storage-file";',
  free: 'import { freeStorage } from "@grammyjs/storage-free";',
};

describe("rewriting the browser storage of every example", () => {
  for (const example of allExamples()) {
    const constructions = example.code.match(/new IndexedDBAdapter\b/g)?.length ?? 0;
    if (!rewrite(example.code, "memory").usedBrowserStorage) {
      it(`leaves ${example.name} (${example.locale}) as it is: it does not use IndexedDB`, () => {
        expect(constructions).toBe(0);
        for (const storage of SERVER_STORAGES) {
          expect(rewrite(example.code, storage)).toEqual({ code: example.code, replaced: 0, usedBrowserStorage: false });
        }
      });
      continue;
    }
    for (const storage of SERVER_STORAGES) {
      it(`swaps IndexedDB for ${storage} in ${example.name} (${example.locale})`, () => {
        const result = rewrite(example.code, storage);
        expect(result.usedBrowserStorage).toBe(true);
        expect(result.replaced).toBe(constructions);
        expect(result.replaced).toBeGreaterThan(0);
        const lines = codeLines(result.code);
        expect(lines.join("\n")).not.toMatch(/IndexedDB|adapters-browser/);
        expect(lines).toContain(IMPORTS[storage]);
        // Each replaced line got its note, and the comment says why.
        expect(result.code.match(/ \/\/ see above$/gm)?.length).toBe(constructions);
        expect(result.code).toContain("// replaced: IndexedDB is a browser API");
        // Every other line of code is still there, in order.
        const untouched = codeLines(example.code).filter((line) => !line.includes("IndexedDBAdapter"));
        let next = 0;
        for (const line of lines) if (line === untouched[next]) next++;
        expect(untouched.slice(next)).toEqual([]);
        // Free storage adds its typed wrapper: `import type { StorageAdapter }` and a four-line function.
        expect(lines.length - codeLines(example.code).length).toBe(storage === "free" ? 5 : 0);
        if (storage === "free") expect(lines).toContain("function freeSessionStorage<T>(token: string): StorageAdapter<T> {");
      });
    }
  }

  it("keeps the type arguments, and uses bot.token once the bot exists", () => {
    const pizza = allExamples().find((example) => example.name === "pizza" && example.locale === "en")!;
    expect(rewrite(pizza.code, "file").code).toContain('storage: new FileAdapter<SessionData>({ dirName: "sessions" })');
    expect(rewrite(pizza.code, "free").code).toContain("storage: freeSessionStorage<SessionData>(bot.token)");
    expect(rewrite(pizza.code, "memory").code).toContain("storage: new MemorySessionStorage<SessionData>()");
  });
});

describe("rewriting programs the reader wrote", () => {
  const head = 'import { Bot, session } from "grammy";\n';

  it("scans balanced parentheses, past strings and nested calls in the adapter's options", () => {
    const code = `${head}import { IndexedDBAdapter } from "@session-lab/adapters-browser";
const bot = new Bot("");
bot.use(session({ storage: new IndexedDBAdapter({ databaseName: name("a)b"), storeName: \`s(\${x})\` }) }));
`;
    expect(rewrite(code, "free").code).toContain("bot.use(session({ storage: freeSessionStorage(bot.token) })); // see above\n");
  });

  it("uses the token variable when the adapter is built before the bot", () => {
    const code = `${head}import { IndexedDBAdapter } from "@session-lab/adapters-browser";
const storage = new IndexedDBAdapter<number>();
const bot = new Bot("");
`;
    expect(rewrite(code, "free").code).toContain("const storage = freeSessionStorage<number>(token); // see above");
  });

  it("follows an alias, keeps the import's other names and touches no comment or string", () => {
    const code = `${head}import { observeStorage, IndexedDBAdapter as Idb } from "@session-lab/adapters-browser";
// new Idb() in a comment
const text = "new Idb()";
const bot = new Bot("");
bot.use(session({ storage: observeStorage(new Idb(), () => {}) }));
`;
    const result = rewrite(code, "file").code;
    expect(result).toContain('import { observeStorage } from "@session-lab/adapters-browser";');
    expect(result).toContain("// new Idb() in a comment");
    expect(result).toContain('const text = "new Idb()";');
    expect(result).toContain('observeStorage(new FileAdapter({ dirName: "sessions" }), () => {})');
    expect(result).not.toMatch(/import \{[^}]*Idb/);
  });

  it("gives MemorySessionStorage a type argument when the browser adapter had none", () => {
    const code = 'import { IndexedDBAdapter } from "@session-lab/adapters-browser";\nconst s = new IndexedDBAdapter();\n';
    expect(rewrite(code, "memory").code).toContain("const s = new MemorySessionStorage<any>(); // see above");
  });

  it("adds no second import of MemorySessionStorage when grammY's import has it", () => {
    const code = `import { Bot, MemorySessionStorage, session } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";
const storage = new IndexedDBAdapter();
`;
    const result = rewrite(code, "memory").code;
    expect(result.match(/MemorySessionStorage\b/g)?.length).toBe(2);
    expect(result).toContain("const storage = new MemorySessionStorage<any>(); // see above");
  });

  it("ignores an import of the adapter that is only in a comment", () => {
    const code = '// import { IndexedDBAdapter } from "@session-lab/adapters-browser";\nconst a = 1;\n';
    expect(rewrite(code, "file")).toEqual({ code, replaced: 0, usedBrowserStorage: false });
  });
});
