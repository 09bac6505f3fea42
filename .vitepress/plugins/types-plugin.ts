import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/** The id the editor imports (lazily) to get the declaration files. */
export const PLAYGROUND_TYPES_ID = "virtual:playground-types";
const RESOLVED_ID = "\0" + PLAYGROUND_TYPES_ID;

/** Where the files live in the editor's virtual file system; TypeScript resolves bare imports there. */
export const VIRTUAL_NODE_MODULES = "file:///node_modules/";

/** The package name the adapter's source is served under. */
export const ADAPTER_PACKAGE = "@session-lab/adapters-browser";

// Only what module resolution reads; the rest of a package.json (scripts, keywords…) is dead weight in the chunk.
const PACKAGE_FIELDS = ["name", "version", "type", "main", "module", "types", "typings", "exports", "typesVersions"];

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Options for {@link playgroundTypesPlugin} and {@link collectTypeFiles}. */
export interface PlaygroundTypesOptions {
  /** The repository root (holds `adapters-browser/` and `node_modules/`). Defaults to this file's repository. */
  root?: string;
}

/** One collected file: its address in the editor, and where it was read from (for the dev watcher). */
interface TypeFile {
  uri: string;
  content: string;
  source?: string;
}

/**
 * Serves `virtual:playground-types`: a module whose default export maps `file:///node_modules/...`
 * paths to the declarations of every package a playground program may import (grammy, its
 * `@grammyjs/types`, idb-keyval, and the adapter package's TypeScript source). The editor imports it
 * dynamically, so it becomes its own chunk that is only fetched once the Monaco editor is on screen.
 *
 * Wire it in `.vitepress/config.ts`: `vite: { plugins: [playgroundTypesPlugin()] }`.
 */
export function playgroundTypesPlugin(options: PlaygroundTypesOptions = {}): Plugin {
  const root = options.root ?? REPO_ROOT;
  return {
    name: "session-lab:playground-types",
    resolveId(id) {
      return id === PLAYGROUND_TYPES_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const files = readTypeFiles(root);
      // In dev, editing the adapter's source refreshes its types on the next load of the page.
      for (const file of files) if (file.source) this.addWatchFile(file.source);
      return typesModuleSource(toRecord(files));
    },
  };
}

/**
 * Reads every declaration file the editor needs, keyed by its `file:///node_modules/...` URI.
 * Fails loudly when a package is missing: an editor without grammY's types would look broken in
 * a way nobody would trace back to the build.
 */
export function collectTypeFiles(options: PlaygroundTypesOptions = {}): Record<string, string> {
  return toRecord(readTypeFiles(options.root ?? REPO_ROOT));
}

/** The JavaScript of the virtual module. JSON.parse of a string literal parses faster than an object literal this big. */
export function typesModuleSource(files: Record<string, string>): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(files))});\n`;
}

function readTypeFiles(root: string): TypeFile[] {
  const grammy = findPackage(root, "grammy");
  const grammyTypes = findPackage(grammy, "@grammyjs/types");
  const idbKeyval = findPackage(root, "idb-keyval");
  const files: TypeFile[] = [
    packageJson("grammy", grammy),
    ...declarations("grammy", grammy, "out"),
    packageJson("@grammyjs/types", grammyTypes),
    ...declarations("@grammyjs/types", grammyTypes, "."),
    packageJson("idb-keyval", idbKeyval),
    ...declarations("idb-keyval", idbKeyval, "dist"),
    ...adapterSource(join(root, "adapters-browser", "src")),
  ];
  return files;
}

function toRecord(files: TypeFile[]): Record<string, string> {
  const sorted = [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return Object.fromEntries(sorted.map((f) => [f.uri, f.content]));
}

/** Finds `node_modules/<name>` the way Node does: from `from` up to the file system root. */
function findPackage(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`playground types: package "${name}" not found from ${from}`);
  }
}

function packageJson(name: string, dir: string): TypeFile {
  const full = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  const kept = Object.fromEntries(PACKAGE_FIELDS.filter((k) => k in full).map((k) => [k, full[k]]));
  return { uri: `${VIRTUAL_NODE_MODULES}${name}/package.json`, content: JSON.stringify(kept) };
}

function declarations(name: string, packageDir: string, subdir: string): TypeFile[] {
  return walk(join(packageDir, subdir), (file) => file.endsWith(".d.ts"), []).map((file) => ({
    uri: `${VIRTUAL_NODE_MODULES}${name}/${toPosix(relative(packageDir, file))}`,
    content: readFileSync(file, "utf8"),
  }));
}

/**
 * The adapter package is served as its TypeScript source (it has no build in the repository), under
 * a package.json whose `types` points at `index.ts`. Tests and their helpers stay out.
 */
function adapterSource(srcDir: string): TypeFile[] {
  if (!existsSync(srcDir)) throw new Error(`playground types: ${srcDir} is missing`);
  const isSource = (file: string) => /\.(d\.)?ts$/.test(file) && !/\.(test|spec|bench)\.ts$/.test(file);
  const base = `${VIRTUAL_NODE_MODULES}${ADAPTER_PACKAGE}/`;
  const manifest = { name: ADAPTER_PACKAGE, type: "module", types: "./index.ts" };
  return [
    { uri: `${base}package.json`, content: JSON.stringify(manifest) },
    ...walk(srcDir, isSource, ["test", "tests", "__tests__"]).map((file) => ({
      uri: base + toPosix(relative(srcDir, file)),
      content: readFileSync(file, "utf8"),
      source: file,
    })),
  ];
}

function walk(dir: string, keep: (file: string) => boolean, skipDirs: string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.includes(entry.name) && entry.name !== "node_modules") out.push(...walk(path, keep, skipDirs));
    } else if (keep(path)) {
      out.push(path);
    }
  }
  return out;
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
