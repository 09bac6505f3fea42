/**
 * What the docs-page card of each comparison view says before the view loads (each language's words are
 * in `locales/<lang>/compare-embed.ts`). Kept apart from the views' own strings so every docs page
 * carries only these few lines.
 */

/** The comparison views a page can embed with `<SessionCompare view="…" />`. */
export type CompareViewName = "strict-vs-lazy" | "keys" | "concurrency";

/** Every view name, for checking a page's `view` attribute. */
export const COMPARE_VIEW_NAMES: readonly CompareViewName[] = ["strict-vs-lazy", "keys", "concurrency"];

/** One view's card. */
interface CardStrings {
  title: string;
  hint: string;
  open: string;
}

/** The card of each view, and the shared loading/failure notes, in one language. */
export interface CompareEmbedStrings {
  views: Record<CompareViewName, CardStrings>;
  loading: string;
  failed: string;
}
