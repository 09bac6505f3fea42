import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectTypeFiles, PLAYGROUND_TYPES_ID, playgroundTypesPlugin, typesModuleSource } from "../../../.vitepress/plugins/types-plugin";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const files = collectTypeFiles();

describe("collectTypeFiles", () => {
  it("holds grammy's entry points and the session declarations, as they are on disk", () => {
    expect(files["file:///node_modules/grammy/out/mod.d.ts"]).toBe(readFileSync(`${root}/node_modules/grammy/out/mod.d.ts`, "utf8"));
    expect(files["file:///node_modules/grammy/out/web.d.ts"]).toBeDefined();
    expect(files["file:///node_modules/grammy/out/types.d.ts"]).toBeDefined();
    const session = files["file:///node_modules/grammy/out/convenience/session.d.ts"];
    expect(session).toContain("export declare function lazySession");
    expect(session).toContain("SessionFlavor");
  });

  it("keeps the package.json fields module resolution reads, and nothing else", () => {
    const grammy = JSON.parse(files["file:///node_modules/grammy/package.json"]!);
    expect(grammy.exports["./web"].types).toBe("./out/web.d.ts");
    expect(grammy.types).toBe("./out/mod.d.ts");
    expect(grammy.scripts).toBeUndefined();
    expect(grammy.devDependencies).toBeUndefined();
  });

  it("holds @grammyjs/types and idb-keyval declarations", () => {
    expect(files["file:///node_modules/@grammyjs/types/update.d.ts"]).toContain("interface Update");
    expect(files["file:///node_modules/idb-keyval/dist/index.d.ts"]).toContain("export declare function get");
    expect(JSON.parse(files["file:///node_modules/idb-keyval/package.json"]!).exports["."].types).toBe("./dist/index.d.ts");
  });

  it("serves the adapter's source under its package name, without tests", () => {
    const manifest = JSON.parse(files["file:///node_modules/@session-lab/adapters-browser/package.json"]!);
    expect(manifest).toMatchObject({ name: "@session-lab/adapters-browser", types: "./index.ts" });
    expect(files["file:///node_modules/@session-lab/adapters-browser/index.ts"]).toBe(
      readFileSync(`${root}/adapters-browser/src/index.ts`, "utf8"),
    );
    expect(Object.keys(files).filter((k) => /\.test\.ts$/.test(k))).toEqual([]);
  });

  it("contains only files under the virtual node_modules, in a stable order", () => {
    const keys = Object.keys(files);
    expect(keys.every((k) => k.startsWith("file:///node_modules/"))).toBe(true);
    expect(keys).toEqual([...keys].sort());
  });

  it("fails with the package's name when a package is missing", () => {
    expect(() => collectTypeFiles({ root: "/nonexistent-root" })).toThrow(/grammy/);
  });
});

describe("playgroundTypesPlugin", () => {
  it("resolves the virtual id and loads a module whose default export is the file map", async () => {
    const plugin = playgroundTypesPlugin();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => string | undefined;
    const resolved = resolveId(PLAYGROUND_TYPES_ID);
    expect(resolved).toBeDefined();
    expect(resolveId("vue")).toBeUndefined();
    const watched: string[] = [];
    const source = load.call({ addWatchFile: (f) => watched.push(f) }, resolved!);
    expect(source).toBe(typesModuleSource(files));
    expect(watched).toContain(`${root}adapters-browser/src/index.ts`.replace(/\/\//g, "/"));
    const url = `data:text/javascript;base64,${Buffer.from(source!).toString("base64")}`;
    const loaded = (await import(/* @vite-ignore */ url)) as { default: Record<string, string> };
    expect(loaded.default).toEqual(files);
  });
});
