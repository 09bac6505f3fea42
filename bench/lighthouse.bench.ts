import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_ARGS, ensureChromium } from "../scripts/chromium";
import { serveStatic } from "../scripts/serve";
import { siteBuild } from "./site-build";
import { floorRow, median, row, type BenchRow, type BenchSuite } from "./types";

// Lighthouse (its Node API, the desktop preset: simulated fast connection, no CPU slowdown) on the production
// build served locally, for /playground/ and a plain guide page, taken in turns in the same run so that a busy
// machine weighs on both alike. Lighthouse resets the cache and storage before each audit, so every run is a
// first visit. BENCH_LIGHTHOUSE_RUNS sets how many audits per page (medians are reported).
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

/** The pages audited: the tool, and a guide page with no playground on it, for scale. */
const PAGES = { playground: "/playground/", guide: "/sessions/" } as const;
type PageName = keyof typeof PAGES;

/**
 * The audits the performance score is made of, and two that say where time and shifts come from. Only
 * these: the others read every script's body, which the DevTools protocol times out on for the playground's
 * large files when the machine is busy, and none of them counts towards the score.
 */
const AUDITS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "long-tasks",
  "layout-shifts",
];

/** One audit's numbers (times in ms, CLS unitless, score 0–100). */
interface Audit {
  score: number;
  tbt: number;
  lcp: number;
  cls: number;
  fcp: number;
  speedIndex: number;
  /** The longest main-thread tasks Lighthouse saw, with what ran in them, to tell where blocking time comes from. */
  longTasks: { url: string; startMs: number; durationMs: number }[];
  /** The largest layout shifts: what moved (a CSS selector) and by how much, to tell where CLS comes from. */
  shifts: { element: string; score: number }[];
}

const suite: BenchSuite = async () => {
  const site = await serveStatic(siteBuild());
  const chrome = await chromeLauncher.launch({
    chromePath: ensureChromium(),
    chromeFlags: [...CHROMIUM_ARGS, "--headless=new"],
  });
  const audits: Record<PageName, Audit[]> = { playground: [], guide: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const name of Object.keys(PAGES) as PageName[]) {
        audits[name].push(await audit(`${site.url}${PAGES[name]}`, chrome.port));
      }
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  const rows: BenchRow[] = [];
  for (const name of Object.keys(PAGES) as PageName[]) {
    const runs = audits[name];
    const m = (pick: (a: Audit) => number) => median(runs.map(pick));
    const path = PAGES[name];
    if (name === "playground") {
      rows.push(floorRow(`${path} Lighthouse desktop performance (median)`, m((a) => a.score), "score", 90));
      rows.push(row(`${path} cumulative layout shift (median)`, m((a) => a.cls), "", 0.02));
    } else {
      rows.push(row(`${path} Lighthouse desktop performance (median)`, m((a) => a.score), "score"));
      rows.push(row(`${path} cumulative layout shift (median)`, m((a) => a.cls), ""));
    }
    rows.push(row(`${path} total blocking time (median)`, m((a) => a.tbt), "ms"));
    rows.push(row(`${path} largest contentful paint (median)`, m((a) => a.lcp), "ms"));
    rows.push(row(`${path} first contentful paint (median)`, m((a) => a.fcp), "ms"));
    rows.push(row(`${path} speed index (median)`, m((a) => a.speedIndex), "ms"));
  }
  const scores = (name: PageName) => median(audits[name].map((a) => a.score));
  rows.push(row(`${PAGES.playground} score ÷ ${PAGES.guide} score`, scores("playground") / scores("guide"), "×"));
  return { suite: "lighthouse", rows, details: audits };
};

export default suite;

/** Tries an audit again when Lighthouse itself failed (on a busy machine its DevTools calls can time out). */
async function audit(url: string, port: number, attempts = 3): Promise<Audit> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyAudits: AUDITS }, desktopConfig);
  const lhr = result?.lhr;
  if (!lhr || lhr.runtimeError) {
    const why = lhr?.runtimeError?.message ?? "no result";
    if (attempts > 1) {
      console.warn(`Lighthouse could not audit ${url} (${why}); trying again.`);
      return audit(url, port, attempts - 1);
    }
    throw new Error(`Lighthouse could not audit ${url}: ${why}`);
  }
  const value = (id: string) => {
    const numeric = lhr.audits[id]?.numericValue;
    if (typeof numeric !== "number") throw new Error(`Lighthouse gave no ${id} for ${url}`);
    return numeric;
  };
  const longTasks = ((lhr.audits["long-tasks"]?.details as { items?: { url: string; startTime: number; duration: number }[] })?.items ?? [])
    .slice(0, 8)
    .map((t) => ({ url: t.url, startMs: Math.round(t.startTime), durationMs: Math.round(t.duration) }));
  type ShiftItem = { node?: { selector?: string; snippet?: string }; score: number };
  const shifts = ((lhr.audits["layout-shifts"]?.details as { items?: ShiftItem[] })?.items ?? [])
    .slice(0, 5)
    .map((s) => ({ element: s.node?.selector ?? s.node?.snippet ?? "?", score: Number(s.score.toFixed(4)) }));
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: value("total-blocking-time"),
    lcp: value("largest-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    fcp: value("first-contentful-paint"),
    speedIndex: value("speed-index"),
    longTasks,
    shifts,
  };
}
