import { PLAYGROUND_MESSAGES } from "../../locales";
import type { PlaygroundMessages } from "./messages";
import type { Locale } from "./locale";

export { toPlaygroundLocale, type Locale } from "./locale";

export type { PlaygroundMessages } from "./messages";

/** The playground's strings for `locale` (`locales/<lang>/playground.ts`); components read them through `useMessages()`. */
export function messagesFor(locale: Locale): PlaygroundMessages {
  return PLAYGROUND_MESSAGES[locale];
}

/** Bytes as "1.2 MB"/"1,2 MB", for the compiler's download progress. */
export function formatBytes(bytes: number, locale: Locale): string {
  const format = byteFormat(locale);
  if (bytes < 1024) return `${format.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes / 1024 / 1024)} MB`;
}

const byteFormats = new Map<Locale, Intl.NumberFormat>();

/** Building an `Intl.NumberFormat` is slow (tens of ms on a busy machine), and progress calls this per frame. */
function byteFormat(locale: Locale): Intl.NumberFormat {
  let format = byteFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    byteFormats.set(locale, format);
  }
  return format;
}
