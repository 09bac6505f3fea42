/**
 * What a comparison view says when a wait ran out of time ({@link DeadlineError}), in English and
 * Spanish ("tú"): what did not answer, after how long, and how to try again.
 */
import { seconds, type DeadlineError, type WaitKind } from "../../scenario/deadline";
import type { Locale } from "../../i18n/locale";

type Sentences = { [K in WaitKind]: (s: string, update?: number) => string } & { retry(button: string): string };

const numbers = { en: new Intl.NumberFormat("en-US"), es: new Intl.NumberFormat("es-ES") };

const SENTENCES: Record<Locale, Sentences> = {
  en: {
    compile: (s) => `the compiler did not finish the programs within ${s} s.`,
    "sandbox-start": (s) => `the sandboxes did not get ready within ${s} s.`,
    update: (s, n) => `update ${n ?? "?"} was not handled on every side within ${s} s.`,
    database: (s) => `the browser's IndexedDB did not answer within ${s} s.`,
    retry: (button) => `Press “${button}” to try again.`,
  },
  es: {
    compile: (s) => `el compilador no terminó los programas en ${s} s.`,
    "sandbox-start": (s) => `los sandboxes no estuvieron listos en ${s} s.`,
    update: (s, n) => `la actualización ${n ?? "?"} no se procesó en todos los lados en ${s} s.`,
    database: (s) => `el IndexedDB del navegador no respondió en ${s} s.`,
    retry: (button) => `Pulsa «${button}» para intentarlo otra vez.`,
  },
};

/** "the worker did not finish within 20 s. Press “Run again” to try again." in `locale`; `button` is the retry button's label. */
export function describeDeadline(error: DeadlineError, locale: Locale, button: string): string {
  const words = SENTENCES[locale];
  return `${words[error.waitingFor](numbers[locale].format(seconds(error.ms)), error.updateNumber)} ${words.retry(button)}`;
}
