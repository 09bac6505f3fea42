/**
 * The playground's layout as a newcomer meets it (issue 9): one click from the home page
 * (`/playground?example=pizza&start=1`) to a running bot whose first storage call is on screen, at
 * 1440×900, 1280×800 and on a 390×844 touch phone, in English and Spanish, light and dark. Then one more
 * message, pane sizes across a reload, the phone's Traffic badge, and a guide page's embed.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { reloadHydrated, useBrowser } from "./browser";
import { expectInViewport, saveScreenshot, SCREENS, type Screen } from "./viewport";
import { waitReady } from "./playground-helpers";

const { open } = useBrowser();

/** The words the tests look for, per language. */
const WORDS = {
  en: {
    prefix: "",
    run: "Run",
    message: "Message",
    traffic: "Storage traffic",
    stored: "Stored sessions",
    latest: "Latest storage calls",
    tabChat: "Chat",
    tabTraffic: "Traffic",
    trafficNew: /^Traffic, (\d+) new$/,
    splitter: "Resize the editor and the chat",
  },
  es: {
    prefix: "/es",
    run: "Ejecutar",
    message: "Mensaje",
    traffic: "Tráfico de almacenamiento",
    stored: "Sesiones guardadas",
    latest: "Últimas llamadas al almacenamiento",
    tabChat: "Chat",
    tabTraffic: "Tráfico",
    trafficNew: /^Tráfico, (\d+) nuevas?$/,
    splitter: "Cambiar el tamaño del editor y del chat",
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

/** Storage calls so far, as the traffic totals show them. */
async function callCount(page: Page): Promise<number> {
  const read = async (id: string) => Number((await page.getByTestId(id).first().textContent()) ?? 0);
  return (await read("count-read")) + (await read("count-write")) + (await read("count-delete"));
}

/** One call row of the traffic log (its list items that name an operation). */
function trafficCall(page: Page, w: Words): Locator {
  return page.getByRole("listbox", { name: w.traffic }).getByRole("option").filter({ hasText: /\b(read|write)\b/ }).first();
}

/** The latest-calls strip under the phone's chat. */
function latestCall(page: Page, w: Words): Locator {
  return page.getByRole("list", { name: w.latest }).getByRole("listitem").last();
}

const phone = (screen: Screen) => screen.options.hasTouch === true;

/** Everything the newcomer must see at once: on a desktop in one view, on a phone in Chat, then Traffic. */
async function expectCoreOnScreen(page: Page, w: Words, screen: Screen, step: string): Promise<void> {
  await expectInViewport(page.getByRole("button", { name: w.run, exact: true }), `${step}: Run`);
  await expectInViewport(page.getByRole("textbox", { name: w.message, exact: true }), `${step}: the message box`);
  if (phone(screen)) {
    await expectInViewport(latestCall(page, w), `${step}: the latest storage call under the chat`);
    await saveScreenshot(page, `layout-${screen.name}-${step}-chat`);
    await page.getByRole("tab", { name: new RegExp(`^${w.tabTraffic}`) }).click();
    await expectInViewport(trafficCall(page, w), `${step}: a storage call in the Traffic tab`);
    await expectInViewport(page.getByRole("heading", { name: w.stored }), `${step}: the stored sessions`);
    await saveScreenshot(page, `layout-${screen.name}-${step}-traffic`);
    await page.getByRole("tab", { name: w.tabChat, exact: true }).click();
  } else {
    await expectInViewport(trafficCall(page, w), `${step}: a storage call`);
    await expectInViewport(page.getByRole("heading", { name: w.stored }), `${step}: the stored sessions`);
    await saveScreenshot(page, `layout-${screen.name}-${step}`);
  }
}

/** English in light mode and Spanish in dark mode on every screen: each language and theme at least once per size. */
const CASES = SCREENS.flatMap((screen) => [
  { screen, lang: "en" as const, scheme: "light" as const },
  { screen, lang: "es" as const, scheme: "dark" as const },
]);

describe("one click from the home page: /playground?example=pizza&start=1", () => {
  it.each(CASES.map((c) => [`${c.screen.name} ${c.lang} ${c.scheme}`, c]))("%s", { timeout: 150_000 }, async (_, { screen, lang, scheme }) => {
    const w = WORDS[lang];
    const { page, errors, externalRequests } = await open(`${w.prefix}/playground?example=pizza&start=1`, { ...screen.options, colorScheme: scheme });
    const shot = `${lang}-${scheme}`;

    // It runs by itself and Ana's 🍕 reaches the bot: a read and a write, with no click.
    await page.locator('.sl-playground[data-run-status="running"]').waitFor({ timeout: 90_000 });
    await expect.poll(() => callCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // The start is spent: a reload would not run anything again.
    await expect.poll(() => new URL(page.url()).searchParams.has("start")).toBe(false);
    await expectCoreOnScreen(page, w, screen, `${shot}-first-call`);

    // Another message: the new calls are on screen too (on a phone, the Traffic badge counts them).
    const before = await callCount(page);
    const box = page.getByRole("textbox", { name: w.message, exact: true });
    await box.fill("🍕");
    await box.press("Enter");
    await expect.poll(() => callCount(page), { timeout: 15_000 }).toBeGreaterThan(before);
    if (phone(screen)) {
      const tab = page.getByRole("tab", { name: w.trafficNew });
      await tab.waitFor({ timeout: 10_000 });
      const name = (await tab.getAttribute("aria-label")) ?? "";
      const unseen = Number(w.trafficNew.exec(name)?.[1]);
      expect(unseen).toBe((await callCount(page)) - before);
      await saveScreenshot(page, `layout-${screen.name}-${shot}-badge`);
      await tab.click();
      await expect.poll(() => page.getByRole("tab", { name: w.tabTraffic, exact: true }).count()).toBe(1);
      await expect(page.getByTestId("traffic-badge").count()).resolves.toBe(0);
      await page.getByRole("tab", { name: w.tabChat, exact: true }).click();
    }
    await expectCoreOnScreen(page, w, screen, `${shot}-second-message`);

    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("the full page", () => {
  const desktop = SCREENS[0];

  it("does not shift while the playground loads", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza", desktop.options);
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shift).toBeLessThanOrEqual(0.02);
    // The loading line is gone once the playground is there, and panel titles sit right under the h1.
    await expect(page.getByText("Loading the playground…").count()).resolves.toBe(0);
    await expect(page.getByRole("heading", { level: 1, name: "Playground" }).isVisible()).resolves.toBe(true);
    for (const name of ["Chat", "Storage traffic", "Stored sessions"]) {
      await expect(page.getByRole("heading", { level: 2, name, exact: true }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByRole("heading", { level: 3 }).count()).resolves.toBe(0);
  });

  it("keeps the pane sizes the reader chose across a reload", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza", desktop.options);
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const splitter = page.getByRole("separator", { name: WORDS.en.splitter });
    const chat = page.getByRole("region", { name: "Chat", exact: true });
    const before = Number(await splitter.getAttribute("aria-valuenow"));
    const widthBefore = (await chat.boundingBox())!.width;
    await splitter.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await splitter.getAttribute("aria-valuenow"))).toBe(before + 10);
    // The chat gives way down to its minimum share (18 %), which the splitters' own pixels make a little wider.
    // The panes glide to their new widths (a short CSS transition): the width counts once two frames agree.
    const settledWidth = async () => {
      const first = (await chat.boundingBox())!.width;
      await page.evaluate(() => new Promise(requestAnimationFrame));
      return (await chat.boundingBox())!.width === first ? first : Number.NaN;
    };
    await expect.poll(settledWidth).toBeLessThan(widthBefore - 60);
    const widthAfter = await settledWidth();
    await saveScreenshot(page, "layout-1440x900-resized");

    await reloadHydrated(page);
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    await expect.poll(async () => Number(await splitter.getAttribute("aria-valuenow"))).toBe(before + 10);
    await expect.poll(async () => Math.round((await chat.boundingBox())!.width)).toBe(Math.round(widthAfter));
    await saveScreenshot(page, "layout-1440x900-resized-reloaded");
  });

  it("opens the console by itself when the code does not compile", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza", desktop.options);
    await waitReady(page);
    const toggle = page.getByRole("button", { name: /^Console, / });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    const textarea = page.locator(".sl-playground .code-editor__textarea");
    if (await textarea.isVisible()) await textarea.fill("const broken: number = ;\n");
    else {
      await page.locator(".sl-playground .monaco-editor .view-lines").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type("\nconst broken: number = ;");
    }
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => toggle.getAttribute("aria-expanded"), { timeout: 30_000 }).toBe("true");
    await expect(toggle.getAttribute("aria-label")).resolves.toMatch(/1 error/);
    await expectInViewport(page.getByRole("alert").filter({ hasText: "Problems in the code" }), "the console's problems");
    await saveScreenshot(page, "layout-1440x900-console");
  });
});

describe("a playground embedded in a guide page", () => {
  it("puts chat and traffic side by side and brings the traffic into view after Run and a message", { timeout: 150_000 }, async () => {
    const w = WORDS.en;
    const { page, errors } = await open("/sessions/usage", SCREENS[0].options);
    await page.getByRole("button", { name: "Open playground" }).first().click();
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole("button", { name: w.run, exact: true }).click();
    await page.locator('.sl-playground[data-run-status="running"]').waitFor({ timeout: 60_000 });
    const box = page.getByRole("textbox", { name: w.message, exact: true });
    await box.fill("🍕");
    await box.press("Enter");
    await expect.poll(() => callCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expectInViewport(trafficCall(page, w), "a storage call of the embed");
    await expectInViewport(box, "the embed's message box");
    // Side by side: the chat's message box and the traffic log share a row.
    const chatBox = (await box.boundingBox())!;
    const traffic = (await page.getByRole("listbox", { name: w.traffic }).boundingBox())!;
    expect(traffic.x).toBeGreaterThan(chatBox.x + chatBox.width - 1);
    await saveScreenshot(page, "layout-embed-1440x900");
    expect(errors).toEqual([]);
  });
});
