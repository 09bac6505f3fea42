/** What every page carries before anything loads: the home page's strip and the placeholders of the playground and the comparison views. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import { hero as enHero } from "../en/hero";
import { embed as enEmbed } from "../en/embed";
import { compareEmbed as enCompareEmbed } from "../en/compare-embed";
import { hero as esHero } from "../es/hero";
import { embed as esEmbed } from "../es/embed";
import { compareEmbed as esCompareEmbed } from "../es/compare-embed";

/** The home page's traffic strip. */
export const HERO_STRINGS: Record<Locale, LocaleStrings["hero"]> = { en: enHero, es: esHero };
/** The docs-page placeholder of the playground. */
export const EMBED_STRINGS: Record<Locale, LocaleStrings["embed"]> = { en: enEmbed, es: esEmbed };
/** The docs-page cards of the comparison views. */
export const COMPARE_EMBED_STRINGS: Record<Locale, LocaleStrings["compareEmbed"]> = { en: enCompareEmbed, es: esCompareEmbed };
