/**
 * axe-core (WCAG 2.1 A and AA rules) over the pages a reader uses, in the state a reader leaves them in:
 * the home page, the lazy page after its comparison ran, the keys page after both its views ran, the usage
 * page with its playground running, and the full playground after a run and a few messages. Each page is
 * brought to that state once per language, then checked: in English in the light scheme and, on the same
 * page, in the dark one; in Spanish in dark (SCHEMES says why). Any serious or critical violation fails the test, listed rule by rule with the elements.
 *
 * Alone: `SITE_DIST=<build> npx vitest run --config tests/e2e/vitest.config.ts tests/e2e/a11y.test.ts`.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { COMPARE_EMBED_STRINGS, CONCURRENCY_STRINGS, EMBED_STRINGS } from "../../locales";
import { comparisonStrings } from "../../playground/compare/strings/comparison";
import { gotoHydrated, reloadHydrated, useBrowser, type WatchedPage } from "./browser";
import { ENGLISH, SPANISH, runProgram, say, totals, waitEditorReady, waitReady, type PlaygroundWords } from "./playground-helpers";

const { open } = useBrowser({ viewport: { width: 1440, height: 900 } });

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

type Locale = "en" | "es";
type Scheme = "light" | "dark";

const LOCALES = [
  { locale: "en" as Locale, prefix: "", words: ENGLISH },
  { locale: "es" as Locale, prefix: "/es", words: SPANISH },
];

/** The rule sets of WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Opens `path` following the system's colour scheme: VitePress's stored preference is "auto", so
 * `emulateMedia` switches the page between light and dark in place, with whatever it shows kept.
 */
async function openPage(path: string): Promise<Page> {
  const watched = await open("/");
  opened.push(watched);
  const { page } = watched;
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => localStorage.setItem("vitepress-theme-appearance", "auto"));
  if (path !== "/") await gotoHydrated(page, new URL(path, page.url()).href);
  else await reloadHydrated(page);
  return page;
}

/** Switches the page to `scheme` and waits until VitePress has applied it. */
async function useScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
  await page.waitForFunction((dark) => document.documentElement.classList.contains("dark") === dark, scheme === "dark");
  // Let transitions of colour (VitePress animates some) finish before colours are measured.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** One violation as a reader of the test's output needs it: the rule, its impact, and each element. */
function describeViolation(scheme: Scheme, violation: Result): string {
  const nodes = violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? "").replace(/\s+/g, " ").trim();
    return `    ${node.target.join(" ")}\n      ${node.html.slice(0, 160)}\n      ${summary}`;
  });
  return `[${scheme}] ${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join("\n")}`;
}

/**
 * Contrast is the only rule whose result depends on the scheme, and colours do not depend on the language:
 * English pages are checked in light and dark, Spanish ones (for their words, labels and `lang`) in dark.
 */
const SCHEMES: Record<Locale, Scheme[]> = { en: ["light", "dark"], es: ["dark"] };

/** Runs axe in each of `schemes`; fails listing every serious or critical violation of any. */
async function expectNoSeriousViolations(page: Page, schemes: Scheme[] = ["light", "dark"]): Promise<void> {
  const found: string[] = [];
  for (const scheme of schemes) {
    await useScheme(page, scheme);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    for (const violation of results.violations) {
      if (violation.impact === "serious" || violation.impact === "critical") found.push(describeViolation(scheme, violation));
    }
  }
  expect(found, `axe found serious or critical violations on ${page.url()}:\n\n${found.join("\n\n")}\n`).toEqual([]);
}

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

describe.each(LOCALES)("accessibility with axe-core ($locale)", ({ locale, prefix, words }) => {
  it("the home page", async () => {
    const page = await openPage(`${prefix}/`);
    await expectNoSeriousViolations(page, SCHEMES[locale]);
  });

  it("the lazy page after its comparison ran", { timeout: 120_000 }, async () => {
    const page = await openPage(`${prefix}/sessions/lazy`);
    const t = comparisonStrings(locale);
    await page.getByRole("button", { name: COMPARE_EMBED_STRINGS[locale].views["strict-vs-lazy"].open, exact: true }).click();
    const region = page.getByRole("region", { name: t.views["strict-vs-lazy"], exact: true });
    await region.getByRole("status").filter({ hasText: /^(Done|Listo):/ }).waitFor({ timeout: 60_000 });
    await expectNoSeriousViolations(page, SCHEMES[locale]);
  });

  it("the keys page after both its views ran", { timeout: 240_000 }, async () => {
    const page = await openPage(`${prefix}/sessions/keys`);
    const t = comparisonStrings(locale);
    const c = CONCURRENCY_STRINGS[locale];
    await page.getByRole("button", { name: COMPARE_EMBED_STRINGS[locale].views.keys.open, exact: true }).click();
    const keys = page.getByRole("region", { name: t.views.keys, exact: true });
    await keys.getByRole("status").filter({ hasText: /^(Done|Listo):/ }).waitFor({ timeout: 90_000 });
    await page.getByRole("button", { name: COMPARE_EMBED_STRINGS[locale].views.concurrency.open, exact: true }).click();
    const concurrency = page.getByRole("region", { name: c.title, exact: true });
    await concurrency.getByRole("status").filter({ hasText: /^(Done|Terminado)\./ }).waitFor({ timeout: 90_000 });
    await expectNoSeriousViolations(page, SCHEMES[locale]);
  });

  it("the usage page with its playground running", { timeout: 150_000 }, async () => {
    const page = await openPage(`${prefix}/sessions/usage`);
    await page.getByRole("button", { name: EMBED_STRINGS[locale].open, exact: true }).first().click();
    await runAndSay(page, words, ["🍕", "/hunger"]);
    await expectNoSeriousViolations(page, SCHEMES[locale]);
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
    await expectNoSeriousViolations(page, SCHEMES[locale]);
  });
});

describe("VitePress's own labels on a Spanish page", () => {
  it("name the landmarks, buttons and anchors in Spanish", async () => {
    const page = await openPage("/es/sessions/usage");
    // A doc page's layout brings its own main landmark; the site adds none next to it.
    await expect(page.getByRole("main").count()).resolves.toBe(1);
    for (const name of ["Navegación principal", "Navegación lateral", "Páginas anterior y siguiente"]) {
      await expect(page.getByRole("navigation", { name, exact: true }).count(), name).resolves.toBe(1);
    }
    // Buttons of narrower screens, hidden at this width: their names as written.
    await expect(page.locator(".VPNavBarExtra button[aria-haspopup]").getAttribute("aria-label")).resolves.toBe("Idioma y apariencia");
    await expect(page.locator(".VPNavBarHamburger").getAttribute("aria-label")).resolves.toBe("Menú");
    await expect(page.getByRole("link", { name: "Saltar al contenido", exact: true }).count()).resolves.toBe(1);
    await expect(page.locator("button.copy").first().getAttribute("title")).resolves.toBe("Copiar código");
    await expect(page.getByRole("link", { name: "Enlace permanente a «Cómo usar las sesiones»", exact: true }).count()).resolves.toBe(1);
    // Nothing VitePress names on its own is left in English.
    const names = await page.locator("[aria-label], [title], .visually-hidden").evaluateAll((elements) =>
      elements.map((e) => e.getAttribute("aria-label") ?? e.getAttribute("title") ?? e.textContent ?? ""),
    );
    expect(names.filter((name) => /Navigation|navigation|Pager|Copy Code|Permalink|Skip to|Switch to|Return to top/.test(name))).toEqual([]);
  });
});

describe("the guide's comparison table", () => {
  it("has column headers and row headers", async () => {
    const page = await openPage("/sessions/");
    const table = page.getByRole("table").first();
    await expect(table.getByRole("columnheader", { name: "Sessions", exact: true }).count()).resolves.toBe(1);
    await expect(table.getByRole("rowheader", { name: "Access", exact: true }).count()).resolves.toBe(1);
  });
});
