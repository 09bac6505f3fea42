/**
 * Reads the scenario format (see `format.ts` for the grammar). Every line that is not a step, a
 * comment or blank is refused with its line number and a reason code; `errors.ts` words the
 * reasons in English and Spanish, so the parser stays free of UI text.
 */
import { LIMITS, PERSON_NAMES, PLACE_NAMES, type ChatPlace, type PersonName, type PlaceName, type Step } from "./format";

/** Why a line was refused, with what the message needs to explain it. */
export type ScenarioErrorReason =
  | { code: "missing-at" }
  | { code: "missing-colon" }
  | { code: "missing-person" }
  | { code: "unknown-person"; name: string }
  | { code: "missing-place" }
  | { code: "unknown-place"; place: string }
  | { code: "empty-message" }
  | { code: "message-too-long"; length: number }
  | { code: "empty-button" }
  | { code: "button-data-too-long"; bytes: number }
  | { code: "button-outside-chat"; place: "inline" | "poll" }
  | { code: "inline-query-too-long"; length: number }
  | { code: "bad-poll-option"; option: string }
  | { code: "duplicate-poll-option"; option: number };

/** A refused line: its 1-based number and the reason. */
export type ScenarioError = { line: number } & ScenarioErrorReason;

/** The outcome of {@link parseScenario}: every step, or every refused line (never some of each). */
export type ParseResult = { ok: true; steps: Step[] } | { ok: false; errors: ScenarioError[] };

type LineResult = { step: Step } | { error: ScenarioErrorReason } | null;

const BUTTON = /^\[button(?:\s+(.*?))?\s*\]$/i;

/** Parses a whole scenario. Steps keep the order of their lines. */
export function parseScenario(text: string): ParseResult {
  const steps: Step[] = [];
  const errors: ScenarioError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const result = parseLine(raw, line);
    if (result === null) return;
    if ("step" in result) steps.push(result.step);
    else errors.push({ line, ...result.error });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}

/** One line: a step, a refusal, or `null` for a blank line or a comment. */
function parseLine(raw: string, line: number): LineResult {
  const trimmed = raw.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return null;
  const at = trimmed.indexOf("@");
  if (at === -1) return { error: { code: "missing-at" } };
  const colon = trimmed.indexOf(":", at);
  if (colon === -1) return { error: { code: "missing-colon" } };
  const name = trimmed.slice(0, at).trim();
  if (name === "") return { error: { code: "missing-person" } };
  const person = lookup(PERSON_NAMES, name);
  if (!person) return { error: { code: "unknown-person", name } };
  const placeName = trimmed.slice(at + 1, colon).trim();
  if (placeName === "") return { error: { code: "missing-place" } };
  const place = lookup(PLACE_NAMES, placeName);
  if (!place) return { error: { code: "unknown-place", place: placeName } };
  return parseContent(person, place, trimmed.slice(colon + 1).trim(), line);
}

function lookup<T extends string>(names: readonly T[], given: string): T | undefined {
  return names.find((n) => n === given.toLowerCase());
}

function parseContent(person: PersonName, place: PlaceName, content: string, line: number): LineResult {
  const button = BUTTON.exec(content);
  if (place === "inline" || place === "poll") {
    if (button) return { error: { code: "button-outside-chat", place } };
    return place === "inline" ? parseInline(person, content, line) : parsePoll(person, content, line);
  }
  if (button) return parseButton(person, place, button[1] ?? "", line);
  if (content === "") return { error: { code: "empty-message" } };
  if (content.length > LIMITS.messageText) return { error: { code: "message-too-long", length: content.length } };
  return { step: { line, person, place, kind: "message", text: content } };
}

function parseButton(person: PersonName, place: ChatPlace, data: string, line: number): LineResult {
  if (data === "") return { error: { code: "empty-button" } };
  const bytes = new TextEncoder().encode(data).length;
  if (bytes > LIMITS.callbackDataBytes) return { error: { code: "button-data-too-long", bytes } };
  return { step: { line, person, place, kind: "button", data } };
}

function parseInline(person: PersonName, query: string, line: number): LineResult {
  if (query.length > LIMITS.inlineQuery) return { error: { code: "inline-query-too-long", length: query.length } };
  return { step: { line, person, place: "inline", kind: "inline", query } };
}

function parsePoll(person: PersonName, content: string, line: number): LineResult {
  const options: number[] = [];
  for (const token of content.split(/[\s,]+/).filter((t) => t !== "")) {
    const option = /^\d{1,2}$/.test(token) ? Number(token) : NaN;
    if (!(option < LIMITS.pollOptions)) return { error: { code: "bad-poll-option", option: token } };
    if (options.includes(option)) return { error: { code: "duplicate-poll-option", option } };
    options.push(option);
  }
  return { step: { line, person, place: "poll", kind: "poll", options } };
}
