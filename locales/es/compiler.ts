import type { CompilerStrings } from "../../playground/i18n/compiler";

/** Where the playground's IndexedDB adapter comes from. */
const ADAPTER = '"@session-lab/adapters-browser"';

/** "a, b y c" ("e" before an "i" sound, as Spanish writes it). */
function list(items: readonly string[]): string {
  if (items.length < 2) return items.join("");
  const last = items[items.length - 1]!;
  return `${items.slice(0, -1).join(", ")} ${/^h?i[^aeiou]/i.test(last) ? "e" : "y"} ${last}`;
}

/** What the compiler says: refused imports, its framing of esbuild's messages, its failures. */
export const compiler: CompilerStrings = {
  cannotImport: (specifier, available) =>
    `No se puede importar "${specifier}": el playground puede importar ${list(available)} (también con npm:), ` +
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
