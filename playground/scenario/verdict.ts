/**
 * The plain-language summary under a comparison: who made fewer storage calls, and who wrote
 * fewer bytes, in every language. The numbers come from the tallies.
 */
import type { Localized } from "./format";
import { VERDICT_STRINGS } from "../../locales";
import { LOCALES, type Locale } from "../i18n/locale";

/** The totals a verdict speaks about. */
export interface VerdictTotals {
  calls: number;
  bytesWritten: number;
}

/** The words of a verdict in one language (`locales/<lang>/scenario.ts`). */
export interface VerdictStrings {
  n(value: number): string;
  calls(count: number): string;
  bytes(count: number): string;
  none(base: string, other: string): string;
  saved(other: string, saved: number, of: number): string;
  more(other: string, base: string, more: number, b: number, a: number): string;
  same(other: string, base: string, count: number): string;
  fewerBytes(other: string, fewer: number, b: number, a: number): string;
  moreBytes(other: string, more: number, b: number, a: number): string;
}

function sentence(words: VerdictStrings, base: string, a: VerdictTotals, other: string, b: VerdictTotals): string {
  if (a.calls === 0 && b.calls === 0) return words.none(base, other);
  const calls =
    b.calls < a.calls
      ? words.saved(other, a.calls - b.calls, a.calls)
      : b.calls > a.calls
        ? words.more(other, base, b.calls - a.calls, b.calls, a.calls)
        : words.same(other, base, a.calls);
  if (b.bytesWritten === a.bytesWritten) return calls;
  const bytes =
    b.bytesWritten < a.bytesWritten
      ? words.fewerBytes(other, a.bytesWritten - b.bytesWritten, b.bytesWritten, a.bytesWritten)
      : words.moreBytes(other, b.bytesWritten - a.bytesWritten, b.bytesWritten, a.bytesWritten);
  return `${calls} ${bytes}`;
}

/** The verdict on `other` measured against `base`, in every language. */
export function verdictOf(baseLabel: Localized, a: VerdictTotals, otherLabel: Localized, b: VerdictTotals): Localized {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = sentence(VERDICT_STRINGS[locale], baseLabel[locale], a, otherLabel[locale], b);
  return out;
}
