/**
 * The newcomer's first screens of the playground (issue 9), shared by the home page's path and the layout
 * tests: the words to look for per language, and what must be on screen after the first run and the next
 * message, at each screen size (on a phone: the chat with its latest calls, then the Traffic tab).
 */
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";
import { expectInViewport, saveScreenshot, type Screen } from "./viewport";

/** The words the tests look for, per language. */
export const WORDS = {
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
export type Words = (typeof WORDS)[keyof typeof WORDS];

/** Storage calls so far, as the traffic totals show them. */
export async function callCount(page: Page): Promise<number> {
  const read = async (id: string) => Number((await page.getByTestId(id).first().textContent()) ?? 0);
  return (await read("count-read")) + (await read("count-write")) + (await read("count-delete"));
}

/** One call row of the traffic log (its list items that name an operation). */
export function trafficCall(page: Page, w: Words): Locator {
  return page.getByRole("listbox", { name: w.traffic }).getByRole("option").filter({ hasText: /\b(read|write)\b/ }).first();
}

/** The latest-calls strip under the phone's chat. */
export function latestCall(page: Page, w: Words): Locator {
  return page.getByRole("list", { name: w.latest }).getByRole("listitem").last();
}

export const phone = (screen: Screen) => screen.options.hasTouch === true;

/** Everything the newcomer must see at once: on a desktop in one view, on a phone in Chat, then Traffic. */
export async function expectCoreOnScreen(page: Page, w: Words, screen: Screen, step: string): Promise<void> {
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

/**
 * From a playground opened at `/playground?example=pizza&start=1`: it runs by itself and Ana's first message
 * reaches the bot, the start is spent, and Run, the message box and a storage call are on screen; then one
 * more message, whose calls are on screen too (on a phone, counted by the Traffic tab's badge).
 */
export async function expectFirstRunOnScreen(page: Page, w: Words, screen: Screen, shot: string): Promise<void> {
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
}
