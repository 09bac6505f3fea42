/**
 * Issue 12: the three comparison views, in every engine, each run several times in a row so that an
 * intermittent hang (WebKit wedging an IndexedDB upgrade, a connection left open) shows up as a failure
 * instead of a lucky pass. A run must end, with the counts real grammY gives in Node every time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { COMPARE_EMBED_STRINGS, CONCURRENCY_STRINGS } from "../../locales";
import { comparisonStrings } from "../../playground/compare/strings/comparison";
import { openEngine, selectedEngines, until, type EnginePage } from "./drivers";

const baseUrl = inject("baseUrl");
/** Runs of each view per engine; `VIEW_RUNS=20` for a long soak. */
const RUNS = Number(process.env.VIEW_RUNS ?? 3);

/** "Done: 10 updates…" for any number, as a pattern. */
const donePattern = (done: (n: number) => string) => new RegExp(`^${done(424_242).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("424242", "\\d+")}`);

const VIEWS = [
  {
    name: "strict vs lazy",
    path: "/sessions/lazy",
    open: COMPARE_EMBED_STRINGS.en.views["strict-vs-lazy"].open,
    region: comparisonStrings("en").views["strict-vs-lazy"],
    runAgain: comparisonStrings("en").editor.runAgain,
    done: donePattern((n) => comparisonStrings("en").status.done(n)),
  },
  {
    name: "three keys",
    path: "/sessions/keys",
    open: COMPARE_EMBED_STRINGS.en.views.keys.open,
    region: comparisonStrings("en").views.keys,
    runAgain: comparisonStrings("en").editor.runAgain,
    done: donePattern((n) => comparisonStrings("en").status.done(n)),
  },
  {
    name: "lost update",
    path: "/sessions/keys",
    open: COMPARE_EMBED_STRINGS.en.views.concurrency.open,
    region: CONCURRENCY_STRINGS.en.title,
    runAgain: CONCURRENCY_STRINGS.en.runAgain,
    done: /^Done\./,
  },
];

/** The status line of the region named `region`, and whether its run-again button can be pressed. */
const viewState = (page: EnginePage, region: string) =>
  page.evaluate((name: string) => {
    const queries = (window as unknown as { __sessionLabQueries?: { byRole(role: string, name: string): HTMLElement[] } }).__sessionLabQueries;
    const view = queries?.byRole("region", name)[0];
    return { status: view?.querySelector('[role="status"]')?.textContent?.trim() ?? "", failed: view?.querySelector('[role="alert"]')?.textContent ?? "" };
  }, region);

function untilDone(page: EnginePage, view: (typeof VIEWS)[number], run: number): Promise<string> {
  const ended = until(page, `run ${run} of the ${view.name} view to end`, () => viewState(page, view.region), (state) => view.done.test(state.status), 90_000, 200);
  return ended.then((state) => state.status);
}

for (const engine of selectedEngines()) {
  describe(`in ${engine}`, () => {
    let page: EnginePage;
    beforeAll(async () => {
      page = await openEngine(engine);
    });
    afterAll(() => page?.close());

    for (const view of VIEWS) {
      it(`the ${view.name} view ends ${RUNS} runs in a row with the same result`, async () => {
        await page.goto(baseUrl + view.path);
        await (await page.byRole("button", view.open, { timeoutMs: 60_000 })).click();
        await page.byRole("region", view.region);
        const first = await untilDone(page, view, 1);
        for (let run = 2; run <= RUNS; run++) {
          await (await page.byRole("button", view.runAgain)).click();
          // The status leaves "Done" when the new run starts (a click that missed the button fails here),
          // then comes back to the same words.
          await until(page, `run ${run} of the ${view.name} view to start`, () => viewState(page, view.region), (state) => !view.done.test(state.status), 30_000, 50);
          expect(await untilDone(page, view, run)).toBe(first);
        }
      });
    }
  });
}
