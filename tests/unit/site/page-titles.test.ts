/**
 * A page is called the same everywhere: the sidebar names each guide page by its own heading, in both
 * languages, so a reader who follows a title finds that title at the top of the page.
 */
import { readFileSync } from "node:fs";
import type { DefaultTheme } from "vitepress";
import { describe, expect, it } from "vitest";
import { SITE_STRINGS } from "../../../locales";

const { en, es } = SITE_STRINGS;

/** The `# Heading` of the markdown page behind `link` (`/sessions/keys` or `/es/sessions/`). */
function heading(link: string): string {
  const file = link.endsWith("/") ? `${link}index.md` : `${link}.md`;
  const source = readFileSync(new URL(`../../../docs${file}`, import.meta.url), "utf8");
  const line = source.split("\n").find((l) => l.startsWith("# "));
  if (!line) throw new Error(`${file} has no heading`);
  return line.slice(2).trim();
}

describe.each([
  ["en", en],
  ["es", es],
])("the %s sidebar", (_locale, config) => {
  const items = (config.themeConfig?.sidebar as DefaultTheme.SidebarItem[]).flatMap((group) => group.items ?? []);

  it.each(items.map((item) => [item.link!, item.text!]))("names %s by its heading", (link, text) => {
    expect(text).toBe(heading(link));
  });
});
