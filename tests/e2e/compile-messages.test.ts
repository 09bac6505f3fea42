import { afterEach, describe, expect, it } from "vitest";
import { encodeSharedCode } from "../../playground/composables/share-link";
import { useBrowser, type WatchedPage } from "./browser";
import { anaSays, ENGLISH, expectTotals, loggedCalls, runProgram, say, SPANISH, waitReady } from "./playground-helpers";
import { runWithGrammy } from "./playground-oracle";

const { open } = useBrowser({ viewport: { width: 1400, height: 1000 } });

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

/** The playground with `code` in the editor, as a shared link brings it (loaded, not run). */
function withCode(path: string, code: string): string {
  return `${path}?example=pizza-memory#code=${encodeSharedCode(code)}`;
}

/**
 * grammY's session guide in its JavaScript (CommonJS) form: three alternative `getSessionKey` functions, one
 * after another. CommonJS allows that, and the last one is the one that counts: per user and chat.
 */
const THREE_SESSION_KEYS = `const { Bot, session } = require("grammy");

const bot = new Bot("");

// Stores data per chat (default).
function getSessionKey(ctx) {
  return ctx.chat?.id.toString();
}

// Stores data per user.
function getSessionKey(ctx) {
  return ctx.from?.id.toString();
}

// Stores data per user-chat combination.
function getSessionKey(ctx) {
  return ctx.from === undefined || ctx.chat === undefined
    ? undefined
    : \`\${ctx.from.id}/\${ctx.chat.id}\`;
}

bot.use(session({ getSessionKey, initial: () => ({ pizzaCount: 0 }) }));

bot.hears(/🍕/, (ctx) => ctx.session.pizzaCount++);

bot.command("hunger", async (ctx) => {
  await ctx.reply(\`Your hunger level is \${ctx.session.pizzaCount}!\`);
});

bot.start();
`;

/** A bot that keeps its sessions in grammY's free storage, which lives on a server. */
const FREE_STORAGE = `import { Bot, session } from "grammy";
import { freeStorage } from "@grammyjs/storage-free";

const bot = new Bot("");
bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage: freeStorage(bot.token) }));
bot.start();
`;

describe("compile messages", () => {
  // A page load, the compiler's first start and a run: near the default minute on a busy machine.
  it("runs a CommonJS program as CommonJS: three getSessionKey functions, the last one keys the counter", { timeout: 120_000 }, async () => {
    const watched = await open(withCode("/playground/", THREE_SESSION_KEYS));
    opened.push(watched);
    const { page, errors } = watched;
    await waitReady(page);

    const texts = ["🍕", "🍕", "/hunger"];
    const expected = await runWithGrammy(THREE_SESSION_KEYS, anaSays(texts));
    expect(expected.replies).toEqual(["Your hunger level is 2!"]);
    // Real grammY keyed every call with the third function: Ana's id, a slash, her private chat's id.
    expect(new Set(expected.calls.map((call) => call.split(" ")[1]))).toEqual(new Set(["424242/424242"]));

    await runProgram(page, ENGLISH);
    for (const text of texts) await say(page, ENGLISH, text);
    await page.getByRole("log", { name: ENGLISH.chatRegion }).getByText("Your hunger level is 2!").waitFor({ timeout: 15_000 });
    await expectTotals(page, { read: expected.read, write: expected.write, delete: expected.delete });
    expect(await loggedCalls(page, ENGLISH)).toEqual(expected.calls);
    const consolePane = page.getByRole("region", { name: "Console and errors" });
    await expect(consolePane.getByRole("alert").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it("refuses a server's storage on /es/ in Spanish, at its line, naming deno.land and the IndexedDB adapter", { timeout: 120_000 }, async () => {
    const watched = await open(withCode("/es/playground/", FREE_STORAGE), { locale: "es-ES" });
    opened.push(watched);
    const { page } = watched;
    await waitReady(page);

    await page.getByRole("button", { name: SPANISH.run, exact: true }).click();
    const problem = page
      .getByRole("region", { name: "Consola y errores" })
      .getByRole("alert")
      .getByRole("listitem")
      .filter({ hasText: 'Línea 2: No se puede importar "@grammyjs/storage-free"' });
    await problem.waitFor({ timeout: 30_000 });
    const text = await problem.innerText();
    expect(text).toContain("el playground puede importar grammy");
    expect(text).toContain("https://deno.land/x/grammy/mod.ts");
    expect(text).toContain("guarda las sesiones en un servidor; el playground se ejecuta en tu navegador");
    expect(text).toContain("Usa la memoria de grammY");
    expect(text).toContain('IndexedDBAdapter de "@session-lab/adapters-browser"');
    // Nothing of the compiler's English framing is left.
    expect(text).not.toMatch(/Cannot import|the playground can/);
    await expect(page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("0");
  });
});
