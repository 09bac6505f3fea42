/**
 * The stored-sessions panel shows exactly the storages the running program uses, as the sandbox reports
 * them: IndexedDB for the pizza example (whose sessions survive Stop, Run and a reload), memory for its
 * memory version, and both for the multi example's two fragments. What the bot answers is checked against
 * the same program run through real grammY in Node (`playground-oracle.ts`): a session that survives is
 * one continuous run there.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { reloadHydrated, useBrowser, type WatchedPage } from "./browser";
import { anaSays, ENGLISH, runProgram, say, SPANISH, waitReady, type PlaygroundWords } from "./playground-helpers";
import { runWithGrammy } from "./playground-oracle";

/** The words of the stored-sessions panel in one locale. */
interface PanelWords {
  heading: string;
  memory: string;
  fragment: (name: string) => string;
  location: (database: string, store: string) => string;
  beforeRun: RegExp;
  memoryGone: RegExp;
}

const LOCALES: { name: string; prefix: string; locale: string; words: PlaygroundWords; panel: PanelWords; file: string }[] = [
  {
    name: "English",
    prefix: "",
    locale: "en-US",
    words: ENGLISH,
    file: "en",
    panel: {
      heading: "Stored sessions",
      memory: "Memory",
      fragment: (name) => `fragment “${name}”`,
      location: (database, store) => `database “${database}”, object store “${store}”`,
      beforeRun: /^Run the program: this panel then shows each storage/,
      memoryGone: /^The bot has stopped, and these sessions went with it/,
    },
  },
  {
    name: "Spanish",
    prefix: "/es",
    locale: "es-ES",
    words: SPANISH,
    file: "es",
    panel: {
      heading: "Sesiones guardadas",
      memory: "Memoria",
      fragment: (name) => `fragmento «${name}»`,
      location: (database, store) => `base de datos «${database}», almacén de objetos «${store}»`,
      beforeRun: /^Ejecuta el programa: este panel mostrará cada almacenamiento/,
      memoryGone: /^El bot se ha detenido y estas sesiones se fueron con él/,
    },
  },
];

const { open } = useBrowser({ viewport: { width: 1440, height: 900 } });
const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

describe.each(LOCALES)("the stored-sessions panel ($name)", ({ prefix, locale, words, panel, file }) => {
  const source = (name: string) => readFileSync(new URL(`../../playground/examples/${name}/${file}.ts`, import.meta.url), "utf8");
  const inspector = (page: Page) => page.getByRole("region", { name: panel.heading, exact: true });
  /** The storage blocks, found by their headings' names. */
  const blocks = (page: Page) => inspector(page).getByRole("group");
  const chat = (page: Page) => page.getByRole("log", { name: words.chatRegion });
  const repliesShown = (page: Page, text: string) => chat(page).getByText(text, { exact: true }).count();

  async function openExample(name: string): Promise<WatchedPage> {
    const watched = await open(`${prefix}/playground/?example=${name}`, { locale });
    opened.push(watched);
    await waitReady(watched.page);
    return watched;
  }

  async function stop(page: Page): Promise<void> {
    await page.getByRole("button", { name: words.stop, exact: true }).click();
    await page.locator('.sl-playground[data-run-status="stopped"]').waitFor();
  }

  /** A block's key and value as shown: "424242" → `{ "pizzaCount": 2 }`. */
  const shows = (block: Locator, key: string, value: RegExp) =>
    expect.poll(async () => {
      const text = (await block.textContent()) ?? "";
      return text.includes(key) && value.test(text);
    }, { timeout: 10_000 }).toBe(true);

  // Three runs and a reload: longer than the default minute on a busy machine.
  it("pizza: one IndexedDB block in the adapter's own database, and the count survives Stop, Run and a reload", { timeout: 180_000 }, async () => {
    // One continuous run through real grammY: what a session that survives must answer.
    const texts = ["🍕", "🍕", "/hunger", "/hunger", "/hunger", "🍕", "/hunger"];
    const expected = await runWithGrammy(source("pizza"), anaSays(texts));
    const [twoFirst, twoAfterStop, twoAfterReload, three] = expected.replies;
    // The same answer three times: the count was kept.
    expect(new Set([twoFirst, twoAfterStop, twoAfterReload]).size).toBe(1);

    const { page, errors } = await openExample("pizza");
    await expect(inspector(page).getByText(panel.beforeRun).isVisible()).resolves.toBe(true);
    await expect(blocks(page).count()).resolves.toBe(0);

    await runProgram(page, words);
    const block = blocks(page).filter({ has: page.getByRole("heading", { name: /^IndexedDB/ }) });
    await block.waitFor();
    await expect(blocks(page).count()).resolves.toBe(1);
    await expect(inspector(page).getByTestId("memory-storage").count()).resolves.toBe(0);
    await expect(block.getByText(panel.location(`session-lab:${prefix}/playground:pizza`, "sessions"), { exact: true }).isVisible()).resolves.toBe(true);

    await say(page, words, "🍕");
    await shows(block, "424242", /"pizzaCount": 1/);
    await say(page, words, "🍕");
    await say(page, words, "/hunger");
    await chat(page).getByText(twoFirst, { exact: true }).waitFor();
    await shows(block, "424242", /"pizzaCount": 2/);

    // Stop: IndexedDB keeps it, and the panel still shows it.
    await stop(page);
    await shows(blocks(page).first(), "424242", /"pizzaCount": 2/);
    await runProgram(page, words);
    await say(page, words, "/hunger");
    await expect.poll(() => repliesShown(page, twoAfterStop)).toBe(2);

    // Reload: nothing runs, the panel says what it will show; after Run the stored count is there at once.
    await reloadHydrated(page);
    await waitReady(page);
    await expect(inspector(page).getByText(panel.beforeRun).isVisible()).resolves.toBe(true);
    await runProgram(page, words);
    await shows(blocks(page).first(), "424242", /"pizzaCount": 2/);
    await say(page, words, "/hunger");
    await chat(page).getByText(twoAfterReload, { exact: true }).first().waitFor();
    await say(page, words, "🍕");
    await say(page, words, "/hunger");
    await chat(page).getByText(three, { exact: true }).waitFor();
    await shows(blocks(page).first(), "424242", /"pizzaCount": 3/);
    expect(errors).toEqual([]);
  });

  it("pizza-memory: only a memory block, rebuilt from the calls, gone with Stop", { timeout: 120_000 }, async () => {
    const first = await runWithGrammy(source("pizza-memory"), anaSays(["🍕", "/hunger"]));
    const fresh = await runWithGrammy(source("pizza-memory"), anaSays(["/hunger"]));

    const { page, errors } = await openExample("pizza-memory");
    await runProgram(page, words);
    const block = blocks(page).filter({ has: page.getByRole("heading", { name: new RegExp(`^${panel.memory}`) }) });
    await block.waitFor();
    await say(page, words, "🍕");
    await say(page, words, "/hunger");
    await chat(page).getByText(first.replies[0], { exact: true }).waitFor();
    await shows(block, "424242", /"pizzaCount": 1/);
    await expect(blocks(page).count()).resolves.toBe(1);
    await expect(inspector(page).getByTestId("indexeddb-storage").count()).resolves.toBe(0);

    await stop(page);
    await expect(block.getByText(panel.memoryGone).isVisible()).resolves.toBe(true);
    // A new run starts from nothing, as grammY's memory storage does.
    await runProgram(page, words);
    await say(page, words, "/hunger");
    await chat(page).getByText(fresh.replies[0], { exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it("multi: its IndexedDB fragment and its memory fragment, each named, each with its own data", { timeout: 120_000 }, async () => {
    const expected = await runWithGrammy(source("multi"), anaSays(["/favourite mushrooms", "🍕", "/hunger"]));

    const { page, errors } = await openExample("multi");
    await runProgram(page, words);
    const user = blocks(page).filter({ has: page.getByRole("heading", { name: new RegExp(`^IndexedDB · ${panel.fragment("user")}`) }) });
    const chatFragment = blocks(page).filter({ has: page.getByRole("heading", { name: new RegExp(`^${panel.memory} · ${panel.fragment("chat")}`) }) });
    await user.waitFor();
    await chatFragment.waitFor();
    await expect(blocks(page).count()).resolves.toBe(2);

    for (const text of ["/favourite mushrooms", "🍕", "/hunger"]) await say(page, words, text);
    await chat(page).getByText(expected.replies.at(-1)!, { exact: true }).waitFor();
    await shows(user, "user:424242", /"favourite": "mushrooms"/);
    await shows(chatFragment, "424242", /"pizzaCount": 1/);
    // Each block holds only its own fragment's data.
    await expect(user.textContent()).resolves.not.toContain("pizzaCount");
    await expect(chatFragment.textContent()).resolves.not.toContain("favourite");
    expect(errors).toEqual([]);
  });
});
