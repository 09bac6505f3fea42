/**
 * The reader's edits, kept in localStorage per example and per locale (the Spanish pizza example is another
 * file than the English one). Every access is guarded: storage may be full, disabled or absent (SSR).
 */
const PREFIX = "session-lab:code";

function keyFor(example: string, locale: string): string {
  return `${PREFIX}:${example}:${locale}`;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // access itself throws when storage is blocked
  }
}

/** The code saved for `example` in `locale`, if the reader changed it. */
export function loadSavedCode(example: string, locale: string): string | undefined {
  try {
    return storage()?.getItem(keyFor(example, locale)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves `code`, or forgets the entry when it equals the example's original (nothing to restore). */
export function saveCode(example: string, locale: string, code: string, original: string): void {
  try {
    if (code === original) storage()?.removeItem(keyFor(example, locale));
    else storage()?.setItem(keyFor(example, locale), code);
  } catch {
    // Quota exceeded or storage disabled: the code stays in the editor, it just won't survive a reload.
  }
}

/** Forgets the saved code ("Reset example"). */
export function forgetSavedCode(example: string, locale: string): void {
  try {
    storage()?.removeItem(keyFor(example, locale));
  } catch {
    // see saveCode
  }
}
