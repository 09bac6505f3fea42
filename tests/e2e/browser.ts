import { inject, afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, LaunchOptions, Page } from "playwright-core";
import { launchTestChromium } from "../../scripts/chromium";

/** A page plus everything it did that a test may want to assert on. */
export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors, as text. */
  errors: string[];
  /** Requests to anything but the local server. */
  externalRequests: string[];
}

/**
 * One Chromium per test file: call at the top of the file, then `open(path)` in tests.
 * Every page records console errors and any request that leaves the local server. `launch` adds
 * to Chromium's launch options (extra `args` come after the project's own).
 */
export function useBrowser(contextOptions: Parameters<Browser["newContext"]>[0] = {}, launch: LaunchOptions = {}) {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const baseUrl = inject("baseUrl");

  beforeAll(async () => {
    browser = await launchTestChromium(launch);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    await browser?.close();
  });

  async function open(path: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<WatchedPage> {
    const context = await browser.newContext({ ...contextOptions, ...options });
    contexts.push(context);
    const page = await context.newPage();
    const watched: WatchedPage = { page, errors: [], externalRequests: [] };
    page.on("console", (msg) => {
      if (msg.type() === "error") watched.errors.push(msg.text());
    });
    page.on("pageerror", (err) => watched.errors.push(String(err)));
    page.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(baseUrl) && !url.startsWith("data:") && !url.startsWith("blob:")) {
        watched.externalRequests.push(url);
      }
    });
    await gotoHydrated(page, baseUrl + path);
    return watched;
  }

  return { open, baseUrl, get browser() { return browser; } };
}

/**
 * Waits until VitePress has mounted its app on the page (Vue marks the container), so the page answers
 * clicks and shows its client-side parts. A condition, not "network idle": that waits 500 ms of quiet on
 * every visit, and a playground page is never quiet while its compiler loads.
 */
async function whenHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((document.querySelector("#app") as { __vue_app__?: unknown } | null)?.__vue_app__));
}

/** Goes to `url` and waits until the page is hydrated ({@link whenHydrated}). */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await whenHydrated(page);
}

/** Reloads the page and waits until it is hydrated ({@link whenHydrated}). */
export async function reloadHydrated(page: Page): Promise<void> {
  await page.reload({ waitUntil: "load" });
  await whenHydrated(page);
}
