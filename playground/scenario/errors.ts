/**
 * Puts the parser's refusals into words for readers (each language's sentences are in
 * `locales/<lang>/scenario.ts`). Each message names the line and says what to write instead.
 */
import { SCENARIO_ERROR_STRINGS } from "../../locales";
import type { ScenarioError, ScenarioErrorReason } from "./parse";
import type { Locale } from "../i18n/locale";

/** One sentence per refusal, and the word that starts each refused line ("Line 3: …"). */
export interface ScenarioErrorStrings {
  line: string;
  reasons: { [C in ScenarioErrorReason["code"]]: (reason: Extract<ScenarioErrorReason, { code: C }>) => string };
}

/** The reason alone, without the line number: "unknown person "dave" — use ana, ben or chloe". */
export function describeScenarioReason(reason: ScenarioErrorReason, locale: Locale): string {
  const reasons = SCENARIO_ERROR_STRINGS[locale].reasons;
  return (reasons[reason.code] as (r: ScenarioErrorReason) => string)(reason);
}

/** A refused line as a sentence: "Line 3: unknown person "dave" — use ana, ben or chloe". */
export function formatScenarioError(error: ScenarioError, locale: Locale): string {
  return `${SCENARIO_ERROR_STRINGS[locale].line} ${error.line}: ${describeScenarioReason(error, locale)}`;
}
