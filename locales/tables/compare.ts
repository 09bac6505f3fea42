/** The comparison views' words, loaded with them. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import * as en from "../en";
import * as es from "../es";

/** The strict-vs-lazy and session-key views. */
export const COMPARISON_STRINGS: Record<Locale, LocaleStrings["comparison"]> = { en: en.comparison, es: es.comparison };
/** A comparison view's time-out sentences. */
export const DEADLINE_STRINGS: Record<Locale, LocaleStrings["deadlines"]> = { en: en.deadlines, es: es.deadlines };
/** The lost-update view. */
export const CONCURRENCY_STRINGS: Record<Locale, LocaleStrings["concurrency"]> = { en: en.concurrency, es: es.concurrency };
/** The scenario parser's refusals. */
export const SCENARIO_ERROR_STRINGS: Record<Locale, LocaleStrings["scenarioErrors"]> = { en: en.scenarioErrors, es: es.scenarioErrors };
/** The verdict under a comparison. */
export const VERDICT_STRINGS: Record<Locale, LocaleStrings["verdict"]> = { en: en.verdict, es: es.verdict };
/** The generated comparison programs' comments and reply. */
export const PROGRAM_STRINGS: Record<Locale, LocaleStrings["programText"]> = { en: en.programText, es: es.programText };
