/**
 * One compile of the user's program. Shared by the compiler worker (esbuild-wasm) and the Node tests (native
 * esbuild): both packages have the same API, so the tests exercise exactly what the browser runs.
 */
import type { BuildFailure, Loader } from "esbuild-wasm";
import type { Diagnostic } from "../protocol";
import { toDiagnostic } from "./diagnostics";
import { registryPlugin } from "./registry-plugin";

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

/**
 * Bundles `code` (the single file `filename`) into an ES2022 module whose imports read the sandbox's registry.
 * Build failures (syntax errors, unavailable imports) come back as diagnostics; anything else esbuild throws
 * (it crashed) is rethrown.
 */
export async function bundleProgram(esbuild: Esbuild, code: string, filename: string): Promise<BundleResult> {
  try {
    const result = await esbuild.build({
      stdin: { contents: code, sourcefile: filename, loader: loaderFor(filename) },
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
      plugins: [registryPlugin()],
    });
    const js = result.outputFiles.find((file) => file.path.endsWith(OUTFILE));
    const map = result.outputFiles.find((file) => file.path.endsWith(`${OUTFILE}.map`));
    if (!js || !map) throw new Error("esbuild produced no bundle");
    return {
      ok: true,
      code: js.text,
      map: map.text,
      warnings: result.warnings.map((warning) => toDiagnostic(warning, "warning", filename)),
    };
  } catch (error) {
    if (!isBuildFailure(error)) throw error;
    return {
      ok: false,
      diagnostics: [
        ...error.errors.map((message) => toDiagnostic(message, "error", filename)),
        ...error.warnings.map((message) => toDiagnostic(message, "warning", filename)),
      ],
    };
  }
}
