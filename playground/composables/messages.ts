import { inject, provide, type InjectionKey } from "vue";
import { messagesFor, type PlaygroundMessages } from "../i18n";
import type { Locale } from "../i18n/locale";

const KEY: InjectionKey<{ locale: Locale; t: PlaygroundMessages }> = Symbol("session-lab-messages");

/** Makes the strings of `locale` available to every component below the caller. */
export function provideMessages(locale: Locale): PlaygroundMessages {
  const t = messagesFor(locale);
  provide(KEY, { locale, t });
  return t;
}

/** The playground's strings and locale, as provided by the root component (English when none was). */
export function useMessages(): { locale: Locale; t: PlaygroundMessages } {
  return inject(KEY, () => ({ locale: "en" as const, t: messagesFor("en") }), true);
}
