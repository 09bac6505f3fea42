/** The playground's words, loaded with it. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import * as en from "../en";
import * as es from "../es";

/** The playground; components read it through `useMessages()`. */
export const PLAYGROUND_MESSAGES: Record<Locale, LocaleStrings["playground"]> = { en: en.playground, es: es.playground };
/** The code editor's own words. */
export const EDITOR_STRINGS: Record<Locale, LocaleStrings["editor"]> = { en: en.editor, es: es.editor };
/** The custom-update validator's sentences. */
export const VALIDATOR_MESSAGES: Record<Locale, LocaleStrings["validator"]> = { en: en.validator, es: es.validator };
