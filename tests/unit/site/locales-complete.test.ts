/**
 * Every language has every string. Each language's folder (`locales/<lang>/`) is compared with English's:
 * the same files, the same parts exported, and in each part the same keys with the same kind of value
 * (text, or a function of the same arity), and no empty text. The folders are read from disk and
 * imported one by one, so a folder the registry (`locales/index.ts`) forgot is checked too.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../../../playground/i18n/locale";
import * as registry from "../../../locales";

const LOCALES_DIR = fileURLToPath(new URL("../../../locales/", import.meta.url));

/**
 * `path → "text" | "lines" | "fn/arity" | "empty text"` for every leaf of `value`. A list of strings is
 * one leaf: a comment may take two lines in one language and one in another.
 */
function shape(value: unknown, path = "", out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === "string") out[path] = value.trim() === "" ? "empty text" : "text";
  else if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string"))
    out[path] = value.some((line) => line.trim() === "") ? "empty text" : "lines";
  else if (typeof value === "function") out[path] = `fn/${value.length}`;
  else if (Array.isArray(value)) value.forEach((item, i) => shape(item, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) shape(item, path ? `${path}.${key}` : key, out);
  else out[path] = typeof value;
  return out;
}

/** One language's folder, as its `index.ts` exports it. */
async function folder(locale: Locale): Promise<Record<string, unknown>> {
  return { ...(await import(`../../../locales/${locale}/index.ts`)) };
}

/** The files of one language's folder. */
function files(locale: Locale): string[] {
  return readdirSync(LOCALES_DIR + locale).sort();
}

const OTHERS = LOCALES.filter((locale) => locale !== "en");

describe("language folders", () => {
  it("has one folder per language in LOCALES, and none besides", () => {
    // `tables/` holds the registry's modules, not a language.
    const folders = readdirSync(LOCALES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "tables")
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...LOCALES].sort());
  });

  it.each(OTHERS)("%s has every file of English's folder", (locale) => {
    expect(files(locale)).toEqual(files("en"));
  });

  it.each(OTHERS)("%s exports every part English's does, each with every English string, none of them empty", async (locale) => {
    const [english, other] = await Promise.all([folder("en"), folder(locale)]);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const part of Object.keys(english)) expect({ part, shape: shape(other[part]) }).toEqual({ part, shape: shape(english[part]) });
  });

  it("has no empty English string", async () => {
    expect(Object.entries(shape(await folder("en"))).filter(([, kind]) => kind === "empty text")).toEqual([]);
  });

  it("registry tables hand out each folder's own parts", async () => {
    const tables = Object.entries(registry).filter(([, value]) => typeof value === "object" && value !== null && !Array.isArray(value));
    expect(tables.length).toBeGreaterThan(10);
    for (const locale of LOCALES) {
      const parts = new Set(Object.values(await folder(locale)));
      for (const [name, table] of tables) expect({ name, fromFolder: parts.has((table as Record<Locale, unknown>)[locale]) }).toEqual({ name, fromFolder: true });
    }
  });
});
