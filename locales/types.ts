/**
 * The shape of one language's folder: every part of the site and the playground that has words, and the
 * interface its file satisfies. Each language folder (`locales/en/`, `locales/es/`) has one file per part,
 * named after it, and re-exports them from its `index.ts`; `locales/index.ts` checks every folder against
 * {@link LocaleStrings}, so a part missing in one language is a type error.
 */
import type { DefaultTheme, LocaleSpecificConfig } from "vitepress";
import type { MarkdownLabels, SiteThemeConfig } from "../.vitepress/theme-labels";
import type { HeroStrings } from "../.vitepress/theme/hero/types";
import type { ComparisonStrings } from "../playground/compare/strings/comparison";
import type { ConcurrencyStrings } from "../playground/compare/strings/concurrency";
import type { DeadlineStrings } from "../playground/compare/strings/deadlines";
import type { CompareEmbedStrings } from "../playground/compare/strings/embed";
import type { EditorStrings } from "../playground/editor/strings";
import type { CompilerStrings } from "../playground/i18n/compiler";
import type { EmbedStrings } from "../playground/i18n/embed";
import type { PlaygroundMessages } from "../playground/i18n/messages";
import type { ValidatorMessages } from "../playground/telegram/validator-messages";
import type { ProgramStrings } from "../playground/scenario/programs";
import type { PresetStrings } from "../playground/scenario/presets";
import type { ScenarioErrorStrings } from "../playground/scenario/errors";
import type { VerdictStrings } from "../playground/scenario/verdict";
import type { ExportStrings } from "../playground/export/strings";
import type { LiveStrings } from "../playground/live/strings";

/** A language's VitePress locale config: its name in the language menu, its `lang`, nav, sidebar and theme words. */
export type SiteStrings = LocaleSpecificConfig<DefaultTheme.Config & SiteThemeConfig> & { label: string; lang: string };

/** The local search box's words; `{}` keeps VitePress's own (English) ones. */
export type SearchStrings = Partial<DefaultTheme.LocalSearchOptions["translations"]>;

/** Everything one language's folder exports, by part (its file in parentheses). */
export interface LocaleStrings {
  /** The VitePress locale config (`site.ts`). */
  site: SiteStrings;
  /** Theme landmarks and buttons VitePress has no option for (`labels.ts`). */
  themeLabels: SiteThemeConfig["labels"];
  /** Copy buttons and heading anchors in the rendered markdown (`labels.ts`). */
  markdownLabels: MarkdownLabels;
  /** The search box (`search.ts`). */
  search: SearchStrings;
  /** The home page's traffic strip (`hero.ts`). */
  hero: HeroStrings;
  /** The playground (`playground.ts`). */
  playground: PlaygroundMessages;
  /** The docs-page placeholder of the playground (`embed.ts`). */
  embed: EmbedStrings;
  /** The compiler's messages (`compiler.ts`). */
  compiler: CompilerStrings;
  /** The code editor's own words (`editor.ts`). */
  editor: EditorStrings;
  /** The custom-update validator's sentences (`validator.ts`). */
  validator: ValidatorMessages;
  /** The strict-vs-lazy and session-key views (`comparison.ts`). */
  comparison: ComparisonStrings;
  /** The lost-update view (`concurrency.ts`). */
  concurrency: ConcurrencyStrings;
  /** A comparison view's time-out sentences (`deadlines.ts`). */
  deadlines: DeadlineStrings;
  /** The scenario parser's refusals (`scenario.ts`). */
  scenarioErrors: ScenarioErrorStrings;
  /** The verdict under a comparison (`scenario.ts`). */
  verdict: VerdictStrings;
  /** The generated comparison programs' comments and reply (`scenario.ts`). */
  programText: ProgramStrings;
  /** The ready-made scenarios' titles, descriptions and words (`presets.ts`). */
  presets: PresetStrings;
  /** The docs-page cards of the comparison views (`compare-embed.ts`). */
  compareEmbed: CompareEmbedStrings;
  /** The playground's export dialog and the README and comments of the project it writes (`export.ts`). */
  exportStrings: ExportStrings;
  /** The playground's live mode: the reader's own bot on the real Bot API (`live.ts`). */
  live: LiveStrings;
}
