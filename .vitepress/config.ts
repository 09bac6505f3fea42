import { fileURLToPath } from "node:url";
import { defineConfig } from "vitepress";
import { LOCALES, MARKDOWN_LABELS, SEARCH_STRINGS, SITE_STRINGS } from "../locales";
import { toPlaygroundLocale } from "../playground/i18n/locale";
import { localizeMarkdownLabels, tableRowHeaders } from "./markdown-a11y";
import { themeLabelsPlugin } from "./theme-labels";
import { expandSampleLines, generateSamples, SAMPLE_ROOTS } from "./samples";
import { playgroundTypesPlugin } from "./plugins/types-plugin";
import { monacoTrimPlugin } from "./plugins/monaco-trim-plugin";
import { botApiSchemaPlugin } from "./plugins/bot-api-schema-plugin";

const root = fileURLToPath(new URL("..", import.meta.url));

// The JavaScript and Deno tabs are derived from the TypeScript samples before any page is parsed.
generateSamples(root);

export default defineConfig({
  srcDir: "docs",
  // Lets two dev servers or builds of one checkout run side by side without sharing Vite's dependency cache.
  cacheDir: process.env.SESSION_LAB_CACHE_DIR,
  cleanUrls: true,
  lastUpdated: false,
  // A dead link fails the build; that is on purpose.
  ignoreDeadLinks: false,
  head: [["link", { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }]],
  // English at the root, every other language under its code (the registry: `locales/index.ts`).
  locales: Object.fromEntries(LOCALES.map((locale) => [locale === "en" ? "root" : locale, SITE_STRINGS[locale]])),
  themeConfig: {
    search: {
      provider: "local",
      options: {
        locales: Object.fromEntries(
          LOCALES.filter((locale) => locale !== "en").map((locale) => [locale, { translations: SEARCH_STRINGS[locale] }]),
        ),
      },
    },
  },
  markdown: {
    // VitePress's default Shiki themes colour some tokens below 4.5:1 on its code background (GitHub's
    // comments, keywords and variables); these two keep every token at 4.6:1 or more (light on #f6f6f7,
    // dark on #161618), checked by the accessibility tests.
    theme: { light: "github-light-high-contrast", dark: "github-dark-default" },
    config(md) {
      const parse = md.parse.bind(md);
      md.parse = (src, env) => {
        const locale = toPlaygroundLocale(String(env?.relativePath ?? "").split("/")[0]);
        return parse(expandSampleLines(src, locale, root), env);
      };
      localizeMarkdownLabels(md, MARKDOWN_LABELS);
      tableRowHeaders(md);
    },
  },
  vite: {
    resolve: { conditions: ["source"] },
    // ES workers may be code-split (the compiler worker loads esbuild lazily); the iife default can't.
    worker: { format: "es", plugins: () => [botApiSchemaPlugin()] },
    plugins: [
      themeLabelsPlugin(),
      playgroundTypesPlugin(),
      monacoTrimPlugin(),
      botApiSchemaPlugin(),
      {
        name: "session-lab:samples",
        configureServer(server) {
          // Editing a sample in dev regenerates its JavaScript and Deno tabs.
          for (const dir of Object.values(SAMPLE_ROOTS)) server.watcher.add(`${root}/${dir}`);
          server.watcher.on("change", (file) => {
            if (file.endsWith(".ts") && Object.values(SAMPLE_ROOTS).some((d) => file.includes(d))) {
              generateSamples(root);
            }
          });
        },
      },
    ],
  },
});
