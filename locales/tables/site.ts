/** The site config's words: VitePress locales, theme labels, markdown labels, search (Node, at build time). */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import { site as enSite } from "../en/site";
import { themeLabels as enThemeLabels, markdownLabels as enMarkdownLabels } from "../en/labels";
import { search as enSearch } from "../en/search";
import { site as esSite } from "../es/site";
import { themeLabels as esThemeLabels, markdownLabels as esMarkdownLabels } from "../es/labels";
import { search as esSearch } from "../es/search";

/** The VitePress locale config of each language. */
export const SITE_STRINGS: Record<Locale, LocaleStrings["site"]> = { en: enSite, es: esSite };
/** Theme landmarks and buttons. */
export const THEME_LABELS: Record<Locale, LocaleStrings["themeLabels"]> = { en: enThemeLabels, es: esThemeLabels };
/** Copy buttons and heading anchors in rendered markdown. */
export const MARKDOWN_LABELS: Record<Locale, LocaleStrings["markdownLabels"]> = { en: enMarkdownLabels, es: esMarkdownLabels };
/** The search box. */
export const SEARCH_STRINGS: Record<Locale, LocaleStrings["search"]> = { en: enSearch, es: esSearch };
