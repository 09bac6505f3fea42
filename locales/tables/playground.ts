/** The playground's words, loaded with it. */
import type { Locale } from "../../playground/i18n/locale";
import type { LocaleStrings } from "../types";
import { playground as enPlayground } from "../en/playground";
import { editor as enEditor } from "../en/editor";
import { validator as enValidator } from "../en/validator";
import { playground as esPlayground } from "../es/playground";
import { editor as esEditor } from "../es/editor";
import { validator as esValidator } from "../es/validator";
import { exportStrings as enExport } from "../en/export";
import { exportStrings as esExport } from "../es/export";
import { live as enLive } from "../en/live";
import { live as esLive } from "../es/live";

/** The playground; components read it through `useMessages()`. */
export const PLAYGROUND_MESSAGES: Record<Locale, LocaleStrings["playground"]> = { en: enPlayground, es: esPlayground };
/** The code editor's own words. */
export const EDITOR_STRINGS: Record<Locale, LocaleStrings["editor"]> = { en: enEditor, es: esEditor };
/** The custom-update validator's sentences. */
export const VALIDATOR_MESSAGES: Record<Locale, LocaleStrings["validator"]> = { en: enValidator, es: esValidator };
/** The export dialog, and the README and comments of the project it writes. */
export const EXPORT_STRINGS: Record<Locale, LocaleStrings["exportStrings"]> = { en: enExport, es: esExport };
/** The playground's live mode (the reader's own bot). */
export const LIVE_STRINGS: Record<Locale, LocaleStrings["live"]> = { en: enLive, es: esLive };
