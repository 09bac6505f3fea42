import { EDITOR_STRINGS } from "../../locales";
import { toPlaygroundLocale } from "../i18n/locale";

/**
 * The few words the editor shows itself (each language's are in `locales/<lang>/editor.ts`); everything
 * else (the accessible name) comes from the parent.
 */
export interface EditorStrings {
  /** "Line 3: Expected ';'" */
  problem(line: number, message: string, severity: "error" | "warning"): string;
  /** Accessible name of the loading progress bar, and its visible caption. */
  loading: string;
  /** Accessible name of the list of problems under the text area. */
  problems: string;
  /** How the editor's keys differ from a normal text area (read by screen readers). */
  keysHint: string;
  /** The way out of the editor, shown while it has the focus. */
  leaveHint: string;
}

/**
 * Picks the strings for a BCP 47 language tag (the `lang` of the page, as VitePress sets it on
 * `<html>`), so the contract stays a single `label` prop. A language the site does not speak gets English.
 */
export function editorStrings(lang: string | null | undefined): EditorStrings {
  return EDITOR_STRINGS[toPlaygroundLocale(lang ?? undefined)];
}
