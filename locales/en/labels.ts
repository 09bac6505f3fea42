import type { MarkdownLabels, SiteThemeConfig } from "../../.vitepress/theme-labels";

/** The labels VitePress's theme has no option for (see `.vitepress/theme-labels.ts`). */
export const themeLabels: SiteThemeConfig["labels"] = {
  mainNav: "Main navigation",
  sidebarNav: "Sidebar navigation",
  pager: "Previous and next pages",
  mobileNav: "Menu",
  extraNav: "Language and appearance",
};

/** The labels rendered into each page's markdown: code blocks' copy buttons and headings' anchors. */
export const markdownLabels: MarkdownLabels = {
  copyCode: "Copy code",
  permalink: (title) => `Permalink to “${title}”`,
};
