/** The compiler worker's words: the only strings its bundle carries. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import { compiler as enCompiler } from "../en/compiler";
import { compiler as esCompiler } from "../es/compiler";

/** The compiler's messages. */
export const COMPILER_STRINGS: Record<Locale, LocaleStrings["compiler"]> = { en: enCompiler, es: esCompiler };
