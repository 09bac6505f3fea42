// Deno is not installed where these tests run, so `deno publish --dry-run` cannot check jsr.json;
// this file checks what it would: the JSR manifest agrees with package.json, points at TypeScript
// sources that exist, maps every bare import, and the sources have no "slow types".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const read = (file: string) => readFileSync(join(root, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  name: string;
  version: string;
  license: string;
  files: string[];
  repository: { url: string; directory: string };
  homepage: string;
  bugs: { url: string };
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  exports: Record<string, string | { source: string; types: string; default: string }>;
};
const jsr = JSON.parse(read("jsr.json")) as {
  name: string;
  version: string;
  license: string;
  exports: Record<string, string>;
  imports: Record<string, string>;
  publish: { include: string[]; exclude: string[] };
};
const sources = readdirSync(join(root, "src")).filter((f) => f.endsWith(".ts")).map((f) => join(root, "src", f));
const importsOf = (file: string) =>
  ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map((i) => i.fileName);
const codeExports = Object.entries(pkg.exports).filter(
  (entry): entry is [string, { source: string; types: string; default: string }] => typeof entry[1] !== "string",
);

describe("package.json", () => {
  it("says where the package lives, whose it is and where to report bugs", () => {
    expect(pkg.license).toBe("MIT");
    expect(pkg.repository.directory).toBe(basename(root));
    expect(pkg.homepage).toContain(pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, ""));
    expect(pkg.bugs.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
    expect(read("LICENSE")).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Session Lab contributors\n/);
    for (const file of ["LICENSE", "README.md", "CHANGELOG.md", "dist"]) expect(pkg.files).toContain(file);
  });

  it("has a changelog entry for the version it carries", () => {
    expect(read("CHANGELOG.md")).toMatch(new RegExp(`^## \\[?${pkg.version.replace(/\./g, "\\.")}\\]? - \\d{4}-\\d{2}-\\d{2}$`, "m"));
  });

  it("builds each entry point's source to the dist files its conditions name", () => {
    for (const [, target] of codeExports) {
      expect(existsSync(join(root, target.source))).toBe(true);
      const stem = target.source.replace(/^\.\/src\//, "./dist/").replace(/\.ts$/, "");
      expect(target).toEqual({ source: target.source, types: `${stem}.d.ts`, default: `${stem}.js` });
    }
  });

  it.each([
    ["observe", ["grammy"]],
    ["values", []],
  ])("keeps idb-keyval out of the %s entry point's module graph", (entry, bareImports) => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
        else bare.add(spec);
      }
    };
    visit(join(root, "src", `${entry}.ts`));
    expect(seen.size).toBeGreaterThan(1);
    expect([...bare]).toEqual(bareImports);
  });
});

describe("jsr.json", () => {
  it("names the same package, version and license as package.json", () => {
    expect({ name: jsr.name, version: jsr.version, license: jsr.license }).toEqual({
      name: pkg.name,
      version: pkg.version,
      license: pkg.license,
    });
  });

  it("exports the same entry points, as the TypeScript sources npm's `source` condition names", () => {
    expect(jsr.exports).toEqual(Object.fromEntries(codeExports.map(([path, target]) => [path, target.source])));
  });

  it("maps every bare import in src to npm at the range package.json asks for", () => {
    const ranges = { ...pkg.dependencies, ...pkg.peerDependencies };
    const bare = new Set(sources.flatMap(importsOf).filter((spec) => !spec.startsWith(".")));
    expect([...bare].sort()).toEqual(Object.keys(jsr.imports).sort());
    for (const name of bare) expect(jsr.imports[name]).toBe(`npm:${name}@${ranges[name]}`);
  });

  it("imports siblings as ./x.js next to an x.ts, which `jsr publish` resolves (sloppy imports)", () => {
    for (const file of sources) {
      for (const spec of importsOf(file).filter((s) => s.startsWith("."))) {
        expect(spec, `${basename(file)} imports ${spec}`).toMatch(/^\.\/[\w-]+\.js$/);
        expect(existsSync(resolve(dirname(file), spec.replace(/\.js$/, ".ts"))), spec).toBe(true);
      }
    }
  });

  it("publishes the sources, readme, changelog and license, and nothing from the tests or the build", () => {
    expect(jsr.publish.include).toEqual(expect.arrayContaining(["src/**/*.ts", "README.md", "CHANGELOG.md", "LICENSE"]));
    expect(jsr.publish.exclude).toEqual(expect.arrayContaining(["dist", "test"]));
    expect(jsr.publish.include.filter((glob) => /test|dist/.test(glob))).toEqual([]);
  });

  it("has no slow types: every exported declaration can be emitted from its own file", () => {
    const problems = sources.flatMap((file) => {
      const result = ts.transpileDeclaration(readFileSync(file, "utf8"), {
        fileName: file,
        compilerOptions: { isolatedDeclarations: true, strict: true, target: ts.ScriptTarget.ES2022 },
        reportDiagnostics: true,
      });
      return (result.diagnostics ?? []).map(
        (d) => `${basename(file)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
    });
    expect(problems).toEqual([]);
  });
});

describe("README", () => {
  const readme = read("README.md");
  const rowOf = (first: string) => readme.split("\n").find((line) => line.startsWith(`| ${first} |`)) ?? "";

  it("lists every IndexedDBAdapter option with the default its doc comment gives", () => {
    const file = ts.createSourceFile("a.ts", read("src/indexeddb-adapter.ts"), ts.ScriptTarget.Latest, true);
    const options = file.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "IndexedDBAdapterOptions",
    );
    const members = options?.members.filter(ts.isPropertySignature) ?? [];
    expect(members.length).toBeGreaterThan(0);
    const plain = (text: string) => text.replace(/[`_,.]/g, "").trim();
    for (const member of members) {
      const name = member.name.getText(file);
      const doc = ts.getJSDocCommentsAndTags(member).map((d) => d.getText(file)).join(" ");
      const declared = /Default (`[^`]+`|[\d,]+)/.exec(doc)?.[1];
      expect(declared, `${name} documents its default`).toBeDefined();
      const cells = rowOf(`\`${name}\``).split("|").map((cell) => cell.trim());
      expect(plain(cells[2] ?? ""), `README row for ${name}`).toBe(plain(declared!));
    }
  });

  it.each(["observe", "values"])("lists every name the %s entry point exports in its row of the entry-point table", (entry) => {
    const row = rowOf(`\`@session-lab/adapters-browser/${entry}\``);
    const names = read(`src/${entry}.ts`)
      .match(/export \{[^}]+\}/g)!
      .flatMap((block) => block.slice(8, -1).split(","))
      .map((name) => name.replace(/^\s*type\s+/, "").trim())
      .filter(Boolean);
    expect(names.length).toBeGreaterThan(4);
    for (const name of names) expect(row, name).toContain(`\`${name}\``);
  });

  it("documents installing from npm and from JSR, under the names the manifests carry", () => {
    expect(readme).toContain(`npm install ${pkg.name} grammy`);
    expect(readme).toContain(`deno add jsr:${jsr.name}`);
    for (const path of Object.keys(jsr.exports)) {
      expect(readme).toContain(`"jsr:${jsr.name}${path === "." ? "" : path.slice(1)}"`);
    }
  });
});
