/**
 * Issue 10, items 1–5: the run status and the chat tell the truth in every state. A program that throws
 * while loading, a bot that grammY itself stopped, a message sent with nothing to receive it, an update
 * waiting on a promise that never settles, and a hand-written update with a high id.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { encodeSharedCode } from "../../playground/composables/share-link";
import { useBrowser, type WatchedPage } from "./browser";
import { ENGLISH, SPANISH, runProgram, say, waitReady, type PlaygroundWords } from "./playground-helpers";

const { open } = useBrowser({ viewport: { width: 1440, height: 900 } });

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

async function openWith(program: string | undefined, locale: "en" | "es" = "en"): Promise<Page> {
  const path = `${locale === "es" ? "/es" : ""}/playground/?example=pizza-memory${program ? `#code=${encodeSharedCode(program)}` : ""}`;
  const watched = await open(path);
  opened.push(watched);
  await waitReady(watched.page);
  return watched.page;
}

/** Clicks Run without waiting for "running": the program may never get there. */
async function clickRun(page: Page, words: PlaygroundWords): Promise<void> {
  await page.getByRole("button", { name: words.run, exact: true }).click();
}

const chatLog = (page: Page, words: PlaygroundWords) => page.getByRole("log", { name: words.chatRegion });

/** The run status line, whichever role it has now (status, or alert when something went wrong). */
const runStatus = (page: Page) => page.getByTestId("run-status");

const echoBot = [
  'import { Bot } from "grammy";',
  'const bot = new Bot("");',
  'bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));',
  "bot.start();",
  "",
].join("\n");

// Each test opens a page, compiles and runs a program: on a busy machine that is more than a minute.
describe("the run status follows the program and its bot", { timeout: 240_000 }, () => {
  const loadCases = [
    {
      locale: "en" as const,
      words: ENGLISH,
      stopped: "The program stopped while loading: ReferenceError: notDefined is not defined (line 4). Fix the code and click Run.",
      notDelivered: /Not delivered: .*Press Run/,
    },
    {
      locale: "es" as const,
      words: SPANISH,
      stopped: "El programa se detuvo al cargarse: ReferenceError: notDefined is not defined (línea 4). Corrige el código y pulsa Ejecutar.",
      notDelivered: /No entregado: .*Pulsa Ejecutar/,
    },
  ];

  for (const { locale, words, stopped, notDelivered } of loadCases) {
    it(`says the program stopped when it throws while loading (${locale}), and what is sent then is not delivered`, async () => {
      const program = ['import { Bot } from "grammy";', 'const bot = new Bot("");', 'bot.on("message", (ctx) => ctx.reply("hi"));', "notDefined();", "bot.start();", ""].join("\n");
      const page = await openWith(program, locale);
      await clickRun(page, words);
      const alert = page.getByRole("alert").filter({ hasText: stopped });
      await alert.waitFor({ timeout: 30_000 });
      await expect(runStatus(page).textContent()).resolves.toBe(stopped);
      // Stop has nothing left to stop.
      await expect(page.getByRole("button", { name: words.stop, exact: true }).isDisabled()).resolves.toBe(true);

      await say(page, words, "🍕");
      const bubble = chatLog(page, words).locator(".sl-bubble--user").filter({ hasText: "🍕" });
      await expect.poll(() => bubble.locator(".sl-bubble-undelivered").textContent(), { timeout: 10_000 }).toMatch(notDelivered);
    });
  }

  it("says the bot stopped when grammY's default error handler stops it, and later messages are not delivered", async () => {
    const program = [
      'import { Bot, session } from "grammy";',
      'const bot = new Bot("");',
      "// initial must be a function: grammY calls it for every new chat.",
      "bot.use(session({ initial: { pizzaCount: 0 } } as never));",
      'bot.on("message", (ctx) => ctx.reply("hi"));',
      "bot.start();",
      "",
    ].join("\n");
    const page = await openWith(program);
    await runProgram(page, ENGLISH);
    await expect(runStatus(page).textContent()).resolves.toBe("Running. Send it a message.");

    await say(page, ENGLISH, "🍕");
    const alert = page.getByRole("alert").filter({ hasText: /^The bot stopped: update 1 \(Ana in private chat: 🍕\) failed with TypeError: .* is not a function/ });
    await alert.waitFor({ timeout: 15_000 });
    await expect(runStatus(page).textContent()).resolves.toMatch(/without bot\.catch\(\) grammY stops the bot/);

    await say(page, ENGLISH, "anyone there?");
    const bubble = chatLog(page, ENGLISH).locator(".sl-bubble--user").filter({ hasText: "anyone there?" });
    await expect
      .poll(() => bubble.locator(".sl-bubble-undelivered").textContent(), { timeout: 10_000 })
      .toContain("Not delivered: the bot has stopped. Press Run to start it again.");
    await expect(chatLog(page, ENGLISH).getByText("hi", { exact: true }).count()).resolves.toBe(0);
  });

  it("shows a message sent before Run as not delivered, with a hint to press Run, in both languages", async () => {
    for (const [locale, words, hint] of [
      ["en", ENGLISH, "Not delivered: the bot is not running. Press Run to start it."],
      ["es", SPANISH, "No entregado: el bot no está en marcha. Pulsa Ejecutar para arrancarlo."],
    ] as const) {
      const page = await openWith(echoBot, locale);
      await say(page, words, "hello?");
      // The hint is words in the bubble, not only a colour or an icon.
      await chatLog(page, words).getByText(hint).waitFor({ timeout: 10_000 });
      await expect(page.getByRole("textbox", { name: words.message, exact: true }).inputValue()).resolves.toBe("");

      await runProgram(page, words);
      await say(page, words, "now?");
      await chatLog(page, words).getByText("echo: now?").waitFor({ timeout: 15_000 });
      await expect(chatLog(page, words).getByText("echo: hello?").count()).resolves.toBe(0);
    }
  });

  it("names an update that waits on a promise that never settles, links the guide, and offers Stop", async () => {
    const program = [
      'import { Bot, Context, lazySession, LazySessionFlavor } from "grammy";',
      "type MyContext = Context & LazySessionFlavor<{ pizzaCount: number }>;",
      'const bot = new Bot<MyContext>("");',
      "bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }) }));",
      'bot.command("reset", (ctx) => {',
      "  ctx.session = Promise.resolve(ctx.session).then((s) => ({ ...s, pizzaCount: 0 }));",
      "});",
      'bot.on("message", (ctx) => ctx.reply("hi"));',
      "bot.start();",
      "",
    ].join("\n");
    const page = await openWith(program);
    await runProgram(page, ENGLISH);
    await say(page, ENGLISH, "/reset");
    await say(page, ENGLISH, "hello");

    const notice = page.getByRole("alert").filter({ hasText: /^Update 1 \(Ana in private chat: \/reset\) has not finished after \d+ s/ });
    await notice.waitFor({ timeout: 20_000 });
    await expect(notice.textContent()).resolves.toContain("Its lazy session read key 424242");
    await expect(notice.textContent()).resolves.toContain("1 later update waits behind it");
    const guide = notice.getByRole("link", { name: "Why assigning a promise to ctx.session can hang" });
    await expect(guide.getAttribute("href")).resolves.toMatch(/\/sessions\/lazy#assigning-promises$/);
    await expect(runStatus(page).textContent()).resolves.toMatch(/^Running, but update 1 has not finished after \d+ s \(see the chat\)\.$/);
    await expect(chatLog(page, ENGLISH).getByText("hi", { exact: true }).count()).resolves.toBe(0);

    await notice.getByRole("button", { name: "Stop the bot" }).click();
    await expect.poll(() => runStatus(page).textContent()).toBe("Stopped.");
    await expect(notice.count()).resolves.toBe(0);
  });

  it("keeps later messages arriving after a custom update with a high update_id", async () => {
    const page = await openWith(echoBot);
    await runProgram(page, ENGLISH);
    // A <summary> has no ARIA role Playwright can query; it is found by its text.
    await page.locator("summary").filter({ hasText: "Custom update (JSON)" }).click();
    const custom = {
      update_id: 900_000,
      message: { message_id: 5, date: 1_700_000_000, chat: { id: 424242, type: "private", first_name: "Ana" }, from: { id: 424242, is_bot: false, first_name: "Ana" }, text: "by hand" },
    };
    await page.getByRole("textbox", { name: "Custom update (JSON)" }).fill(JSON.stringify(custom));
    await page.getByRole("button", { name: "Send update" }).click();
    await chatLog(page, ENGLISH).getByText("echo: by hand").waitFor({ timeout: 15_000 });

    await say(page, ENGLISH, "after");
    await chatLog(page, ENGLISH).getByText("echo: after").waitFor({ timeout: 15_000 });
    await expect(chatLog(page, ENGLISH).getByText(/^Not delivered/).count()).resolves.toBe(0);
  });
});
