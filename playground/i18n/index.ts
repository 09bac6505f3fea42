import { en } from "./en";
import { es } from "./es";
import type { PlaygroundMessages } from "./messages";
import type { PlaygroundLocale } from "./locale";

export { toPlaygroundLocale, type PlaygroundLocale } from "./locale";

export type { PlaygroundMessages } from "./messages";


/** The strings for `locale`. */
export function messagesFor(locale: PlaygroundLocale): PlaygroundMessages {
  return locale === "es" ? es : en;
}


/** Bytes as "1.2 MB"/"1,2 MB", for the compiler's download progress. */
export function formatBytes(bytes: number, locale: PlaygroundLocale): string {
  const format = byteFormat(locale);
  if (bytes < 1024) return `${format.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes / 1024 / 1024)} MB`;
}

const byteFormats = new Map<PlaygroundLocale, Intl.NumberFormat>();

/** Building an `Intl.NumberFormat` is slow (tens of ms on a busy machine), and progress calls this per frame. */
function byteFormat(locale: PlaygroundLocale): Intl.NumberFormat {
  let format = byteFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === "es" ? "es-ES" : "en-US", { maximumFractionDigits: 1 });
    byteFormats.set(locale, format);
  }
  return format;
}
