/**
 * Issue 12: the core flows, in every engine a reader may bring (Chromium, Firefox, and WebKit, the engine
 * of every iPhone). One file, each flow run once per engine: the pizza example counted against real
 * grammY in Node, the sessions surviving a reload, the watchdog stopping a runaway handler, both languages,
 * and a hostile program that finds every way out of the sandbox closed (the sandbox's policy holds in
 * each engine): a server on another origin (127.0.0.2) records every request it gets, and gets none.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encodeSharedCode } from "../../playground/composables/share-link";
import { anaSays, ENGLISH, RUNAWAY_PROGRAM, SPANISH, type PlaygroundWords } from "../e2e/playground-helpers";
import { runWithGrammy } from "../e2e/playground-oracle";
import { startRecordingServer, type RecordingServer } from "../e2e/recording-server";
import { openEngine, selectedEngines, until, type EnginePage } from "./drivers";

const baseUrl = inject("baseUrl");
const example = (name: string, locale: "en" | "es") =>
  readFileSync(new URL(`../../playground/examples/${name}/${locale}.ts`, import.meta.url), "utf8");

const playgroundState = (page: EnginePage) =>
  page.evaluate(() => {
    const root = document.querySelector(".sl-playground");
    return { ready: root?.getAttribute("data-ready"), status: root?.getAttribute("data-run-status"), run: root?.getAttribute("data-run-number") };
  });

const chatText = (page: EnginePage, region: string) =>
  page.evaluate((name: string) => document.querySelector(`[role="log"][aria-label="${name}"]`)?.textContent ?? "", region);

const counts = (page: EnginePage) =>
  page.evaluate(() => {
    const read = (id: string) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent);
    return { read: read("count-read"), write: read("count-write"), delete: read("count-delete") };
  });

async function openPlayground(page: EnginePage, path: string): Promise<void> {
  await page.goto(baseUrl + path);
  await until(page, "the playground to be ready", () => playgroundState(page), (s) => s.ready === "true", 120_000);
}

async function run(page: EnginePage, words: PlaygroundWords): Promise<void> {
  const before = Number((await playgroundState(page)).run);
  await (await page.byRole("button", words.run)).click();
  await until(page, "the program to run", () => playgroundState(page), (s) => Number(s.run) === before + 1 && s.status === "running");
}

async function say(page: EnginePage, words: PlaygroundWords, text: string): Promise<void> {
  const box = await page.byRole("textbox", words.message);
  await box.type(text);
  await box.pressEnter();
}

let elsewhere: RecordingServer;
beforeAll(async () => {
  elsewhere = await startRecordingServer("127.0.0.2");
});
afterAll(() => elsewhere.close());

/** Tries each way out in turn, then says it is done. */
const escapeArtist = (target: string) =>
  [
    'import { Bot } from "grammy";',
    `const target = ${JSON.stringify(target)};`,
    "const attempts: (() => Promise<unknown>)[] = [",
    '  () => import(target + "/import.js"),',
    '  () => (0, eval)(`import("${target}/eval.js")`),',
    '  () => import(URL.createObjectURL(new Blob([`import "${target}/blob.js";`], { type: "text/javascript" }))),',
    '  () => new FontFace("f", `url(${target}/font.woff2)`).load(),',
    '  () => fetch(target + "/fetch"),',
    "];",
    "let blocked = 0;",
    "for (const attempt of attempts) await attempt().catch(() => blocked++);",
    'console.log(`ways out blocked: ${blocked} of ${attempts.length}`);',
    'new Bot("").start();',
    "",
  ].join("\n");

for (const engine of selectedEngines()) {
  describe(`in ${engine}`, () => {
    let page: EnginePage;
    beforeAll(async () => {
      page = await openEngine(engine);
    });
    afterAll(() => page?.close());

    for (const [locale, words, reply] of [
      ["en", ENGLISH, "Your hunger level is 2!"],
      ["es", SPANISH, "¡Tu nivel de hambre es 2!"],
    ] as const) {
      it(`counts two pizzas exactly as grammY does, and the sessions survive a reload (${locale})`, async () => {
        const texts = ["🍕", "🍕", "/hunger"];
        const expected = await runWithGrammy(example("pizza", locale), anaSays(texts));
        expect(expected.replies).toEqual([reply]);

        const prefix = locale === "es" ? "/es" : "";
        await openPlayground(page, `${prefix}/playground/?example=pizza`);
        await run(page, words);
        for (const text of texts) await say(page, words, text);
        await until(page, "the bot's reply", () => chatText(page, words.chatRegion), (text) => text.includes(reply));
        await until(page, "the counts", () => counts(page), (c) => c.read === expected.read && c.write === expected.write && c.delete === 0);

        // Reloaded, run again: IndexedDB still holds two pizzas.
        await page.reload();
        await until(page, "the playground to be ready", () => playgroundState(page), (s) => s.ready === "true", 120_000);
        await run(page, words);
        await say(page, words, "/hunger");
        await until(page, "the reply after the reload", () => chatText(page, words.chatRegion), (text) => text.includes(reply));
      });
    }

    it("finds every way out of the sandbox closed: no request reaches another origin", async () => {
      await openPlayground(page, `/playground/?example=pizza-memory#code=${encodeSharedCode(escapeArtist(elsewhere.origin))}`);
      await run(page, ENGLISH);
      const open = await page.evaluate(() => document.querySelector('[role="log"][aria-label="Console and errors"]') !== null);
      if (!open) await (await page.byRole("button", "^Console", { pattern: true })).click();
      const shown = await until(
        page,
        "the program's report",
        () => page.evaluate(() => document.querySelector('[role="log"][aria-label="Console and errors"]')?.textContent ?? ""),
        (text) => text.includes("ways out blocked"),
      );
      expect(shown).toContain("ways out blocked: 5 of 5");
      expect(elsewhere.received).toEqual([]);
    });

    it("stops a runaway handler and names the update; the page keeps answering", async () => {
      await openPlayground(page, `/es/playground/?example=pizza-memory#code=${encodeSharedCode(RUNAWAY_PROGRAM)}`);
      await run(page, SPANISH);
      await say(page, SPANISH, "/ping");
      await until(page, "pong", () => chatText(page, SPANISH.chatRegion), (text) => text.includes("pong"));
      await say(page, SPANISH, "loop");
      const alert = await until(
        page,
        "the watchdog's alert",
        () => page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((el) => el.textContent ?? "").join(" | ")),
        (text) => /Detenido: (la )?actualización 2 \(Ana en chat privado: loop\)/.test(text),
        30_000,
      );
      expect(alert).toContain("tuvo al bot ocupado demasiado tiempo");
      // The page answers at once: the message box takes text while the sandbox is gone.
      await say(page, SPANISH, "¿sigues ahí?");
      await run(page, SPANISH);
      await say(page, SPANISH, "/ping");
      await until(page, "the second pong", () => chatText(page, SPANISH.chatRegion), (text) => text.split("pong").length - 1 >= 2);
    });
  });
}
