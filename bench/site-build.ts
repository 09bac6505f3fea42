import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The production build the browser suites measure: `PLAYGROUND_BENCH_DIST` when set (a build made
 * elsewhere, say `npx vitepress build --outDir /tmp/site`), else the repository's `.vitepress/dist`,
 * built first when it is missing.
 */
export function siteBuild(): string {
  const override = process.env.PLAYGROUND_BENCH_DIST;
  if (override) return override;
  const dist = join(REPO_ROOT, ".vitepress/dist");
  if (!existsSync(join(dist, "index.html"))) {
    console.log("No production build in .vitepress/dist: building it (npx vitepress build)…");
    execFileSync("npx", ["vitepress", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  }
  return dist;
}
