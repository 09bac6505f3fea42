/**
 * One small interface over the three engines the core flows run in, each driven by the tool that speaks
 * to it offline: Chromium through Playwright (DevTools protocol), Firefox through Puppeteer (WebDriver
 * BiDi), WebKitGTK through Selenium (WebKitWebDriver, MiniBrowser under Xvfb). Every browser is a Debian
 * package; nothing is downloaded. Elements are found by role and accessible name with the same
 * in-page library in every engine (in-page-queries.ts), then clicked and typed into natively.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { launchTestChromium } from "../../scripts/chromium";
import { inPageQueries } from "./in-page-queries";

/** The engines the core flows run in. */
export const ENGINES = ["chromium", "firefox", "webkit"] as const;
/** One of {@link ENGINES}. */
export type EngineName = (typeof ENGINES)[number];

/** Where Debian puts each browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? "/usr/bin/WebKitWebDriver";
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** An element found in the page, ready for native input. */
export interface EngineElement {
  click(): Promise<void>;
  /** Replaces the field's text with `text`, typed key by key. */
  type(text: string): Promise<void>;
  pressEnter(): Promise<void>;
}

/** The one page of a browser the flows use. */
export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page with JSON arguments and returns its JSON result. */
  evaluate<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
  /** The first visible element with `role` whose accessible name is `name` (or matches it, as a regex source). */
  byRole(role: string, name: string, options?: { pattern?: boolean; timeoutMs?: number }): Promise<EngineElement>;
  close(): Promise<void>;
}

const QUERY = `(role, name, pattern) => {
  const found = window.__sessionLabQueries.byRole(role, name, pattern);
  return found.find((el) => el.getClientRects().length > 0) ?? null;
}`;

async function poll<T>(what: string, timeoutMs: number, attempt: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads `read` every `intervalMs` until `accept` holds; fails after `timeoutMs` with what it last saw. */
export async function until<T>(
  page: Pick<EnginePage, "engine">,
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 60_000,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`${page.engine}: timed out waiting for ${what}; last seen ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Makes sure the query library is in the page (a navigation or reload loses it). */
async function withQueries<T>(page: { run(script: string): Promise<unknown> }, then: () => Promise<T>): Promise<T> {
  const installed = await page.run("return typeof window.__sessionLabQueries === 'object'");
  if (!installed) await page.run(`${await inPageQueries()}; return true;`);
  return then();
}

/**
 * The calls of a Playwright or a Puppeteer page the drivers use: the two agree on them, so one
 * {@link EnginePage} serves both, and only the way an element types differs.
 */
interface ScriptablePage {
  goto(url: string, options: { waitUntil: "load" }): Promise<unknown>;
  reload(options: { waitUntil: "load" }): Promise<unknown>;
  evaluate(script: string | (() => unknown)): Promise<unknown>;
  evaluateHandle(script: string): Promise<{ asElement(): unknown }>;
}

function scriptedPage<Handle>(
  engine: EngineName,
  page: ScriptablePage,
  element: (handle: Handle) => EngineElement,
  close: () => Promise<void>,
): EnginePage {
  const run = (script: string) => page.evaluate(new Function(script) as () => unknown);
  return {
    engine,
    goto: async (url) => void (await page.goto(url, { waitUntil: "load" })),
    reload: async () => void (await page.reload({ waitUntil: "load" })),
    evaluate: (fn, ...args) => page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`) as never,
    byRole: (role, name, options = {}) =>
      poll(`the ${role} "${name}"`, options.timeoutMs ?? 30_000, () =>
        withQueries({ run }, async () => {
          const handle = await page.evaluateHandle(`(${QUERY})(${JSON.stringify(role)}, ${JSON.stringify(name)}, ${!!options.pattern})`);
          const found = handle.asElement() as Handle | null;
          return found ? element(found) : null;
        }),
      ),
    close,
  };
}

async function chromiumPage(): Promise<EnginePage> {
  const browser = await launchTestChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return scriptedPage<import("playwright-core").ElementHandle<HTMLElement>>(
    "chromium",
    page as unknown as ScriptablePage,
    (handle) => ({
      click: async () => {
        // Puppeteer over BiDi scrolls an element to the top of the viewport, under the site's fixed nav bar,
        // and the click lands on the nav: bring it to the middle, as a reader would scroll.
        await handle.evaluate((el) => el.scrollIntoView({ block: "center" }));
        await handle.click();
      },
      type: (text) => handle.fill(text),
      pressEnter: () => handle.press("Enter"),
    }),
    () => browser.close(),
  );
}

async function firefoxPage(): Promise<EnginePage> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox ESR was not found at ${FIREFOX_PATH}: apt-get install -y firefox-esr`);
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX_PATH, headless: true });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  return scriptedPage<import("puppeteer-core").ElementHandle<Element>>(
    "firefox",
    page as unknown as ScriptablePage,
    (handle) => ({
      click: async () => {
        // Puppeteer over BiDi scrolls an element to the top of the viewport, under the site's fixed nav bar,
        // and the click lands on the nav: bring it to the middle, as a reader would scroll.
        await handle.evaluate((el) => el.scrollIntoView({ block: "center" }));
        await handle.click();
      },
      type: async (text) => {
        await handle.click({ count: 3 });
        await page.keyboard.press("Backspace");
        await handle.type(text);
      },
      pressEnter: () => handle.press("Enter"),
    }),
    () => browser.close(),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Xvfb for WebKitGTK, which needs a display even when nobody looks. */
async function startDisplay(): Promise<{ display: string; stop(): void }> {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop() {} };
  const number = 90 + Math.floor(Math.random() * 400);
  const xvfb = spawn("Xvfb", [`:${number}`, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: "ignore" });
  // The display is up once its socket is there: waited for, not guessed, on a busy machine.
  await poll(`Xvfb on :${number}`, 20_000, async () => (existsSync(`/tmp/.X11-unix/X${number}`) ? true : null));
  return { display: `:${number}`, stop: () => xvfb.kill() };
}

async function webkitPage(): Promise<EnginePage> {
  for (const [path, pkg] of [[WEBKIT_DRIVER_PATH, "webkit2gtk-driver"], [MINIBROWSER_PATH, "webkit2gtk-driver"]] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install -y ${pkg} xvfb`);
  }
  const { Builder, Capabilities, Key } = await import("selenium-webdriver");
  const display = await startDisplay();
  const port = await freePort();
  const service: ChildProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { stdio: "ignore", env: { ...process.env, DISPLAY: display.display } });
  await poll("WebKitWebDriver", 20_000, async () => {
    const response = await fetch(`http://127.0.0.1:${port}/status`).catch(() => undefined);
    return response?.ok ? true : null;
  });
  const capabilities = new Capabilities({
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER_PATH, args: ["--automation", "--geometry=1280x800"] },
  });
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
  await driver.manage().setTimeouts({ script: 60_000 });
  const run = (script: string) => driver.executeScript(script);
  return {
    engine: "webkit",
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    evaluate: (fn, ...args) =>
      driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve((${fn.toString()})(...${JSON.stringify(args)})).then((v) => done({ ok: v }), (e) => done({ error: String(e) }));`,
      ).then((result) => {
        const { ok, error } = result as { ok?: unknown; error?: string };
        if (error !== undefined) throw new Error(error);
        return ok as never;
      }),
    byRole: (role, name, options = {}) =>
      poll(`the ${role} "${name}"`, options.timeoutMs ?? 30_000, () =>
        withQueries({ run }, async () => {
          const element = (await driver.executeScript(
            `return (${QUERY})(arguments[0], arguments[1], arguments[2])`,
            role,
            name,
            !!options.pattern,
          )) as import("selenium-webdriver").WebElement | null;
          if (!element) return null;
          return {
            click: async () => {
              // WebKitWebDriver scrolls an element just into view, where the site's fixed nav bar covers it.
              await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
              await element.click();
            },
            type: async (text: string) => {
              await element.clear();
              if (!/[\u{10000}-\u{10FFFF}]/u.test(text)) return element.sendKeys(text);
              // WebKitWebDriver types nothing outside the BMP (🍕): enter it as an input method would.
              await element.click();
              await driver.executeScript(
                "const [field, text] = arguments; field.value = text; field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));",
                element,
                text,
              );
            },
            pressEnter: () => element.sendKeys(Key.ENTER),
          } satisfies EngineElement;
        }),
      ),
    close: async () => {
      await driver.quit().catch(() => {});
      service.kill();
      display.stop();
    },
  };
}

/** Starts `engine` with one page. */
export function openEngine(engine: EngineName): Promise<EnginePage> {
  switch (engine) {
    case "chromium":
      return chromiumPage();
    case "firefox":
      return firefoxPage();
    case "webkit":
      return webkitPage();
  }
}

/** The engines to test: Firefox and WebKit, or those `ENGINES=chromium,firefox,webkit` names. */
export function selectedEngines(): EngineName[] {
  const asked = process.env.ENGINES?.split(",").map((name) => name.trim()).filter(Boolean);
  // Chromium runs every flow of tests/e2e already; by default these run where nothing else does.
  if (!asked) return ENGINES.filter((name) => name !== "chromium");
  const unknown = asked.filter((name) => !ENGINES.includes(name as EngineName));
  if (unknown.length) throw new Error(`Unknown engine(s) ${unknown.join(", ")}: choose from ${ENGINES.join(", ")}`);
  return asked as EngineName[];
}
