/**
 * The plain-language summary under a comparison: who made fewer storage calls, and who wrote
 * fewer bytes, in English and Spanish. Only wording: the numbers come from the tallies.
 */
import type { Localized } from "./format";
import { LOCALES, type Locale } from "../i18n/locale";

/** The totals a verdict speaks about. */
export interface VerdictTotals {
  calls: number;
  bytesWritten: number;
}

const numberFormats = {
  en: new Intl.NumberFormat("en-US"),
  es: new Intl.NumberFormat("es-ES"),
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Words {
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

const en: Words = {
  n: (v) => numberFormats.en.format(v),
  calls: (c) => (c === 1 ? "storage call" : "storage calls"),
  bytes: (c) => (c === 1 ? "byte" : "bytes"),
  none: (base, other) => `Neither ${base} nor ${other} called the storage.`,
  saved: (other, saved, of) => `${capitalize(other)} saved ${en.n(saved)} of ${en.n(of)} ${en.calls(of)}.`,
  more: (other, base, more, b, a) => `${capitalize(other)} made ${en.n(more)} more ${en.calls(more)} than ${base}: ${en.n(b)} instead of ${en.n(a)}.`,
  same: (other, base, count) => `${capitalize(other)} and ${base} made the same number of storage calls: ${en.n(count)}.`,
  fewerBytes: (other, fewer, b, a) => `${capitalize(other)} wrote ${en.n(fewer)} fewer ${en.bytes(fewer)}: ${en.n(b)} instead of ${en.n(a)}.`,
  moreBytes: (other, more, b, a) => `${capitalize(other)} wrote ${en.n(more)} more ${en.bytes(more)}: ${en.n(b)} instead of ${en.n(a)}.`,
};

const es: Words = {
  n: (v) => numberFormats.es.format(v),
  calls: (c) => (c === 1 ? "llamada" : "llamadas"),
  bytes: (c) => (c === 1 ? "byte" : "bytes"),
  none: (base, other) => `Ni ${base} ni ${other} llamaron al almacenamiento.`,
  saved: (other, saved, of) => `${capitalize(other)} ahorró ${es.n(saved)} de ${es.n(of)} ${es.calls(of)} al almacenamiento.`,
  more: (other, base, more, b, a) =>
    `${capitalize(other)} hizo ${es.n(more)} ${es.calls(more)} más al almacenamiento que ${base}: ${es.n(b)} en vez de ${es.n(a)}.`,
  same: (other, base, count) => `${capitalize(other)} y ${base} hicieron las mismas llamadas al almacenamiento: ${es.n(count)}.`,
  fewerBytes: (other, fewer, b, a) => `${capitalize(other)} escribió ${es.n(fewer)} ${es.bytes(fewer)} menos: ${es.n(b)} en vez de ${es.n(a)}.`,
  moreBytes: (other, more, b, a) => `${capitalize(other)} escribió ${es.n(more)} ${es.bytes(more)} más: ${es.n(b)} en vez de ${es.n(a)}.`,
};

const WORDS: Record<Locale, Words> = { en, es };

function sentence(words: Words, base: string, a: VerdictTotals, other: string, b: VerdictTotals): string {
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
  for (const locale of LOCALES) out[locale] = sentence(WORDS[locale], baseLabel[locale], a, otherLabel[locale], b);
  return out;
}
