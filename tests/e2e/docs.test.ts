import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ALL_PAGES } from "../../.vitepress/pages";
import { useBrowser, type WatchedPage } from "./browser";

const { open } = useBrowser({ viewport: { width: 1280, height: 900 } });

const LOCALES = [
  { prefix: "/", language: "English", other: "/es/", otherLanguage: "Español" },
  { prefix: "/es/", language: "Español", other: "/", otherLanguage: "English" },
] as const;

/** h2/h3 of the article, as "level#id": the structure both languages must share. */
async function headingStructure(page: Page): Promise<string[]> {
  return page.$$eval(".vp-doc h2, .vp-doc h3", (hs) => hs.map((h) => `${h.tagName.toLowerCase()}#${h.id}`));
}

const opened: WatchedPage[] = [];

describe.each(LOCALES)("pages in $language", ({ prefix, other, otherLanguage }) => {
  // One visit per page and language: what the page shows, then its language switch, then its twin's structure.
  it.each(ALL_PAGES.map((slug) => [slug || "(home)", slug]))("%s renders its title and headings, and switches to its twin with the same headings", async (_, slug) => {
    const watched = await open(prefix + slug);
    opened.push(watched);
    const { page, errors } = watched;
    const h1 = page.getByRole("heading", { level: 1 }).first();
    await expect(h1.isVisible()).resolves.toBe(true);
    // VitePress appends a zero-width-space anchor to headings.
    const title = (await h1.textContent())?.replace(/\u200B/g, "").trim() ?? "";
    expect(title.length).toBeGreaterThan(3);
    expect(await page.title()).toContain("Session Lab");
    const headings = await headingStructure(page);
    if (slug) {
      expect(await page.title()).toContain(title.replace(/\s+/g, " ").slice(0, 20));
      expect(headings.length).toBeGreaterThan(1);
    }
    expect(errors).toEqual([]);

    const lang = await page.evaluate(() => document.documentElement.lang);
    await page.getByRole("button", { name: prefix === "/" ? "Change language" : "Cambiar idioma" }).first().hover();
    await page.getByRole("link", { name: otherLanguage }).first().click();
    await page.waitForURL((url) => url.pathname === other + slug);
    // Client-side navigation: the twin's article is in once the document speaks its language.
    await page.waitForFunction((before) => document.documentElement.lang !== before, lang);
    if (slug) await expect.poll(() => headingStructure(page)).toEqual(headings);
    expect(errors).toEqual([]);
  });
});

describe("search", () => {
  it.each([
    { prefix: "/", button: "Search", query: "lazy sessions", expected: "/sessions/lazy" },
    { prefix: "/es/", button: "Buscar", query: "sesiones perezosas", expected: "/es/sessions/lazy" },
  ])("finds the lazy-sessions page from $prefix", async ({ prefix, button, query, expected }) => {
    const { page } = await open(prefix);
    await page.getByRole("button", { name: button }).first().click();
    const box = page.getByRole("searchbox").or(page.getByRole("combobox")).first();
    await box.fill(query);
    const hit = page.locator(`.VPLocalSearchBox a[href^="${expected}"]`).first();
    await hit.waitFor({ state: "visible", timeout: 10_000 });
    // The other locale's index must not leak into this one.
    const hrefs = await page.$$eval(".VPLocalSearchBox a[href]", (as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith("/es/")).toBe(prefix === "/es/");
  });
});

describe("not found", () => {
  it.each([
    { path: "/no-such-page", text: "PAGE NOT FOUND", link: "go to the home page", home: "/" },
    { path: "/es/no-such-page", text: "PÁGINA NO ENCONTRADA", link: "ir a la página de inicio", home: "/es/" },
  ])("$path shows the 404 page in its language", async ({ path, text, link, home }) => {
    const { page } = await open(path);
    await expect(page.getByText(text).isVisible()).resolves.toBe(true);
    const back = page.getByRole("link", { name: link });
    await expect(back.isVisible()).resolves.toBe(true);
    expect(new URL((await back.getAttribute("href"))!, page.url()).pathname).toBe(home);
  });
});

describe("network", () => {
  it("no request leaves localhost on any page", () => {
    expect(opened.length).toBe(ALL_PAGES.length * 2);
    expect(opened.flatMap((p) => p.externalRequests)).toEqual([]);
  });
});
