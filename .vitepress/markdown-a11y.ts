import type { MarkdownRenderer } from "vitepress";
import type { ThemeLabels } from "./theme-labels";
import { LOCALES, type Locale } from "../playground/i18n/locale";

type Labels = Pick<ThemeLabels, "copyCode" | "permalink">;

/** The page's locale from markdown-it's env (VitePress sets `relativePath`, e.g. "es/sessions/keys.md"). */
export function localeOf(env: unknown): Locale {
  const folder = String((env as { relativePath?: string } | undefined)?.relativePath ?? "").split("/")[0];
  return LOCALES.find((locale) => locale !== "en" && locale === folder) ?? "en";
}

/**
 * Names the code blocks' copy buttons and the headings' anchor links in the page's language. VitePress
 * takes one copy-button title for the whole site and writes 'Permalink to "…"' itself; both are rendered
 * into the page's HTML, so they are rewritten here, per page, as the markdown renders.
 */
export function localizeMarkdownLabels(md: MarkdownRenderer, labels: Record<Locale, Labels>): void {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) =>
    fence(tokens, idx, options, env, self).replace(
      '<button title="Copy Code" class="copy">',
      `<button title="${md.utils.escapeHtml(labels[localeOf(env)].copyCode)}" class="copy">`,
    );
  md.core.ruler.after("anchor", "session-lab:anchor-labels", (state) => {
    const locale = localeOf(state.env);
    for (const [i, token] of state.tokens.entries()) {
      if (token.type !== "heading_open") continue;
      const inline = state.tokens[i + 1];
      const link = inline?.children?.find((child) => child.type === "link_open" && child.attrGet("class") === "header-anchor");
      if (!link?.attrGet("aria-label")) continue;
      // The heading as read: its text and code, without the `{#anchor}` attribute still in `content`.
      const title = inline.children!
        .filter((child) => child.type === "text" || child.type === "code_inline")
        .map((child) => child.content)
        .join("")
        .trim();
      link.attrSet("aria-label", labels[locale].permalink(title));
    }
  });
}

/**
 * A table whose top-left header cell is empty is a grid (the guide's "Sessions vs your own database"):
 * its first column names the rows. Those cells become row headers (`<th scope="row">`), and the others
 * of the top row column headers, so a screen reader announces both for every cell.
 */
export function tableRowHeaders(md: MarkdownRenderer): void {
  md.core.ruler.push("session-lab:table-row-headers", (state) => {
    const tokens = state.tokens;
    for (let start = 0; start < tokens.length; start++) {
      if (tokens[start].type !== "table_open") continue;
      let end = start;
      while (tokens[end].type !== "table_close") end++;
      const firstHeader = tokens.findIndex((t, i) => i > start && t.type === "th_open");
      const cornerEmpty = firstHeader > 0 && firstHeader < end && tokens[firstHeader + 1].content.trim() === "";
      for (let i = start; i < end; i++) {
        const token = tokens[i];
        if (token.type === "th_open") token.attrSet("scope", "col");
        if (!cornerEmpty || token.type !== "tr_open" || i < firstHeader) continue;
        // The first cell of each body row: td_open, inline, td_close.
        const open = tokens[i + 1];
        const close = tokens[i + 3];
        if (open?.type !== "td_open" || close?.type !== "td_close") continue;
        open.tag = close.tag = "th";
        open.attrSet("scope", "row");
      }
      start = end;
    }
  });
}
