import { deflateSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { encodeSharedCode, MAX_SHARED_LINK_CHARS } from "../../playground/composables/share-link";
import { gotoHydrated, reloadHydrated, useBrowser, type WatchedPage } from "./browser";
import { editorText, ENGLISH as W, runProgram, SPANISH, typeAtTop, waitReady } from "./playground-helpers";

const { open, baseUrl } = useBrowser({ viewport: { width: 1400, height: 1000 } });

const opened: WatchedPage[] = [];
async function openPlayground(path: string): Promise<WatchedPage> {
  const watched = await open(path);
  opened.push(watched);
  await waitReady(watched.page);
  return watched;
}

afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

/** A link of the kind that crashed the tab: about 200 KB that inflates to 150 MB of code. */
const bomb = Buffer.from(deflateSync(new Uint8Array(150 * 1024 * 1024).fill(0x61), { level: 9 })).toString("base64url");

const friendsCode = ['import { Bot } from "grammy";', "// from a friend", 'const bot = new Bot("");', 'bot.on("message", (ctx) => ctx.reply("hi"));', "bot.start();", ""].join("\n");

// Tests that load the playground twice (compiler and editor each time) get more than the default minute
// on a busy machine.
describe("share links", () => {
  it("refuses a link that would inflate to 150 MB: the page says so, keeps the reader's code and runs nothing", async () => {
    expect(bomb.length).toBeLessThan(MAX_SHARED_LINK_CHARS); // refused for what it inflates to, not its length
    const { page, errors } = await openPlayground(`/playground/?example=pizza#code=${bomb}`);
    await page.getByRole("status").filter({ hasText: "too much to open safely, so nothing was loaded" }).waitFor();
    await expect(editorText(page)).resolves.toContain("pizza");
    await expect(editorText(page)).resolves.not.toContain("aaaaaaaa");
    await expect(page.getByRole("status").filter({ hasText: "Code loaded from a shared link" }).count()).resolves.toBe(0);
    // Still answering: the example can be run at once.
    await runProgram(page, W);
    expect(errors).toEqual([]);
  });

  it("says so in Spanish on the Spanish page, and refuses a damaged link the same way", { timeout: 180_000 }, async () => {
    const bombed = await openPlayground(`/es/playground/?example=pizza#code=${bomb}`);
    await bombed.page.getByRole("status").filter({ hasText: "demasiado para abrirlo con seguridad" }).waitFor();
    await expect(bombed.page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("0");

    const damaged = await openPlayground(`/es/playground/?example=pizza#code=${encodeSharedCode(friendsCode).slice(0, 30)}`);
    await damaged.page.getByRole("status").filter({ hasText: "Este enlace está dañado" }).waitFor();
    await expect(editorText(damaged.page)).resolves.not.toContain("from a friend");
    await expect(damaged.page.getByRole("button", { name: SPANISH.run, exact: true }).isEnabled()).resolves.toBe(true);
  });

  it("keeps the reader's saved draft when they open a shared link and edit it, and takes them back to it", { timeout: 180_000 }, async () => {
    const { page: own } = await openPlayground("/playground/?example=pizza");
    await typeAtTop(own, "// my own draft\n");
    const draft = () => own.evaluate(() => localStorage.getItem("session-lab:code:pizza:en") ?? "");
    await expect.poll(draft).toContain("// my own draft");

    // The same browser opens a friend's link and types in it.
    const page = await own.context().newPage();
    await gotoHydrated(page, `${baseUrl}/playground/?example=pizza#code=${encodeSharedCode(friendsCode)}`);
    await waitReady(page);
    await expect(editorText(page)).resolves.toContain("// from a friend");
    await page.getByRole("status").filter({ hasText: "Code loaded from a shared link" }).filter({ hasText: "Your own draft of this example is kept apart." }).waitFor();
    await typeAtTop(page, "// edited the friend's code\n");
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("session-lab:shared:pizza:en") ?? ""))
      .toContain("// edited the friend's code");
    expect(await draft()).toContain("// my own draft");
    expect(await draft()).not.toContain("from a friend");

    // A reload keeps the edits of the shared code, and the way back.
    await reloadHydrated(page);
    await waitReady(page);
    await expect(editorText(page)).resolves.toContain("// edited the friend's code");

    await page.getByRole("button", { name: "Back to your draft", exact: true }).click();
    await expect.poll(() => editorText(page)).toContain("// my own draft");
    await expect(editorText(page)).resolves.not.toContain("from a friend");
    await page.getByRole("status").filter({ hasText: "Your own code is back in the editor." }).waitFor();
    expect(page.url()).not.toContain("#code=");
    await expect(page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("0");
  });

  it("loads the code of a link that changes only the hash of an open playground, without running it", async () => {
    const { page, errors } = await openPlayground("/playground/?example=pizza");
    await runProgram(page, W);
    await page.evaluate((value) => (location.hash = `code=${value}`), encodeSharedCode(friendsCode));
    await expect.poll(() => editorText(page)).toContain("// from a friend");
    await page.getByRole("status").filter({ hasText: "Code loaded from a shared link" }).waitFor();
    // The example that was running is stopped; the friend's code waits for Run.
    await expect.poll(() => page.locator(".sl-playground").getAttribute("data-run-status")).not.toBe("running");
    await expect(page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("1");
    await expect(page.getByRole("button", { name: "Back to the example", exact: true }).isVisible()).resolves.toBe(true);

    // A bomb arriving the same way changes nothing.
    await page.evaluate((value) => (location.hash = `code=${value}`), bomb);
    await page.getByRole("status").filter({ hasText: "too much to open safely" }).waitFor();
    await expect(editorText(page)).resolves.toContain("// from a friend");
    expect(errors).toEqual([]);
  });
});
