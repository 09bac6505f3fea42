// The package as a stranger gets it: `npm pack`, install the tarball into an empty folder, run it
// there with plain Node (no Vite, no "source" condition) and type-check against its .d.ts files.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installOffline } from "./pack/install-offline.js";
import { npmChildEnv } from "./pack/npm-env.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
// The registry packages come from the tree these tests run in (this folder's node_modules or, in the
// workspace, the repository's): npm's record of that tree pins their versions.
const repositoryModules = nodeModulesWith("grammy");
const lockfile = join(repositoryModules, ".package-lock.json");

// Packing builds dist/ with tsc first (prepack); on a busy two-core machine that and the install
// can take a while, so the limit is generous. Nothing here measures time.
const SLOW = 180_000;

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let work: string;
let tarball: string;
let packed: string[];
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "adapters-browser-pack-"));
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: packageDir,
    env: npmChildEnv(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  // prepack's own output goes to stderr; stdout is npm's JSON.
  const [result] = JSON.parse(out) as PackResult[];
  tarball = join(work, result.filename);
  packed = result.files.map((file) => file.path).sort();

  app = join(work, "app");
  mkdirSync(app);
  // installOffline warns (with npm's error) when it had to fall back from npm ci to unpacking.
  installOffline({
    dir: app,
    tarball,
    manifest: join(packageDir, "package.json"),
    lockfile,
    alongside: ["grammy", "fake-indexeddb"],
    repositoryModules,
  });
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds the license, the readme, the changelog and the built entry points with their types", () => {
    for (const file of ["LICENSE", "README.md", "CHANGELOG.md", "package.json"]) expect(packed).toContain(file);
    for (const entry of ["index", "observe", "values"]) {
      expect(packed).toContain(`dist/${entry}.js`);
      expect(packed).toContain(`dist/${entry}.d.ts`);
    }
  });

  it("holds nothing from the tests, the configs or the JSR manifest", () => {
    expect(packed.filter((file) => /^test\/|\.test\.|vitest|tsconfig|jsr\.json/.test(file))).toEqual([]);
  });

  it("installs into an empty folder and runs a grammY bot there with its entry points", () => {
    copyFileSync(join(packageDir, "test", "pack", "consumer.mjs"), join(app, "consumer.mjs"));
    const out = execFileSync(process.execPath, ["consumer.mjs"], { cwd: app, encoding: "utf8" });
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result).toEqual({
      stored: { pizzas: ["margherita", "funghi"] },
      // Strict sessions: a read per update, a write when a handler touched the session.
      ops: ["read", "write", "read", "read", "write"],
      memoryOps: ["write", "read"],
      refused: "UnstorableValueError",
      sameObserveAtRoot: true,
      copied: { greet: "[Function greet]", n: 1 },
    });
  }, SLOW);

  it("type-checks a TypeScript consumer against the published declarations (NodeNext)", () => {
    copyFileSync(join(packageDir, "test", "pack", "consumer-types.ts"), join(app, "consumer-types.ts"));
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ["consumer-types.ts"],
      }),
    );
    const tsc = join(require.resolve("typescript/package.json"), "..", "bin", "tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  }, SLOW);
});

/** The node_modules folder Node would load `name` from, starting at this package (grammY's exports hide its package.json). */
function nodeModulesWith(name: string): string {
  for (let dir = packageDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules", name, "package.json"))) return join(dir, "node_modules");
    if (dirname(dir) === dir) throw new Error(`${name} is not installed where ${packageDir} can see it`);
  }
}
