/**
 * The bundle's entry point: a one-line module that loads the reader's program, so the way it loads it decides
 * the program's semantics. An ES module (a program with `import` or `export`) is imported and runs at the
 * bundle's top level, as in any bundler. A CommonJS program (one written with `require()`, or with no module
 * syntax at all, which Node also runs as CommonJS) is required: esbuild then wraps its body in a function, as
 * Node's module wrapper does, so what CommonJS allows there works, such as declaring the same function twice
 * (grammY's session guide shows three alternative `getSessionKey` functions that way).
 */
import type { Loader, Plugin } from "esbuild-wasm";

/** How the entry loads the program: as an ES module, or as CommonJS. */
export type ProgramFormat = "esm" | "cjs";

/** The entry module's notional file name; the reader's code never names it, so it cannot be imported. */
export const ENTRY_FILE = "<session-lab entry>";

/** The path the program gets in the build: absolute, so that it is named exactly `filename` in maps and messages. */
export function programPath(filename: string): string {
  return `/${filename}`;
}

/** The entry module's source, loading the program as `format`. */
export function entrySource(filename: string, format: ProgramFormat): string {
  const path = JSON.stringify(programPath(filename));
  return format === "esm" ? `import ${path};\n` : `require(${path});\n`;
}

/**
 * Serves the program to the entry, and only to it: an `import "/bot.ts"` in the program itself is left to the
 * plugins after this one (which refuse it).
 */
export function programPlugin(filename: string, code: string, loader: Loader): Plugin {
  const path = programPath(filename);
  const exactly = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  return {
    name: "session-lab-program",
    setup(build) {
      build.onResolve({ filter: exactly }, (args) => (args.importer === ENTRY_FILE ? { path } : undefined));
      build.onLoad({ filter: exactly, namespace: "file" }, () => ({ contents: code, loader }));
    },
  };
}
