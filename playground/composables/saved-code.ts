/**
 * The reader's edits, kept in localStorage: code per example and per locale (the Spanish pizza example is
 * another file than the English one), and the comparison views' scenarios. Every access is guarded:
 * storage may be full, disabled or absent (SSR).
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

/** The text the reader left under `key` (their code, their scenario), if any. */
export function loadSavedText(key: string): string | undefined {
  try {
    return storage()?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves `text` under `key`, or forgets the entry when it equals `original` (nothing to restore). */
export function saveText(key: string, text: string, original: string | undefined): void {
  try {
    if (text === original) storage()?.removeItem(key);
    else storage()?.setItem(key, text);
  } catch {
    // Quota exceeded or storage disabled: the text stays on screen, it just won't survive a reload.
  }
}

/** The code saved for `example` in `locale`, if the reader changed it. */
export function loadSavedCode(example: string, locale: string): string | undefined {
  return loadSavedText(keyFor(example, locale));
}

/** Saves `code`, or forgets the entry when it equals the example's original. */
export function saveCode(example: string, locale: string, code: string, original: string): void {
  saveText(keyFor(example, locale), code, original);
}

/** Forgets the saved code ("Reset example"). */
export function forgetSavedCode(example: string, locale: string): void {
  try {
    storage()?.removeItem(keyFor(example, locale));
  } catch {
    // see saveCode
  }
}
