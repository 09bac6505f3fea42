import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { encodeSharedCode } from "../../playground/composables/share-link";
import { reloadHydrated, useBrowser, type WatchedPage } from "./browser";
import { anaSays, editorText, ENGLISH as W, expectTotals, loggedCalls, runProgram, RUNAWAY_PROGRAM, say, totals, typeAtTop, waitReady } from "./playground-helpers";
import { runWithGrammy } from "./playground-oracle";

const { open } = useBrowser({ viewport: { width: 1400, height: 1000 } });
const example = (name: string) => readFileSync(new URL(`../../playground/examples/${name}/en.ts`, import.meta.url), "utf8");

const opened: WatchedPage[] = [];
async function openPlayground(path: string, options?: Parameters<typeof open>[1]): Promise<WatchedPage> {
  const watched = await open(path, options);
  opened.push(watched);
  await waitReady(watched.page);
  return watched;
}

// Nothing the playground does may leave the local server: no CDN, no Telegram, no fonts.
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

describe("the playground runs real grammY", () => {
  it("counts a pizza twice, answers /hunger with 2, and shows exactly the storage calls grammY makes", async () => {
    const texts = ["🍕", "🍕", "/hunger"];
    const expected = await runWithGrammy(example("pizza"), anaSays(texts));
    expect(expected.replies).toEqual(["Your hunger level is 2!"]);

    const { page, errors } = await openPlayground("/playground/?example=pizza");
    await runProgram(page, W);
    for (const text of texts) await say(page, W, text);

    await page.getByRole("log", { name: W.chatRegion }).getByText("Your hunger level is 2!").waitFor();
    await expectTotals(page, { read: expected.read, write: expected.write, delete: expected.delete });
    expect(await loggedCalls(page, W)).toEqual(expected.calls);
    const log = page.getByRole("listbox", { name: W.traffic });
    await expect(log.getByText(/^read 424242/).first().isVisible()).resolves.toBe(true);
    // Grouped by update: each update's calls sit under a row naming it.
    await expect(log.getByText(/^Update 3 · Ana in private chat: \/hunger/).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("has drawn every font of a handled update before the reader's first message", async () => {
    // Chromium fetches each new font size and weight synchronously the first time it shapes text in it;
    // FontSpecimen.vue draws them at mount, so the frame that shows the first update waits on none.
    const { page } = await openPlayground("/playground/?example=storage-indexeddb");
    const fonts = () =>
      page.evaluate(() => {
        const seen = new Set<string>();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement;
          if (!element || !node.textContent?.trim() || element.getClientRects().length === 0) continue;
          const style = getComputedStyle(element);
          seen.add(`${style.fontFamily.split(",")[0]} ${style.fontSize} ${style.fontWeight} ${style.fontStyle}`);
        }
        return [...seen];
      });
    const before = new Set(await fonts());
    await runProgram(page, W);
    await say(page, W, "🍕");
    await expect.poll(async () => (await totals(page)).write).toBe(1);
    await page.getByRole("listbox", { name: W.traffic }).getByText(/^write 424242/).waitFor();
    expect((await fonts()).filter((font) => !before.has(font))).toEqual([]);
  });

  it("shows how lazy sessions skip storage for updates that never touch ctx.session", async () => {
    const texts = ["🍕", "hello", "🍕", "/hunger", "/diet"];
    const expected = await runWithGrammy(example("lazy"), anaSays(texts));

    const { page, errors } = await openPlayground("/playground/?example=lazy");
    await expect(page.getByRole("combobox", { name: "Example" }).inputValue()).resolves.toBe("lazy");
    await runProgram(page, W);
    for (const text of texts) await say(page, W, text);

    await page.getByRole("log", { name: W.chatRegion }).getByText(/Back to zero/).waitFor();
    await expectTotals(page, { read: expected.read, write: expected.write, delete: expected.delete });
    expect(await loggedCalls(page, W)).toEqual(expected.calls);
    // "hello" is update 2: lazy sessions made no call for it, so it has no group in the log.
    await expect(page.getByRole("listbox", { name: W.traffic }).getByText(/^Update 2 ·/).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it("shows the compiler's download as a labelled progress bar, gone once the playground is ready", async () => {
    const watched = await open("/");
    opened.push(watched);
    const { page } = watched;
    // A slower line, so the 14 MB download is long enough to watch (workers are throttled with the page).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: 6 * 1024 * 1024, uploadThroughput: -1 });
    await page.goto(page.url().replace(/\/$/, "") + "/playground/?example=pizza");
    const bar = page.getByRole("progressbar", { name: "Loading the TypeScript compiler" });
    await bar.waitFor({ timeout: 20_000 });
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = Number(await bar.getAttribute("aria-valuenow"));
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(first);
    expect(Number(await bar.getAttribute("aria-valuemax"))).toBeGreaterThan(10_000_000);
    await expect(bar.getAttribute("aria-valuetext")).resolves.toMatch(/^Loading the TypeScript compiler: [\d.,]+ (KB|MB) of [\d.,]+ MB$/);
    await waitReady(page);
    await expect(bar.count()).resolves.toBe(0);
  });

  it("stops a runaway handler, names the update, and the page keeps responding", async () => {
    const { page } = await openPlayground(`/playground/?example=pizza#code=${encodeSharedCode(RUNAWAY_PROGRAM)}`);
    await runProgram(page, W);
    await say(page, W, "/ping");
    await page.getByRole("log", { name: W.chatRegion }).getByText("pong").waitFor();
    await say(page, W, "loop");

    // While the sandbox spins, the page still answers at once.
    const started = Date.now();
    await page.getByRole("textbox", { name: W.message, exact: true }).fill("still typing");
    expect(Date.now() - started).toBeLessThan(1_000);

    const alert = page.getByRole("alert").filter({ hasText: /Stopped: update 2 \(Ana in private chat: loop\)/ });
    await alert.waitFor({ timeout: 15_000 });
    await expect(page.getByRole("button", { name: W.stop, exact: true }).isDisabled()).resolves.toBe(true);

    // And it can run again.
    await runProgram(page, W);
    await say(page, W, "/ping");
    await expect.poll(() => page.getByRole("log", { name: W.chatRegion }).getByText("pong").count()).toBe(2);
  });

  it("marks a compile error in the editor and lists it with its line", async () => {
    const program = ['import { Bot } from "grammy";', 'const bot = new Bot("");', "const broken: number = ;", "bot.start();", ""].join("\n");
    const { page } = await openPlayground(`/playground/?example=pizza#code=${encodeSharedCode(program)}`);
    await page.getByRole("button", { name: W.run, exact: true }).click();
    await page.locator('.sl-playground .code-editor[data-error-lines="3"]').waitFor({ timeout: 20_000 });
    const problems = page.getByRole("alert").filter({ hasText: "Problems in the code" });
    await expect(problems.getByText(/^Line 3: /).isVisible()).resolves.toBe(true);
    await expect(page.locator(".sl-playground").getAttribute("data-run-status")).resolves.not.toBe("running");
  });

  it("refuses an import of a package the playground does not have, and says which ones it has", async () => {
    // Used, so that TypeScript cannot drop it as a type-only import.
    const program = ['import axios from "axios";', 'import { Bot } from "grammy";', 'const bot = new Bot("");', 'bot.command("get", () => axios.get("https://example.org"));', "bot.start();", ""].join("\n");
    const { page } = await openPlayground(`/playground/?example=pizza#code=${encodeSharedCode(program)}`);
    await page.getByRole("button", { name: W.run, exact: true }).click();
    const problem = page.getByRole("alert").filter({ hasText: "Problems in the code" }).getByText(/^Line 1: Cannot import "axios"/);
    await problem.waitFor({ timeout: 20_000 });
    await expect(problem.textContent()).resolves.toContain("grammy");
    await expect(page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("0");
  });

  // Two page loads and two runs: more than the default minute on a busy machine.
  it("keeps the reader's code and the stored sessions across a reload", { timeout: 150_000 }, async () => {
    const { page } = await openPlayground("/playground/?example=storage-indexeddb");
    await typeAtTop(page, "// kept after reload\n");
    await runProgram(page, W);
    await say(page, W, "🍕");
    await say(page, W, "🍕");
    const stored = page.getByTestId("indexeddb-storage");
    await stored.getByText(/"pizzaCount": 2/).waitFor({ timeout: 10_000 });
    await expect(stored.textContent()).resolves.toContain("424242");

    await reloadHydrated(page);
    await waitReady(page);
    await expect(editorText(page)).resolves.toContain("// kept after reload");
    // Nothing runs after a reload, so the panel only says what it will show; once the program runs, its
    // IndexedDB store shows the sessions kept from before, with no message sent yet.
    await expect(page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("0");
    await expect(page.getByTestId("storage-before-run").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("indexeddb-storage").count()).resolves.toBe(0);
    await runProgram(page, W);
    await page.getByTestId("indexeddb-storage").getByText(/"pizzaCount": 2/).waitFor({ timeout: 10_000 });
    await say(page, W, "/hunger");
    await page.getByRole("log", { name: W.chatRegion }).getByText(/^Your hunger level is 2!/).waitFor();

    // Clear storage empties IndexedDB and stops nothing.
    await page.getByRole("button", { name: W.clear, exact: true }).click();
    await page.getByTestId("indexeddb-storage").getByText("Nothing stored in IndexedDB.").waitFor();
    await expect(page.locator(".sl-playground").getAttribute("data-run-status")).resolves.toBe("running");

    // Reset example brings back the original.
    await page.getByRole("button", { name: W.reset, exact: true }).click();
    await expect.poll(() => editorText(page)).not.toContain("// kept after reload");
  });

  it("shares code in a link that loads it and does not run it", async () => {
    const first = await openPlayground("/playground/?example=pizza");
    await typeAtTop(first.page, "// shared with a friend\n");
    await first.page.getByRole("button", { name: W.share, exact: true }).click();
    const link = await first.page.getByRole("textbox", { name: W.share, exact: true }).inputValue();
    expect(link).toMatch(/\/playground\/?\?example=pizza#code=[\w-]+$/);

    // A friend opens it: fresh browser profile.
    const friend = await openPlayground(link.replace(/^https?:\/\/[^/]+/, ""));
    const { page } = friend;
    await expect(editorText(page)).resolves.toContain("// shared with a friend");
    await page.getByRole("status").filter({ hasText: "Code loaded from a shared link" }).waitFor();
    await page.waitForTimeout(1_500);
    // Until the friend edits it, the code stays the link's: still in the URL, not saved as theirs.
    expect(page.url()).toContain("#code=");
    await expect(page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("session-lab:code:")))).resolves.toEqual([]);
    await expect(page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("0");
    expect(await totals(page)).toEqual({ read: 0, write: 0, delete: 0 });
    expect(friend.errors).toEqual([]);
  });

  it("sends inline keyboard presses and hand-written updates, and refuses invalid ones", async () => {
    const program = [
      'import { Bot, InlineKeyboard, session } from "grammy";',
      "const bot = new Bot<any>(\"\");",
      "bot.use(session({ initial: () => ({ likes: 0 }) }));",
      'bot.command("start", (ctx) => ctx.reply("Likes: 0", { reply_markup: new InlineKeyboard().text("👍", "like") }));',
      'bot.callbackQuery("like", async (ctx) => {',
      "  ctx.session.likes++;",
      '  await ctx.editMessageText(`Likes: ${ctx.session.likes}`, { reply_markup: new InlineKeyboard().text("👍", "like") });',
      "  await ctx.answerCallbackQuery();",
      "});",
      'bot.on("inline_query", (ctx) => ctx.answerInlineQuery([]));',
      "bot.start();",
      "",
    ].join("\n");
    const { page, errors } = await openPlayground(`/playground/?example=pizza#code=${encodeSharedCode(program)}`);
    await runProgram(page, W);
    await say(page, W, "/start");
    const chat = page.getByRole("log", { name: W.chatRegion });
    await chat.getByRole("button", { name: "👍" }).click();
    await chat.getByText("Likes: 1").waitFor();
    await chat.getByRole("button", { name: "👍" }).click();
    await chat.getByText("Likes: 2").waitFor();

    await page.locator("summary").filter({ hasText: "Custom update (JSON)" }).click();
    const json = page.getByRole("textbox", { name: "Custom update (JSON)" });
    await json.fill('{"update_id": 99, "message": {"chat": {"id": "nope"}}}');
    await page.getByRole("button", { name: "Send update" }).click();
    await page.getByRole("alert").filter({ hasText: "not a valid update" }).waitFor();
    const before = await totals(page);

    await json.fill(JSON.stringify({ update_id: 100, inline_query: { id: "1", from: { id: 171717, is_bot: false, first_name: "Ben" }, query: "x", offset: "" } }));
    const handledBefore = Number(await page.locator(".sl-playground").getAttribute("data-handled"));
    await page.getByRole("button", { name: "Send update" }).click();
    await page.getByRole("status").filter({ hasText: "Sent." }).waitFor();
    // An inline query has no chat, so no session key: once the bot has handled it, strict sessions made no storage call for it.
    await expect.poll(async () => Number(await page.locator(".sl-playground").getAttribute("data-handled")), { timeout: 15_000 }).toBeGreaterThan(handledBefore);
    expect(await totals(page)).toEqual(before);
    expect(errors).toEqual([]);
  });
});

describe("a playground embedded in a docs page", () => {
  // The lazy-sessions page carries `<Playground example="lazy" />` (docs/sessions/lazy.md).
  it("loads nothing heavy until the reader opens it, then runs", async () => {
    const watched = await open("/sessions/lazy");
    opened.push(watched);
    const { page, errors } = watched;
    const heavy = /PlaygroundApp|monaco|esbuild|\.wasm|worker|playground-types|grammy/i;
    const loaded = () => page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
    expect((await loaded()).filter((url) => heavy.test(url))).toEqual([]);

    const openButton = page.getByRole("button", { name: "Open playground" }).first();
    await openButton.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    expect((await loaded()).filter((url) => heavy.test(url))).toEqual([]);

    await openButton.click();
    await waitReady(page);
    await expect(page.getByRole("combobox", { name: "Example" }).inputValue()).resolves.toBe("lazy");
    await runProgram(page, W);
    await say(page, W, "🍕");
    await say(page, W, "/hunger");
    await page.getByRole("log", { name: W.chatRegion }).getByText("Your hunger level is 1!").waitFor();
    expect(errors).toEqual([]);
  });
});
