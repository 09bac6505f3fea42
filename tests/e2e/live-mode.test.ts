/**
 * Live mode end to end, offline: the local Bot API emulator (tests/bot-api/emulator.ts) stands in for
 * api.telegram.org. The reader switches /playground to Live with the keyboard, gives the emulator's token and
 * address, and runs the pizza example unmodified; a user writes to the bot through the emulator, and the page
 * shows the message, the bot's reply, the session traffic and the stored session. The token is never in the
 * page's text, a URL, localStorage or a share link (only in sessionStorage, and masked in what the program
 * logs); nothing is requested but from the site and the emulator; Stop and switching back end the polling;
 * 401 and 409 are explained in words (409 in Spanish too); axe finds nothing serious in live mode.
 *
 * Alone: `SITE_DIST=<build> npx vitest run --config tests/e2e/vitest.config.ts tests/e2e/live-mode.test.ts`.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMBED_STRINGS, LIVE_STRINGS } from "../../locales";
import { encodeSharedCode } from "../../playground/composables/share-link";
import { startBotApiEmulator, type BotApiEmulator } from "../bot-api/emulator";
import { startRecordingServer, type RecordingServer } from "./recording-server";
import { expectAxeClean } from "./axe";
import { gotoHydrated, useBrowser } from "./browser";
import { ENGLISH, SPANISH, expectTotals, runProgram, say, typeAtEnd, waitEditorReady, waitReady, type PlaygroundWords } from "./playground-helpers";

const { open, baseUrl } = useBrowser({ viewport: { width: 1440, height: 900 } });
const EN = LIVE_STRINGS.en;
const ES = LIVE_STRINGS.es;

let emulator: BotApiEmulator;
/** Another origin (another port) that records every request it gets: a live program must reach none. */
let elsewhere: RecordingServer;
beforeAll(async () => {
  elsewhere = await startRecordingServer("127.0.0.1");
});
afterAll(() => elsewhere.close());
beforeEach(async () => {
  emulator = await startBotApiEmulator();
});
afterEach(async () => {
  await emulator.close();
});

/** The secret half of the emulator's token: what must never be shown. */
const secretOf = (token: string) => token.slice(token.indexOf(":") + 1);

/** Every request the page, its frames and its workers make, from the page's and the context's own events. */
function recordRequests(page: Page, context: BrowserContext): Set<string> {
  const urls = new Set<string>();
  page.on("request", (request) => urls.add(request.url()));
  context.on("request", (request) => urls.add(request.url()));
  page.on("worker", (worker) => urls.add(worker.url()));
  return urls;
}

/** Switches to Live with the keyboard alone and types the token and the Bot API server. */
async function goLive(page: Page, words: typeof EN, token: string, apiRoot: string): Promise<void> {
  await page.getByRole("radio", { name: words.simulated, exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => page.getByRole("radio", { name: words.live, exact: true }).isChecked()).toBe(true);
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("password");
  await page.keyboard.type(token);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(apiRoot);
}

async function pressRun(page: Page, words: PlaygroundWords): Promise<void> {
  await page.getByRole("button", { name: words.run, exact: true }).click();
}

/** Goes live in English with the emulator's token and server, presses Run, and waits until the bot polls. */
async function runLive(page: Page): Promise<void> {
  await goLive(page, EN, emulator.token, emulator.url);
  await pressRun(page, ENGLISH);
  await expect.poll(() => emulator.activePollers(), { timeout: 30_000 }).toBe(1);
}

describe("live mode against the local Bot API emulator", () => {
  it("runs the pizza example unmodified against the Bot API, shows the chat, traffic and session, keeps the token out of sight, and Stop ends polling", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza");
    const requests = recordRequests(page, page.context());
    await waitReady(page);
    await runLive(page);
    await page.getByRole("status").filter({ hasText: EN.connected(`@${emulator.botInfo.username}`) }).waitFor();
    await expect.poll(() => page.getByTestId("run-status").innerText()).toBe(EN.statusRunning);

    emulator.userSays("🍕");
    emulator.userSays("/hunger");
    const [reply] = await emulator.waitForSent(1, 20_000);
    expect(reply.text).toBe("Your hunger level is 1!");
    expect(emulator.requests.filter((r) => r.method === "sendMessage")).toHaveLength(1);

    const chat = page.getByRole("log", { name: ENGLISH.chatRegion });
    const hunger = chat.locator(".sl-bubble--user", { hasText: "/hunger" });
    await hunger.waitFor();
    // The sender's name, as Telegram's update gives it.
    await hunger.getByText("Ana", { exact: true }).waitFor();
    await chat.getByText("Your hunger level is 1!").waitFor();
    // Strict sessions: each update reads, and writes back.
    await expectTotals(page, { read: 2, write: 2, delete: 0 });
    await page.getByTestId("indexeddb-storage").getByText(/"pizzaCount": 1/).waitFor({ timeout: 10_000 });
    // Kept apart from the simulated people's sessions: the live bot has a database of its own.
    await expect(page.getByTestId("indexeddb-storage").textContent()).resolves.toMatch(/“session-lab:[^:”]+:pizza:live”/);

    // The token: nowhere on the page, in a URL, localStorage or the share link; in sessionStorage only.
    await page.getByRole("button", { name: ENGLISH.share, exact: true }).click();
    const link = await page.locator(".sl-notice-link").inputValue();
    const secret = secretOf(emulator.token);
    const seen = await page.evaluate(() => ({
      text: document.body.innerText,
      html: document.documentElement.outerHTML,
      url: location.href,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      frames: [...document.querySelectorAll("iframe")].map((frame) => frame.contentDocument?.documentElement.outerHTML ?? ""),
    }));
    for (const [where, value] of Object.entries({ ...seen, link, frames: seen.frames.join("\n") })) {
      if (where === "session") continue;
      expect(value.includes(secret), `the token appears in ${where}`).toBe(false);
    }
    expect(seen.session).toContain(emulator.token);
    expect(link).toContain("#code=");

    // Nothing but the site and the emulator was asked for anything.
    const elsewhere = [...requests].filter((url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith(`${emulator.url}/`) && !/^(data|blob):/.test(url));
    expect(elsewhere).toEqual([]);
    expect([...requests].some((url) => url.startsWith(`${emulator.url}/bot`))).toBe(true);

    // Stop ends the polling, with the handled updates confirmed.
    await page.getByRole("button", { name: ENGLISH.stop, exact: true }).click();
    await expect.poll(() => emulator.activePollers(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => emulator.pendingUpdates().length).toBe(0);

    // Run again, then switch back to Simulated: that ends the polling too.
    await pressRun(page, ENGLISH);
    await expect.poll(() => emulator.activePollers(), { timeout: 30_000 }).toBe(1);
    await page.getByRole("radio", { name: EN.simulated, exact: true }).check();
    await expect.poll(() => emulator.activePollers(), { timeout: 10_000 }).toBe(0);
  });

  it("explains a refused token (401) with what to do", async () => {
    const { page } = await open("/playground?example=pizza");
    await waitReady(page);
    await goLive(page, EN, "123456:not-the-right-token", emulator.url);
    await pressRun(page, ENGLISH);
    const alert = page.getByTestId("live-panel").getByRole("alert").filter({ hasText: EN.problems.unauthorized.title });
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByText(EN.problems.unauthorized.action).waitFor();
    expect(await page.getByTestId("run-status").innerText()).toContain(EN.problems.unauthorized.title);
    expect(await page.evaluate(() => document.body.innerText.includes("not-the-right-token"))).toBe(false);
  });

  it("explains another program polling the same bot (409), and masks the token a program logs", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza");
    await waitEditorReady(page);
    await typeAtEnd(page, 'console.log("token:", (bot as any).token);');
    await runLive(page);
    await page.locator(".sl-console-toggle").click();
    await page.getByRole("log", { name: "Console and errors" }).getByText("token: 123456:•••").first().waitFor();
    expect(await page.evaluate(() => document.body.innerText.includes("TEST-token"))).toBe(false);
    // A second program starts polling with the same token: Telegram ends the page's poll with a 409.
    const other = fetch(`${emulator.url}/bot${emulator.token}/getUpdates?timeout=1`);
    const alert = page.getByTestId("live-panel").getByRole("alert").filter({ hasText: EN.problems.conflictPoller.title });
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByText(EN.problems.conflictPoller.action).waitFor();
    await other;
    await expect.poll(() => emulator.activePollers(), { timeout: 10_000 }).toBe(0);
  });

  it("explains a webhook conflict in Spanish", async () => {
    const { page } = await open("/es/playground?example=pizza");
    await waitReady(page);
    await goLive(page, ES, emulator.token, emulator.url);
    await pressRun(page, SPANISH);
    await expect.poll(() => emulator.activePollers(), { timeout: 30_000 }).toBe(1);
    // grammY deletes a webhook when the bot starts; one set while it polls refuses its next getUpdates.
    emulator.setWebhook("https://bot.example/hook");
    emulator.userSays("/hunger");
    await page.getByRole("log", { name: SPANISH.chatRegion }).getByText("¡Tu nivel de hambre es 0!").waitFor();
    const alert = page.getByTestId("live-panel").getByRole("alert").filter({ hasText: ES.problems.conflictWebhook.title });
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByText(ES.problems.conflictWebhook.action).waitFor();
    expect(await page.locator(".sl-playground").getAttribute("lang")).toBe("es");
  });

  it("has no serious accessibility violations in live mode, light and dark", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza");
    await waitReady(page);
    await runLive(page);
    emulator.userSays("/hunger");
    await page.getByRole("log", { name: ENGLISH.chatRegion }).getByText("Your hunger level is 0!").waitFor();
    await page.getByRole("button", { name: EN.settings }).click();
    await expectAxeClean(page);
    await page.getByRole("button", { name: ENGLISH.stop, exact: true }).click();
    await expect.poll(() => emulator.activePollers(), { timeout: 10_000 }).toBe(0);
  });

  it("keeps a hostile program in live mode to the Bot API: no other origin, and nothing but Bot API calls there", { timeout: 120_000 }, async () => {
    const program = [
      'import { Bot } from "grammy";',
      `const elsewhere = ${JSON.stringify(elsewhere.origin)};`,
      `const api = ${JSON.stringify(emulator.url)};`,
      "const attempts: [string, () => Promise<unknown>][] = [",
      '  ["import elsewhere", () => import(elsewhere + "/import.js")],',
      '  ["eval import", () => (0, eval)(`import("${elsewhere}/eval.js")`)],',
      '  ["import from the API server", () => import(api + "/import.js")],',
      '  ["fetch elsewhere", () => fetch(elsewhere + "/fetch")],',
      '  ["fetch the API server", () => fetch(api + "/bot1:x/getMe")],',
      '  ["WebSocket", async () => new WebSocket(elsewhere.replace("http", "ws") + "/socket")],',
      '  ["XMLHttpRequest", async () => { const x = new XMLHttpRequest(); x.open("GET", api + "/xhr"); x.send(); }],',
      "];",
      "for (const [name, attempt] of attempts) {",
      "  try {",
      "    await attempt();",
      "    console.log(`${name}: reached`);",
      "  } catch {",
      "    console.log(`${name}: blocked`);",
      "  }",
      "}",
      'console.log("all attempts made");',
      'const bot = new Bot("");',
      'bot.command("hunger", (ctx) => ctx.reply("still here"));',
      "bot.start();",
      "",
    ].join("\n");
    const { page } = await open(`/playground/?example=pizza-memory#code=${encodeSharedCode(program)}`);
    await waitReady(page);
    await goLive(page, EN, emulator.token, emulator.url);
    await pressRun(page, ENGLISH);
    await page.locator(".sl-console-toggle").click();
    const log = page.getByRole("log", { name: "Console and errors" });
    await log.getByText("all attempts made").waitFor({ timeout: 30_000 });
    for (const name of ["import elsewhere", "eval import", "import from the API server", "fetch elsewhere", "fetch the API server", "WebSocket", "XMLHttpRequest"]) {
      expect(await log.getByText(`${name}: blocked`).count(), name).toBeGreaterThan(0);
    }
    expect(await log.getByText(/: reached/).count()).toBe(0);
    // The bot itself still works, through the one door it has.
    await expect.poll(() => emulator.activePollers(), { timeout: 30_000 }).toBe(1);
    emulator.userSays("/hunger");
    expect((await emulator.waitForSent(1))[0].text).toBe("still here");
    expect(elsewhere.received).toEqual([]);
    expect(emulator.requests.filter((r) => !r.tokenOk || r.method === "").map((r) => r.method)).toEqual([]);
    await page.getByRole("button", { name: ENGLISH.stop, exact: true }).click();
    await expect.poll(() => emulator.activePollers(), { timeout: 10_000 }).toBe(0);
  });

  it("ends polling when the reader leaves the playground for another page or closes the tab, and a guide page's playground stays simulated", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza");
    await waitReady(page);
    await runLive(page);
    // The site's own navigation: the playground is unmounted, the page stays.
    await page.getByRole("navigation").getByRole("link", { name: "Guide" }).first().click();
    await expect.poll(() => emulator.activePollers(), { timeout: 10_000 }).toBe(0);
    // A guide page's playground, in the same tab (the live settings are still in sessionStorage), has no
    // switch: it runs simulated, and Telegram hears nothing of it.
    const calls = emulator.requests.length;
    await gotoHydrated(page, `${baseUrl}/sessions/usage`);
    await page.getByRole("button", { name: EMBED_STRINGS.en.open, exact: true }).first().click();
    await waitReady(page);
    await runProgram(page, ENGLISH);
    await say(page, ENGLISH, "/hunger");
    await page.getByRole("log", { name: ENGLISH.chatRegion }).getByText(/Your hunger level is \d+!/).waitFor();
    expect(emulator.requests.length).toBe(calls);

    const second = await open("/playground?example=pizza");
    await waitReady(second.page);
    await goLive(second.page, EN, emulator.token, emulator.url);
    await pressRun(second.page, ENGLISH);
    await expect.poll(() => emulator.activePollers(), { timeout: 30_000 }).toBe(1);
    await second.page.close();
    await expect.poll(() => emulator.activePollers(), { timeout: 10_000 }).toBe(0);
  });
});
