/**
 * Which language the playground speaks, and how it is found from a page's `lang`. Kept apart from the
 * strings so the lightweight embed on every guide page can ask without loading them.
 */

/** The languages the playground speaks; example files are named after them too (`pizza/es.ts`). */
export type PlaygroundLocale = "en" | "es";

/** Maps a page language (`"es"`, `"es-ES"`, `"en-US"`) to a playground locale; anything but Spanish is English. */
export function toPlaygroundLocale(lang: string | undefined): PlaygroundLocale {
  return lang?.toLowerCase().startsWith("es") ? "es" : "en";
}
