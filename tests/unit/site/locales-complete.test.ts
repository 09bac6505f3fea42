/**
 * Every language has every string. Each table of the site and the playground is read for every locale
 * in the registry (`playground/i18n/locale.ts`) and compared with English: the same keys, the same kind
 * of value (text, or a function of the same arity), and no empty text.
 */
import { describe, expect, it } from "vitest";
import { MARKDOWN_LABELS, THEME_LABELS } from "../../../.vitepress/locales/labels";
import { HERO_STRINGS } from "../../../.vitepress/locales/hero";
import { comparisonStrings } from "../../../playground/compare/strings/comparison";
import { CONCURRENCY_STRINGS } from "../../../playground/compare/strings/concurrency";
import { COMPARE_EMBED_STRINGS } from "../../../playground/compare/strings/embed";
import { editorStrings } from "../../../playground/editor/strings";
import { messagesFor } from "../../../playground/i18n";
import { compilerStrings } from "../../../playground/i18n/compiler";
import { EMBED_STRINGS } from "../../../playground/i18n/embed";
import { LOCALES, type Locale } from "../../../playground/i18n/locale";
import { validatorMessages } from "../../../playground/telegram/validator-messages";

/** Every string table, by name, as a function of the locale. */
const TABLES: Record<string, (locale: Locale) => unknown> = {
  "playground messages": messagesFor,
  "compiler messages": compilerStrings,
  "playground embed": (locale) => EMBED_STRINGS[locale],
  "editor": (locale) => editorStrings(locale),
  "update validator": validatorMessages,
  "comparison views": comparisonStrings,
  "lost-update view": (locale) => CONCURRENCY_STRINGS[locale],
  "comparison embed": (locale) => COMPARE_EMBED_STRINGS[locale],
  "theme labels": (locale) => THEME_LABELS[locale],
  "markdown labels": (locale) => MARKDOWN_LABELS[locale],
  "home page hero": (locale) => HERO_STRINGS[locale],
};

/** `path → "text" | "fn/arity" | "empty text"` for every leaf of `value`. */
function shape(value: unknown, path = "", out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === "string") out[path] = value.trim() === "" ? "empty text" : "text";
  else if (typeof value === "function") out[path] = `fn/${value.length}`;
  else if (Array.isArray(value)) value.forEach((item, i) => shape(item, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) shape(item, path ? `${path}.${key}` : key, out);
  else out[path] = typeof value;
  return out;
}

describe.each(Object.entries(TABLES))("%s", (_name, table) => {
  it.each(LOCALES.filter((locale) => locale !== "en"))("has every English string in %s, none of them empty", (locale) => {
    expect(shape(table(locale))).toEqual(shape(table("en")));
  });

  it("has no empty English string", () => {
    expect(Object.entries(shape(table("en"))).filter(([, kind]) => kind === "empty text")).toEqual([]);
  });
});
