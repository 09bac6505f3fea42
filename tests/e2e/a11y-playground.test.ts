/**
 * axe-core (WCAG 2.1 A and AA rules) over the playground as a reader leaves it: the usage page with its
 * embedded playground running, and the full playground after a run and a few messages (Monaco included,
 * since the reader came to the editor first), in both languages; checked as a11y.test.ts checks the guide.
 *
 * Alone: `SITE_DIST=<build> npx vitest run --config tests/e2e/vitest.config.ts tests/e2e/a11y-playground.test.ts`.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { EMBED_STRINGS } from "../../locales";
import { expectAxeClean, SCHEMES, useSchemedPages, type Locale } from "./axe";
import { ENGLISH, SPANISH, runProgram, say, totals, waitEditorReady, waitReady, type PlaygroundWords } from "./playground-helpers";

const openPage = useSchemedPages();

const LOCALES = [
  { locale: "en" as Locale, prefix: "", words: ENGLISH },
  { locale: "es" as Locale, prefix: "/es", words: SPANISH },
];

/**
 * Waits until the full or embedded playground has run its program and handled `messages`; with `editor`,
 * the reader came to the editor first, so Monaco is checked too.
 */
async function runAndSay(page: Page, words: PlaygroundWords, messages: string[], editor = false): Promise<void> {
  await (editor ? waitEditorReady : waitReady)(page);
  await runProgram(page, words);
  for (const text of messages) await say(page, words, text);
  // The pizza bot's strict session writes once per message: each one has been handled.
  await expect.poll(async () => (await totals(page)).write, { timeout: 30_000 }).toBeGreaterThanOrEqual(messages.length);
}

describe.each(LOCALES)("the playground with axe-core ($locale)", ({ locale, prefix, words }) => {
  it("the usage page with its playground running", { timeout: 150_000 }, async () => {
    const page = await openPage(`${prefix}/sessions/usage`);
    await page.getByRole("button", { name: EMBED_STRINGS[locale].open, exact: true }).first().click();
    await runAndSay(page, words, ["🍕", "/hunger"]);
    await expectAxeClean(page, { schemes: SCHEMES[locale] });
  });

  it("the full playground after a run and a few messages", { timeout: 150_000 }, async () => {
    const page = await openPage(`${prefix}/playground`);
    await runAndSay(page, words, ["🍕", "🍕", "/hunger"], true);
    // One main landmark, headings that never skip a level, and no loading note left once it has loaded.
    await expect(page.getByRole("main").count()).resolves.toBe(1);
    const levels = await page.getByRole("heading").evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    for (const [i, level] of levels.entries()) if (i > 0) expect(level, `heading ${i + 1} of ${levels.join(", ")}`).toBeLessThanOrEqual(levels[i - 1] + 1);
    await expect(page.getByText(EMBED_STRINGS[locale].loading).count()).resolves.toBe(0);
    await expectAxeClean(page, { schemes: SCHEMES[locale] });
  });
});
