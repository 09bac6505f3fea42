import type { Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { COMPARE_EMBED_STRINGS, CONCURRENCY_STRINGS } from "../../locales";
import type { ConcurrencyStrings } from "../../playground/compare/strings/concurrency";
import { SCHEDULES, type Schedule } from "../../playground/scenario/concurrency";
import { CAST } from "../../playground/scenario/format";
import { parseScenario } from "../../playground/scenario/parse";
import { presetById } from "../../playground/scenario/presets";
import { stepsToUpdates } from "../../playground/scenario/to-updates";
import { useBrowser, type WatchedPage } from "./browser";
import type { Locale } from "../../playground/i18n/locale";

const { open } = useBrowser({ viewport: { width: 1400, height: 1000 } });

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

/**
 * The guide's results for the page's preset (one person's pizzas in two chats, one per-user session): one after
 * another nothing is lost; at the same time every update reads the empty session, so one pizza is counted; with
 * sequentialize nothing is lost. `playground/scenario/concurrency.test.ts` shows the same in the sandbox in Node.
 */
function expectedFor(locale: Locale) {
  const preset = presetById("lost-update")!;
  const parsed = parseScenario(preset.text[locale]);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const updates = stepsToUpdates(parsed.steps);
  const sent = parsed.steps.filter((s) => s.kind === "message" && s.text.includes("🍕")).length;
  const counts: Record<Schedule, number> = { sequential: sent, concurrent: 1, sequentialized: sent };
  return { sent, counts, steps: parsed.steps, updates: updates.length };
}

/** Each entry of a column's timeline, in order. */
function timeline(view: Locator, t: ConcurrencyStrings, schedule: Schedule) {
  return view
    .getByRole("list", { name: t.timelineLabel(t.columns[schedule].short), exact: true })
    .locator("li")
    .evaluateAll((items) =>
      items.map((li) => ({
        op: li.getAttribute("data-op"),
        phase: li.getAttribute("data-phase"),
        update: Number(li.getAttribute("data-update")),
        overlap: li.classList.contains("is-overlap"),
        text: li.textContent?.replace(/\s+/g, " ").trim() ?? "",
      })),
    );
}

/** The count shown in a column, found by its accessible name and checked against its test id. */
async function shownCount(view: Locator, t: ConcurrencyStrings, schedule: Schedule): Promise<number> {
  const output = view.getByRole("status", { name: t.finalCountLabel(t.columns[schedule].short), exact: true });
  await expect(output.getAttribute("data-testid")).resolves.toBe(`${schedule}-count`);
  return Number(await output.textContent());
}

/** What the view's IndexedDB store of `schedule` holds under `key`, read by the page itself. */
function storedCount(page: Page, schedule: Schedule, key: string): Promise<number | undefined> {
  return page.evaluate(
    ({ store, key }) =>
      new Promise<number | undefined>((resolve, reject) => {
        // Each run has its own database under the view's, and its own store, both named after its schedule.
        const request = indexedDB.open(`session-lab-concurrency:${store}`);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction(store, "readonly").objectStore(store).get(key);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { pizzaCount: number } | undefined)?.pizzaCount);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { store: schedule, key },
  );
}

const LOCALES = [
  { locale: "en", path: "/sessions/keys", done: /^Done\./ },
  { locale: "es", path: "/es/sessions/keys", done: /^Terminado\./ },
] as const;

describe.each(LOCALES)("the concurrency view ($locale)", ({ locale, path, done }) => {
  const t = CONCURRENCY_STRINGS[locale];

  it("loses an update only when the updates run at the same time, as the guide says", async () => {
    const expected = expectedFor(locale);
    expect(expected.counts.sequential).toBe(expected.sent);
    expect(expected.counts.concurrent).toBeLessThan(expected.sent);

    const watched = await open(path);
    opened.push(watched);
    const { page, errors } = watched;
    await page.getByRole("button", { name: COMPARE_EMBED_STRINGS[locale].views.concurrency.open, exact: true }).click();
    const view = page.getByRole("region", { name: t.title, exact: true });
    await view.getByRole("status").filter({ hasText: done }).waitFor({ timeout: 45_000 });

    // The preset's updates, as readable lines, in the page's language.
    const lines = await view.getByRole("list", { name: t.updatesHeading, exact: true }).locator("li").allTextContents();
    expect(lines.map((line) => line.replace(/\s+/g, " ").trim())).toEqual(expected.steps.map((step, i) => `${t.update(i + 1)}: ${t.describe(step)}`));

    const counts = {} as Record<Schedule, number>;
    for (const schedule of SCHEDULES) counts[schedule] = await shownCount(view, t, schedule);
    expect(counts).toEqual(expected.counts);
    expect(counts.concurrent).toBeLessThan(counts.sequential);
    expect(counts.sequential).toBe(expected.sent);
    expect(counts.sequentialized).toBe(expected.sent);
    // The counts shown are what IndexedDB holds.
    const ana = String(CAST.ana.id);
    for (const schedule of SCHEDULES) await expect(storedCount(page, schedule, ana)).resolves.toBe(counts[schedule]);

    // At the same time: both reads started, and found nothing, before either write began.
    const concurrent = await timeline(view, t, "concurrent");
    const firstWrite = concurrent.findIndex((e) => e.op === "write" && e.phase === "start");
    const readStarts = concurrent.flatMap((e, i) => (e.op === "read" && e.phase === "start" ? [i] : []));
    expect(readStarts).toHaveLength(expected.updates);
    expect(firstWrite).toBeGreaterThan(Math.max(...readStarts));
    const readEnds = concurrent.filter((e) => e.op === "read" && e.phase === "end");
    for (const end of readEnds) expect(end.text).toContain(t.phase.readEnd(undefined));
    expect(concurrent.filter((e) => e.op === "read").every((e) => e.overlap)).toBe(true);
    await expect(view.getByText(t.verdict(expected.sent, counts.concurrent), { exact: true }).isVisible()).resolves.toBe(true);

    // One after another and with sequentialize: no overlap, each update's calls in one block.
    for (const schedule of ["sequential", "sequentialized"] as const) {
      const entries = await timeline(view, t, schedule);
      expect(entries.some((e) => e.overlap)).toBe(false);
      const owners = entries.map((e) => e.update);
      expect(owners).toEqual([...owners].sort((a, b) => a - b));
    }
    await expect(view.getByText(t.verdict(expected.sent, expected.sent), { exact: true }).count()).resolves.toBe(2);

    // What ran is the generated program: the sequentialized run's has sequentialize before the session.
    await view.getByText(t.programs, { exact: true }).click();
    const program = view.getByRole("region", { name: t.programOf(t.columns.sequentialized.title), exact: true });
    const source = (await program.locator("pre").textContent()) ?? "";
    expect(source).toContain('import { sequentialize } from "@grammyjs/runner";');
    expect(source.indexOf("bot.use(sequentialize(getSessionKey));")).toBeGreaterThan(-1);
    expect(source.indexOf("bot.use(sequentialize(getSessionKey));")).toBeLessThan(source.indexOf("session({"));
    // One after another the program polls with bot.start(); at the same time it leaves it out (concurrent dispatch).
    const programLines = async (schedule: Schedule) =>
      ((await view.getByRole("region", { name: t.programOf(t.columns[schedule].title), exact: true }).locator("pre").textContent()) ?? "").split("\n");
    expect(await programLines("sequential")).toContain("bot.start();");
    expect(await programLines("concurrent")).not.toContain("bot.start();");

    expect(errors).toEqual([]);
  });
});

describe("running it again", () => {
  it("clears the stores and shows the same counts again", async () => {
    const t = CONCURRENCY_STRINGS.en;
    const expected = expectedFor("en");
    const watched = await open("/sessions/keys");
    opened.push(watched);
    const { page, errors } = watched;
    await page.getByRole("button", { name: COMPARE_EMBED_STRINGS.en.views.concurrency.open, exact: true }).click();
    const view = page.getByRole("region", { name: t.title, exact: true });
    const status = view.getByRole("status").filter({ hasText: /^Done\./ });
    await status.waitFor({ timeout: 45_000 });

    const again = view.getByRole("button", { name: t.runAgain, exact: true });
    await again.click();
    await view.getByRole("status").filter({ hasText: /^Running/ }).waitFor();
    await status.waitFor({ timeout: 45_000 });
    for (const schedule of SCHEDULES) await expect(shownCount(view, t, schedule)).resolves.toBe(expected.counts[schedule]);
    expect(errors).toEqual([]);
  });
});
