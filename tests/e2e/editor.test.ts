/**
 * The playground's code editor in a real browser, against the production build: a text area that
 * edits while Monaco loads, Monaco with grammY's types offline on a desktop, the plain text area on phones and narrow
 * windows (without downloading Monaco), theme following VitePress's appearance switch.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser, type WatchedPage } from "./browser";
import { comeToEditor, editorText } from "./playground-helpers";

const b = useBrowser({ viewport: { width: 1400, height: 1000 } });
const { open, baseUrl } = b;

const LABEL = { en: "Bot code (TypeScript)", es: "Código del bot (TypeScript)" };
/** Chunks that only the Monaco editor needs. */
const MONACO_CHUNKS = /monaco-setup|tsMode|ts\.worker|editor\.worker|playground-types|codicon/;

const opened: WatchedPage[] = [];
async function openPage(path: string, options?: Parameters<typeof open>[1]): Promise<WatchedPage> {
  const watched = await open(path, options);
  opened.push(watched);
  return watched;
}
afterEach(() => {
  for (const { errors, externalRequests } of opened.splice(0)) {
    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
  }
});

async function monacoUp(page: Page): Promise<void> {
  await comeToEditor(page);
  await page.locator('.sl-playground .code-editor[data-mode="monaco"] .monaco-editor .view-lines').waitFor({ timeout: 90_000 });
}

async function focusMonaco(page: Page): Promise<void> {
  // Near the top edge: the lines element is as tall as the text, its centre may be scrolled out of view.
  await page.locator(".sl-playground .monaco-editor .view-lines").click({ position: { x: 200, y: 8 } });
}

describe("the code editor", () => {
  it("edits as a text area while Monaco loads, and Monaco takes over mid-typing without losing a key", { timeout: 120_000 }, async () => {
    // Monaco's chunk is held back until the reader has typed into the text area: released by the test, not
    // after a fixed time, which a busy machine can spend before the typing even starts.
    const context = await b.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    let release!: () => void;
    const typed = new Promise<void>((resolve) => (release = resolve));
    try {
      await context.route(/\/monaco-setup\.[\w-]+\.js$/, async (route) => {
        await typed;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/playground/?example=pizza`);
      await comeToEditor(page);
      const loading = page.locator('.sl-playground .code-editor[data-mode="loading"]');
      await loading.waitFor({ timeout: 30_000 });
      await expect(loading.getByRole("progressbar").getAttribute("aria-label")).resolves.toBe("Loading the code editor…");
      const box = page.getByRole("textbox", { name: LABEL.en, exact: true });
      await box.click();
      await page.keyboard.press("Control+Home");
      await page.keyboard.type("// typed early\n// ");
      release();
      // The reader keeps typing while Monaco comes in: some words land in the text area, the rest in Monaco,
      // which takes over with the text, the focus and the caret, so none is lost or out of place.
      const editorBox = page.locator(".sl-playground .code-editor");
      let words = 0;
      while ((await editorBox.getAttribute("data-mode")) !== "monaco" && words < 5_000) {
        await page.keyboard.type("go ");
        words++;
      }
      expect(words, "words typed while Monaco loaded").toBeGreaterThan(0);
      await monacoUp(page);
      await page.keyboard.type("on");
      await expect.poll(() => editorText(page)).toMatch(new RegExp(`^// typed early\n// ${"go ".repeat(words)}on`));
    } finally {
      release();
      await context.close();
    }
  });

  it("loads Monaco only when the reader comes to the editor", { timeout: 120_000 }, async () => {
    const { page } = await openPage("/playground/?example=pizza");
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const monacoRequests = () =>
      page.evaluate((pattern) => performance.getEntriesByType("resource").filter((e) => new RegExp(pattern).test(e.name)).length, MONACO_CHUNKS.source);
    // Ready to run, and the page idle since: still the text area, and no Monaco downloaded.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
    await expect(page.locator(".sl-playground .code-editor").getAttribute("data-mode")).resolves.toBe("pending");
    await expect(monacoRequests()).resolves.toBe(0);
    await page.getByRole("textbox", { name: LABEL.en, exact: true }).hover();
    await monacoUp(page);
    await expect(monacoRequests()).resolves.toBeGreaterThan(0);
  });

  it("lets a keyboard user leave Monaco with Escape then Tab, and says so while it has the focus", { timeout: 120_000 }, async () => {
    const { page } = await openPage("/playground/?example=pizza");
    await monacoUp(page);
    const hint = page.getByText("Esc then Tab: leave the editor · Ctrl+Enter: run");
    await expect(hint.isVisible()).resolves.toBe(false);
    await focusMonaco(page);
    await expect.poll(() => hint.isVisible()).toBe(true);
    const editor = page.getByRole("textbox", { name: LABEL.en, exact: true });
    await expect(editor.getAttribute("aria-describedby")).resolves.toBeTruthy();
    const inEditor = () => page.evaluate(() => !!document.activeElement?.closest(".code-editor"));

    // Tab alone indents and stays.
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Tab");
    await expect.poll(() => editorText(page)).toMatch(/^ {2}\S/);
    await expect(inEditor()).resolves.toBe(true);
    await page.keyboard.press("Control+Z");

    // Escape then Tab moves on, to the next control after the editor.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await expect.poll(inEditor).toBe(false);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toMatch(/^(BUTTON|A|INPUT|SELECT|TEXTAREA|DIV)$/);
    await expect(hint.isVisible()).resolves.toBe(false);

    // And Escape then Shift+Tab goes back out the other way.
    await focusMonaco(page);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    await expect.poll(inEditor).toBe(false);
  });

  it("becomes Monaco on a desktop, named by its label, and completes ctx.session. from grammY's types offline", { timeout: 120_000 }, async () => {
    const { page } = await openPage("/playground/?example=pizza");
    await monacoUp(page);
    await expect(page.getByRole("textbox", { name: LABEL.en, exact: true }).count()).resolves.toBe(1);

    await focusMonaco(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type('bot.on("message", (ctx) => ctx.session.');
    const suggestions = page.locator(".suggest-widget.visible");
    await expect.poll(() => suggestions.textContent(), { timeout: 20_000 }).toContain("pizzaCount");

    // "/" and Ctrl+K are VitePress's search shortcuts everywhere but in form fields; in the editor they are code.
    await page.keyboard.press("Escape");
    await page.keyboard.press("End");
    await page.keyboard.type(" // a/b");
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Escape");
    await expect.poll(() => editorText(page)).toContain("// a/b");
    await expect(page.locator(".VPLocalSearchBox").count()).resolves.toBe(0);
  });

  it("runs the program on Ctrl+Enter", { timeout: 120_000 }, async () => {
    const { page } = await openPage("/playground/?example=pizza");
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    await monacoUp(page);
    const before = await page.locator(".sl-playground").getAttribute("data-run-number");
    await focusMonaco(page);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.locator(".sl-playground").getAttribute("data-run-number"), { timeout: 30_000 }).toBe(String(Number(before) + 1));
  });

  it("follows VitePress's appearance switch", { timeout: 120_000 }, async () => {
    const { page } = await openPage("/playground/?example=pizza");
    await monacoUp(page);
    const editor = page.locator(".sl-playground .monaco-editor").first();
    const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
    await expect(editor.getAttribute("class")).resolves.toMatch(dark ? /\bvs-dark\b/ : /\bvs\b/);
    await page.locator(".VPNavBar .VPSwitchAppearance").first().click();
    await expect.poll(() => editor.getAttribute("class")).toMatch(dark ? /\bvs\b/ : /\bvs-dark\b/);
    await page.locator(".VPNavBar .VPSwitchAppearance").first().click();
    await expect.poll(() => editor.getAttribute("class")).toMatch(dark ? /\bvs-dark\b/ : /\bvs\b/);
  });

  it("stays a text area at 400 px and never downloads Monaco; Tab indents, Ctrl+Enter runs", { timeout: 120_000 }, async () => {
    const watched = await openPage("/playground/?example=pizza", { viewport: { width: 400, height: 900 } });
    const { page } = watched;
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(urls.filter((u) => MONACO_CHUNKS.test(u))).toEqual([]);
    await expect(page.locator(".sl-playground .code-editor").getAttribute("data-mode")).resolves.toBe("textarea");

    const box = page.getByRole("textbox", { name: LABEL.en, exact: true });
    await box.click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Tab");
    await expect(box.inputValue()).resolves.toMatch(/^ {2}\S/);
    await page.keyboard.press("Shift+Tab");
    await expect(box.inputValue()).resolves.toMatch(/^\S/);
    // Escape, then Shift+Tab (Shift pressed on its own first, as a reader does) leaves the text area.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => page.evaluate(() => !document.activeElement?.closest(".code-editor"))).toBe(true);
    await expect(box.inputValue()).resolves.toMatch(/^\S/);
    await box.focus();

    const before = await page.locator(".sl-playground").getAttribute("data-run-number");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.locator(".sl-playground").getAttribute("data-run-number"), { timeout: 30_000 }).toBe(String(Number(before) + 1));
  });

  it("lists compile problems with their line under the text area on a phone", { timeout: 120_000 }, async () => {
    const { page } = await openPage("/playground/?example=pizza", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const box = page.getByRole("textbox", { name: LABEL.en, exact: true });
    await box.fill('import { Bot } from "grammy";\nconst bot = new Bot("");\nconst broken: number = ;\nbot.start();\n');
    await page.keyboard.press("Control+Enter");
    const editor = page.locator('.sl-playground .code-editor[data-mode="textarea"]');
    await expect.poll(() => editor.getAttribute("data-error-lines"), { timeout: 30_000 }).toBe("3");
    await expect(editor.getByRole("alert").getByText(/^Line 3: /).isVisible()).resolves.toBe(true);
  });

  it("speaks Spanish on the Spanish page", async () => {
    const { page } = await openPage("/es/playground/?example=pizza", { viewport: { width: 400, height: 900 } });
    await page.locator('.sl-playground .code-editor[data-mode="textarea"]').waitFor();
    await expect(page.getByRole("textbox", { name: LABEL.es, exact: true }).count()).resolves.toBe(1);
    const hintId = await page.getByRole("textbox", { name: LABEL.es, exact: true }).getAttribute("aria-describedby");
    await expect(page.locator(`[id="${hintId}"]`).textContent()).resolves.toMatch(/^Tab inserta dos espacios/);
  });

  it("is not downloaded by a docs page without a playground", async () => {
    // Console errors of the docs pages are docs.test.ts's concern; this only looks at what was fetched.
    const watched = await open("/");
    expect(watched.externalRequests).toEqual([]);
    const urls = await watched.page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(urls.filter((u) => MONACO_CHUNKS.test(u))).toEqual([]);
  });
});
