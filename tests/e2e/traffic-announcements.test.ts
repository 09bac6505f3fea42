/**
 * What a screen reader hears of the storage traffic: one sentence per handled update from one polite live
 * region, in the page's language. On a phone the traffic log sits in a tab that is hidden while the reader
 * chats, so the region must live outside the tabs (a live region that is not displayed says nothing), and
 * the latest-calls strip and the Traffic tab's count must not speak as well.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser, type WatchedPage } from "./browser";
import { ENGLISH, runProgram, say, SPANISH, waitReady } from "./playground-helpers";
import { SCREENS } from "./viewport";

const phone = SCREENS.find((screen) => screen.options.hasTouch)!;
const { open } = useBrowser(phone.options);

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

/** Every live region of the page that a screen reader can hear (displayed), with what it says. */
function audibleLiveRegions(page: Page): Promise<{ live: string; text: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]')]
      // Clipped for the eye (sl-sr-only) still counts; inside a `display: none` tab does not.
      .filter((el) => el.checkVisibility({ visibilityProperty: true }))
      .map((el) => ({ live: el.getAttribute("aria-live") ?? el.getAttribute("role") ?? "", text: el.textContent?.trim() ?? "" })),
  );
}

const CASES = [
  { path: "/playground/", words: ENGLISH, tabChat: "Chat", said: "Update 1: 1 read, 1 write", latest: "Latest storage calls" },
  { path: "/es/playground/", words: SPANISH, tabChat: "Chat", said: "Actualización 1: 1 lectura, 1 escritura", latest: "Últimas llamadas al almacenamiento" },
];

describe.each(CASES)("the traffic's spoken summary on a phone ($path)", ({ path, words, tabChat, said, latest }) => {
  it("is heard from the Chat tab, once", async () => {
    const watched = await open(path);
    opened.push(watched);
    const { page, errors } = watched;
    await waitReady(page);
    await runProgram(page, words);
    await page.getByRole("tab", { name: tabChat, exact: true }).click();
    await say(page, words, "🍕");
    // The strip under the chat shows the calls…
    await page.getByRole("list", { name: latest }).getByRole("listitem").nth(1).waitFor();
    // …and exactly one displayed live region says what the update did; none of the others repeats it.
    await expect.poll(async () => (await audibleLiveRegions(page)).filter((region) => region.text.includes(said)).length, { timeout: 15_000 }).toBe(1);
    const region = page.getByTestId("traffic-announcement");
    await expect(region.count()).resolves.toBe(1);
    await expect(region.getAttribute("aria-live")).resolves.toBe("polite");
    await expect(region.textContent()).resolves.toBe(said);
    // The strip is not a live region of its own.
    await expect(page.getByRole("list", { name: latest }).evaluate((list) => list.closest("[aria-live]"))).resolves.toBeNull();
    expect(errors).toEqual([]);
  }, 120_000);
});
