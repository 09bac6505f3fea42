/**
 * "Take it home": the playground's Export button and its dialog, as a reader uses them. From the full page
 * in English and in Spanish, with the keyboard alone: Tab to Export, open it, pick the runtime and the
 * server storage with the arrow keys, download the zip (Enter, Space), and read what is in it: the files,
 * a `bot.ts` that takes its token from the environment and no longer imports the browser's IndexedDB
 * adapter, the dependencies, a README in the page's language. Escape closes the dialog and the focus is
 * back on Export. Also: axe-core on the open dialog in light and dark, the dialog on a phone (touch, it
 * scrolls inside), a guide page's embedded playground, and the reader's edits being what is exported.
 *
 * Alone: `SITE_DIST=<build> npx vitest run --config tests/e2e/vitest.config.ts tests/e2e/export.test.ts`.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { expectAxeClean, useScheme } from "./axe";
import { useBrowser, type WatchedPage } from "./browser";
import { typeAtTop, waitReady } from "./playground-helpers";
import { SCREENS, saveScreenshot, type Screen } from "./viewport";

const { open } = useBrowser();

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

/** What the reader reads and clicks, in each language. */
const WORDS = {
  en: {
    path: "/playground?example=pizza",
    exportButton: "Export as a project",
    exportText: "Export",
    dialog: "Take your bot home",
    node: "Node.js",
    deno: "Deno",
    memory: "Memory",
    files: "Files",
    free: "grammY's free storage",
    fileList: "Files in the zip",
    download: "Download zip",
    close: "Close",
    downloaded: "session-lab-pizza.zip downloaded.",
    share: "Share",
    reset: "Reset example",
    /** Lines only the README of this language has. */
    readme: ["# pizza: a grammY bot from Session Lab", "## Start it", "## Where the sessions are kept", /explains the choice: http:\/\/127\.0\.0\.1:\d+\/sessions\/storage\n/],
  },
  es: {
    path: "/es/playground?example=pizza",
    exportButton: "Exportar como proyecto",
    exportText: "Exportar",
    dialog: "Llévate tu bot",
    node: "Node.js",
    deno: "Deno",
    memory: "Memoria",
    files: "Archivos",
    free: "Almacenamiento gratuito de grammY",
    fileList: "Archivos del zip",
    download: "Descargar zip",
    close: "Cerrar",
    downloaded: "session-lab-pizza.zip descargado.",
    share: "Compartir",
    reset: "Restaurar ejemplo",
    readme: ["# pizza: un bot de grammY de Session Lab", "## Ponlo en marcha", "## Dónde se guardan las sesiones", /explica cómo elegir: http:\/\/127\.0\.0\.1:\d+\/es\/sessions\/storage\n/],
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

const [DESKTOP, LAPTOP, PHONE] = SCREENS as [Screen, Screen, Screen];
const FOLDER = "session-lab-pizza/";

async function openPlayground(path: string, screen: Screen): Promise<Page> {
  const watched = await open(path, screen.options);
  opened.push(watched);
  await waitReady(watched.page);
  return watched.page;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab from wherever the focus is until `target` has it; a reader's path from the top of the page. */
async function tabTo(page: Page, target: Locator, what: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if (await isFocused(target)) return;
  }
  throw new Error(`Tab never reached ${what}.`);
}

/** The accessible name and role of the focused element, as a screen reader would announce it. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "nothing";
    const role = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
    const name = el.getAttribute("aria-label") ?? (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el.textContent) ?? "";
    return `${role} ${name.trim()}`;
  });
}

/** Whether the focused element draws a focus indicator of its own (an outline or a box shadow). */
async function focusIndicator(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== "none" && style.boxShadow !== "");
  });
}

/** The zip the reader got: its files by path, as text. */
async function readZip(download: Download): Promise<Record<string, string>> {
  const path = await download.path();
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** What every exported project of the pizza bot with file storage must say, whatever the runtime. */
function expectFileStorageBot(bot: string, tokenRead: string): void {
  expect(bot).toContain(tokenRead);
  expect(bot).not.toContain("IndexedDBAdapter(");
  expect(bot).not.toMatch(/import[^;]*@session-lab\/adapters-browser/);
  expect(bot).toMatch(/import \{ FileAdapter \} from "@grammyjs\/storage-file";/);
  expect(bot).toContain("new FileAdapter");
  // The bot still does what the playground's did.
  expect(bot).toContain("bot.hears(/🍕/");
  expect(bot).not.toMatch(/new Bot<MyContext>\(""\)/);
}

function expectReadmeIn(words: Words, readme: string): void {
  for (const line of words.readme) {
    if (typeof line === "string") expect(readme).toContain(line);
    else expect(readme).toMatch(line);
  }
}

describe.each([
  { lang: "en" as const, screen: DESKTOP, runtime: "node" as const, downloadKey: "Enter" },
  { lang: "es" as const, screen: LAPTOP, runtime: "deno" as const, downloadKey: "Space" },
])("Export with the keyboard alone ($lang, $runtime, $screen.name)", ({ lang, screen, runtime, downloadKey }) => {
  it("opens the dialog, picks runtime and storage with arrows, downloads a project that runs on a server", { timeout: 150_000 }, async () => {
    const w = WORDS[lang];
    const page = await openPlayground(w.path, screen);
    const button = page.getByRole("button", { name: w.exportButton, exact: true });
    await expect(button.innerText()).resolves.toBe(w.exportText);
    await expect(button.getAttribute("aria-haspopup")).resolves.toBe("dialog");

    // From the top of the page, Tab to Export (right after Share) and open it with Enter.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, page.getByRole("button", { name: w.share, exact: true }), "Share");
    await page.keyboard.press("Tab");
    await expect(isFocused(button)).resolves.toBe(true);
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: w.dialog, exact: true });
    await dialog.waitFor();
    // The focus moved into the dialog, on the runtime that is chosen; the page behind is inert.
    await expect.poll(() => focused(page)).toBe(`radio ${w.node}`);
    await expect(dialog.getByRole("radio", { name: w.node, exact: true }).isChecked()).resolves.toBe(true);
    await saveScreenshot(page, `export-${lang}-${screen.name}-open`);
    await expectAxeClean(page, { within: "dialog[open]", anyImpact: true });

    // Tab order: the runtime group, the storage group (its chosen radio), Download, Close; Shift+Tab goes back.
    const stops: string[] = [await focused(page)];
    expect(await focusIndicator(page), `the focus on ${stops[0]} is seen`).toBe(true);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
      expect(await focusIndicator(page), `the focus on ${stops.at(-1)} is seen`).toBe(true);
    }
    expect(stops).toEqual([`radio ${w.node}`, `radio ${w.files}`, `button ${w.download}`, `button ${w.close}`]);
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
    await expect(focused(page)).resolves.toBe(`radio ${w.node}`);

    // The runtime with the arrows (Deno is the second radio), then on to the storage.
    if (runtime === "deno") {
      await page.keyboard.press("ArrowRight");
      await expect(dialog.getByRole("radio", { name: w.deno, exact: true }).isChecked()).resolves.toBe(true);
    }
    await page.keyboard.press("Tab");
    // Files is offered first as the choice that keeps sessions across restarts; the reader looks at the
    // others and comes back to it.
    await page.keyboard.press("ArrowRight");
    await expect(dialog.getByRole("radio", { name: w.free, exact: true }).isChecked()).resolves.toBe(true);
    await page.keyboard.press("ArrowLeft");
    await expect(focused(page)).resolves.toBe(`radio ${w.files}`);
    await expect(dialog.getByRole("radio", { name: w.files, exact: true }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole("radio", { name: w.memory, exact: true }).isChecked()).resolves.toBe(false);

    // The dialog says which files the zip holds: the same files the zip will hold.
    const expected = runtime === "node" ? [".gitignore", "README.md", "bot.ts", "package.json", "tsconfig.json"] : [".gitignore", "README.md", "bot.ts", "deno.json"];
    const listed = await dialog.getByRole("list", { name: w.fileList, exact: true }).getByRole("listitem").allInnerTexts();
    expect([...listed].sort()).toEqual(expected);

    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toBe(`button ${w.download}`);
    const downloading = page.waitForEvent("download");
    await page.keyboard.press(downloadKey);
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("session-lab-pizza.zip");
    await expect.poll(() => dialog.getByRole("status").innerText()).toBe(w.downloaded);

    const files = await readZip(download);
    expect(Object.keys(files).sort()).toEqual(expected.map((name) => FOLDER + name));
    const bot = files[`${FOLDER}bot.ts`]!;
    if (runtime === "node") {
      expectFileStorageBot(bot, "process.env.BOT_TOKEN");
      const pkg = JSON.parse(files[`${FOLDER}package.json`]!) as { scripts: Record<string, string>; dependencies: Record<string, string> };
      expect(Object.keys(pkg.dependencies).sort()).toEqual(["@grammyjs/storage-file", "grammy"]);
      expect(pkg.dependencies.grammy).toMatch(/^\^1\.\d+\.\d+$/);
      expect(pkg.scripts.start).toBe("tsx bot.ts");
      expect(files[`${FOLDER}README.md`]).toContain("npm install\nBOT_TOKEN=123456:ABC-DEF npm start");
    } else {
      expectFileStorageBot(bot, 'Deno.env.get("BOT_TOKEN")');
      const deno = JSON.parse(files[`${FOLDER}deno.json`]!) as { tasks: Record<string, string>; imports: Record<string, string> };
      expect(Object.keys(deno.imports).sort()).toEqual(["@grammyjs/storage-file", "grammy"]);
      expect(deno.imports.grammy).toMatch(/^npm:grammy@\^1\.\d+\.\d+$/);
      // File storage reads and writes the sessions folder: the start task allows exactly that.
      expect(deno.tasks.start).toBe("deno run --allow-net --allow-env --allow-read --allow-write bot.ts");
      expect(files[`${FOLDER}README.md`]).toContain("deno install\nBOT_TOKEN=123456:ABC-DEF deno task start");
    }
    expectReadmeIn(w, files[`${FOLDER}README.md`]!);
    // The sessions the bot writes are people's data, kept out of Git.
    expect(files[`${FOLDER}.gitignore`]).toBe("node_modules/\nsessions/\n");

    // Escape closes it, and the reader is back on Export.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => isFocused(button)).toBe(true);
  });
});

describe("Export on a phone", () => {
  it("fits the toolbar's second row, and its dialog fits the screen, scrolling inside if it must (touch, Spanish)", { timeout: 150_000 }, async () => {
    const w = WORDS.es;
    const page = await openPlayground(w.path, PHONE);
    const share = page.getByRole("button", { name: w.share, exact: true });
    const button = page.getByRole("button", { name: w.exportButton, exact: true });
    const reset = page.getByRole("button", { name: w.reset, exact: true });
    for (const scheme of ["light", "dark"] as const) {
      await useScheme(page, scheme);
      await saveScreenshot(page, `export-es-phone-toolbar-${scheme}`);
    }
    // Share, Export and Reset on one row, inside the screen, none over another.
    const boxes = await Promise.all([share, button, reset].map(async (b) => (await b.boundingBox())!));
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(Math.round(box.y)).toBe(Math.round(boxes[0]!.y));
    }
    expect(boxes[0]!.x + boxes[0]!.width).toBeLessThanOrEqual(boxes[1]!.x);
    expect(boxes[1]!.x + boxes[1]!.width).toBeLessThanOrEqual(boxes[2]!.x);
    // The page itself does not scroll sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);

    await button.tap();
    const dialog = page.getByRole("dialog", { name: w.dialog, exact: true });
    await dialog.waitFor();
    const fit = await dialog.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return {
        inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
        sideways: el.scrollWidth > el.clientWidth,
        overflowY: getComputedStyle(el).overflowY,
      };
    });
    expect(fit.inside, "the dialog lies inside the screen").toBe(true);
    expect(fit.sideways, "nothing in the dialog sticks out sideways").toBe(false);
    // Taller than the screen, it scrolls inside rather than running off it.
    expect(fit.overflowY).toBe("auto");
    await saveScreenshot(page, "export-es-phone-dialog-top");
    await expectAxeClean(page, { within: "dialog[open]", anyImpact: true });

    // Taps: free storage (the dialog scrolls to it when it is below), then Download at the bottom.
    await dialog.getByRole("radio", { name: w.free, exact: true }).tap();
    await expect(dialog.getByRole("radio", { name: w.free, exact: true }).isChecked()).resolves.toBe(true);
    const downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: w.download, exact: true }).tap();
    const files = await readZip(await downloading);
    await saveScreenshot(page, "export-es-phone-dialog-bottom");
    // Download is in sight inside the dialog (scrolled to, if the dialog had to scroll), with what it did.
    await expect(dialog.getByRole("button", { name: w.download, exact: true }).evaluate((b) => {
      const box = b.getBoundingClientRect();
      const frame = b.closest("dialog")!.getBoundingClientRect();
      return box.top >= frame.top && box.bottom <= frame.bottom;
    })).resolves.toBe(true);
    await expect.poll(() => dialog.getByRole("status").innerText()).toBe(w.downloaded);

    const bot = files[`${FOLDER}bot.ts`]!;
    expect(bot).toContain("process.env.BOT_TOKEN");
    expect(bot).toMatch(/import \{ freeStorage \} from "@grammyjs\/storage-free";/);
    expect(bot).not.toMatch(/@session-lab\/adapters-browser/);
    const pkg = JSON.parse(files[`${FOLDER}package.json`]!) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@grammyjs/storage-free", "grammy"]);
    expectReadmeIn(w, files[`${FOLDER}README.md`]!);

    await dialog.getByRole("button", { name: w.close, exact: true }).tap();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => isFocused(button)).toBe(true);
  });
});

describe("Export in a guide page's playground", () => {
  it("exports the embedded example, and asks no storage question for a bot on memory sessions", { timeout: 150_000 }, async () => {
    const watched = await open("/es/sessions/usage", LAPTOP.options);
    opened.push(watched);
    const { page } = watched;
    await page.getByRole("button", { name: "Abrir el playground", exact: true }).first().click();
    await waitReady(page);
    const w = WORDS.es;
    const button = page.getByRole("button", { name: w.exportButton, exact: true });
    await button.click();
    const dialog = page.getByRole("dialog", { name: w.dialog, exact: true });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain("Tu programa no usa el adaptador de IndexedDB del navegador");
    await expect(dialog.getByRole("group", { name: "Sesiones en el servidor" }).count()).resolves.toBe(0);
    await expect(dialog.getByRole("radio").count()).resolves.toBe(2);

    const downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: w.download, exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("session-lab-pizza-memory.zip");
    const files = await readZip(download);
    const folder = "session-lab-pizza-memory/";
    expect(Object.keys(files).sort()).toEqual([".gitignore", "README.md", "bot.ts", "package.json", "tsconfig.json"].map((name) => folder + name));
    const bot = files[`${folder}bot.ts`]!;
    expect(bot).toContain("process.env.BOT_TOKEN");
    expect(bot).not.toMatch(/IndexedDB|FileAdapter|freeStorage/);
    const pkg = JSON.parse(files[`${folder}package.json`]!) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(["grammy"]);
    expect(files[`${folder}README.md`]).toContain("Este bot guarda sus sesiones en memoria");

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => isFocused(button)).toBe(true);
  });
});

describe("Export takes the program as the reader left it", () => {
  it("exports the edited code, not the example", { timeout: 150_000 }, async () => {
    const w = WORDS.en;
    const page = await openPlayground(w.path, DESKTOP);
    await typeAtTop(page, "// My own pizza bot\n");
    await expect.poll(() => page.evaluate(() => localStorage.getItem("session-lab:code:pizza:en") ?? "")).toContain("// My own pizza bot");

    const button = page.getByRole("button", { name: w.exportButton, exact: true });
    await button.click();
    const dialog = page.getByRole("dialog", { name: w.dialog, exact: true });
    await dialog.waitFor();
    // The memory storage this time: nothing to install besides grammY.
    await dialog.getByRole("radio", { name: w.memory, exact: true }).check();
    const downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: w.download, exact: true }).click();
    const files = await readZip(await downloading);
    const bot = files[`${FOLDER}bot.ts`]!;
    expect(bot.startsWith("// My own pizza bot\n")).toBe(true);
    expect(bot).toContain("MemorySessionStorage");
    const pkg = JSON.parse(files[`${FOLDER}package.json`]!) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(["grammy"]);
    expect(files[`${FOLDER}.gitignore`]).toBe("node_modules/\n");

    await dialog.getByRole("button", { name: w.close, exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => isFocused(button)).toBe(true);

    // A program that calls idb-keyval itself is warned that those calls need a browser, and keeps the package.
    await typeAtTop(page, 'import { get } from "idb-keyval";\n');
    await button.click();
    await dialog.waitFor();
    await expect(dialog.getByRole("note").textContent()).resolves.toContain("calls idb-keyval itself");
    const again = page.waitForEvent("download");
    await dialog.getByRole("button", { name: w.download, exact: true }).click();
    const withIdb = await readZip(await again);
    expect(Object.keys(JSON.parse(withIdb[`${FOLDER}package.json`]!).dependencies)).toEqual(["grammy", "idb-keyval"]);
  });
});
