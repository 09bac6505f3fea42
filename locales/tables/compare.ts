/** The comparison views' words, loaded with them. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import { comparison as enComparison } from "../en/comparison";
import { deadlines as enDeadlines } from "../en/deadlines";
import { concurrency as enConcurrency } from "../en/concurrency";
import { scenarioErrors as enScenarioErrors, verdict as enVerdict, programText as enProgramText } from "../en/scenario";
import { presets as enPresets } from "../en/presets";
import { comparison as esComparison } from "../es/comparison";
import { deadlines as esDeadlines } from "../es/deadlines";
import { concurrency as esConcurrency } from "../es/concurrency";
import { scenarioErrors as esScenarioErrors, verdict as esVerdict, programText as esProgramText } from "../es/scenario";
import { presets as esPresets } from "../es/presets";

/** The strict-vs-lazy and session-key views. */
export const COMPARISON_STRINGS: Record<Locale, LocaleStrings["comparison"]> = { en: enComparison, es: esComparison };
/** A comparison view's time-out sentences. */
export const DEADLINE_STRINGS: Record<Locale, LocaleStrings["deadlines"]> = { en: enDeadlines, es: esDeadlines };
/** The lost-update view. */
export const CONCURRENCY_STRINGS: Record<Locale, LocaleStrings["concurrency"]> = { en: enConcurrency, es: esConcurrency };
/** The scenario parser's refusals. */
export const SCENARIO_ERROR_STRINGS: Record<Locale, LocaleStrings["scenarioErrors"]> = { en: enScenarioErrors, es: esScenarioErrors };
/** The verdict under a comparison. */
export const VERDICT_STRINGS: Record<Locale, LocaleStrings["verdict"]> = { en: enVerdict, es: esVerdict };
/** The generated comparison programs' comments and reply. */
export const PROGRAM_STRINGS: Record<Locale, LocaleStrings["programText"]> = { en: enProgramText, es: esProgramText };
/** The ready-made scenarios' words. */
export const PRESET_STRINGS: Record<Locale, LocaleStrings["presets"]> = { en: enPresets, es: esPresets };
