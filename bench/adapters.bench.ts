import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { AdapterBench, BenchVariant } from "../adapters-browser/test/perf/bench-page";
import { launchChromium } from "../scripts/chromium";
import { serveStatic } from "../scripts/serve";
import { median, row, type BenchSuite } from "./types";

// Adapter overhead in real Chromium IndexedDB: raw idb-keyval vs IndexedDBAdapter vs
// observeStorage(IndexedDBAdapter), measured in one page. The variants take turns every CHUNK
// pairs (rotating who goes first), so machine noise hits them alike. A ratio is taken for every
// turn, between the variants' times of that turn, and the median of all of them is reported: a
// burst of load from other processes spoils a few turns, not the result. Rates come from the
// median of the runs' totals. BENCH_ADAPTER_RUNS / BENCH_ADAPTER_PAIRS override the sizes.
const RUNS = Number(process.env.BENCH_ADAPTER_RUNS ?? 5);
const PAIRS = Number(process.env.BENCH_ADAPTER_PAIRS ?? 10_000);
/** Pairs each variant runs before the next one takes its turn. */
const CHUNK = 100;
const ENTRIES = 10_000;
const READ_ROUNDS = 25;
const VARIANTS: BenchVariant[] = ["raw", "adapter", "observed"];

type Samples = Record<BenchVariant, number[]>;

const suite: BenchSuite = async () => {
  const dir = mkdtempSync(join(tmpdir(), "adapters-bench-"));
  const entry = fileURLToPath(new URL("../adapters-browser/test/perf/bench-page.ts", import.meta.url));
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, outfile: join(dir, "bench.js") });
  writeFileSync(join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><title>adapter bench</title><script type="module" src="/bench.js"></script>');
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => "adapterBench" in globalThis);
    // Calls one method of the page's AdapterBench (test/perf/bench-page.ts) and returns its result.
    const call = <M extends keyof AdapterBench>(method: M, ...args: Parameters<AdapterBench[M]>) =>
      page.evaluate(
        ([name, params]) => {
          const bench = (globalThis as unknown as { adapterBench: Record<string, (...a: unknown[]) => unknown> }).adapterBench;
          return bench[name](...params);
        },
        [method, args] as [string, unknown[]],
      ) as Promise<Awaited<ReturnType<AdapterBench[M]>>>;

    // Warm-up: open every database, let the JIT settle. Not counted.
    await call("pairsRound", Math.min(PAIRS, 1500), CHUNK, 0);

    const pairMs: Samples = { raw: [], adapter: [], observed: [] }; // total per run
    const pairTurnMs: Samples = { raw: [], adapter: [], observed: [] }; // per turn, all runs
    for (let run = 0; run < RUNS; run++) {
      const turns = await call("pairsRound", PAIRS, CHUNK, run);
      for (const v of VARIANTS) {
        pairMs[v].push(turns[v].reduce((a, b) => a + b, 0));
        pairTurnMs[v].push(...turns[v]);
      }
    }

    await call("fill", ENTRIES);
    await call("readAllRound", 0); // warm-up
    const readMs: Samples = { raw: [], adapter: [], observed: [] };
    for (let run = 0; run < READ_ROUNDS; run++) {
      const round = await call("readAllRound", run);
      for (const v of VARIANTS) {
        if (round[v].count !== ENTRIES) throw new Error(`${v} readAll saw ${round[v].count} entries, expected ${ENTRIES}`);
        readMs[v].push(round[v].ms);
      }
    }
    const observed = await call("observed");
    if (observed.events === 0 || observed.lastOp !== "readAllEntries") {
      throw new Error(`the observer did not report the calls (${JSON.stringify(observed)}): the observed variant did not run`);
    }
    if (pageErrors.length) throw new Error(`errors in the bench page: ${pageErrors.join("; ")}`);

    const pairsPerSecond = (ms: number[]) => (PAIRS / median(ms)) * 1000;
    const entriesPerSecond = (ms: number[]) => (ENTRIES / median(ms)) * 1000;
    // Sample i of every variant was measured side by side with sample i of the others.
    const ratioOf = (s: Samples, v: BenchVariant) => median(s[v].map((ms, i) => ms / s.raw[i]));
    return {
      suite: "adapters",
      rows: [
        row(`write+read pairs/s, raw idb-keyval (${PAIRS} pairs)`, pairsPerSecond(pairMs.raw), "pairs/s"),
        row("write+read pairs/s, IndexedDBAdapter", pairsPerSecond(pairMs.adapter), "pairs/s"),
        row("write+read pairs/s, observeStorage(IndexedDBAdapter)", pairsPerSecond(pairMs.observed), "pairs/s"),
        row("write+read time ratio, adapter / raw", ratioOf(pairTurnMs, "adapter"), "×", 1.2),
        row("write+read time ratio, observed / raw", ratioOf(pairTurnMs, "observed"), "×", 1.3),
        row(`readAllEntries entries/s, raw idb-keyval entries() (${ENTRIES})`, entriesPerSecond(readMs.raw), "entries/s"),
        row("readAllEntries entries/s, IndexedDBAdapter (streamed)", entriesPerSecond(readMs.adapter), "entries/s"),
        row("readAllEntries entries/s, observeStorage(IndexedDBAdapter)", entriesPerSecond(readMs.observed), "entries/s"),
        row("readAllEntries time ratio, adapter / raw", ratioOf(readMs, "adapter"), "×"),
        row("readAllEntries time ratio, observed / raw", ratioOf(readMs, "observed"), "×"),
      ],
      details: { runs: RUNS, pairs: PAIRS, chunk: CHUNK, entries: ENTRIES, readRounds: READ_ROUNDS, pairMs, pairTurnMs, readMs },
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export default suite;
