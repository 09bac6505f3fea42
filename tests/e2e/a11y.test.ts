/**
 * axe-core (WCAG 2.1 A and AA rules) over the guide's pages in the state a reader leaves them in: the home
 * page, the lazy page after its comparison ran, and the keys page after both its views ran, brought to that
 * state once per language and checked in English in light and dark, in Spanish in dark (SCHEMES in axe.ts
 * says why); also VitePress's own labels in Spanish and the guide's comparison table. The playground's pages
 * are in a11y-playground.test.ts, so the two files can run side by side.
 *
 * Alone: `SITE_DIST=<build> npx vitest run --config tests/e2e/vitest.config.ts tests/e2e/a11y.test.ts`.
 */
import { describe, expect, it } from "vitest";
import { COMPARE_EMBED_STRINGS, CONCURRENCY_STRINGS } from "../../locales";
import { comparisonStrings } from "../../playground/compare/strings/comparison";
import { expectAxeClean, SCHEMES, useSchemedPages, type Locale } from "./axe";

const openPage = useSchemedPages();

const LOCALES = [
  { locale: "en" as Locale, prefix: "" },
  { locale: "es" as Locale, prefix: "/es" },
];

describe.each(LOCALES)("accessibility with axe-core ($locale)", ({ locale, prefix }) => {
  it("the home page", async () => {
    const page = await openPage(`${prefix}/`);
    await expectAxeClean(page, { schemes: SCHEMES[locale] });
  });

  it("the lazy page after its comparison ran", { timeout: 120_000 }, async () => {
    const page = await openPage(`${prefix}/sessions/lazy`);
    const t = comparisonStrings(locale);
    await page.getByRole("button", { name: COMPARE_EMBED_STRINGS[locale].views["strict-vs-lazy"].open, exact: true }).click();
    const region = page.getByRole("region", { name: t.views["strict-vs-lazy"], exact: true });
    await region.getByRole("status").filter({ hasText: /^(Done|Listo):/ }).waitFor({ timeout: 60_000 });
    await expectAxeClean(page, { schemes: SCHEMES[locale] });
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
    await expectAxeClean(page, { schemes: SCHEMES[locale] });
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
