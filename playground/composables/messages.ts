import { inject, provide, type InjectionKey } from "vue";
import { messagesFor, type PlaygroundLocale, type PlaygroundMessages } from "../i18n";

const KEY: InjectionKey<{ locale: PlaygroundLocale; t: PlaygroundMessages }> = Symbol("session-lab-messages");

/** Makes the strings of `locale` available to every component below the caller. */
export function provideMessages(locale: PlaygroundLocale): PlaygroundMessages {
  const t = messagesFor(locale);
  provide(KEY, { locale, t });
  return t;
}

/** The playground's strings and locale, as provided by the root component (English when none was). */
export function useMessages(): { locale: PlaygroundLocale; t: PlaygroundMessages } {
  return inject(KEY, () => ({ locale: "en" as const, t: messagesFor("en") }), true);
}
