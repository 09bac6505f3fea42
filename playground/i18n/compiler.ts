/**
 * What the compiler says in the reader's language: refused imports, its framing of esbuild's own messages,
 * and its failures. Kept apart from the full string tables because the compiler worker imports it, and the
 * worker should carry these few strings, not the whole playground's.
 */
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

/** Where the playground's IndexedDB adapter comes from, the same in both languages. */
const ADAPTER = '"@session-lab/adapters-browser"';

/** "a, b and c" in English, "a, b y c" in Spanish ("e" before an "i" sound, as Spanish writes it). */
function list(items: readonly string[], locale: Locale): string {
  if (items.length < 2) return items.join("");
  const last = items[items.length - 1]!;
  const and = locale === "en" ? "and" : /^h?i[^aeiou]/i.test(last) ? "e" : "y";
  return `${items.slice(0, -1).join(", ")} ${and} ${last}`;
}

const en: CompilerStrings = {
  cannotImport: (specifier, available) =>
    `Cannot import "${specifier}": the playground can import ${list(available, "en")} (npm: too), ` +
    "and grammY from deno.land (https://deno.land/x/grammy/mod.ts or types.ts, any version).",
  serverStorage: (specifier) =>
    `"${specifier}" keeps sessions on a server; the playground runs in your browser. Use grammY's memory ` +
    `(no storage option) or IndexedDBAdapter from ${ADAPTER}.`,
  esbuild: (text) => text,
  noteAtLine: (text, line) => `${text} (line ${line})`,
  strictMode: "The playground runs every program in strict mode, CommonJS programs too.",
  couldNotStart: (reason) => `The compiler could not start: ${reason}`,
  crashed: (reason) => `The compiler crashed: ${reason}`,
  workerCrashed: (reason) => `The compiler worker crashed: ${reason}`,
  workerFailedToLoad: "it failed to load or threw",
  messageUnreadable: "a message could not be read",
  startStalled: (seconds) => `it stopped answering for ${seconds} s, twice. Try again, or reload the page.`,
  compileTimedOut: (seconds) => `The compiler did not answer within ${seconds} s. Try again: it starts afresh.`,
};

const es: CompilerStrings = {
  cannotImport: (specifier, available) =>
    `No se puede importar "${specifier}": el playground puede importar ${list(available, "es")} (también con npm:), ` +
    "y grammY desde deno.land (https://deno.land/x/grammy/mod.ts o types.ts, de cualquier versión).",
  serverStorage: (specifier) =>
    `"${specifier}" guarda las sesiones en un servidor; el playground se ejecuta en tu navegador. Usa la ` +
    `memoria de grammY (sin la opción storage) o IndexedDBAdapter de ${ADAPTER}.`,
  esbuild: (text) => `El compilador (esbuild) dice: ${text}`,
  noteAtLine: (text, line) => `${text} (línea ${line})`,
  strictMode: "El playground ejecuta todos los programas en modo estricto, también los de CommonJS.",
  couldNotStart: (reason) => `El compilador no pudo arrancar: ${reason}`,
  crashed: (reason) => `El compilador falló: ${reason}`,
  workerCrashed: (reason) => `El worker del compilador falló: ${reason}`,
  workerFailedToLoad: "no se pudo cargar o lanzó un error",
  messageUnreadable: "no se pudo leer uno de sus mensajes",
  startStalled: (seconds) => `dejó de responder durante ${seconds} s, dos veces. Vuelve a intentarlo o recarga la página.`,
  compileTimedOut: (seconds) => `El compilador no respondió en ${seconds} s. Vuelve a intentarlo: arrancará de nuevo.`,
};

/** The compiler's strings for `locale`. */
export function compilerStrings(locale: Locale): CompilerStrings {
  return STRINGS[locale];
}

const STRINGS: Record<Locale, CompilerStrings> = { en, es };
