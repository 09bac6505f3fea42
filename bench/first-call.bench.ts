import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../scripts/chromium";
import { serveStatic } from "../scripts/serve";
import { siteBuild } from "./site-build";
import { median, row, type BenchSuite } from "./types";

// The newcomer's path at 1440×900: from the home page, one click on the hero's primary action (a link to
// `/playground?example=pizza&start=1`, which runs the pizza example and sends a first message at once) until
// a storage call of the traffic log is on screen — inside the window and inside the log's own scroll box.
//
// cold:   a fresh browser context (empty HTTP cache, no compiled code, no storage), home page loaded, click.
// cached: the same context right after its cold visit, in a new tab: home page loaded again, click. The HTTP
//         cache holds every file, including the compiler (esbuild's wasm; the local server answers
//         revalidations with 304 as static hosts do), V8 has the compiled scripts and wasm in its code cache,
//         and IndexedDB and localStorage keep what the first visit stored. This is a reader's second visit.
//
// The clock starts just before the click and stops at the first frame in which a storage-call row is visible.
// BENCH_FIRST_CALL_RUNS sets how many cold/cached pairs are measured (medians are reported).
const RUNS = Number(process.env.BENCH_FIRST_CALL_RUNS ?? 5);
const VIEWPORT = { width: 1440, height: 900 };
/** Where the hero's primary action leads. */
const START_PATH = "/playground/?example=pizza&start=1";

/** How one visit began: a click on the home page's link, or (no such link yet) a navigation to its URL. */
type Start = "click" | "navigation";

interface Visit {
  ms: number;
  start: Start;
}

const suite: BenchSuite = async () => {
  const site = await serveStatic(siteBuild());
  const browser = await launchChromium();
  const cold: Visit[] = [];
  const cached: Visit[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        cold.push(await visit(context, site.url));
        cached.push(await visit(context, site.url));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const clicked = cold.every((v) => v.start === "click");
  if (!clicked) console.warn(`No link to ${START_PATH} on the home page: the suite navigated to it instead of clicking.`);
  return {
    suite: "first-call",
    rows: [
      row("home → first storage call in the viewport, cold (median)", median(cold.map((v) => v.ms)), "ms", 5_000),
      row("home → first storage call in the viewport, compiler cached (second visit, median)", median(cached.map((v) => v.ms)), "ms", 1_500),
      row("clicks from the home page to that call", clicked ? 1 : Number.NaN, "clicks", 1),
    ],
    details: { cold, cached },
  };
};

export default suite;

/** One visit in a new tab of `context`: home page, then the click (or the navigation), timed to the first visible call. */
async function visit(context: BrowserContext, base: string): Promise<Visit> {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/`, { waitUntil: "load" });
    const link = page.locator(`a[href*="start=1"][href*="playground"]`).first();
    const hasLink = (await link.count()) > 0 && (await link.isVisible());
    const started = Date.now();
    if (hasLink) await link.click();
    else await page.goto(`${base}${START_PATH}`, { waitUntil: "commit" });
    const seenAt = await firstVisibleCall(page);
    return { ms: seenAt - started, start: hasLink ? "click" : "navigation" };
  } finally {
    await page.close();
  }
}

/**
 * Resolves with the page's clock (Date.now, the same clock as this process) at the first animation frame in
 * which a storage-call row of the playground's traffic log (`.sl-call`, the row TrafficCallRow.vue draws) is entirely within
 * the viewport and not scrolled out of any box that clips it. Survives a full navigation after the click.
 */
async function firstVisibleCall(page: Page): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await page.waitForFunction(
        () => {
          const rows = document.querySelectorAll<HTMLElement>('.sl-playground [role="listbox"] :is(.sl-call, .sl-row-op, [data-op])');
          for (const el of rows) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) continue;
            if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
            let clipped = false;
            for (let p = el.parentElement; p && !clipped; p = p.parentElement) {
              const style = getComputedStyle(p);
              if (!/auto|scroll|hidden|clip/.test(style.overflowX + style.overflowY)) continue;
              const box = p.getBoundingClientRect();
              clipped = r.bottom <= box.top || r.top >= box.bottom || r.right <= box.left || r.left >= box.right;
            }
            if (!clipped) return Date.now();
          }
          return false;
        },
        undefined,
        { polling: "raf", timeout: 60_000 },
      );
      return (await handle.jsonValue()) as number;
    } catch (error) {
      // The click may lead to a full page load that destroys the context the wait ran in: wait again there.
      if (attempt < 3 && /context was destroyed|navigat/i.test(String(error))) continue;
      throw error;
    }
  }
}
