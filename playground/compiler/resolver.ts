/**
 * Decides what an import in the user's program means. Pure, so it is tested without esbuild.
 *
 * The playground never bundles grammY: every allowed import becomes a tiny module that reads the sandbox's
 * registry at run time, so a compile stays fast and small whatever the program imports.
 */
import { compilerStrings } from "../i18n/compiler";
import { AVAILABLE_MODULES, MODULE_REGISTRY, type AvailableModule } from "../protocol";
import type { Locale } from "../i18n/locale";

/** What an import specifier resolves to: one of the playground's modules, or an error to show at the import. */
export type Resolution = { ok: true; module: AvailableModule } | { ok: false; message: string };

/**
 * grammY's Deno entry points (`https://deno.land/x/grammy/mod.ts`, with or without `@version`), so the Deno
 * tab of a sample runs unchanged.
 */
const DENO_GRAMMY = /^https:\/\/deno\.land\/x\/grammy(?:@[^/]+)?\/(mod|types)\.ts$/;

/** Deno's `npm:` specifiers: `npm:name[@version][/subpath]`, scoped names included. */
const NPM_SPECIFIER = /^npm:((?:@[^/@]+\/)?[^/@]+)(?:@[^/]+)?(\/.*)?$/;

function isAvailable(specifier: string): specifier is AvailableModule {
  return (AVAILABLE_MODULES as readonly string[]).includes(specifier);
}

/**
 * Storage that lives on a server: grammY's storage adapters (`@grammyjs/storage-free`, `-redis`, `-mongodb`…)
 * and the database clients they wrap. The browser can hold none of them.
 */
const SERVER_STORAGE_PACKAGE =
  /^(?:@grammyjs\/storage-.+|@deta\/.+|@supabase\/supabase-js|@prisma\/client|@google-cloud\/firestore|firebase-admin|ioredis|redis|mongodb|mongoose|pg|mysql2?|better-sqlite3|sqlite3|typeorm)$/;

/** grammY's storage adapters on deno.land, all in one repository. */
const DENO_GRAMMY_STORAGES = /^https:\/\/deno\.land\/x\/grammy_storages(?:@[^/]+)?\//;

/** The package an npm-style specifier names (`npm:` prefix, `@version` and subpath left out). */
function packageName(specifier: string): string {
  const bare = specifier.replace(/^npm:/, "");
  const match = /^((?:@[^/@]+\/)?[^/@]+)/.exec(bare);
  return match ? match[1]! : bare;
}

/** Whether `specifier` is a storage on a server, for which the refusal suggests memory or IndexedDB instead. */
export function isServerStorage(specifier: string): boolean {
  return DENO_GRAMMY_STORAGES.test(specifier) || SERVER_STORAGE_PACKAGE.test(packageName(specifier));
}

/**
 * The error text for an import the playground cannot provide, in `locale`: it names every module that is
 * available and grammY's deno.land URLs, and for a server's storage suggests memory or the IndexedDB adapter.
 */
export function unavailableMessage(specifier: string, locale: Locale = "en"): string {
  const strings = compilerStrings(locale);
  const refusal = strings.cannotImport(specifier, AVAILABLE_MODULES);
  return isServerStorage(specifier) ? `${refusal}\n${strings.serverStorage(specifier)}` : refusal;
}

/**
 * Maps an import specifier to a playground module, accepting Deno's spellings of the same modules; a refusal
 * is worded in `locale`.
 */
export function resolveSpecifier(specifier: string, locale: Locale = "en"): Resolution {
  if (isAvailable(specifier)) return { ok: true, module: specifier };

  const deno = DENO_GRAMMY.exec(specifier);
  if (deno) return { ok: true, module: deno[1] === "types" ? "grammy/types" : "grammy" };

  const npm = NPM_SPECIFIER.exec(specifier);
  if (npm) {
    const name = npm[1] + (npm[2] ?? "");
    if (isAvailable(name)) return { ok: true, module: name };
  }

  return { ok: false, message: unavailableMessage(specifier, locale) };
}

/**
 * The source of the virtual module standing in for `module`. It is CommonJS on purpose: esbuild's interop then
 * turns `import { Bot } from "grammy"` into a property read on the registry's namespace, named imports included.
 */
export function registryShim(module: AvailableModule): string {
  const registry = `globalThis[${JSON.stringify(MODULE_REGISTRY)}]`;
  const name = JSON.stringify(module);
  // A clear failure beats "cannot read properties of undefined" when a sandbox forgets a module.
  return [
    `var registry = ${registry};`,
    `if (!registry || !(${name} in registry)) throw new Error("The playground sandbox does not provide " + ${JSON.stringify(name)} + ".");`,
    `module.exports = registry[${name}];`,
    "",
  ].join("\n");
}
