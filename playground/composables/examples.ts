import type { Locale } from "../i18n/locale";

/**
 * The example programs, one source for the docs and the playground. Loaded lazily as raw text: picking an
 * example fetches only that file.
 */
const sources = import.meta.glob<string>("../examples/*/*.ts", { query: "?raw", import: "default" });

/** Reading order for the picker; examples not listed here follow, by name. */
const ORDER = ["pizza", "pizza-memory", "lazy", "keys-user", "keys-user-chat", "multi", "enhance-timeout", "enhance-migrations", "storage-indexeddb"];

function parse(path: string): { name: string; locale: string } | undefined {
  const match = /\/examples\/([\w-]+)\/(\w+)\.ts$/.exec(path);
  return match ? { name: match[1], locale: match[2] } : undefined;
}

/** Names of the examples that exist, in reading order. */
export const EXAMPLE_NAMES: string[] = [
  ...new Set(
    Object.keys(sources)
      .map((path) => parse(path)?.name)
      .filter((name): name is string => !!name),
  ),
].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

/** The default example. */
export const DEFAULT_EXAMPLE = EXAMPLE_NAMES.includes("pizza") ? "pizza" : (EXAMPLE_NAMES[0] ?? "pizza");

/** Whether `name` is an example that exists. */
export function isExample(name: string | null | undefined): name is string {
  return !!name && EXAMPLE_NAMES.includes(name);
}

/** The source of `name` in `locale`, falling back to English when that locale has no file. */
export async function loadExample(name: string, locale: Locale): Promise<string> {
  const load = sources[`../examples/${name}/${locale}.ts`] ?? sources[`../examples/${name}/en.ts`];
  if (!load) throw new Error(`There is no example named "${name}".`);
  return load();
}
