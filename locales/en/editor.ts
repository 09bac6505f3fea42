import type { EditorStrings } from "../../playground/editor/strings";

/** The few words the code editor shows itself. */
export const editor: EditorStrings = {
  problem: (line, message, severity) => `Line ${line}${severity === "warning" ? " (warning)" : ""}: ${message}`,
  loading: "Loading the code editor…",
  problems: "Problems in the code",
  keysHint: "Tab inserts two spaces and Shift+Tab removes them; press Escape, then Tab, to leave. Ctrl+Enter runs the code.",
  leaveHint: "Esc then Tab: leave the editor · Ctrl+Enter: run",
};
