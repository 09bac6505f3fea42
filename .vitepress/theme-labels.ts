import type { Plugin } from "vite";

/**
 * Labels VitePress's default theme writes in English whatever the page's language, with no option to
 * change them: the hidden headings of its navigation landmarks and the names of two of its buttons
 * (and the search button's name, which must contain the text it shows).
 * Each locale gives them in `themeConfig.labels` (see `locales/<lang>/labels.ts`).
 */
export interface ThemeLabels {
  /** The nav bar's links ("Main Navigation"). */
  mainNav: string;
  /** The sidebar ("Sidebar Navigation"). */
  sidebarNav: string;
  /** The previous/next links under a page ("Pager"). */
  pager: string;
  /** The button that opens the menu on a narrow screen ("mobile navigation"). */
  mobileNav: string;
  /** The "…" menu with language and appearance ("extra navigation"). */
  extraNav: string;
  /** A code block's copy button ("Copy Code"). */
  copyCode: string;
  /** A heading's anchor link ('Permalink to "…"'). */
  permalink(title: string): string;
}

/** The labels rendered into each page's markdown: code blocks' copy buttons and headings' anchors. */
export type MarkdownLabels = Pick<ThemeLabels, "copyCode" | "permalink">;

/** The site's theme config: VitePress's, plus the labels above. */
export interface SiteThemeConfig {
  labels: Omit<ThemeLabels, "copyCode" | "permalink">;
}

interface Rewrite {
  /** The component, as its path in VitePress's default theme ends. */
  file: string;
  /** What VitePress wrote, exactly. */
  from: string;
  /** The same, reading the label from the locale's theme config. */
  to: string;
  /** Script lines the component needs for `theme` to exist in its template. */
  setup?: string;
}

const WITH_THEME = "\nimport { useData as useSiteData } from '../composables/data'\nconst { theme } = useSiteData()\n";

const REWRITES: Rewrite[] = [
  {
    file: "/VPNavBarMenu.vue",
    from: "\n      Main Navigation\n",
    to: "\n      {{ theme.labels?.mainNav ?? 'Main Navigation' }}\n",
  },
  {
    file: "/VPSidebar.vue",
    from: "\n        Sidebar Navigation\n",
    to: "\n        {{ theme.labels?.sidebarNav ?? 'Sidebar Navigation' }}\n",
    setup: WITH_THEME,
  },
  {
    file: "/VPDocFooter.vue",
    from: 'id="doc-footer-aria-label">Pager</span>',
    to: 'id="doc-footer-aria-label">{{ theme.labels?.pager ?? \'Pager\' }}</span>',
  },
  {
    file: "/VPNavBarHamburger.vue",
    from: 'aria-label="mobile navigation"',
    to: ":aria-label=\"theme.labels?.mobileNav ?? 'mobile navigation'\"",
    setup: WITH_THEME,
  },
  {
    file: "/VPNavBarExtra.vue",
    from: 'label="extra navigation"',
    to: ":label=\"theme.labels?.extraNav ?? 'extra navigation'\"",
  },
  {
    // Its aria-label ("Search") leaves out the shortcut the button shows (Ctrl K), which breaks WCAG 2.5.3
    // (label in name); without it, the name is the visible text, in the page's language.
    file: "/VPNavBarSearchButton.vue",
    from: ' :aria-label="translate(\'button.buttonAriaLabel\')"',
    to: "",
  },
];

/**
 * Rewrites the few English labels of VitePress's default theme to read `themeConfig.labels` of the
 * page's locale, at build time, before Vue compiles the components. Overriding whole components
 * (VitePress's documented way) would copy hundreds of lines for one word each; this changes only the
 * word, and fails the build if VitePress ever changes the text it replaces, so no label goes back to
 * English unnoticed.
 */
export function themeLabelsPlugin(): Plugin {
  return {
    name: "session-lab:theme-labels",
    enforce: "pre",
    transform(code, id) {
      // Only the component's source itself; its `?vue&type=style…` parts hold no template.
      if (id.includes("?") || !id.includes("/vitepress/dist/client/theme-default/components/")) return;
      const rewrite = REWRITES.find((r) => id.endsWith(r.file));
      if (!rewrite) return;
      return rewriteComponent(code, rewrite);
    },
  };
}

/** One component's source with its label rewritten; throws when the text to replace is not there. */
function rewriteComponent(code: string, { file, from, to, setup }: Rewrite): string {
  if (!code.includes(from)) {
    throw new Error(`theme-labels: VitePress's ${file} no longer contains ${JSON.stringify(from)}; update .vitepress/theme-labels.ts.`);
  }
  let out = code.replace(from, to);
  if (setup) out = out.replace(/<script (lang="ts" setup|setup lang="ts")>/, (open) => open + setup);
  return out;
}

/** Every rewrite applied to its component's source, for a test that VitePress still matches them. */
export function rewriteAll(read: (file: string) => string): string[] {
  return REWRITES.map((rewrite) => rewriteComponent(read(rewrite.file), rewrite));
}
