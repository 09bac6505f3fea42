import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { encodeSharedCode } from "../../playground/composables/share-link";
import { useBrowser } from "./browser";
import { ENGLISH as W, runProgram, say, waitReady } from "./playground-helpers";

const { open } = useBrowser();

describe("the chat shows a bot's formatting", () => {
  it("renders parse_mode HTML as elements, keeps a spoiler covered until it is reached, and reads as the plain text", async () => {
    const program = [
      'import { Bot } from "grammy";',
      'const bot = new Bot("");',
      "bot.command(\"start\", (ctx) =>",
      '  ctx.reply(\'<b>bold</b> <i>italic</i> <tg-spoiler>secret</tg-spoiler> <a href="https://grammy.dev/">docs</a> <a href="tg://resolve?domain=x">app</a> <code>&lt;b&gt;</code>\', { parse_mode: "HTML" }),',
      ");",
      "bot.start();",
      "",
    ].join("\n");
    const { page, errors, externalRequests } = await open(`/playground/#code=${encodeSharedCode(program)}`);
    await waitReady(page);
    await runProgram(page, W);
    await say(page, W, "/start");

    const chat = page.getByRole("log", { name: W.chatRegion });
    const bubble = chat.locator(".sl-bubble--bot").filter({ hasText: "italic" });
    await bubble.waitFor();
    await expect.poll(() => bubble.locator("strong").textContent()).toBe("bold");
    expect(await bubble.locator("em").textContent()).toBe("italic");
    // Only http(s) links open, in a new tab without access to the page; the tg: one stays text.
    const link = bubble.getByRole("link", { name: "docs" });
    expect(await link.getAttribute("href")).toBe("https://grammy.dev/");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await bubble.getByRole("link", { name: "app" }).count()).toBe(0);
    // The bot's "<b>" inside code is text, never markup.
    expect(await bubble.locator("code").textContent()).toBe("<b>");

    const spoiler = bubble.getByText("secret");
    const covered = () => spoiler.evaluate((el) => getComputedStyle(el).color);
    expect(await covered()).toBe("rgba(0, 0, 0, 0)");
    await spoiler.focus();
    expect(await covered()).not.toBe("rgba(0, 0, 0, 0)");

    // A screen reader reads the message's own text (the spoiler's too), with no words added for the formatting.
    expect((await bubble.locator(".sl-bubble-text").ariaSnapshot()).split("\n")).toEqual([
      "- strong: bold",
      "- emphasis: italic",
      "- text: secret",
      '- link "docs":',
      "  - /url: https://grammy.dev/",
      "- text: app",
      "- code: <b>",
    ]);

    // The formatted bubble passes WCAG 2.1 AA in both schemes, with its spoiler covered again (focus moved on).
    await page.getByRole("textbox", { name: W.message, exact: true }).focus();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((dark) => document.documentElement.classList.contains("dark") === dark, scheme === "dark");
      const results = await new AxeBuilder({ page }).include(".sl-chat").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => `[${scheme}] ${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`)).toEqual([]);
    }
    expect(errors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});
