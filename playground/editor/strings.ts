import { toPlaygroundLocale, type Locale } from "../i18n/locale";

/** The few words the editor shows itself; everything else (the accessible name) comes from the parent. */
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

const en: EditorStrings = {
  problem: (line, message, severity) => `Line ${line}${severity === "warning" ? " (warning)" : ""}: ${message}`,
  loading: "Loading the code editor…",
  problems: "Problems in the code",
  keysHint: "Tab inserts two spaces and Shift+Tab removes them; press Escape, then Tab, to leave. Ctrl+Enter runs the code.",
  leaveHint: "Esc then Tab: leave the editor · Ctrl+Enter: run",
};

const es: EditorStrings = {
  problem: (line, message, severity) => `Línea ${line}${severity === "warning" ? " (advertencia)" : ""}: ${message}`,
  loading: "Cargando el editor de código…",
  problems: "Problemas en el código",
  keysHint: "Tab inserta dos espacios y Mayús+Tab los quita; pulsa Escape y luego Tab para salir. Ctrl+Intro ejecuta el código.",
  leaveHint: "Esc y luego Tab: salir del editor · Ctrl+Intro: ejecutar",
};

/**
 * Picks the strings for a BCP 47 language tag (the `lang` of the page, as VitePress sets it on
 * `<html>`), so the contract stays a single `label` prop. Anything not Spanish gets English.
 */
export function editorStrings(lang: string | null | undefined): EditorStrings {
  return STRINGS[toPlaygroundLocale(lang ?? undefined)];
}

const STRINGS: Record<Locale, EditorStrings> = { en, es };
