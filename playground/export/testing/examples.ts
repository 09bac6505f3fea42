/** Every example program on disk, for the export's tests (every name, in every language). */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LOCALES, type Locale } from "../../i18n/locale";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

/** One example program. */
export interface ExampleProgram {
  name: string;
  locale: Locale;
  code: string;
}

/** Every `playground/examples/<name>/<locale>.ts`, read now. */
export function allExamples(): ExampleProgram[] {
  return readdirSync(EXAMPLES).flatMap((name) =>
    LOCALES.map((locale) => ({ name, locale, code: readFileSync(`${EXAMPLES}${name}/${locale}.ts`, "utf8") })),
  );
}
