/** The compiler worker's words: the only strings its bundle carries. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import * as en from "../en";
import * as es from "../es";

/** The compiler's messages. */
export const COMPILER_STRINGS: Record<Locale, LocaleStrings["compiler"]> = { en: en.compiler, es: es.compiler };
