/** The site config's words: VitePress locales, theme labels, markdown labels, search (Node, at build time). */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import * as en from "../en";
import * as es from "../es";

/** The VitePress locale config of each language. */
export const SITE_STRINGS: Record<Locale, LocaleStrings["site"]> = { en: en.site, es: es.site };
/** Theme landmarks and buttons. */
export const THEME_LABELS: Record<Locale, LocaleStrings["themeLabels"]> = { en: en.themeLabels, es: es.themeLabels };
/** Copy buttons and heading anchors in rendered markdown. */
export const MARKDOWN_LABELS: Record<Locale, LocaleStrings["markdownLabels"]> = { en: en.markdownLabels, es: es.markdownLabels };
/** The search box. */
export const SEARCH_STRINGS: Record<Locale, LocaleStrings["search"]> = { en: en.search, es: es.search };
