/**
 * The locale registry: each language's folder (`locales/<lang>/`), part by part. Every table is a
 * `Record<Locale, …>` over `LOCALES` (`playground/i18n/locale.ts`), so a language listed there but
 * missing here, or a folder missing a part, is a type error that names what is missing.
 *
 * Each table reads its part by name (`en.hero`), never by a computed key, so a bundle takes only the
 * parts it uses: the docs-page placeholder carries `embed`, the compiler worker `compiler`, and none of
 * them the whole playground's strings.
 */
import type { Locale } from "../playground/i18n/locale";
import type { LocaleStrings } from "./types";
import * as en from "./en";
import * as es from "./es";

export { LOCALES, type Locale } from "../playground/i18n/locale";
export type { LocaleStrings } from "./types";

/** Every language's folder exports every part in its shape (a type check only: nothing here reaches a bundle). */
type Complete<Folders extends Record<Locale, LocaleStrings>> = Folders;
export type LocaleFolders = Complete<{ en: typeof en; es: typeof es }>;

/** The VitePress locale config of each language. */
export const SITE_STRINGS: Record<Locale, LocaleStrings["site"]> = { en: en.site, es: es.site };
/** Theme landmarks and buttons. */
export const THEME_LABELS: Record<Locale, LocaleStrings["themeLabels"]> = { en: en.themeLabels, es: es.themeLabels };
/** Copy buttons and heading anchors in rendered markdown. */
export const MARKDOWN_LABELS: Record<Locale, LocaleStrings["markdownLabels"]> = { en: en.markdownLabels, es: es.markdownLabels };
/** The search box. */
export const SEARCH_STRINGS: Record<Locale, LocaleStrings["search"]> = { en: en.search, es: es.search };
/** The home page's traffic strip. */
export const HERO_STRINGS: Record<Locale, LocaleStrings["hero"]> = { en: en.hero, es: es.hero };
/** The playground; components read it through `useMessages()`. */
export const PLAYGROUND_MESSAGES: Record<Locale, LocaleStrings["playground"]> = { en: en.playground, es: es.playground };
/** The docs-page placeholder of the playground. */
export const EMBED_STRINGS: Record<Locale, LocaleStrings["embed"]> = { en: en.embed, es: es.embed };
/** The compiler's messages. */
export const COMPILER_STRINGS: Record<Locale, LocaleStrings["compiler"]> = { en: en.compiler, es: es.compiler };
/** The code editor's own words. */
export const EDITOR_STRINGS: Record<Locale, LocaleStrings["editor"]> = { en: en.editor, es: es.editor };
/** The custom-update validator's sentences. */
export const VALIDATOR_MESSAGES: Record<Locale, LocaleStrings["validator"]> = { en: en.validator, es: es.validator };
/** The strict-vs-lazy and session-key views. */
export const COMPARISON_STRINGS: Record<Locale, LocaleStrings["comparison"]> = { en: en.comparison, es: es.comparison };
/** A comparison view's time-out sentences. */
export const DEADLINE_STRINGS: Record<Locale, LocaleStrings["deadlines"]> = { en: en.deadlines, es: es.deadlines };
/** The docs-page cards of the comparison views. */
export const COMPARE_EMBED_STRINGS: Record<Locale, LocaleStrings["compareEmbed"]> = { en: en.compareEmbed, es: es.compareEmbed };
