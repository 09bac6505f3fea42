/**
 * The few strings the docs-page placeholder shows before the playground loads (each language's are in
 * `locales/<lang>/embed.ts`). Kept apart from the full string tables so the placeholder, which every docs
 * page carries, stays a few hundred bytes.
 */

/** The placeholder's strings in one language. */
export interface EmbedStrings {
  title: string;
  hint: string;
  open: string;
  loading: string;
  failed: string;
  openFull: string;
  /** The accessible name of the mode switch, and its two modes. */
  modes: string;
  modeCode: string;
  modeCompare: string;
  about: string;
}
