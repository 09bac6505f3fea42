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

/** A program in Deno's spellings: grammY from deno.land (a subpath too) and the runner from `npm:`. */
export const DENO_RUNNER_PROGRAM = [
  'import { Bot } from "https://deno.land/x/grammy@v1.46.0/mod.ts";',
  'import type { Update } from "https://deno.land/x/grammy/types.ts";',
  'import { run } from "npm:@grammyjs/runner";',
  'const bot = new Bot("");',
  "const seen: Update[] = [];",
  'bot.on("message", (ctx) => void seen.push(ctx.update));',
  "run(bot);",
].join("\n");
