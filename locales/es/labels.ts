import type { MarkdownLabels, SiteThemeConfig } from "../../.vitepress/theme-labels";

/** The labels VitePress's theme has no option for (see `.vitepress/theme-labels.ts`). */
export const themeLabels: SiteThemeConfig["labels"] = {
  mainNav: "Navegación principal",
  sidebarNav: "Navegación lateral",
  pager: "Páginas anterior y siguiente",
  mobileNav: "Menú",
  extraNav: "Idioma y apariencia",
};

/** The labels rendered into each page's markdown: code blocks' copy buttons and headings' anchors. */
export const markdownLabels: MarkdownLabels = {
  copyCode: "Copiar código",
  permalink: (title) => `Enlace permanente a «${title}»`,
};
