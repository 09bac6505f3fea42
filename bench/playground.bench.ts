import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../scripts/chromium";
import { serveStatic } from "../scripts/serve";
import { COMPARE_EMBED_STRINGS } from "../locales";
import { comparisonStrings } from "../playground/compare/strings/comparison";
import { median, row, type BenchSuite } from "./types";
import { REPO_ROOT as root, siteBuild } from "./site-build";

// The playground in headless Chromium on the production build, served locally:
// - navigation → ready to run (cold: a fresh browser context each time, so nothing is cached);
// - edit → rerun (warm: the compiler is up, the sandbox is a fresh worker per run);
// - 1,000 updates through strict sessions on IndexedDB, rendered live, and the longest main-thread task;
// - JavaScript a docs page with a closed playground transfers, against a bare VitePress page built now.
// BENCH_PLAYGROUND_RUNS overrides how many times each measurement is repeated (medians are reported).
const RUNS = Number(process.env.BENCH_PLAYGROUND_RUNS ?? 5);
const RERUNS = 9;
const UPDATES = 1_000;
const BIG_UPDATES = 5_000;

const READY = '.sl-playground[data-ready="true"]';
/** Ready and the final editor (Monaco on a desktop) is in place: nothing is still loading. */
const SETTLED = '.sl-playground[data-ready="true"][data-editor-ready="true"]';

/**
 * Brings the pointer over the editor, as a reader does before editing: Monaco loads only then. Repeated
 * until the editor has left its first state, since nothing listens before the page is hydrated.
 */
async function comeToEditor(page: Page): Promise<void> {
  const editor = page.locator(".sl-playground .code-editor").first();
  for (;;) {
    await editor.dispatchEvent("pointerover");
    if ((await editor.getAttribute("data-mode")) !== "pending") return;
    await page.waitForTimeout(50);
  }
}

// PLAYGROUND_BENCH_DIST measures another build of the site (the default is the repository's).
let dist = "";

const suite: BenchSuite = async () => {
  dist = siteBuild();
  const bare = buildBareSite();
  const bareSearch = buildBareSite(true);
  const site = await serveStatic(dist);
  const bareServer = await serveStatic(bare.dist);
  const bareSearchServer = await serveStatic(bareSearch.dist);
  const browser = await launchChromium();
  try {
    const ready = await measureReady(browser, site.url);
    const rerun = await measureRerun(browser, site.url);
    const burst = await measureBurst(browser, site.url);
    const big = await measureBigLog(browser, site.url);
    const compare = await measureComparison(browser, site.url);
    const weight = await measureDocsWeight(browser, site.url, bareServer.url, bareSearchServer.url);
    return {
      suite: "playground",
      rows: [
        row("navigation → ready to run (cold, median)", median(ready.ready), "ms", 3_000),
        row("pointer on the editor → Monaco in place (cold, median)", median(ready.editor), "ms"),
        row("edit → rerun ready (warm, median)", median(rerun.ready), "ms", 150),
        row("edit → rerun → reply to /hunger (warm, median)", median(rerun.reply), "ms"),
        row(`${UPDATES} updates, strict sessions on IndexedDB, rendered (median)`, median(burst.map((b) => b.ms)), "ms"),
        row(`the same ${UPDATES} reads and writes on raw IndexedDB, one transaction each like idb-keyval (median)`, median(burst.map((b) => b.floorMs)), "ms"),
        row(`${UPDATES} updates ÷ raw IndexedDB floor, same page, same run (median of per-run ratios)`, median(burst.map((b) => b.ms / b.floorMs)), "×", 1.5),
        row("longest main-thread task during those updates (max over runs)", Math.max(...burst.map((b) => b.longestTask)), "ms", 100),
        row(`${BIG_UPDATES} updates (${BIG_UPDATES * 2} storage calls) on memory storage, rendered`, big.ms, "ms"),
        row("traffic log rows in the DOM at that point (windowed)", big.domRows, "rows"),
        row("longest frame while scrolling through those calls", big.longestFrame, "ms"),
        row("longest main-thread task while scrolling", big.longestTask, "ms", 200),
        row("strict vs lazy view, busy group: card click → totals shown (cold, median)", median(compare.cold), "ms"),
        row("strict vs lazy view, busy group: Run again → totals shown (warm, median)", median(compare.warm), "ms"),
        row(`docs page ${weight.page}${weight.embedded ? " (closed playground)" : " (NO playground embedded yet)"}: JS loaded`, weight.docs.loaded, "KB"),
        row("bare VitePress page: JS loaded", weight.bare.loaded, "KB"),
        row("docs page JS ÷ bare VitePress JS", weight.docs.loaded / weight.bare.loaded, "×", 1.3),
        row("bare VitePress page with local search: JS loaded", weight.bareWithSearch.loaded, "KB"),
        row("docs page JS ÷ bare VitePress with local search", weight.docs.loaded / weight.bareWithSearch.loaded, "×"),
        row("docs page: JS prefetched for linked pages (not counted above)", weight.docs.prefetched, "KB"),
      ],
      details: { ready, rerun, burst, big, compare, weight },
    };
  } finally {
    await browser.close();
    await site.close();
    await bareServer.close();
    await bareSearchServer.close();
    rmSync(bare.dir, { recursive: true, force: true });
    rmSync(bareSearch.dir, { recursive: true, force: true });
  }
};

export default suite;

/**
 * Fresh context per run: an empty cache, as a first visit. "Ready to run" is when Run would work at once:
 * the example is loaded and the compiler downloaded; the editor is the plain text area, which Monaco
 * replaces once the reader comes to it (timed too, for information: from the pointer on the editor).
 */
async function measureReady(browser: Browser, base: string): Promise<{ ready: number[]; editor: number[] }> {
  const ready: number[] = [];
  const editor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${base}/playground/?example=pizza`);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    ready.push(Date.now() - started);
    const pointerAt = Date.now();
    await comeToEditor(page);
    await page.locator(SETTLED).waitFor({ timeout: 60_000 });
    editor.push(Date.now() - pointerAt);
    await context.close();
  }
  return { ready, editor };
}

/**
 * Warm reruns: after a first run, each round edits the code (one character, typed in the editor), then
 * clicks Run; timed inside the page from the click to the new program reporting ready, and on to its reply.
 */
async function measureRerun(browser: Browser, base: string): Promise<{ ready: number[]; reply: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}/playground/?example=pizza`);
  await comeToEditor(page);
  await page.locator(SETTLED).waitFor({ timeout: 60_000 });
  await clickRunAndTime(page); // cold first run: not counted
  const ready: number[] = [];
  const reply: number[] = [];
  for (let i = 0; i < RERUNS; i++) {
    await editCode(page, i);
    const ms = await clickRunAndTime(page);
    ready.push(ms.ready);
    reply.push(ms.reply);
  }
  await context.close();
  return { ready, reply };
}

async function editCode(page: Page, round: number): Promise<void> {
  const textarea = page.locator(".sl-playground .code-editor__textarea");
  if (await textarea.isVisible()) await textarea.click();
  else await page.locator(".sl-playground .monaco-editor .view-lines").click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type(`// ${round}\n`);
}

/** Clicks Run, then (once the program is ready) sends /hunger through the chat form; both times from the click. */
function clickRunAndTime(page: Page): Promise<{ ready: number; reply: number }> {
  return page.evaluate(
    () =>
      new Promise<{ ready: number; reply: number }>((resolve, reject) => {
        const root = document.querySelector<HTMLElement>(".sl-playground")!;
        const target = String(Number(root.dataset.runNumber) + 1);
        const chat = document.querySelector<HTMLElement>('.sl-chat [role="log"]')!;
        const replies = () => chat.querySelectorAll(".sl-bubble--bot").length;
        const run = document.querySelector<HTMLButtonElement>(".sl-toolbar .sl-btn--primary")!;
        const input = document.querySelector<HTMLInputElement>(".sl-chat-form input")!;
        let readyAt: number | undefined;
        let repliesBefore = 0;
        const timeout = setTimeout(() => reject(new Error("rerun took over 20 s")), 20_000);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (readyAt === undefined && root.dataset.runNumber === target && root.dataset.runStatus === "running") {
            readyAt = performance.now();
            repliesBefore = replies();
            input.value = "/hunger";
            input.dispatchEvent(new Event("input"));
            input.form!.requestSubmit();
          } else if (readyAt !== undefined && replies() > repliesBefore) {
            observer.disconnect();
            clearTimeout(timeout);
            resolve({ ready: readyAt - started, reply: performance.now() - started });
          }
        });
        observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
        run.click();
      }),
  );
}

/**
 * 1,000 messages from Ana to the IndexedDB example (strict `session()` on `IndexedDBAdapter`), sent through
 * the chat form in batches of 20 per task, timed from the first until the totals show every read and write.
 * A PerformanceObserver collects long tasks meanwhile. Right before, in the same page, the floor: the same
 * 1,000 reads and writes of one key on raw IndexedDB, one transaction each as idb-keyval makes them, so
 * the ratio between the two is measured under the same load.
 */
async function measureBurst(browser: Browser, base: string): Promise<{ ms: number; floorMs: number; longestTask: number }[]> {
  const results: { ms: number; floorMs: number; longestTask: number }[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${base}/playground/?example=storage-indexeddb`);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.locator('.sl-playground[data-run-status="running"]').waitFor({ timeout: 30_000 });
    const floorMs = await page.evaluate(rawIndexedDBFloor, UPDATES);
    const result = await page.evaluate(
      (count) =>
        new Promise<{ ms: number; longestTask: number; reads: number; writes: number }>((resolve, reject) => {
          const tasks: number[] = [];
          const longTasks = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
          longTasks.observe({ type: "longtask", buffered: false });
          const input = document.querySelector<HTMLInputElement>(".sl-chat-form input")!;
          const read = () => Number(document.querySelector('[data-testid="count-read"]')?.textContent);
          const write = () => Number(document.querySelector('[data-testid="count-write"]')?.textContent);
          const started = performance.now();
          let sent = 0;
          const sendBatch = () => {
            for (let n = 0; n < 20 && sent < count; n++, sent++) {
              input.value = "🍕";
              input.dispatchEvent(new Event("input"));
              input.form!.requestSubmit();
            }
            if (sent < count) setTimeout(sendBatch, 0);
          };
          sendBatch();
          const timeout = setTimeout(() => reject(new Error(`only ${read()} reads after 60 s`)), 60_000);
          const check = () => {
            if (read() >= count && write() >= count) {
              const ms = performance.now() - started;
              clearTimeout(timeout);
              // Long tasks are reported after they end; give the last ones a moment.
              setTimeout(() => {
                longTasks.disconnect();
                resolve({ ms, longestTask: Math.max(0, ...tasks), reads: read(), writes: write() });
              }, 300);
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      UPDATES,
    );
    if (result.reads !== UPDATES || result.writes !== UPDATES) {
      throw new Error(`Expected ${UPDATES} reads and writes, the page shows ${result.reads} and ${result.writes}`);
    }
    results.push({ ms: result.ms, floorMs, longestTask: result.longestTask });
    await context.close();
  }
  return results;
}

/**
 * Runs in the page: `count` reads and writes of one key, one after another, each in its own transaction
 * (what idb-keyval's `get` and `set` do), in a database of its own. Returns the milliseconds they took.
 */
async function rawIndexedDBFloor(count: number): Promise<number> {
  const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("session-lab-bench-floor", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("keyval");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const readTx = db.transaction("keyval", "readonly");
    const value = (await request(readTx.objectStore("keyval").get("424242"))) as { pizzaCount: number } | undefined;
    const writeTx = db.transaction("keyval", "readwrite");
    writeTx.objectStore("keyval").put({ pizzaCount: (value?.pizzaCount ?? 0) + 1, lastPizza: new Date() }, "424242");
    await done(writeTx);
  }
  const ms = performance.now() - started;
  db.close();
  indexedDB.deleteDatabase("session-lab-bench-floor");
  return ms;
}

/**
 * 5,000 pizzas on the default memory storage: 10,000 calls in the traffic log. Then the log is scrolled to
 * 60 places, one per frame, while frames and long tasks are timed: the list must stay windowed and smooth.
 */
async function measureBigLog(browser: Browser, base: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}/playground/?example=pizza-memory`);
  await page.locator(READY).waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.locator('.sl-playground[data-run-status="running"]').waitFor({ timeout: 30_000 });
  const result = await page.evaluate(
    (count) =>
      new Promise<{ ms: number; domRows: number; longestFrame: number; longestTask: number }>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(".sl-chat-form input")!;
        const log = document.querySelector<HTMLElement>('.sl-traffic .sl-traffic-scroll')!;
        const total = () =>
          Number(document.querySelector('[data-testid="count-read"]')?.textContent) +
          Number(document.querySelector('[data-testid="count-write"]')?.textContent);
        const started = performance.now();
        let sent = 0;
        const sendBatch = () => {
          for (let n = 0; n < 50 && sent < count; n++, sent++) {
            input.value = "🍕";
            input.dispatchEvent(new Event("input"));
            input.form!.requestSubmit();
          }
          if (sent < count) setTimeout(sendBatch, 0);
        };
        sendBatch();
        const timeout = setTimeout(() => reject(new Error(`only ${total()} calls after 120 s`)), 120_000);
        const scroll = (ms: number) => {
          const domRows = log.querySelectorAll("li").length;
          const tasks: number[] = [];
          const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
          observer.observe({ type: "longtask" });
          let step = 0;
          let last = performance.now();
          let longestFrame = 0;
          const frame = () => {
            const now = performance.now();
            if (step > 0) longestFrame = Math.max(longestFrame, now - last);
            last = now;
            if (step++ === 60) {
              observer.disconnect();
              resolve({ ms, domRows, longestFrame, longestTask: Math.max(0, ...tasks) });
              return;
            }
            // Jump around the whole log (a stride coprime to 61 visits 60 different places).
            log.scrollTop = (((step * 17) % 61) / 60) * (log.scrollHeight - log.clientHeight);
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        };
        const check = () => {
          if (total() >= count * 2) {
            clearTimeout(timeout);
            setTimeout(() => scroll(performance.now() - started), 300);
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    BIG_UPDATES,
  );
  await context.close();
  return result;
}

/**
 * A one-page VitePress site with the default theme, built with the repository's VitePress. With `search`,
 * it also has the local search this site uses (VitePress preloads its search box on every page).
 */
function buildBareSite(search = false): { dir: string; dist: string } {
  const dir = mkdtempSync(join(tmpdir(), "bare-vitepress-"));
  mkdirSync(join(dir, ".vitepress"));
  const config = search ? '{ title: "Bare", themeConfig: { search: { provider: "local" } } }' : '{ title: "Bare" }';
  writeFileSync(join(dir, ".vitepress/config.mts"), `export default ${config};\n`);
  writeFileSync(join(dir, "index.md"), "# Bare page\n\nA page of the default theme, for comparison.\n\n## A section\n\nSome text.\n");
  // The server render imports "vue" from the site's folder: lend it the repository's packages.
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  execFileSync("npx", ["vitepress", "build", dir], { cwd: root, stdio: "pipe" });
  return { dir, dist: join(dir, ".vitepress/dist") };
}

/**
 * The strict-vs-lazy view on the lazy page: from the click on its card to the totals of the busy group
 * (compiler download, two sandboxes, ten updates), cold; then Run again, warm. Reduced motion, so the
 * pause the view makes between updates for readers to follow is not counted.
 */
async function measureComparison(browser: Browser, base: string): Promise<{ cold: number[]; warm: number[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  const done = (run: number) => `.sl-compare[data-run-number="${run}"][data-status="done"]`;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(`${base}/sessions/lazy`, { waitUntil: "networkidle" });
    let started = Date.now();
    await page.getByRole("button", { name: COMPARE_EMBED_STRINGS.en.views["strict-vs-lazy"].open, exact: true }).click();
    await page.locator(done(1)).waitFor({ timeout: 60_000 });
    cold.push(Date.now() - started);
    started = Date.now();
    await page.getByRole("button", { name: comparisonStrings("en").editor.runAgain, exact: true }).click();
    await page.locator(done(2)).waitFor({ timeout: 60_000 });
    warm.push(Date.now() - started);
    await context.close();
  }
  return { cold, warm };
}

/** The first built docs page whose HTML holds a (closed) playground, else the guide's first page. */
function docsPageWithPlayground(): { path: string; embedded: boolean } {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".html")) pages.push(path);
    }
  };
  walk(dist);
  const found = pages
    .filter((p) => !/playground\.html$|404\.html$/.test(p))
    .find((p) => readFileSync(p, "utf8").includes('class="sl-embed'));
  if (found) return { path: "/" + relative(dist, found).replace(/\.html$/, "").replace(/index$/, ""), embedded: true };
  return { path: "/sessions/", embedded: false };
}

/**
 * Median JavaScript KB (over the wire) a page loads with an empty cache, until the network is idle.
 * `loaded` is what the page itself needs; `prefetched` is what VitePress fetches at the lowest priority
 * for pages the reader might open next (`<link rel="prefetch">`, sent with `Sec-Purpose: prefetch`),
 * which is reported apart: it depends on how many links the page shows, not on the page.
 */
async function jsTransferred(browser: Browser, url: string): Promise<{ loaded: number; prefetched: number; files: string[] }> {
  const loaded: number[] = [];
  const prefetched: number[] = [];
  let files: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const client = await context.newCDPSession(page);
    await client.send("Network.enable");
    const requests = new Map<string, { url: string; prefetch: boolean }>();
    const seen: string[] = [];
    let own = 0;
    let ahead = 0;
    client.on("Network.requestWillBeSent", (e) => {
      const purpose = Object.entries(e.request.headers).find(([name]) => /^(sec-)?purpose$/i.test(name))?.[1];
      requests.set(e.requestId, { url: e.request.url, prefetch: /prefetch/i.test(String(purpose ?? "")) });
    });
    client.on("Network.loadingFinished", (e) => {
      const request = requests.get(e.requestId);
      if (!request || !/\.m?js(\?|$)/.test(request.url)) return;
      if (request.prefetch) ahead += e.encodedDataLength;
      else {
        own += e.encodedDataLength;
        seen.push(`${new URL(request.url).pathname} ${(e.encodedDataLength / 1024).toFixed(1)} KB`);
      }
    });
    await page.goto(url, { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    loaded.push(own / 1024);
    prefetched.push(ahead / 1024);
    files = seen;
    await context.close();
  }
  return { loaded: median(loaded), prefetched: median(prefetched), files };
}

async function measureDocsWeight(browser: Browser, base: string, bareBase: string, searchBase: string) {
  const page = docsPageWithPlayground();
  if (!page.embedded) console.warn(`No docs page embeds <Playground> yet; measuring ${page.path} instead.`);
  return {
    page: page.path,
    embedded: page.embedded,
    docs: await jsTransferred(browser, base + page.path),
    bare: await jsTransferred(browser, bareBase + "/"),
    bareWithSearch: await jsTransferred(browser, searchBase + "/"),
  };
}
