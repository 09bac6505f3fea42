import type { SiteThemeConfig, ThemeLabels } from "../theme-labels";
import type { Locale } from "../../playground/i18n/locale";

/** The labels VitePress's theme has no option for, by locale (see `.vitepress/theme-labels.ts`). */
export const THEME_LABELS: Record<Locale, SiteThemeConfig["labels"]> = {
  en: {
    mainNav: "Main navigation",
    sidebarNav: "Sidebar navigation",
    pager: "Previous and next pages",
    mobileNav: "Menu",
    extraNav: "Language and appearance",
  },
  es: {
    mainNav: "Navegación principal",
    sidebarNav: "Navegación lateral",
    pager: "Páginas anterior y siguiente",
    mobileNav: "Menú",
    extraNav: "Idioma y apariencia",
  },
};

/** The labels rendered into each page's markdown: code blocks' copy buttons and headings' anchors. */
export const MARKDOWN_LABELS: Record<Locale, Pick<ThemeLabels, "copyCode" | "permalink">> = {
  en: {
    copyCode: "Copy code",
    permalink: (title) => `Permalink to “${title}”`,
  },
  es: {
    copyCode: "Copiar código",
    permalink: (title) => `Enlace permanente a «${title}»`,
  },
};
