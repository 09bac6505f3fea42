/**
 * The newcomer's path with the keyboard alone, in both languages: from the top of /playground, Tab to the
 * example (the pizza bot, kept), Run it, go on to the chat's message box (leaving the code editor with
 * Escape then Tab), send 🍕, go on to the storage traffic and read its calls: the read and the write of
 * Ana's session key, in the details pane, stepped through and copied as text. No click, no hover: only
 * `page.keyboard`. At every stop the focused element must show a focus indicator. Along the way the
 * screen reader's live region says what the update did, once.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useBrowser, type WatchedPage } from "./browser";
import { saveScreenshot } from "./viewport";

const { open } = useBrowser({ viewport: { width: 1440, height: 900 } });

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

const WORDS = {
  en: {
    path: "/playground/",
    example: "Example",
    run: "Run",
    message: "Message",
    chat: "Chat",
    traffic: "Storage traffic",
    details: "Details of the selected call",
    previous: "Previous call",
    copy: "Copy as text",
    announcement: "Update 1: 1 read, 1 write",
    callOf: (n: number, total: number) => `Call ${n} of ${total}`,
    after: "After",
    update: "Update 1 · Ana in private chat: 🍕",
  },
  es: {
    path: "/es/playground/",
    example: "Ejemplo",
    run: "Ejecutar",
    message: "Mensaje",
    chat: "Chat",
    traffic: "Tráfico de almacenamiento",
    details: "Detalles de la llamada seleccionada",
    previous: "Llamada anterior",
    copy: "Copiar como texto",
    announcement: "Actualización 1: 1 lectura, 1 escritura",
    callOf: (n: number, total: number) => `Llamada ${n} de ${total}`,
    after: "Después",
    update: "Actualización 1 · Ana en chat privado: 🍕",
  },
} as const;

/** Whether the focused element draws a focus indicator: an outline or a box shadow of its own. */
async function focusIndicator(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing focused";
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    return outline || shadow ? "visible" : `no indicator on <${el.tagName.toLowerCase()}> ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40)}`;
  });
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/**
 * Presses Tab until `target` has the focus, checking the focus indicator of every stop on the way. The code
 * editor keeps Tab for indenting: inside it, Escape then Tab moves on, as the editor's hint says.
 */
async function tabTo(page: Page, target: Locator, what: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    const inEditor = await page.evaluate(() => document.activeElement?.closest(".code-editor") !== null && document.activeElement !== document.body);
    if (inEditor) await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    if (await isFocused(target)) {
      expect(await focusIndicator(page), `the focus on ${what}`).toBe("visible");
      return;
    }
    const stillInEditor = await page.evaluate(() => document.activeElement?.closest(".code-editor") != null);
    if (!stillInEditor) expect(await focusIndicator(page), `a stop on the way to ${what}`).toBe("visible");
  }
  throw new Error(`Tab never reached ${what} (the editor may still trap Tab after Escape).`);
}

describe.each(Object.entries(WORDS))("the keyboard alone (%s)", (lang, w) => {
  it("runs the pizza example, sends a message and reads the storage calls it made", async () => {
    const watched = await open(w.path);
    opened.push(watched);
    const { page, errors } = watched;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    // The page is hydrated and the compiler is ready: what a reader waits for before pressing Run.
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const playground = page.locator(".sl-playground");

    // From the top of the page.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const example = page.getByRole("combobox", { name: w.example, exact: true });
    await tabTo(page, example, "the example picker");
    await expect(example.inputValue()).resolves.toBe("pizza");

    await tabTo(page, page.getByRole("button", { name: w.run, exact: true }), "Run");
    await page.keyboard.press("Enter");
    await playground.and(page.locator('[data-run-status="running"]')).waitFor({ timeout: 60_000 });

    const box = page.getByRole("textbox", { name: w.message, exact: true });
    await tabTo(page, box, "the message box");
    await page.keyboard.type("🍕");
    await page.keyboard.press("Enter");
    await page.getByRole("log", { name: w.chat, exact: true }).getByText("🍕", { exact: true }).waitFor();

    // Once the update is handled, the live region sums it up (and says nothing else meanwhile).
    const announcement = page.getByTestId("traffic-announcement");
    await expect.poll(() => announcement.textContent(), { timeout: 15_000 }).toBe(w.announcement);
    await expect(announcement.getAttribute("aria-live")).resolves.toBe("polite");

    // The traffic log: a listbox of calls; ↓ selects the first, the read of Ana's session key.
    const log = page.getByRole("listbox", { name: w.traffic, exact: true });
    await tabTo(page, log, "the storage traffic");
    await page.keyboard.press("ArrowDown");
    const selected = log.getByRole("option", { selected: true });
    await expect.poll(() => selected.textContent()).toMatch(/^read 424242/);
    await expect(log.getAttribute("aria-activedescendant")).resolves.toBe(await selected.getAttribute("id"));
    const details = page.getByRole("region", { name: w.details, exact: true });
    await expect.poll(() => details.textContent()).toContain("read 424242");
    await expect(details.textContent()).resolves.toContain(w.callOf(1, 2));

    // ↓ again: the write of the same key, with what it stored.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => selected.textContent()).toMatch(/^write 424242/);
    await expect.poll(() => details.textContent()).toContain("write 424242");
    await expect(details.textContent()).resolves.toContain(w.callOf(2, 2));
    await expect(details.textContent()).resolves.toContain(w.update);
    await expect(details.textContent()).resolves.toMatch(new RegExp(`${w.after}[^]*"pizzaCount": 1`, "i"));
    await saveScreenshot(page, `keyboard-${lang}-traffic`);

    // The details pane is a stop of its own (it scrolls), then its previous/next step through every call.
    await tabTo(page, details, "the details pane");
    await tabTo(page, page.getByRole("button", { name: w.previous, exact: true }), "Previous call");
    await page.keyboard.press("Enter");
    await expect.poll(() => details.textContent()).toContain("read 424242");
    await expect.poll(() => announcement.textContent()).toMatch(new RegExp(`^${w.callOf(1, 2)}: read 424242`));

    // The whole log as text, for calls long scrolled out of view.
    await tabTo(page, page.getByRole("button", { name: w.copy, exact: true }), "Copy as text");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(w.update);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\n {2}read 424242 .*\n {2}write 424242 \{"pizzaCount": ?1\}/);
    expect(errors).toEqual([]);
  }, 150_000);
});
