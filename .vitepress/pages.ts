/**
 * The guide's pages, in reading order. Both locales share the slugs; only the titles differ.
 * Tests walk this list, so a page missing in one language fails them.
 */
export const GUIDE_PAGES = [
  "sessions/",
  "sessions/usage",
  "sessions/keys",
  "sessions/storage",
  "sessions/lazy",
  "sessions/multi",
  "sessions/enhance",
] as const;

/** Every page of the site, relative to a locale's root ("" is the home page). */
export const ALL_PAGES = ["", ...GUIDE_PAGES] as const;

export type PageSlug = (typeof ALL_PAGES)[number];
