/** What every page carries before anything loads: the home page's strip and the placeholders of the playground and the comparison views. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import * as en from "../en";
import * as es from "../es";

/** The home page's traffic strip. */
export const HERO_STRINGS: Record<Locale, LocaleStrings["hero"]> = { en: en.hero, es: es.hero };
/** The docs-page placeholder of the playground. */
export const EMBED_STRINGS: Record<Locale, LocaleStrings["embed"]> = { en: en.embed, es: es.embed };
/** The docs-page cards of the comparison views. */
export const COMPARE_EMBED_STRINGS: Record<Locale, LocaleStrings["compareEmbed"]> = { en: en.compareEmbed, es: es.compareEmbed };
