/**
 * axe-core for the e2e suite: runs the WCAG 2.1 A and AA rules on a page in the light and dark schemes and
 * fails listing every violation (serious and critical ones, or all), rule by rule with its elements. `a11y.test.ts` and
 * `a11y-playground.test.ts` check the site's pages with it; other suites check their own dialogs and modes.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Page } from "playwright-core";
import { afterEach, expect } from "vitest";
import { gotoHydrated, reloadHydrated, useBrowser } from "./browser";

export type Locale = "en" | "es";
export type Scheme = "light" | "dark";

/** The rule sets of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Switches the page to `scheme` and waits until VitePress has applied it. */
export async function useScheme(page: Page, scheme: Scheme): Promise<void> {
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
export const SCHEMES: Record<Locale, Scheme[]> = { en: ["light", "dark"], es: ["dark"] };

/** What {@link expectAxeClean} checks. */
export interface AxeCheck {
  /** The schemes to check in, one after another on the same page (default: light, then dark). */
  schemes?: Scheme[];
  /** Only this part of the page (a CSS selector, e.g. an open dialog). */
  within?: string;
  /** Fail on violations of every impact, not only serious and critical ones. */
  anyImpact?: boolean;
}

/** Runs axe in each scheme; fails listing every violation found (serious or critical, unless `anyImpact`). */
export async function expectAxeClean(page: Page, { schemes = ["light", "dark"], within, anyImpact = false }: AxeCheck = {}): Promise<void> {
  const found: string[] = [];
  for (const scheme of schemes) {
    await useScheme(page, scheme);
    const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
    const results = await (within ? builder.include(within) : builder).analyze();
    for (const violation of results.violations) {
      if (anyImpact || violation.impact === "serious" || violation.impact === "critical") found.push(describeViolation(scheme, violation));
    }
  }
  expect(found, `axe found violations on ${page.url()}${within ? ` in ${within}` : ""}:\n\n${found.join("\n\n")}\n`).toEqual([]);
}

/**
 * A browser for the file (as {@link useBrowser}, at 1440×900) and `openPage(path)`, which opens `path` in a
 * new page following the system's colour scheme, starting in light: VitePress's stored preference becomes
 * "auto", so {@link useScheme} switches the page between light and dark in place, with whatever it shows
 * kept. After each test, every page it opened must have made no request outside the site.
 */
export function useSchemedPages(): (path: string) => Promise<Page> {
  const { open } = useBrowser({ viewport: { width: 1440, height: 900 } });
  const opened: { externalRequests: string[] }[] = [];
  afterEach(() => {
    for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
  });
  return async (path) => {
    const watched = await open("/");
    opened.push(watched);
    const { page } = watched;
    await page.emulateMedia({ colorScheme: "light" });
    await page.evaluate(() => localStorage.setItem("vitepress-theme-appearance", "auto"));
    if (path !== "/") await gotoHydrated(page, new URL(path, page.url()).href);
    else await reloadHydrated(page);
    return page;
  };
}
