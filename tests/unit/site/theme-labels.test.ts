/**
 * The site's fixes to VitePress's own labels and markup: each rewrite of a default-theme component
 * still finds the text it replaces in the installed VitePress, and pages render their copy buttons,
 * heading anchors and grid tables for the reader of their language.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createMarkdownRenderer, type MarkdownRenderer } from "vitepress";
import { beforeAll, describe, expect, it } from "vitest";
import { MARKDOWN_LABELS, THEME_LABELS } from "../../../locales";
import { localizeMarkdownLabels, tableRowHeaders } from "../../../.vitepress/markdown-a11y";
import { rewriteAll } from "../../../.vitepress/theme-labels";

const components = fileURLToPath(new URL("../../../node_modules/vitepress/dist/client/theme-default/components/", import.meta.url));

describe("VitePress's default theme, rewritten", () => {
  it("still contains every label the site replaces, and reads each from the theme config", () => {
    const out = rewriteAll((file) => readFileSync(components + file.slice(1), "utf8"));
    for (const key of Object.keys(THEME_LABELS.en)) expect(out.join("\n")).toContain(`theme.labels?.${key}`);
    // The search button's name is its visible text: no aria-label any more.
    expect(out.find((source) => source.includes("DocSearch-Button"))).not.toContain("aria-label");
  });

  it("has every label in both languages", () => {
    expect(Object.keys(THEME_LABELS.es).sort()).toEqual(Object.keys(THEME_LABELS.en).sort());
    for (const value of Object.values(THEME_LABELS.es)) expect(value).not.toBe("");
  });
});

describe("markdown labels and tables", () => {
  let md: MarkdownRenderer;
  beforeAll(async () => {
    md = await createMarkdownRenderer(fileURLToPath(new URL("../../../docs", import.meta.url)), {
      config(md) {
        localizeMarkdownLabels(md, MARKDOWN_LABELS);
        tableRowHeaders(md);
      },
    });
  });

  const page = "## Datos iniciales {#initial-data}\n\n```ts\nconst a = 1;\n```\n";

  it("names copy buttons and heading anchors in the page's language", () => {
    const es = md.render(page, { relativePath: "es/sessions/usage.md" });
    expect(es).toContain('<button title="Copiar código" class="copy">');
    expect(es).toContain('aria-label="Enlace permanente a «Datos iniciales»"');
    expect(es).not.toMatch(/Copy Code|Permalink to/);
    const en = md.render(page.replace("Datos iniciales", "Initial data"), { relativePath: "sessions/usage.md" });
    expect(en).toContain('<button title="Copy code" class="copy">');
    expect(en).toContain('aria-label="Permalink to “Initial data”"');
  });

  it("gives a grid table row headers, and leaves other tables' first column as data", () => {
    const grid = md.render("|   | A | B |\n| - | - | - |\n| **x** | 1 | 2 |\n| **y** | 3 | 4 |\n", {});
    expect(grid.match(/<th scope="row">/g)).toHaveLength(2);
    expect(grid.match(/<th scope="col">/g)).toHaveLength(3);
    expect(grid).toContain('<th scope="row"><strong>x</strong></th>\n<td>1</td>');
    const plain = md.render("| Name | Value |\n| - | - |\n| a | 1 |\n", {});
    expect(plain).not.toContain('scope="row"');
    expect(plain).toContain("<td>a</td>");
  });
});
