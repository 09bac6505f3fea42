/**
 * The words of the export dialog and of the project it writes (comments in `bot.ts`, the README), one
 * object per language in `locales/<lang>/export.ts`.
 */

/** Where the exported bot keeps its sessions on a server, in place of the browser's IndexedDB. */
export type ServerStorage = "memory" | "file" | "free";

/** The server storages, in the order the dialog offers them. */
export const SERVER_STORAGES: readonly ServerStorage[] = ["memory", "file", "free"];

/** Which runtime the exported project is for. */
export type ExportRuntime = "node" | "deno";

/** What the README is written about. */
export interface ReadmeFacts {
  /** The example's name, as in `?example=`. */
  example: string;
  runtime: ExportRuntime;
  /** The storage that replaced IndexedDB, or null when the program did not use it. */
  replaced: ServerStorage | null;
  /** The commands that install the dependencies and start the bot. */
  install: string;
  start: string;
  /** The command that checks the types (Node only; null for Deno, whose `deno check` needs no install). */
  typecheck: string;
  /** The guide's storage page on Session Lab: the site's address, or a site path such as `/sessions/storage`. */
  storagePage: string;
  /** Whether the program calls idb-keyval itself, which needs a browser's IndexedDB. */
  browserOnly: boolean;
}

/** Every string of the export, dialog and generated files. */
export interface ExportStrings {
  /** The button that opens the dialog: its visible word, and its accessible name (which starts with that word). */
  open: string;
  openLabel: string;
  /** The dialog's heading. */
  title: string;
  /** One sentence under the heading: what the zip holds. */
  intro: string;
  /** Legend of the runtime radio group, and its two choices. */
  runtime: string;
  runtimeNode: string;
  runtimeDeno: string;
  /** Legend of the storage radio group. */
  storage: string;
  /** Why a choice is needed: the program keeps sessions in IndexedDB. */
  storageNeeded: string;
  /** Shown instead of the choice when the program does not use IndexedDB. */
  storageNotNeeded: string;
  /** A warning when the program calls idb-keyval itself: the export keeps those calls, and a server has no IndexedDB. */
  browserOnly: string;
  /** Each server storage's name and one-line description. */
  storageNames: Record<ServerStorage, string>;
  storageDescriptions: Record<ServerStorage, string>;
  /** Heading of the list of files the zip holds. */
  files: string;
  download: string;
  close: string;
  /** Said once the zip was handed to the browser. */
  downloaded: (fileName: string) => string;
  /** Said when the zip could not be made. */
  failed: (reason: string) => string;
  /** Comment lines above the lines of `bot.ts` that read the token (no `//`). */
  tokenComment: string[];
  /** Printed when BOT_TOKEN is missing; `start` is the command that starts the bot. */
  tokenMissing: (start: string) => string;
  /** Comment line above the optional BOT_API_ROOT (no `//`). */
  apiRootComment: string;
  /** Comment lines where the browser adapter's import was (no `//`): what replaced it and why. */
  storageComment: (storage: ServerStorage, storagePage: string) => string[];
  /** Comment at the end of a line whose browser adapter was replaced (no `//`): points to that comment. */
  storageLineNote: string;
  /** Comment lines (no `//`) above the small wrapper that gives free storage the type grammY expects. */
  freeStorageWrapper: string[];
  /** The exported project's README.md. */
  readme: (facts: ReadmeFacts) => string;
}
