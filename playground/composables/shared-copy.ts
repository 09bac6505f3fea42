/**
 * The reader's edits of code that came from a shared link, kept apart from their own saved draft of the
 * example (saved-code.ts), so opening a link and typing in it never overwrites that draft. One copy per
 * example and locale, remembered with the link's code it started from: it comes back only when the same
 * link is opened again (a reload, say), never for another link.
 */
import { loadSavedText, saveText } from "./saved-code";

const PREFIX = "session-lab:shared";

function keyFor(example: string, locale: string): string {
  return `${PREFIX}:${example}:${locale}`;
}

interface SharedCopy {
  /** The code as the link had it. */
  link: string;
  /** The code as the reader left it. */
  code: string;
}

/** The reader's edited version of `linkCode` (the code a link carried) for `example`, if they edited it. */
export function loadSharedEdits(example: string, locale: string, linkCode: string): string | undefined {
  const text = loadSavedText(keyFor(example, locale));
  if (text === undefined) return undefined;
  try {
    const copy = JSON.parse(text) as Partial<SharedCopy>;
    return copy.link === linkCode && typeof copy.code === "string" ? copy.code : undefined;
  } catch {
    return undefined; // written by something else: not ours to read
  }
}

/** Keeps the reader's edits of `linkCode`, or forgets them when the code is back to the link's. */
export function saveSharedEdits(example: string, locale: string, linkCode: string, code: string): void {
  const copy: SharedCopy = { link: linkCode, code };
  saveText(keyFor(example, locale), code === linkCode ? "" : JSON.stringify(copy), "");
}

/** Forgets the reader's edits of shared code for `example` (Reset while shared code is shown). */
export function forgetSharedEdits(example: string, locale: string): void {
  saveText(keyFor(example, locale), "", "");
}
