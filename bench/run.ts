import { mkdirSync, writeFileSync, readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchResult, BenchSuite } from "./types";

// `npm run bench` runs every suite; `npm run bench -- adapters playground` runs the ones named.
const here = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""));
const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const suites = asked.length ? asked : available;
const unknown = suites.filter((s) => !available.includes(s));
if (unknown.length) {
  console.error(`Unknown bench suite(s): ${unknown.join(", ")}. Available: ${available.join(", ")}`);
  process.exit(2);
}

const results: (BenchResult & { load: { before: number; after: number; cores: number } })[] = [];
const loadText = () => loadavg().map((n) => n.toFixed(2)).join(", ");
let failed = false;
for (const name of suites) {
  console.log(`\n▶ ${name} (load average ${loadText()} on ${cpus().length} cores)`);
  const suite: BenchSuite = (await import(`./${name}.bench.ts`)).default;
  const loadBefore = loadavg()[0];
  const result = await suite();
  // Numbers measured on a busy machine are not comparable with a quiet run: keep the load beside them.
  results.push({ ...result, load: { before: loadBefore, after: loadavg()[0], cores: cpus().length } });
  console.log(`load average after ${name}: ${loadText()}`);
  console.table(
    result.rows.map((r) => ({
      metric: r.metric,
      value: Number(r.value.toFixed(3)),
      unit: r.unit,
      budget: r.budget === undefined ? "" : `${r.floor ? "≥" : "≤"} ${r.budget}`,
      within: r.ok === undefined ? "" : r.ok ? "yes" : "NO",
    })),
  );
  failed ||= result.rows.some((r) => r.ok === false);
}

mkdirSync(`${here}/results`, { recursive: true });
const file = `${here}/results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
console.log(`\nResults written to ${file}`);
if (failed) {
  console.log("Some numbers are over budget (marked NO).");
  process.exitCode = 1;
}
