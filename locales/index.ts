/**
 * The locale registry: each language's folder (`locales/<lang>/`), part by part. Every table is a
 * `Record<Locale, …>` over `LOCALES` (`playground/i18n/locale.ts`), so a language listed there but
 * missing from a table, or a folder missing a part, is a type error that names what is missing.
 *
 * The tables sit in `tables/`, one module per bundle that carries them (the site config, every page,
 * the playground, the comparison views, the compiler worker), each importing its parts' files
 * directly: a module lands whole in one chunk, so one module for all the tables would put the
 * playground's strings on every docs page. Import the tables from here, except in code the theme
 * loads up front (`Playground.vue`, `SessionCompare.vue`, `HeroTraffic.vue`): VitePress puts every
 * module the theme imports statically into its chunk, re-exports included, so those import
 * `tables/page` itself.
 */
import type { Locale } from "../playground/i18n/locale";
import type { LocaleStrings } from "./types";
import type * as en from "./en";
import type * as es from "./es";

export { LOCALES, type Locale } from "../playground/i18n/locale";
export type { LocaleStrings } from "./types";
export { SITE_STRINGS, THEME_LABELS, MARKDOWN_LABELS, SEARCH_STRINGS } from "./tables/site";
export { HERO_STRINGS, EMBED_STRINGS, COMPARE_EMBED_STRINGS } from "./tables/page";
export { PLAYGROUND_MESSAGES, EDITOR_STRINGS, VALIDATOR_MESSAGES, EXPORT_STRINGS, LIVE_STRINGS } from "./tables/playground";
export {
  COMPARISON_STRINGS,
  CONCURRENCY_STRINGS,
  DEADLINE_STRINGS,
  SCENARIO_ERROR_STRINGS,
  VERDICT_STRINGS,
  PROGRAM_STRINGS,
  PRESET_STRINGS,
} from "./tables/compare";
export { COMPILER_STRINGS } from "./tables/compiler";

/** Every language's folder exports every part in its shape (a type check only: nothing here reaches a bundle). */
type Complete<Folders extends Record<Locale, LocaleStrings>> = Folders;
export type LocaleFolders = Complete<{ en: typeof en; es: typeof es }>;
