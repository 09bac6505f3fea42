/**
 * What a reader sees without scrolling: the screen sizes the product is judged at, a check that an element
 * lies inside the viewport, and screenshots kept as test artifacts.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { BrowserContextOptions, Locator, Page } from "playwright-core";

/** A screen size a reader may have, with the context options that make it (touch and a phone's viewport). */
export interface Screen {
  name: string;
  options: BrowserContextOptions;
}

/** The two desktop sizes and the phone that issue 9 names. */
export const SCREENS: Screen[] = [
  { name: "1440x900", options: { viewport: { width: 1440, height: 900 } } },
  { name: "1280x800", options: { viewport: { width: 1280, height: 800 } } },
  { name: "390x844", options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
];

/** Where screenshots go; `test-results/` is ignored by git and kept by CI as artifacts. */
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/screens/", import.meta.url));

/** Whether the whole of `locator`'s first match is inside the viewport (not scrolled away, not cut). */
export async function isInViewport(locator: Locator): Promise<boolean> {
  return locator.first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    return box.top >= -1 && box.left >= -1 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1;
  });
}

/** Waits until `locator` is visible and wholly inside the viewport; fails naming `what` otherwise. */
export async function expectInViewport(locator: Locator, what: string): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: 30_000 });
  await expect.poll(() => isInViewport(locator), { message: `${what} is inside the viewport`, timeout: 10_000 }).toBe(true);
}

/** Saves a screenshot of what the reader sees now as `test-results/screens/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name.replace(/[^\w.-]+/g, "-")}.png` });
}
