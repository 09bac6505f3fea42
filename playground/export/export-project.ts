/**
 * Turns a playground program into a project that runs on a server: the files of the zip, by path.
 * Pure (no DOM, no network), so the dialog, the unit tests and the test that runs an exported bot
 * all build the same files.
 */
import { EXPORT_STRINGS } from "../../locales";
import { localePath, type Locale } from "../i18n/locale";
import { normalizeImports } from "./normalize-imports";
import { rewriteStorage, STORAGE_PACKAGES } from "./rewrite-storage";
import { freeName, rewriteToken, TOKEN_VARIABLE } from "./rewrite-token";
import type { ExportRuntime, ServerStorage } from "./strings";
import { EXPORT_VERSIONS } from "./versions";

/** What to export. */
export interface ExportRequest {
  /** The program as it is in the editor. */
  code: string;
  /** The example it started from (`pizza`), which names the project and the zip. */
  example: string;
  /** The page's language: the README's and the generated comments' language. */
  locale: Locale;
  runtime: ExportRuntime;
  /** The server storage that replaces IndexedDB; ignored when the program does not use it. */
  storage: ServerStorage;
  /**
   * The site's address (`https://example.org/docs/`), so the project's links to the guide still lead
   * there once the zip is on the reader's disk. Without it they are site paths (`/sessions/storage`).
   */
  siteUrl?: string;
}

/** The guide's page on storage adapters, on Session Lab. */
export const STORAGE_PAGE = "/sessions/storage";

/** The zip's file name for `example`: `session-lab-pizza.zip`. */
export function exportFileName(example: string): string {
  return `session-lab-${projectName(example)}.zip`;
}

/** An export worked out: its files, and the facts about the program that the dialog tells the reader. */
export interface ExportPlan {
  /** Every file of the project, by path, as text. */
  files: Record<string, string>;
  /** Whether the program keeps sessions in the browser adapter, so the reader's pick of server storage matters. */
  usesBrowserStorage: boolean;
  /** Whether the program calls idb-keyval itself: the bot then needs a browser's IndexedDB until those calls change. */
  callsIdbKeyval: boolean;
}

/** Every file of the exported project, by path, as text. */
export function exportProject(request: ExportRequest): Record<string, string> {
  return planExport(request).files;
}

/** {@link exportProject}, with what it found out about the program on the way (one reading of the code). */
export function planExport(request: ExportRequest): ExportPlan {
  const words = EXPORT_STRINGS[request.locale];
  const path = localePath(request.locale, STORAGE_PAGE);
  const storagePage = request.siteUrl ? new URL(path.slice(1), request.siteUrl).href : path;
  const commands = COMMANDS[request.runtime];
  const names = { token: freeName(request.code, "token"), apiRoot: freeName(request.code, "apiRoot") };

  // Deno's spellings of grammY (deno.land URLs, `npm:`) become package names both runtimes resolve.
  const imports = normalizeImports(request.code);
  const storage = rewriteStorage(
    imports.code,
    request.storage,
    { comment: words.storageComment(request.storage, storagePage), lineNote: words.storageLineNote, freeStorageWrapper: words.freeStorageWrapper },
    names.token,
  );
  const token = rewriteToken(
    storage.code,
    request.runtime,
    {
      tokenComment: words.tokenComment,
      tokenMissing: words.tokenMissing(`${TOKEN_VARIABLE}=123456:ABC-DEF ${commands.start}`),
      apiRootComment: words.apiRootComment,
    },
    names,
  );
  const replaced = storage.usedBrowserStorage ? request.storage : null;
  const adapter = replaced === null ? null : STORAGE_PACKAGES[replaced];
  const browserOnly = imports.modules.has(IDB_KEYVAL);
  const packages = [adapter, imports.modules.has(RUNNER) ? RUNNER : null, browserOnly ? IDB_KEYVAL : null].filter((name) => name !== null);
  const grammySubpaths = [...imports.modules].some((module) => module.startsWith("grammy/"));

  const readme = words.readme({
    example: request.example,
    runtime: request.runtime,
    replaced,
    install: commands.install,
    start: commands.start,
    typecheck: commands.typecheck,
    storagePage,
    browserOnly,
  });
  const bot = token.code.endsWith("\n") ? token.code : `${token.code}\n`;
  // Each runtime's configuration first, then the files both runtimes share: the order the dialog lists them in.
  const shared = { "bot.ts": bot, "README.md": readme, ".gitignore": gitignore(replaced) };
  const files: Record<string, string> =
    request.runtime === "node"
      ? { "package.json": json(nodePackage(request.example, packages)), "tsconfig.json": json(NODE_TSCONFIG), ...shared }
      : { "deno.json": json(denoConfig(packages, grammySubpaths, replaced === "file")), ...shared };
  return { files, usesBrowserStorage: storage.usedBrowserStorage, callsIdbKeyval: browserOnly };
}

/** Installed packages, and the sessions file storage writes (people's data, not code). */
function gitignore(replaced: ServerStorage | null): string {
  return replaced === "file" ? "node_modules/\nsessions/\n" : "node_modules/\n";
}

/** The two commands of each runtime's README, and how to check the types. */
const COMMANDS: Record<ExportRuntime, { install: string; start: string; typecheck: string }> = {
  node: { install: "npm install", start: "npm start", typecheck: "npm run typecheck" },
  deno: { install: "deno install", start: "deno task start", typecheck: "deno check bot.ts" },
};

/** Strict like the playground's editor; NodeNext resolves the adapters' `.d.mts` types. */
const NODE_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
  },
  include: ["bot.ts"],
};

/** grammY's runner, which the playground lets programs import. */
const RUNNER = "@grammyjs/runner";

/**
 * idb-keyval, which the playground lets programs import (to write their own adapter, as the guide does).
 * It needs IndexedDB, so the export keeps it as a dependency (the project still type-checks) and says
 * that those calls must change before the bot runs on a server.
 */
const IDB_KEYVAL = "idb-keyval";

/** `package.json`: tsx starts the bot, TypeScript checks it, grammY and the packages it imports run it. */
function nodePackage(example: string, packages: string[]): object {
  const dependencies: Record<string, string> = { grammy: EXPORT_VERSIONS.grammy };
  for (const name of packages) dependencies[name] = versionOf(name);
  return {
    name: `session-lab-${projectName(example)}`,
    private: true,
    type: "module",
    scripts: { start: "tsx bot.ts", typecheck: "tsc --noEmit" },
    dependencies,
    devDependencies: {
      "@types/node": EXPORT_VERSIONS["@types/node"],
      tsx: EXPORT_VERSIONS.tsx,
      typescript: EXPORT_VERSIONS.typescript,
    },
  };
}

/**
 * `deno.json`: the same npm packages through `npm:` specifiers, and a `start` task with only the
 * permissions the bot needs (the network for Telegram, the environment for its token, and files for
 * file storage).
 */
function denoConfig(packages: string[], grammySubpaths: boolean, files: boolean): object {
  const imports: Record<string, string> = { grammy: `npm:grammy@${EXPORT_VERSIONS.grammy}` };
  // `grammy/types` and `grammy/web` need the prefix form of an import map entry.
  if (grammySubpaths) imports["grammy/"] = `npm:/grammy@${EXPORT_VERSIONS.grammy}/`;
  for (const name of packages) imports[name] = `npm:${name}@${versionOf(name)}`;
  const permissions = ["--allow-net", "--allow-env", ...(files ? ["--allow-read", "--allow-write"] : [])];
  return { tasks: { start: `deno run ${permissions.join(" ")} bot.ts` }, imports };
}

function versionOf(name: string): string {
  return EXPORT_VERSIONS[name as keyof typeof EXPORT_VERSIONS];
}

/** An npm-safe project name from the example's name. */
function projectName(example: string): string {
  const name = example.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return name === "" ? "bot" : name;
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
