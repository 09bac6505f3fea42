import type { EditorStrings } from "../../playground/editor/strings";

/** The few words the code editor shows itself. */
export const editor: EditorStrings = {
  problem: (line, message, severity) => `Línea ${line}${severity === "warning" ? " (advertencia)" : ""}: ${message}`,
  loading: "Cargando el editor de código…",
  problems: "Problemas en el código",
  keysHint: "Tab inserta dos espacios y Mayús+Tab los quita; pulsa Escape y luego Tab para salir. Ctrl+Intro ejecuta el código.",
  leaveHint: "Esc y luego Tab: salir del editor · Ctrl+Intro: ejecutar",
};
