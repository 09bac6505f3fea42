/**
 * What the compiler says in the reader's language: refused imports, its framing of esbuild's own messages,
 * and its failures. Each language's words are in `locales/<lang>/compiler.ts`; the compiler worker reads
 * them through the registry, which carries only this table into the worker's bundle.
 */
import { COMPILER_STRINGS } from "../../locales";
import type { Locale } from "./locale";

/** The compiler's words in one language. */
export interface CompilerStrings {
  /**
   * An import the playground cannot provide. `available` lists the modules it can; the text also names
   * grammY's deno.land URLs, which work too.
   */
  cannotImport(specifier: string, available: readonly string[]): string;
  /** Added after {@link cannotImport} when the import is a storage that lives on a server. */
  serverStorage(specifier: string): string;
  /** esbuild's own message (English, as esbuild wrote it), framed for this language. */
  esbuild(text: string): string;
  /** One of esbuild's notes that points at a line of the reader's code. */
  noteAtLine(text: string, line: number): string;
  /** Added to esbuild's "cannot be used … due to strict mode" errors, which CommonJS programs can meet. */
  strictMode: string;
  /** esbuild (its wasm) could not be loaded or started. */
  couldNotStart(reason: string): string;
  /** esbuild threw instead of reporting problems in the code. */
  crashed(reason: string): string;
  /** The compiler's worker died (or could not be created). */
  workerCrashed(reason: string): string;
  /** Why the worker died, when the browser says nothing. */
  workerFailedToLoad: string;
  /** Why the worker died, when a message from it could not be read. */
  messageUnreadable: string;
  /** Why the start failed (after {@link couldNotStart}): no sign of life for `seconds`, on every attempt. */
  startStalled(seconds: string): string;
  /** A compile got no answer within `seconds`; the worker is replaced. */
  compileTimedOut(seconds: string): string;
}

/** The compiler's strings for `locale`. */
export function compilerStrings(locale: Locale): CompilerStrings {
  return COMPILER_STRINGS[locale];
}
