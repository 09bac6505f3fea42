/**
 * The home page's newcomer path: the hero shows session traffic and the action that runs the pizza bot,
 * both on the first screen; one click on it reaches a running playground with a storage call of Ana's
 * first message on screen, and the newcomer's first screens of the playground after it (Run, the message box,
 * the next message's calls). At the three screen sizes, in both languages, light and dark, in pairs (CASES).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { HERO_STRINGS } from "../../locales";
import recorded from "../../.vitepress/theme/hero/pizza-traffic.json";
import type { HeroTraffic } from "../../.vitepress/theme/hero/types";
import { useBrowser, type WatchedPage } from "./browser";
import { expectFirstRunOnScreen, WORDS } from "./newcomer-screen";
import { expectInViewport, saveScreenshot, SCREENS, type Screen } from "./viewport";

const { en: heroEn, es: heroEs } = HERO_STRINGS;

const { open } = useBrowser();

const LOCALES = {
  en: {
    prefix: "/",
    hero: heroEn,
    run: "Run the pizza bot",
    read: "Start reading",
    traffic: "Storage traffic",
    latestCalls: "Latest storage calls",
  },
  es: {
    prefix: "/es/",
    hero: heroEs,
    run: "Ejecuta el bot de pizzas",
    read: "Empieza a leer",
    traffic: "Tráfico de almacenamiento",
    latestCalls: "Últimas llamadas al almacenamiento",
  },
} as const;

type Scheme = "light" | "dark";
interface Case {
  screen: Screen;
  locale: keyof typeof LOCALES;
  scheme: Scheme;
  /** Whether the reader asked the system for reduced motion. */
  reduced: boolean;
}

const [wide, laptop, phone] = SCREENS;
// Pairs, not the whole product: each language on a desktop and on the phone (where words wrap most), in
// light and in dark, and each scheme on a desktop and on the phone; reduced motion once. Every case is a
// cold start of the playground, so the twelve combinations would cost the suite three times as long.
const CASES: Case[] = [
  { screen: wide, locale: "en", scheme: "light", reduced: false },
  { screen: laptop, locale: "es", scheme: "dark", reduced: false },
  { screen: phone, locale: "en", scheme: "dark", reduced: true },
  { screen: phone, locale: "es", scheme: "light", reduced: false },
];

const isPhone = (screen: Screen) => Boolean(screen.options.isMobile);
const name = (c: Case) => `${c.screen.name}-${c.locale}-${c.scheme}${c.reduced ? "-reduced-motion" : ""}`;

const opened: WatchedPage[] = [];
afterEach(async () => {
  const done = opened.splice(0);
  // A playground left open keeps its compiler and sandbox workers busy and slows the next cold start.
  await Promise.all(done.map(({ page }) => page.context().close()));
  for (const { externalRequests } of done) expect(externalRequests).toEqual([]);
});

/** The hero's figure, found by its caption as a screen reader finds it. */
const heroFigure = (page: Page, c: Case): Locator => page.getByRole("figure", { name: LOCALES[c.locale].hero.caption });

/** Resolves once no CSS animation on the page is still running. */
async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === "finished" || a.playState === "idle"));
}

describe.each(CASES)("the home page at $screen.name, $locale, $scheme", (c) => {
  const strings = LOCALES[c.locale];

  it("shows the traffic strip and the action that runs the bot on the first screen; one click on it reaches a running playground with a storage call of Ana's first message on screen", async () => {
    const watched = await open(strings.prefix, { ...c.screen.options, colorScheme: c.scheme, reducedMotion: c.reduced ? "reduce" : "no-preference" });
    opened.push(watched);
    const { page, errors } = watched;

    const figure = heroFigure(page, c);
    await expectInViewport(figure, "the hero's traffic strip");
    const run = page.getByRole("link", { name: strings.run });
    await expectInViewport(run, "the hero's primary action");
    const href = new URL((await run.getAttribute("href")) ?? "", page.url());
    expect(href.pathname + href.search).toBe(`${strings.prefix}playground?example=pizza&start=1`);
    await expect(page.getByRole("link", { name: strings.read }).isVisible()).resolves.toBe(true);

    // A screen reader hears one sentence per update, from the recorded run in the page's language: the
    // bot's reply is the Spanish example's on the Spanish page.
    const run0 = (recorded as HeroTraffic)[c.locale];
    const items = figure.getByRole("listitem");
    await expect(items.count()).resolves.toBe(run0.updates.length);
    const reply = run0.updates.flatMap((u) => u.events).find((e) => e.kind === "reply");
    expect(reply?.kind === "reply" && reply.text).toBe(c.locale === "es" ? "¡Tu nivel de hambre es 1!" : "Your hunger level is 1!");
    await expect(items.nth(1).textContent()).resolves.toContain(reply?.kind === "reply" ? reply.text : "?");
    await expect(items.nth(0).textContent()).resolves.toContain("424242");
    // …and sees it: the reply and a read are drawn in the strip.
    await expect(figure.locator(".sl-ht-bubble--bot", { hasText: reply?.kind === "reply" ? reply.text : "?" }).isVisible()).resolves.toBe(true);
    await expect(figure.locator(".sl-ht-call--read").first().isVisible()).resolves.toBe(true);

    // The home page has a main landmark holding the hero.
    await expect(page.getByRole("main").count()).resolves.toBe(1);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 }).count()).resolves.toBe(1);

    // The calls appear one after another without moving anything: the figure keeps its box.
    const before = await figure.boundingBox();
    if (c.reduced) {
      await expect(page.evaluate(() => document.getAnimations().length)).resolves.toBe(0);
      await expect(figure.getByRole("button", { name: strings.hero.replay }).count()).resolves.toBe(0);
    } else {
      await animationsDone(page);
      expect(await figure.boundingBox()).toEqual(before);
      // Replay (by keyboard) plays the run again, in the same box.
      await figure.getByRole("button", { name: strings.hero.replay }).focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length)).toBeGreaterThan(0);
      await animationsDone(page);
    }
    expect(await figure.boundingBox()).toEqual(before);

    // Nothing heavy on the home page: no compiler, editor or grammY.
    const resources = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name));
    expect(resources.filter((url) => /esbuild|monaco|grammy|\.wasm/i.test(url))).toEqual([]);

    await saveScreenshot(page, `home-${name(c)}`);
    expect(errors).toEqual([]);

    // One click on that action reaches a running playground.
    await page.getByRole("link", { name: strings.run }).click();
    await page.waitForURL((url) => url.pathname.startsWith(`${strings.prefix}playground`));

    // On a desktop the traffic log is beside the chat; on a phone the chat tab shows the latest calls.
    const where = isPhone(c.screen)
      ? page.getByRole("list", { name: strings.latestCalls })
      : page.getByRole("listbox", { name: strings.traffic });
    const firstRead = where.getByText(/read\s*424242/).first();
    // A cold start downloads and starts the compiler first; on a busy machine that takes a while.
    await firstRead.waitFor({ state: "visible", timeout: 80_000 });
    await expectInViewport(firstRead, "the first storage call");
    await saveScreenshot(page, `home-to-playground-${name(c)}`);
    // …and the rest of the newcomer's first screens: Run, the message box, the next message's calls.
    await expectFirstRunOnScreen(page, WORDS[c.locale], c.screen, `${c.locale}-${c.scheme}`);
    // The playground's page layout has no `main` of its own either: exactly one main landmark, as on the home page.
    await expect(page.getByRole("main").count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  }, 150_000);
});
