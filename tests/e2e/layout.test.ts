/**
 * The playground's layout beyond the newcomer's first screens (those are followed from the home page's
 * action in home.test.ts, with the helpers of newcomer-screen.ts): no shift while it loads, pane sizes
 * across a reload, the console opening by itself, and a guide page's embed.
 */
import { describe, expect, it } from "vitest";
import { reloadHydrated, useBrowser } from "./browser";
import { callCount, trafficCall, WORDS } from "./newcomer-screen";
import { expectInViewport, saveScreenshot, SCREENS } from "./viewport";
import { waitReady } from "./playground-helpers";

const { open } = useBrowser();

describe("the full page", () => {
  const desktop = SCREENS[0];

  it("does not shift while the playground loads", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza", desktop.options);
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shift).toBeLessThanOrEqual(0.02);
    // The loading line is gone once the playground is there, and panel titles sit right under the h1.
    await expect(page.getByText("Loading the playground…").count()).resolves.toBe(0);
    await expect(page.getByRole("heading", { level: 1, name: "Playground" }).isVisible()).resolves.toBe(true);
    for (const name of ["Chat", "Storage traffic", "Stored sessions"]) {
      await expect(page.getByRole("heading", { level: 2, name, exact: true }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByRole("heading", { level: 3 }).count()).resolves.toBe(0);
  });

  it("keeps the pane sizes the reader chose across a reload", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza", desktop.options);
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    const splitter = page.getByRole("separator", { name: WORDS.en.splitter });
    const chat = page.getByRole("region", { name: "Chat", exact: true });
    const before = Number(await splitter.getAttribute("aria-valuenow"));
    const widthBefore = (await chat.boundingBox())!.width;
    await splitter.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await splitter.getAttribute("aria-valuenow"))).toBe(before + 10);
    // The chat gives way down to its minimum share (18 %), which the splitters' own pixels make a little wider.
    // The panes glide to their new widths (a short CSS transition): the width counts once two frames agree.
    const settledWidth = async () => {
      const first = (await chat.boundingBox())!.width;
      await page.evaluate(() => new Promise(requestAnimationFrame));
      return (await chat.boundingBox())!.width === first ? first : Number.NaN;
    };
    await expect.poll(settledWidth).toBeLessThan(widthBefore - 60);
    const widthAfter = await settledWidth();
    await saveScreenshot(page, "layout-1440x900-resized");

    await reloadHydrated(page);
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    await expect.poll(async () => Number(await splitter.getAttribute("aria-valuenow"))).toBe(before + 10);
    await expect.poll(async () => Math.round((await chat.boundingBox())!.width)).toBe(Math.round(widthAfter));
    await saveScreenshot(page, "layout-1440x900-resized-reloaded");
  });

  it("opens the console by itself when the code does not compile", { timeout: 120_000 }, async () => {
    const { page } = await open("/playground?example=pizza", desktop.options);
    await waitReady(page);
    const toggle = page.getByRole("button", { name: /^Console, / });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    const textarea = page.locator(".sl-playground .code-editor__textarea");
    if (await textarea.isVisible()) await textarea.fill("const broken: number = ;\n");
    else {
      await page.locator(".sl-playground .monaco-editor .view-lines").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type("\nconst broken: number = ;");
    }
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => toggle.getAttribute("aria-expanded"), { timeout: 30_000 }).toBe("true");
    await expect(toggle.getAttribute("aria-label")).resolves.toMatch(/1 error/);
    await expectInViewport(page.getByRole("alert").filter({ hasText: "Problems in the code" }), "the console's problems");
    await saveScreenshot(page, "layout-1440x900-console");
  });
});

describe("a playground embedded in a guide page", () => {
  it("puts chat and traffic side by side and brings the traffic into view after Run and a message", { timeout: 150_000 }, async () => {
    const w = WORDS.en;
    const { page, errors } = await open("/sessions/usage", SCREENS[0].options);
    await page.getByRole("button", { name: "Open playground" }).first().click();
    await page.locator('.sl-playground[data-ready="true"]').waitFor({ timeout: 90_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole("button", { name: w.run, exact: true }).click();
    await page.locator('.sl-playground[data-run-status="running"]').waitFor({ timeout: 60_000 });
    const box = page.getByRole("textbox", { name: w.message, exact: true });
    await box.fill("🍕");
    await box.press("Enter");
    await expect.poll(() => callCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expectInViewport(trafficCall(page, w), "a storage call of the embed");
    await expectInViewport(box, "the embed's message box");
    // Side by side: the chat's message box and the traffic log share a row.
    const chatBox = (await box.boundingBox())!;
    const traffic = (await page.getByRole("listbox", { name: w.traffic }).boundingBox())!;
    expect(traffic.x).toBeGreaterThan(chatBox.x + chatBox.width - 1);
    await saveScreenshot(page, "layout-embed-1440x900");
    expect(errors).toEqual([]);
  });
});
