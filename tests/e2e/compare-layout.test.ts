/**
 * What a reader sees of the comparison views, at 1440×900, 1280×800 and on a 390×844 phone, in both
 * languages, light and dark (in pairs: CASES): the strict-vs-lazy view brings its totals bars and first lane on
 * screen when the run starts, its bars follow the step, nothing in the lanes is broken mid-word; the
 * keys view shows every side without sideways scrolling; the lost-update view shows all three
 * outcomes on the first screen. Screenshots of each step land in `test-results/screens/`.
 */
import type { Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { COMPARE_EMBED_STRINGS, CONCURRENCY_STRINGS } from "../../locales";
import { comparisonStrings, type ComparisonStrings } from "../../playground/compare/strings/comparison";
import { SCHEDULES, type Schedule } from "../../playground/scenario/schedules";
import { useBrowser, type WatchedPage } from "./browser";
import { expectInViewport, saveScreenshot, SCREENS, type Screen } from "./viewport";
import type { Locale } from "../../playground/i18n/locale";

const { open } = useBrowser();
/** A run of real grammY per test, on a machine that may be busy: room enough, no timing asserted. */
const RUN_TIMEOUT = 120_000;

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests, errors } of opened.splice(0)) {
    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
  }
});

type Scheme = "light" | "dark";
const PHONE = SCREENS.find((s) => s.name === "390x844")!;
const prefix = (locale: Locale) => (locale === "es" ? "/es" : "");

async function openPage(path: string, screen: Screen, scheme: Scheme = "light"): Promise<Page> {
  const watched = await open(path, { ...screen.options, colorScheme: scheme });
  opened.push(watched);
  return watched.page;
}

/** Presses the card's button, as a reader does; the view loads and runs at once. */
async function openCard(page: Page, label: string): Promise<void> {
  const button = page.getByRole("button", { name: label, exact: true });
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

/**
 * Words in `root`'s lane texts that the browser broke across two lines, and texts wider than their
 * box. A word is split when the rectangles of its characters sit on more than one line.
 */
function brokenWords(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const found: string[] = [];
    for (const box of element.querySelectorAll<HTMLElement>("[data-lane-text]")) {
      // Visually hidden (a screen reader's copy of the column name): nothing to see.
      if (box.getBoundingClientRect().width <= 1) continue;
      if (box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1) found.push(`wider than its box: ${box.textContent}`);
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/\S+/gu)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(word[0]);
        }
      }
    }
    return found;
  });
}

/** How much of its track a bar's fill covers, from 0 to 1. */
function filled(bar: Locator): Promise<number> {
  return bar.evaluate((track) => {
    const total = track.getBoundingClientRect().width;
    const fill = [...track.children].reduce((sum, child) => sum + child.getBoundingClientRect().width, 0);
    return total > 0 ? fill / total : 0;
  });
}

const shownNumber = async (region: Locator, id: string) => Number((await region.getByTestId(id).textContent())?.replace(/\D/g, ""));

async function waitDone(region: Locator, t: ComparisonStrings, updates: number): Promise<void> {
  await region.getByRole("status").filter({ hasText: t.status.done(updates) }).waitFor({ timeout: 60_000 });
}

const [wide, laptop, phone] = SCREENS;
// Pairs, as on the home page: each language on a desktop and on the phone, each in light and in dark.
const CASES: { locale: Locale; screen: Screen; scheme: Scheme }[] = [
  { locale: "es", screen: wide, scheme: "light" },
  { locale: "en", screen: laptop, scheme: "dark" },
  { locale: "en", screen: phone, scheme: "light" },
  { locale: "es", screen: phone, scheme: "dark" },
];

describe.each(CASES)("strict vs lazy, $locale, $screen.name, $scheme", ({ locale, screen, scheme }) => {
  const t = comparisonStrings(locale);
  const shot = (page: Page, step: string) => saveScreenshot(page, `compare-strict-lazy-${locale}-${screen.name}-${scheme}-${step}`);

  it("brings bars and lanes on screen when the run starts, and draws the step", async () => {
    const page = await openPage(`${prefix(locale)}/sessions/lazy`, screen, scheme);
    await openCard(page, COMPARE_EMBED_STRINGS[locale].views["strict-vs-lazy"].open);
    const region = page.getByRole("region", { name: t.views["strict-vs-lazy"], exact: true });
    const lanes = region.getByRole("list", { name: t.lanes.caption, exact: true });
    const firstLane = lanes.getByRole("listitem").first();

    // As soon as the run starts: the totals bars and the first lane are on screen.
    for (const side of ["strict", "lazy"]) {
      await expectInViewport(region.getByTestId(`${side}-calls-bar`), `the ${side} calls bar`);
      await expectInViewport(region.getByTestId(`${side}-bytes-bar`), `the ${side} bytes bar`);
    }
    await expectInViewport(firstLane, "the first lane");
    await shot(page, "1-started");

    await waitDone(region, t, 10);
    // The editor folded away, still saying what ran; the results stayed on screen.
    await expect(region.getByRole("button", { name: t.editor.heading, exact: true }).getAttribute("aria-expanded")).resolves.toBe("false");
    await expectInViewport(region.getByTestId("strict-calls-bar"), "the strict calls bar after the run");
    await expectInViewport(firstLane, "the first lane after the run");
    await shot(page, "2-done");

    // Once the run is over the larger side fills its track, the other one in proportion.
    const strictCalls = await shownNumber(region, "strict-calls");
    const lazyCalls = await shownNumber(region, "lazy-calls");
    expect(strictCalls).toBeGreaterThan(lazyCalls);
    await expect.poll(() => filled(region.getByTestId("strict-calls-bar"))).toBeGreaterThan(0.99);
    await expect.poll(() => filled(region.getByTestId("lazy-calls-bar"))).toBeCloseTo(lazyCalls / strictCalls, 1);

    // A step back: fewer calls, a shorter strict bar, on the same scale.
    const full = await filled(region.getByTestId("strict-calls-bar"));
    const steps = region.getByRole("group", { name: t.steps.label });
    await steps.getByRole("button", { name: t.steps.back, exact: true }).click();
    await steps.getByText(t.steps.position(9, 10)).waitFor();
    const fewer = await shownNumber(region, "strict-calls");
    expect(fewer).toBeLessThan(strictCalls);
    await expect.poll(() => filled(region.getByTestId("strict-calls-bar"))).toBeCloseTo((full * fewer) / strictCalls, 1);
    await shot(page, "3-back");
    await steps.getByRole("button", { name: t.steps.first, exact: true }).click();
    await expect.poll(() => filled(region.getByTestId("strict-calls-bar"))).toBe(0);
    await steps.getByRole("button", { name: t.steps.last, exact: true }).click();
    await expect.poll(() => filled(region.getByTestId("strict-calls-bar"))).toBeGreaterThan(0.99);

    // Nothing in the lanes is broken mid-word or cut, and no side is pushed off the screen's side.
    expect(await brokenWords(lanes)).toEqual([]);
    const cells = firstLane.locator("[data-side]");
    await expect(cells.count()).resolves.toBe(2);
    for (const side of ["strict", "lazy"]) {
      const box = await firstLane.locator(`[data-side="${side}"]`).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= screen.options.viewport!.width).toBe(true);
    }
    // The editor unfolds again, by keyboard too.
    const toggle = region.getByRole("button", { name: t.editor.heading, exact: true });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await region.getByRole("combobox", { name: t.editor.preset, exact: true }).waitFor();
  }, RUN_TIMEOUT);
});

describe.each(["en", "es"] as const)("the keys view on a phone (%s)", (locale) => {
  const t = comparisonStrings(locale);

  it("shows every side, its updates under key chips, without sideways scrolling", async () => {
    const page = await openPage(`${prefix(locale)}/sessions/keys`, PHONE);
    await openCard(page, COMPARE_EMBED_STRINGS[locale].views.keys.open);
    const region = page.getByRole("region", { name: t.views.keys, exact: true });
    await waitDone(region, t, 11);
    await saveScreenshot(page, `compare-keys-${locale}-390x844-done`);

    const width = PHONE.options.viewport!.width;
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    await expect(region.evaluate((el) => el.scrollWidth - el.clientWidth)).resolves.toBeLessThanOrEqual(0);
    for (const side of ["chat", "user", "user-chat"] as const) {
      const groups = region.getByRole("region", { name: t.keys.groupsOf(t.sides[side].title), exact: true });
      const box = await groups.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
      // Every side has a group without a key: the poll answers.
      await groups.getByRole("list", { name: t.keys.updatesWithoutKey, exact: true }).waitFor();
      expect(await brokenWords(groups)).toEqual([]);
    }
    const first = region.getByRole("region", { name: t.keys.groupsOf(t.sides.chat.title), exact: true });
    await first.scrollIntoViewIfNeeded();
    await saveScreenshot(page, `compare-keys-${locale}-390x844-groups`);
  }, RUN_TIMEOUT);
});

describe.each(["en", "es"] as const)("the lost-update view (%s)", (locale) => {
  const t = CONCURRENCY_STRINGS[locale];
  const done = locale === "es" ? /^Terminado\./ : /^Done\./;

  async function run(screen: Screen, scheme: Scheme) {
    const page = await openPage(`${prefix(locale)}/sessions/keys`, screen, scheme);
    await openCard(page, COMPARE_EMBED_STRINGS[locale].views.concurrency.open);
    const view = page.getByRole("region", { name: t.title, exact: true });
    await view.getByRole("status").filter({ hasText: done }).waitFor({ timeout: 45_000 });
    const outcomes = view.getByRole("list", { name: t.outcomesLabel, exact: true }).getByRole("listitem");
    return { page, view, outcomes };
  }

  /** The count a run's column shows (found by its name), to check the strip says the same. */
  const count = async (view: Locator, schedule: Schedule) =>
    Number(await view.getByRole("status", { name: t.finalCountLabel(t.columns[schedule].short), exact: true }).textContent());

  it("shows all three outcomes on the phone's first screen, the loss in words", async () => {
    const { page, view, outcomes } = await run(PHONE, locale === "es" ? "dark" : "light");
    await expect(outcomes.count()).resolves.toBe(3);
    for (const [i, schedule] of SCHEDULES.entries()) {
      await expectInViewport(outcomes.nth(i), `the outcome of ${schedule}`);
      await expect(outcomes.nth(i).textContent()).resolves.toContain(t.outcomeName[schedule]);
      await expect(outcomes.nth(i).textContent()).resolves.toContain(t.outcome(await count(view, schedule), 2));
    }
    const lost = 2 - (await count(view, "concurrent"));
    expect(lost).toBeGreaterThan(0);
    await expect(outcomes.nth(SCHEDULES.indexOf("concurrent")).textContent()).resolves.toContain(t.outcomeLost(lost));
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.options.viewport!.width);
    await saveScreenshot(page, `compare-lost-update-${locale}-390x844-done`);
  }, RUN_TIMEOUT);

  it("keeps the three runs side by side on a wide screen", async () => {
    const { page, view } = await run(SCREENS[0], "light");
    const tops = await Promise.all(
      SCHEDULES.map(async (schedule) => (await view.locator(`[data-schedule="${schedule}"]`).last().boundingBox())?.y),
    );
    expect(new Set(tops).size).toBe(1);
    await saveScreenshot(page, `compare-lost-update-${locale}-1440x900-done`);
  }, RUN_TIMEOUT);
});
