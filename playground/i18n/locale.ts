/**
 * Which language the playground speaks, and how it is found from a page's `lang`. Kept apart from the
 * strings so the lightweight embed on every guide page can ask without loading them.
 */

/**
 * The languages of the site and its playground, in the order the language menu lists them. English is
 * the default: a page whose language is not listed gets English. Example files are named after them
 * (`pizza/es.ts`), and every string table is a `Record<Locale, …>`, so adding a language here makes
 * TypeScript list every string that is missing for it.
 */
export const LOCALES = ["en", "es"] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** `path` (starting with "/") on the site in `locale`: English at the root, other languages under `/<locale>`. */
export function localePath(locale: Locale, path: string): string {
  return locale === "en" ? path : `/${locale}${path}`;
}

/** Maps a page language (`"es"`, `"es-ES"`, `"en-US"`) to a playground locale; anything but Spanish is English. */
export function toPlaygroundLocale(lang: string | undefined): Locale {
  const primary = lang?.toLowerCase().split("-")[0];
  return LOCALES.find((locale) => locale === primary) ?? "en";
}
