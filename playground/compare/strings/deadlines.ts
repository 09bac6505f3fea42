/**
 * What a comparison view says when a wait ran out of time ({@link DeadlineError}): what did not answer,
 * after how long, and how to try again. Each language's sentences are in `locales/<lang>/deadlines.ts`.
 */
import { DEADLINE_STRINGS } from "../../../locales";
import { seconds, type DeadlineError, type WaitKind } from "../../scenario/deadline";
import type { Locale } from "../../i18n/locale";

/** One sentence per kind of wait (`s` is the formatted number of seconds), and the retry hint. */
export type DeadlineStrings = { [K in WaitKind]: (s: string, update?: number) => string } & { retry(button: string): string };

const numbers = new Map<Locale, Intl.NumberFormat>();

/** "the worker did not finish within 20 s. Press “Run again” to try again." in `locale`; `button` is the retry button's label. */
export function describeDeadline(error: DeadlineError, locale: Locale, button: string): string {
  const words = DEADLINE_STRINGS[locale];
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale)));
  return `${words[error.waitingFor](format.format(seconds(error.ms)), error.updateNumber)} ${words.retry(button)}`;
}
