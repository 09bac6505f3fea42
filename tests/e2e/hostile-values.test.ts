/**
 * Issue 11, items 6 and 2: values a hostile (or careless) program hands the playground. A session value
 * nested thousands of levels deep is copied, posted and drawn without stack overflows, the run keeps
 * running and the value shows collapsed; a url button whose URL is a `blob:`, `javascript:` or `data:`
 * page is refused by the simulated Bot API exactly as Telegram refuses it, and no link is drawn.
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

async function openWith(program: string, locale: "en" | "es" = "en"): Promise<WatchedPage> {
  const watched = await open(`${locale === "es" ? "/es" : ""}/playground/?example=pizza-memory#code=${encodeSharedCode(program)}`);
  opened.push(watched);
  await waitReady(watched.page);
  return watched;
}

const chatLog = (page: Page, words: PlaygroundWords) => page.getByRole("log", { name: words.chatRegion });
const runStatus = (page: Page) => page.locator(".sl-playground").getAttribute("data-run-status");

/** A bot whose session holds `{ next: … }` nested `depth` levels deep in all, written on every message. */
const deepWriter = (depth: number) =>
  [
    'import { Bot, session } from "grammy";',
    "",
    "type Nested = { next?: Nested; leaf?: string };",
    'const bot = new Bot("");',
    "bot.use(session({ initial: (): Nested => ({}) }));",
    'bot.on("message:text", async (ctx) => {',
    '  let value: Nested = { leaf: "bottom" };',
    `  for (let level = 2; level < ${depth}; level++) value = { next: value };`,
    "  ctx.session.next = value;",
    "  await ctx.reply(`deep value written: ${ctx.message.text}`);",
    "});",
    "bot.start();",
    "",
  ].join("\n");

// Each test opens a page, compiles and runs a program: on a busy machine that is more than a minute.
describe("deep session values", { timeout: 240_000 }, () => {
  const cases = [
    { locale: "en" as const, words: ENGLISH, depth: 3000, collapsed: "… 2,984 more levels", region: "Stored sessions" },
    { locale: "es" as const, words: SPANISH, depth: 1000, collapsed: "… 984 niveles más", region: "Sesiones guardadas" },
  ];

  for (const { locale, words, depth, collapsed, region } of cases) {
    it(`writes a value ${depth} levels deep: the run keeps running and the value shows collapsed (${locale})`, async () => {
      const { page, errors } = await openWith(deepWriter(depth), locale);
      await runProgram(page, words);

      await say(page, words, "first");
      await chatLog(page, words).getByText("deep value written: first").waitFor({ timeout: 20_000 });
      // The write reached the traffic log, its value collapsed after 16 levels.
      const traffic = page.getByRole("listbox", { name: words.traffic });
      const write = traffic.getByRole("option").filter({ hasText: /^\s*write 424242/ }).filter({ hasText: collapsed });
      await write.first().waitFor({ timeout: 15_000 });
      await expect(write.first().textContent()).resolves.toContain('{"next": '.repeat(15));

      // The stored-sessions view draws it collapsed as well, pretty-printed.
      const stored = page.getByRole("region", { name: region }).locator("pre").filter({ hasText: collapsed });
      await stored.waitFor({ timeout: 15_000 });

      // Not stopped as an endless loop: the same bot answers the next message, and the page answers too.
      await say(page, words, "second");
      await chatLog(page, words).getByText("deep value written: second").waitFor({ timeout: 20_000 });
      await expect(runStatus(page)).resolves.toBe("running");
      await expect.poll(() => page.getByTestId("count-write").textContent(), { timeout: 10_000 }).toBe("2");
      await expect(page.evaluate(() => document.querySelectorAll(".sl-call").length)).resolves.toBeGreaterThan(0);
      await page.getByRole("button", { name: words.stop, exact: true }).click();
      await expect.poll(() => runStatus(page), { timeout: 15_000 }).toBe("stopped");
      expect(errors.filter((e) => /RangeError|call stack/i.test(e))).toEqual([]);
    });
  }
});

const buttonSender = [
  'import { Bot, InlineKeyboard } from "grammy";',
  "",
  'const bot = new Bot("");',
  'bot.on("message:text", async (ctx) => {',
  '  const page = URL.createObjectURL(new Blob(["<script>alert(document.domain)</script>"], { type: "text/html" }));',
  '  for (const url of [page, "javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>"]) {',
  "    try {",
  '      await ctx.reply("hostile button", { reply_markup: new InlineKeyboard().url("Open me", url) });',
  "    } catch (error) {",
  "      console.error(`refused ${url.split(\":\")[0]}: ${(error as Error).message}`);",
  "    }",
  "  }",
  '  await ctx.reply("a real link", { reply_markup: new InlineKeyboard().url("grammY", "https://grammy.dev") });',
  "});",
  "bot.start();",
  "",
].join("\n");

describe("url buttons", { timeout: 240_000 }, () => {
  it("refuses blob:, javascript: and data: URLs with Telegram's error and draws no link for them", async () => {
    const { page } = await openWith(buttonSender);
    await runProgram(page, ENGLISH);
    await say(page, ENGLISH, "buttons please");
    const chat = chatLog(page, ENGLISH);
    await chat.getByText("a real link").waitFor({ timeout: 20_000 });

    // The bot's three calls failed the way Telegram fails them, and the console says so.
    const consoleButton = page.getByRole("button", { name: /^Console/ });
    const consolePane = page.getByRole("region", { name: "Console and errors" });
    if (!(await consolePane.isVisible())) await consoleButton.click();
    for (const scheme of ["blob", "javascript", "data"]) {
      await consolePane
        .getByText(`refused ${scheme}: Call to 'sendMessage' failed! (400: Bad Request: BUTTON_URL_INVALID)`)
        .waitFor({ timeout: 15_000 });
    }

    // None of the hostile messages reached the chat; the one link drawn is the https one, opening apart.
    await expect(chat.getByText("hostile button").count()).resolves.toBe(0);
    const links = chat.getByRole("link");
    await expect(links.count()).resolves.toBe(1);
    const link = chat.getByRole("link", { name: "grammY" });
    await expect(link.getAttribute("href")).resolves.toBe("https://grammy.dev");
    await expect(link.getAttribute("target")).resolves.toBe("_blank");
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await expect(chat.locator('a[href^="blob:"], a[href^="javascript:"], a[href^="data:"]').count()).resolves.toBe(0);
    await expect(runStatus(page)).resolves.toBe("running");
  });
});
