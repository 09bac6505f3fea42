import { inject, afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, LaunchOptions, Page } from "playwright-core";
import { CHROMIUM_ARGS, launchChromium } from "../../scripts/chromium";

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
    browser = await launchChromium({ ...launch, args: [...CHROMIUM_ARGS, ...(launch.args ?? [])] });
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
    await page.goto(baseUrl + path, { waitUntil: "networkidle" });
    return watched;
  }

  return { open, baseUrl, get browser() { return browser; } };
}
