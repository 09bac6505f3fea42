/**
 * Words the parser's refusals for readers, in English and in Spanish (addressing the reader as
 * "tú"). Each message names the line and says what to write instead.
 */
import { LIMITS, PERSON_NAMES, PLACE_NAMES } from "./format";
import type { ScenarioError, ScenarioErrorReason } from "./parse";
import type { Locale } from "../i18n/locale";

const quoteEn = (s: string) => `"${s}"`;
const quoteEs = (s: string) => `«${s}»`;

/** The two words the refusals share: "or" in "a, b or c", and the "Line" that starts each one. */
const WORDS: Record<Locale, { or: string; line: string }> = { en: { or: "or", line: "Line" }, es: { or: "o", line: "Línea" } };

/** "a, b or c" / "a, b o c". */
function listOf(items: readonly string[], locale: Locale): string {
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(", ")} ${WORDS[locale].or} ${last}`;
}

const EXAMPLE = "ana @ group: I love 🍕";

type Reasons = { [C in ScenarioErrorReason["code"]]: (reason: Extract<ScenarioErrorReason, { code: C }>) => string };

const en: Reasons = {
  "missing-at": () => `expected "person @ place: text", like "${EXAMPLE}", but there is no "@"`,
  "missing-colon": () => `expected a ":" after the place, like "${EXAMPLE}"`,
  "missing-person": () => `no person before "@" — use ${listOf(PERSON_NAMES, "en")}`,
  "unknown-person": (r) => `unknown person ${quoteEn(r.name)} — use ${listOf(PERSON_NAMES, "en")}`,
  "missing-place": () => `no place between "@" and ":" — use ${listOf(PLACE_NAMES, "en")}`,
  "unknown-place": (r) => `unknown place ${quoteEn(r.place)} — use ${listOf(PLACE_NAMES, "en")}`,
  "empty-message": () => `the message is empty — write some text after ":", or "[button data]" to press a button`,
  "message-too-long": (r) => `the message has ${r.length} characters; Telegram allows at most ${LIMITS.messageText}`,
  "empty-button": () => `the button has no callback data — write it like "[button pizza:add]"`,
  "button-data-too-long": (r) => `the button's callback data has ${r.bytes} bytes; Telegram allows 1 to ${LIMITS.callbackDataBytes}`,
  "button-outside-chat": (r) => `buttons are pressed in a chat, not at ${quoteEn(r.place)} — use private, group or group2`,
  "inline-query-too-long": (r) => `the inline query has ${r.length} characters; Telegram allows at most ${LIMITS.inlineQuery}`,
  "bad-poll-option": (r) =>
    `${quoteEn(r.option)} is not a poll option — write option numbers from 0 to ${LIMITS.pollOptions - 1}, like "0" or "0, 2", or nothing to retract the vote`,
  "duplicate-poll-option": (r) => `option ${r.option} is chosen twice — name each option once`,
};

const es: Reasons = {
  "missing-at": () => `se esperaba «persona @ lugar: texto», como «${EXAMPLE}», pero falta la «@»`,
  "missing-colon": () => `falta «:» después del lugar; escríbelo como «${EXAMPLE}»`,
  "missing-person": () => `no hay nadie antes de «@»; usa ${listOf(PERSON_NAMES, "es")}`,
  "unknown-person": (r) => `no conozco a la persona ${quoteEs(r.name)}; usa ${listOf(PERSON_NAMES, "es")}`,
  "missing-place": () => `no hay lugar entre «@» y «:»; usa ${listOf(PLACE_NAMES, "es")}`,
  "unknown-place": (r) => `no conozco el lugar ${quoteEs(r.place)}; usa ${listOf(PLACE_NAMES, "es")}`,
  "empty-message": () => `el mensaje está vacío; escribe algo de texto después de «:», o «[button datos]» para pulsar un botón`,
  "message-too-long": (r) => `el mensaje tiene ${r.length} caracteres; Telegram admite como máximo ${LIMITS.messageText}`,
  "empty-button": () => `el botón no tiene datos de callback; escríbelo como «[button pizza:add]»`,
  "button-data-too-long": (r) => `los datos de callback del botón ocupan ${r.bytes} bytes; Telegram admite de 1 a ${LIMITS.callbackDataBytes}`,
  "button-outside-chat": (r) => `los botones se pulsan en un chat, no en ${quoteEs(r.place)}; usa private, group o group2`,
  "inline-query-too-long": (r) => `la consulta inline tiene ${r.length} caracteres; Telegram admite como máximo ${LIMITS.inlineQuery}`,
  "bad-poll-option": (r) =>
    `${quoteEs(r.option)} no es una opción de la encuesta; escribe números de opción del 0 al ${LIMITS.pollOptions - 1}, como «0» o «0, 2», o nada para retirar el voto`,
  "duplicate-poll-option": (r) => `eliges la opción ${r.option} dos veces; nombra cada opción una sola vez`,
};

const REASONS: Record<Locale, Reasons> = { en, es };

/** The reason alone, without the line number: "unknown person "dave" — use ana, ben or chloe". */
export function describeScenarioReason(reason: ScenarioErrorReason, locale: Locale): string {
  const reasons = REASONS[locale];
  return (reasons[reason.code] as (r: ScenarioErrorReason) => string)(reason);
}

/** A refused line as a sentence: "Line 3: unknown person "dave" — use ana, ben or chloe". */
export function formatScenarioError(error: ScenarioError, locale: Locale): string {
  return `${WORDS[locale].line} ${error.line}: ${describeScenarioReason(error, locale)}`;
}
