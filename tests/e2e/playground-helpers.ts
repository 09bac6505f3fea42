/**
 * Moves shared by the playground's end-to-end tests (English and Spanish): everything is found by role
 * and accessible name, as a reader (or a screen reader) would find it.
 */
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { createTextMessageUpdate } from "../../playground/telegram/updates";
import type { Update } from "grammy/types";

/** The words of one locale's UI that the tests click and read. */
export interface PlaygroundWords {
  run: string;
  stop: string;
  share: string;
  reset: string;
  clear: string;
  send: string;
  message: string;
  from: string;
  chat: string;
  chatRegion: string;
  traffic: string;
}

export const ENGLISH: PlaygroundWords = {
  run: "Run",
  stop: "Stop",
  share: "Share",
  reset: "Reset example",
  clear: "Clear storage",
  send: "Send",
  message: "Message",
  from: "From",
  chat: "Chat",
  chatRegion: "Chat",
  traffic: "Storage traffic",
};

export const SPANISH: PlaygroundWords = {
  run: "Ejecutar",
  stop: "Detener",
  share: "Compartir",
  reset: "Restaurar ejemplo",
  clear: "Borrar almacenamiento",
  send: "Enviar",
  message: "Mensaje",
  from: "De",
  chat: "Chat",
  chatRegion: "Chat",
  traffic: "Tráfico de almacenamiento",
};

/** A bot that answers /ping, and never returns from a handler once it hears "loop": the watchdog's case. */
export const RUNAWAY_PROGRAM = [
  'import { Bot } from "grammy";',
  'const bot = new Bot("");',
  'bot.command("ping", (ctx) => ctx.reply("pong"));',
  'bot.hears("loop", () => {',
  "  while (true) {}",
  "});",
  "bot.start();",
  "",
].join("\n");

/** Ana, the default sender, writing in her private chat: what the simulator sends when she types `text`. */
export function anaSays(texts: string[]): Update[] {
  const ana = { id: 424242, is_bot: false, first_name: "Ana" };
  const chat = { id: 424242, type: "private" as const, first_name: "Ana" };
  return texts.map((text, i) => createTextMessageUpdate({ from: ana, chat, text, updateId: i + 1, messageId: i + 1 }));
}

/**
 * Brings the pointer over the code editor, as a reader does before editing: Monaco loads only then.
 * A dispatched event, not a hover, so that the page does not scroll.
 */
export async function comeToEditor(page: Page): Promise<void> {
  const editor = page.locator(".sl-playground .code-editor").first();
  // Until the page is hydrated nothing listens yet, so the event is repeated until the editor has decided.
  await expect
    .poll(
      async () => {
        await editor.dispatchEvent("pointerover");
        return editor.getAttribute("data-mode");
      },
      { timeout: 90_000 },
    )
    .not.toBe("pending");
}

/**
 * Waits until the playground can run (code loaded, compiler downloaded). The editor stays what the page
 * shows first: Monaco, its TypeScript worker and grammY's types cost a test seconds of CPU, and only the
 * tests that use them come to the editor ({@link waitEditorReady}, or typing).
 */
export async function waitReady(page: Page): Promise<void> {
  await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
}

/** {@link waitReady}, then brings the reader to the editor and waits until its final editor is up. */
export async function waitEditorReady(page: Page): Promise<void> {
  await comeToEditor(page);
  await page.locator('.sl-playground[data-ready="true"][data-editor-ready="true"]').waitFor({ timeout: 90_000 });
}

/** Clicks Run and waits for the program to report it is ready. */
export async function runProgram(page: Page, words: PlaygroundWords): Promise<void> {
  const before = Number(await page.locator(".sl-playground").getAttribute("data-run-number"));
  await page.getByRole("button", { name: words.run, exact: true }).click();
  // A ceiling, not a wait: a program that logs 300,000 lines before it is ready takes over 30 s next to a CPU hog.
  await page.locator(`.sl-playground[data-run-number="${before + 1}"][data-run-status="running"]`).waitFor({ timeout: 90_000 });
}

/** Types `text` in the message box and presses Enter. */
export async function say(page: Page, words: PlaygroundWords, text: string): Promise<void> {
  const box = page.getByRole("textbox", { name: words.message, exact: true });
  await box.fill(text);
  await box.press("Enter");
}

/** The traffic totals as shown. */
export async function totals(page: Page): Promise<{ read: number; write: number; delete: number }> {
  const read = async (id: string) => Number(await page.getByTestId(id).textContent());
  return { read: await read("count-read"), write: await read("count-write"), delete: await read("count-delete") };
}

/**
 * The storage calls listed in the traffic log, as "op key", in order (the rows heading each update left
 * out). The log is windowed, so it is read the way a reader would: scrolled from top to bottom, each row
 * taken once by its place in the list (aria-posinset); then it is left at the bottom, following new calls.
 */
export async function loggedCalls(page: Page, words: PlaygroundWords): Promise<string[]> {
  const rows = await page.getByRole("listbox", { name: words.traffic }).evaluate(async (log) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map<number, string>();
    log.scrollTop = 0;
    for (;;) {
      await frame();
      for (const item of log.querySelectorAll("li[aria-posinset]")) {
        seen.set(Number(item.getAttribute("aria-posinset")), item.textContent ?? "");
      }
      if (log.scrollTop + log.clientHeight >= log.scrollHeight - 1) break;
      log.scrollTop += Math.max(1, log.clientHeight - 30);
    }
    log.scrollTop = log.scrollHeight;
    await frame();
    return [...seen].sort(([a], [b]) => a - b).map(([, text]) => text);
  });
  return rows
    .map((text) => text.trim())
    .filter((text) => /^(read|write|delete|has) /.test(text))
    .map((text) => text.split(" ").slice(0, 2).join(" "));
}

/** Waits until the totals equal `expected`, then makes sure they stay there (no late extra calls). */
export async function expectTotals(page: Page, expected: { read: number; write: number; delete: number }): Promise<void> {
  await expect.poll(() => totals(page), { timeout: 15_000 }).toEqual(expected);
  await page.waitForTimeout(600);
  expect(await totals(page)).toEqual(expected);
}

/** The editor's text, whether it is Monaco or the plain text area. */
export async function editorText(page: Page): Promise<string> {
  const textarea = page.locator(".sl-playground .code-editor__textarea");
  if (await textarea.isVisible()) return textarea.inputValue();
  // Monaco reuses line elements as it scrolls and edits, so their order in the DOM is not the lines' order:
  // each line is placed by its `top`, which is.
  const lines = await page
    .locator(".sl-playground .monaco-editor .view-lines .view-line")
    .evaluateAll((found) => found.map((line) => [Number.parseFloat((line as HTMLElement).style.top) || 0, line.textContent ?? ""] as const));
  return lines
    .sort((a, b) => a[0] - b[0])
    .map(([, text]) => text)
    .join("\n")
    .replace(/\u00a0/g, " ");
}

/** Types `text` at the very start of the program, as a reader would. */
export async function typeAtTop(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("Control+Home");
  await page.keyboard.type(text);
}

/** Types `text` on a new line after the last one. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

async function focusEditor(page: Page): Promise<void> {
  // The final editor first: typing into the text area while Monaco takes its place would race the swap.
  await comeToEditor(page);
  await page.locator('.sl-playground .code-editor:is([data-mode="monaco"], [data-mode="textarea"])').first().waitFor({ timeout: 60_000 });
  const textarea = page.locator(".sl-playground .code-editor__textarea");
  if (await textarea.isVisible()) await textarea.click();
  else await page.locator(".sl-playground .monaco-editor .view-lines").click();
}
