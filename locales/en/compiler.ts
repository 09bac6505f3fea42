import type { CompilerStrings } from "../../playground/i18n/compiler";

/** Where the playground's IndexedDB adapter comes from. */
const ADAPTER = '"@session-lab/adapters-browser"';

/** "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** What the compiler says: refused imports, its framing of esbuild's messages, its failures. */
export const compiler: CompilerStrings = {
  cannotImport: (specifier, available) =>
    `Cannot import "${specifier}": the playground can import ${list(available)} (npm: too), ` +
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
