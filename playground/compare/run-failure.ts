/**
 * Why a comparison run failed, as the run's status says it: a wait that ran out of time in the page's
 * language with the way to try again, anything else as the error reported it (the sandbox's own words).
 */
import { DeadlineError } from "../scenario/deadline";
import type { ComparisonStrings } from "./strings/comparison";
import { describeDeadline } from "./strings/deadlines";
import { errorMessage } from "../error-text";
import type { Locale } from "../i18n/locale";

/** The failure of a strict-vs-lazy or keys run, for `t.status.failed` (after a run, the button reads "Run again"). */
export function describeRunFailure(error: unknown, locale: Locale, t: ComparisonStrings): string {
  if (error instanceof DeadlineError) return describeDeadline(error, locale, t.editor.runAgain);
  return errorMessage(error);
}
