/**
 * Swaps the playground's browser storage (`IndexedDBAdapter` from `@session-lab/adapters-browser`)
 * for a storage that exists on a server. IndexedDB is a browser API: a bot exported with it would
 * crash on its first update in Node or Deno, so every `new IndexedDBAdapter(…)` becomes the storage
 * the reader picked, and its import goes.
 */
import { freeName } from "./rewrite-token";
import { codeMask, escapeRegExp, findConstructions } from "./source-scan";
import type { ServerStorage } from "./strings";

/** The package the playground's browser adapter comes from. */
export const BROWSER_ADAPTER_PACKAGE = "@session-lab/adapters-browser";

/** The npm package each server storage needs, beside grammY (memory is grammY's own). */
export const STORAGE_PACKAGES: Record<ServerStorage, string | null> = {
  memory: null,
  file: "@grammyjs/storage-file",
  free: "@grammyjs/storage-free",
};

/** What {@link rewriteStorage} did. */
export interface StorageRewrite {
  /** The program with the browser adapter replaced (unchanged when it had none). */
  code: string;
  /** How many `new IndexedDBAdapter(…)` expressions were replaced. */
  replaced: number;
  /** Whether the program imported the browser adapter at all (then a storage choice matters). */
  usedBrowserStorage: boolean;
}

const IMPORT = new RegExp(
  `import\\s*\\{([^}]*)\\}\\s*from\\s*["']${escapeRegExp(BROWSER_ADAPTER_PACKAGE)}["'];?[ \\t]*`,
  "g",
);

/** The comments the rewrite leaves, in the page's language (without `//`). */
export interface StorageWords {
  /** Lines left where the import was: what replaced the browser adapter, and why. */
  comment: string[];
  /** Added at the end of each line whose adapter was replaced, so a comment above it that still says
   * "IndexedDB" is not left unexplained. */
  lineNote: string;
  /** Above the small wrapper free storage gets: why it is there. */
  freeStorageWrapper: string[];
}

/** The wrapper that gives free storage the type grammY expects (see {@link freeStorageWrapper}). */
const FREE_SESSIONS = "freeSessionStorage";

/**
 * `code` with the browser adapter replaced by `storage`. `tokenVariable` is the variable holding the
 * token, used by free storage when the adapter is built before the bot exists (otherwise `bot.token`).
 */
export function rewriteStorage(
  code: string,
  storage: ServerStorage,
  words: StorageWords,
  tokenVariable: string,
): StorageRewrite {
  const imports = browserImports(code);
  if (imports.length === 0) return { code, replaced: 0, usedBrowserStorage: false };
  const localNames = imports.flatMap((found) => found.adapterNames);

  type Edit = { start: number; end: number; text: string };
  const edits: Edit[] = [];
  const bot = botDeclaration(code);
  const wrapper = freeName(code, FREE_SESSIONS);
  let replaced = 0;
  for (const name of localNames) {
    for (const { start, open, end } of findConstructions(code, name)) {
      const typeArguments = code.slice(start + `new ${name}`.length, open).trim();
      const tokenSource = bot !== null && start > bot.end ? `${bot.name}.token` : tokenVariable;
      edits.push({ start, end, text: construction(storage, typeArguments, tokenSource, wrapper) });
      const lineEnd = endOfLine(code, end);
      if (lineEnd !== null) edits.push({ start: lineEnd, end: lineEnd, text: ` // ${words.lineNote}` });
      replaced++;
    }
  }

  const needsMemoryImport = storage === "memory" && !importsFromGrammy(code, "MemorySessionStorage");
  imports.forEach((found, index) => {
    const lines =
      index === 0
        ? [
            ...(found.start > 0 ? [""] : []),
            ...words.comment.map((line) => `// ${line}`),
            ...importLines(storage, needsMemoryImport),
            ...(storage === "free" ? freeStorageWrapper(code, wrapper, words.freeStorageWrapper) : []),
          ]
        : [];
    const kept = found.otherSpecifiers;
    if (kept.length > 0) lines.push(`import { ${kept.join(", ")} } from "${BROWSER_ADAPTER_PACKAGE}";`);
    edits.push({ start: found.start, end: found.end, text: lines.join("\n") });
  });

  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return { code: result, replaced, usedBrowserStorage: true };
}

/**
 * Where a note can go after the expression ending at `end`: the end of its line, when the rest of
 * the line is only closing punctuation (no comment of its own, no further code); otherwise null.
 */
function endOfLine(code: string, end: number): number | null {
  const newline = code.indexOf("\n", end);
  const stop = newline === -1 ? code.length : newline;
  const rest = code.slice(end, stop);
  return /^[\s,;)}\]]*$/.test(rest) ? end + rest.trimEnd().length : null;
}

/**
 * The expression that builds `storage`, keeping the original's type arguments. Without them,
 * `MemorySessionStorage` gets `<any>`, as `IndexedDBAdapter` had in effect: TypeScript cannot infer its
 * type from a session's options (its `read` returns the value itself, not a promise, and inference
 * mixes the two), while `FileAdapter` and the free storage wrapper infer it as the browser adapter did.
 */
function construction(storage: ServerStorage, typeArguments: string, tokenSource: string, wrapper: string): string {
  switch (storage) {
    case "memory":
      return `new MemorySessionStorage${typeArguments === "" ? "<any>" : typeArguments}()`;
    case "file":
      return `new FileAdapter${typeArguments}({ dirName: "sessions" })`;
    case "free":
      return `${wrapper}${typeArguments}(${tokenSource})`;
  }
}

/**
 * A wrapper around `freeStorage`: @grammyjs/storage-free 2.6 declares `readAllKeys()` as returning a
 * promise, which grammY 1.46's `StorageAdapter` type refuses (it wants an iterable), so passing it to
 * `session()` fails `tsc`. grammY's sessions only read, write and delete, so the wrapper passes those on.
 */
function freeStorageWrapper(code: string, name: string, comment: string[]): string[] {
  const adapterType = importsFromGrammy(code, "StorageAdapter") ? [] : [`import type { StorageAdapter } from "grammy";`];
  return [
    ...adapterType,
    "",
    ...comment.map((line) => `// ${line}`),
    `function ${name}<T>(token: string): StorageAdapter<T> {`,
    "  const storage = freeStorage<T>(token);",
    "  return { read: (key) => storage.read(key), write: (key, value) => storage.write(key, value), delete: (key) => storage.delete(key) };",
    "}",
  ];
}

/** The import the replacement needs (none for memory when grammY's import already brings it). */
function importLines(storage: ServerStorage, needsMemoryImport: boolean): string[] {
  switch (storage) {
    case "memory":
      return needsMemoryImport ? [`import { MemorySessionStorage } from "grammy";`] : [];
    case "file":
      return [`import { FileAdapter } from "${STORAGE_PACKAGES.file}";`];
    case "free":
      return [`import { freeStorage } from "${STORAGE_PACKAGES.free}";`];
  }
}

interface BrowserImport {
  start: number;
  end: number;
  /** Local names of `IndexedDBAdapter` (itself, or its alias). */
  adapterNames: string[];
  /** The import's other specifiers, as written, kept in an import of their own. */
  otherSpecifiers: string[];
}

/** The program's named imports from the browser adapter package, in code (not in comments or strings). */
function browserImports(code: string): BrowserImport[] {
  const mask = codeMask(code);
  const found: BrowserImport[] = [];
  for (const match of code.matchAll(IMPORT)) {
    if (!mask[match.index]) continue;
    const adapterNames: string[] = [];
    const otherSpecifiers: string[] = [];
    for (const raw of match[1].split(",")) {
      const specifier = raw.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "").trim();
      if (specifier === "") continue;
      const parts = /^(?:type\s+)?(\w+)(?:\s+as\s+(\w+))?$/.exec(specifier);
      if (parts !== null && parts[1] === "IndexedDBAdapter" && !specifier.startsWith("type ")) {
        adapterNames.push(parts[2] ?? parts[1]);
      } else otherSpecifiers.push(specifier);
    }
    found.push({ start: match.index, end: match.index + match[0].length, adapterNames, otherSpecifiers });
  }
  return found;
}

/** The top-level `const bot = new Bot…` declaration: the variable's name and where it ends. */
function botDeclaration(code: string): { name: string; end: number } | null {
  const mask = codeMask(code);
  for (const match of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*new\s+Bot\b/g)) {
    if (!mask[match.index]) continue;
    const construction = findConstructions(code, "Bot").find((found) => found.start > match.index);
    if (construction !== undefined) return { name: match[1], end: construction.end };
  }
  return null;
}

/** Whether the program already imports `name` from grammY. */
function importsFromGrammy(code: string, name: string): boolean {
  for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']grammy["']/g)) {
    if (new RegExp(`(^|[\\s,])${escapeRegExp(name)}\\s*(,|$)`).test(match[1].trim())) return true;
  }
  return false;
}
