/**
 * One compile of the user's program. Shared by the compiler worker (esbuild-wasm) and the Node tests (native
 * esbuild): both packages have the same API, so the tests exercise exactly what the browser runs.
 */
import type { BuildFailure, BuildResult, Loader } from "esbuild-wasm";
import type { Diagnostic } from "../protocol";
import { toDiagnostic } from "./diagnostics";
import { ENTRY_FILE, entrySource, programPlugin, type ProgramFormat } from "./program-entry";
import { registryPlugin } from "./registry-plugin";
import type { Locale } from "../i18n/locale";

/** The part of esbuild's API a compile needs; `esbuild-wasm` and native `esbuild` both satisfy it. */
export type Esbuild = Pick<typeof import("esbuild-wasm"), "build">;

/** A compile's outcome: an ES module bundle and its external source map, or the reasons there is none. */
export type BundleResult =
  | { ok: true; code: string; map: string; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** The bundle's notional file name; with `write: false` nothing is written, but an external map needs one. */
const OUTFILE = "bundle.js";

function loaderFor(filename: string): Loader {
  if (filename.endsWith(".tsx")) return "tsx";
  if (filename.endsWith(".jsx")) return "jsx";
  return /\.[cm]?js$/.test(filename) ? "js" : "ts";
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors);
}

/** One build of the program, loaded by the entry as `format`; build failures are thrown as esbuild throws them. */
function build(esbuild: Esbuild, code: string, filename: string, format: ProgramFormat, locale: Locale) {
  return esbuild.build({
    stdin: { contents: entrySource(filename, format), sourcefile: ENTRY_FILE, loader: "js" },
    // Names the program exactly `filename` in messages and the source map, in Node as in the browser.
    absWorkingDir: "/",
    bundle: true,
    write: false,
    outfile: OUTFILE,
    format: "esm",
    platform: "browser",
    target: "es2022",
    sourcemap: "external",
    sourcesContent: true,
    minify: false,
    charset: "utf8",
    // Never look for a tsconfig on disk, so Node and the browser compile alike.
    tsconfigRaw: {},
    logLevel: "silent",
    // Tells which module syntax the program uses (see needsRequire).
    metafile: true,
    plugins: [programPlugin(filename, code, loaderFor(filename)), registryPlugin(locale)],
  });
}

/**
 * How the program must be loaded, from esbuild's reading of it in a build that imported it. esbuild calls a
 * file "esm" when it has `import`, `export` or top-level `await`, and "cjs" when it uses `module`, `exports`
 * or a top-level `return`; an imported "cjs" file is already wrapped as CommonJS. A file with none of these
 * (a program with only `require()` calls, or no module syntax) gets no format: Node runs such a file as
 * CommonJS, and so does the playground.
 */
function needsRequire(result: BuildResult<{ metafile: true }>, filename: string): boolean {
  return result.metafile.inputs[filename]?.format === undefined;
}

/**
 * Bundles `code` (the single file `filename`) into an ES2022 module whose imports read the sandbox's registry:
 * an ES module runs as one, a CommonJS program runs inside a function as in Node (see program-entry.ts).
 * Build failures (syntax errors, unavailable imports) come back as diagnostics, worded in `locale`; anything
 * else esbuild throws (it crashed) is rethrown.
 */
export async function bundleProgram(
  esbuild: Esbuild,
  code: string,
  filename: string,
  locale: Locale = "en",
): Promise<BundleResult> {
  try {
    let result = await build(esbuild, code, filename, "esm", locale);
    // Such a program was inlined at the bundle's top level; a second build wraps it.
    if (needsRequire(result, filename)) result = await build(esbuild, code, filename, "cjs", locale);
    const js = result.outputFiles.find((file) => file.path.endsWith(OUTFILE));
    const map = result.outputFiles.find((file) => file.path.endsWith(`${OUTFILE}.map`));
    if (!js || !map) throw new Error("esbuild produced no bundle");
    return {
      ok: true,
      code: js.text,
      map: map.text,
      warnings: result.warnings.map((warning) => toDiagnostic(warning, "warning", filename, locale)),
    };
  } catch (error) {
    if (!isBuildFailure(error)) throw error;
    return {
      ok: false,
      diagnostics: [
        ...error.errors.map((message) => toDiagnostic(message, "error", filename, locale)),
        ...error.warnings.map((message) => toDiagnostic(message, "warning", filename, locale)),
      ],
    };
  }
}
