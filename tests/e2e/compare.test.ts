/**
 * The strict-vs-lazy and session-key views, in Chromium on the production build, in both languages.
 * Every number the views show is checked against the same scenario run through real grammY in Node
 * (`countWithGrammy`), computed here, never typed in.
 */
import type { Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { COMPARE_EMBED_STRINGS, EMBED_STRINGS } from "../../locales";
import type { CompareViewName } from "../../playground/compare/strings/embed";
import { comparisonStrings, type ComparisonStrings } from "../../playground/compare/strings/comparison";
import { COMPARISONS, parseScenario, presetById, verdictOf } from "../../playground/scenario";
import { describeStep } from "../../playground/compare/describe-step";
import { countOps, countWithGrammy, scenarioUpdates, type CountedOp } from "../../playground/scenario/testing/count-with-grammy";
import { reloadHydrated, useBrowser, type WatchedPage } from "./browser";
import type { Locale } from "../../playground/i18n/locale";

const { open } = useBrowser({ viewport: { width: 1300, height: 1000 } });

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests, errors } of opened.splice(0)) {
    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
  }
});

const pagePath = (locale: Locale, slug: string) => (locale === "es" ? `/es/sessions/${slug}` : `/sessions/${slug}`);

async function openPage(path: string): Promise<Page> {
  const watched = await open(path);
  opened.push(watched);
  return watched.page;
}

/** Opens the view's card on the page and returns the view (a region named after it). */
async function openView(page: Page, locale: Locale, view: Exclude<CompareViewName, "concurrency">): Promise<Locator> {
  await page.getByRole("button", { name: COMPARE_EMBED_STRINGS[locale].views[view].open, exact: true }).click();
  return page.getByRole("region", { name: comparisonStrings(locale).views[view], exact: true });
}

/** Waits until the status line says the run of `updates` updates is done. */
async function waitDone(region: Locator, t: ComparisonStrings, updates: number): Promise<void> {
  await region.getByRole("status").filter({ hasText: t.status.done(updates) }).waitFor({ timeout: 60_000 });
}

/** Unfolds the scenario editor, which folds itself once a run starts. */
async function openEditor(region: Locator, t: ComparisonStrings): Promise<void> {
  const toggle = region.getByRole("button", { name: t.editor.heading, exact: true });
  await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
  await toggle.click();
  await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
}

/** The totals a side's card shows. */
async function shownTotals(region: Locator, side: string) {
  const number = async (what: string) => Number((await region.getByTestId(`${side}-${what}`).textContent())?.replace(/\D/g, ""));
  return { reads: await number("reads"), writes: await number("writes"), deletes: await number("deletes"), bytes: await number("bytes") };
}

function expectedTotals(ops: readonly CountedOp[]) {
  return {
    reads: countOps(ops, "read"),
    writes: countOps(ops, "write"),
    deletes: countOps(ops, "delete"),
    bytes: ops.reduce((sum, o) => sum + o.bytes, 0),
  };
}

/** The reference run of a preset on every side of a comparison. */
async function reference(comparison: "strict-vs-lazy" | "keys", preset: string, locale: Locale) {
  const updates = scenarioUpdates(presetById(preset)!.text[locale]);
  const sides = await Promise.all(COMPARISONS[comparison].map(async (side) => ({ side, run: await countWithGrammy(side.spec, updates) })));
  return { updates, sides };
}

describe.each(["en", "es"] as const)("strict vs lazy on the lazy page (%s)", (locale) => {
  const t = comparisonStrings(locale);

  it("shows the totals real grammY produces, a verdict, and steps back through the run", async () => {
    const { updates, sides } = await reference("strict-vs-lazy", "busy-group", locale);
    const page = await openPage(pagePath(locale, "lazy"));
    const region = await openView(page, locale, "strict-vs-lazy");
    await waitDone(region, t, updates.length);

    for (const { side, run } of sides) expect(await shownTotals(region, side.id)).toEqual(expectedTotals(run.ops));
    // The documented case: 10 reads and 5 writes against 4 and 4.
    expect(await shownTotals(region, "strict")).toMatchObject({ reads: 10, writes: 5 });
    expect(await shownTotals(region, "lazy")).toMatchObject({ reads: 4, writes: 4 });
    const [strict, lazy] = sides;
    const verdict = verdictOf(
      strict.side.label,
      { calls: strict.run.ops.length, bytesWritten: expectedTotals(strict.run.ops).bytes },
      lazy.side.label,
      { calls: lazy.run.ops.length, bytesWritten: expectedTotals(lazy.run.ops).bytes },
    );
    await expect(region.getByTestId("verdict").textContent()).resolves.toBe(verdict[locale]);

    // One step back: the totals are those of the first nine updates.
    const steps = region.getByRole("group", { name: t.steps.label });
    await steps.getByRole("button", { name: t.steps.back, exact: true }).click();
    await steps.getByText(t.steps.position(updates.length - 1, updates.length)).waitFor();
    const firstNine = new Set(updates.slice(0, -1).map((u) => u.update_id));
    for (const { side, run } of sides) {
      expect(await shownTotals(region, side.id)).toEqual(expectedTotals(run.ops.filter((o) => firstNine.has(o.updateId))));
    }
    // Back to the start: nothing has happened yet.
    await steps.getByRole("button", { name: t.steps.first, exact: true }).click();
    await steps.getByText(t.steps.position(0, updates.length)).waitFor();
    expect(await shownTotals(region, "strict")).toEqual({ reads: 0, writes: 0, deletes: 0, bytes: 0 });

    // Another preset: a private chat where lazy sessions save nothing.
    const other = await reference("strict-vs-lazy", "private-chat", locale);
    await openEditor(region, t);
    await region.getByRole("combobox", { name: t.editor.preset, exact: true }).selectOption("private-chat");
    await region.getByRole("button", { name: t.editor.runAgain, exact: true }).click();
    await waitDone(region, t, other.updates.length);
    for (const { side, run } of other.sides) expect(await shownTotals(region, side.id)).toEqual(expectedTotals(run.ops));
    expect(await shownTotals(region, "strict")).toEqual(await shownTotals(region, "lazy"));
  });

  it("refuses invalid lines with their numbers and keeps the reader's scenario across a reload", async () => {
    const page = await openPage(pagePath(locale, "lazy"));
    const region = await openView(page, locale, "strict-vs-lazy");
    await waitDone(region, t, 10);
    await openEditor(region, t);
    const scenario = region.getByRole("textbox", { name: t.editor.textarea, exact: true });
    await scenario.fill("# mine\nana @ group: 🍕\ndave @ group: hi\nben @ pub: hi");
    const alert = region.getByRole("alert");
    const expected =
      locale === "es"
        ? ["Línea 3: no conozco a la persona «dave»", "Línea 4: no conozco el lugar «pub»"]
        : ['Line 3: unknown person "dave"', 'Line 4: unknown place "pub"'];
    for (const text of expected) await alert.getByText(text).waitFor();
    await expect(region.getByRole("button", { name: t.editor.runAgain, exact: true }).isDisabled()).resolves.toBe(true);
    await expect(scenario.getAttribute("aria-invalid")).resolves.toBe("true");

    await reloadHydrated(page);
    const again = await openView(page, locale, "strict-vs-lazy");
    // The refused scenario is not run; it is back in the editor with the same refusals.
    await expect(again.getByRole("textbox", { name: t.editor.textarea, exact: true }).inputValue()).resolves.toContain("dave @ group: hi");
    for (const text of expected) await again.getByRole("alert").getByText(text).waitFor();
    await expect(again.getByRole("status").textContent()).resolves.toBe(t.status.idle);

    // Fixing the lines makes it runnable again.
    await again.getByRole("textbox", { name: t.editor.textarea, exact: true }).fill("ana @ group: 🍕\nben @ group: /hunger");
    await again.getByRole("button", { name: t.editor.run, exact: true }).click();
    await waitDone(again, t, 2);
    const mine = scenarioUpdates("ana @ group: 🍕\nben @ group: /hunger");
    const sides = await Promise.all(COMPARISONS["strict-vs-lazy"].map(async (side) => ({ side, run: await countWithGrammy(side.spec, mine) })));
    for (const { side, run } of sides) expect(await shownTotals(again, side.id)).toEqual(expectedTotals(run.ops));
  });
});

describe.each(["en", "es"] as const)("the three session keys on the keys page (%s)", (locale) => {
  const t = comparisonStrings(locale);

  it("maps each update to its key, shows keyless updates as such, and lists what IndexedDB holds", async () => {
    const { updates, sides } = await reference("keys", "inline-mix", locale);
    const parsed = parseScenario(presetById("inline-mix")!.text[locale]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const parsedSteps = parsed.steps;
    const page = await openPage(pagePath(locale, "keys"));
    const region = await openView(page, locale, "keys");
    await waitDone(region, t, updates.length);

    for (const { side, run } of sides) {
      const sessions = Object.entries(run.sessions);
      await expect(region.getByTestId(`${side.id}-sessions`).textContent()).resolves.toBe(t.keys.sessionCount(sessions.length));
      const title = t.sides[side.id].title;
      const items = region.getByRole("list", { name: title, exact: true }).getByRole("listitem");
      const shown = (await items.allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
      expect(shown.sort()).toEqual(sessions.map(([key, value]) => `${key} {"pizzaCount": ${value.pizzaCount}}`).sort());
    }

    // Each side groups every update under the key real grammY used for it, or under "no key".
    for (const { side, run } of sides) {
      const expected = new Map<string | undefined, number[]>();
      for (const [index, update] of updates.entries()) {
        const key = run.ops.find((o) => o.updateId === update.update_id)?.key;
        expected.set(key, [...(expected.get(key) ?? []), index + 1]);
      }
      const groups = region.getByRole("region", { name: t.keys.groupsOf(t.sides[side.id].title), exact: true });
      await expect(groups.getByRole("list").count()).resolves.toBe(expected.size);
      for (const [key, numbers] of expected) {
        const list = groups.getByRole("list", { name: key === undefined ? t.keys.updatesWithoutKey : t.keys.updatesUnder(key), exact: true });
        const shown = await list.getByRole("listitem").evaluateAll((items) => items.map((li) => Number(li.getAttribute("data-update"))));
        expect(shown).toEqual(numbers);
        // Each update is listed as the reader wrote it, under a chip that names the key.
        for (const number of numbers) {
          await expect(list.getByRole("listitem").nth(numbers.indexOf(number)).textContent()).resolves.toContain(
            describeStep(parsedSteps[number - 1], t),
          );
        }
      }
    }
    // The preset has updates without a key on every side: poll answers have no chat and no sender.
    expect(updates.some((u) => u.poll_answer !== undefined)).toBe(true);

    // Stepping to the start shows the stores as they were before the first update: empty.
    const steps = region.getByRole("group", { name: t.steps.label });
    await steps.getByRole("button", { name: t.steps.first, exact: true }).click();
    for (const { side } of sides) {
      await expect(region.getByTestId(`${side.id}-sessions`).textContent()).resolves.toBe(t.keys.sessionCount(0));
      // The groups follow the step too: no update shown yet, so no session shared.
      const groups = region.getByRole("region", { name: t.keys.groupsOf(t.sides[side.id].title), exact: true });
      await expect(groups.getByRole("list").count()).resolves.toBe(0);
    }
  });
});

describe("strict vs lazy as a playground mode", () => {
  it("runs from /playground?mode=compare and switches back to the bot without losing it", async () => {
    const t = comparisonStrings("en");
    const { updates, sides } = await reference("strict-vs-lazy", "busy-group", "en");
    const page = await openPage("/playground?mode=compare");
    const tab = page.getByRole("tab", { name: EMBED_STRINGS.en.modeCompare, exact: true });
    await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
    const region = page.getByRole("region", { name: t.views["strict-vs-lazy"], exact: true });
    await waitDone(region, t, updates.length);
    for (const { side, run } of sides) expect(await shownTotals(region, side.id)).toEqual(expectedTotals(run.ops));

    await page.getByRole("tab", { name: EMBED_STRINGS.en.modeCode, exact: true }).click();
    await page.getByRole("region", { name: "Playground", exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get("mode")).toBeNull();
    await page.getByRole("tab", { name: EMBED_STRINGS.en.modeCompare, exact: true }).click();
    // The finished run is still there.
    for (const { side, run } of sides) expect(await shownTotals(region, side.id)).toEqual(expectedTotals(run.ops));
  });
});
