/** The indentation the playground's examples use, and what Tab inserts. */
export const INDENT = "  ";

/** A replacement in a text area's value, and the selection to set after it. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  selectionStart: number;
  selectionEnd: number;
}

/** The key facts of a keyboard event this module looks at. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) runs the program, as in the Monaco editor. */
export function isRunShortcut(e: KeyLike): boolean {
  return e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.altKey;
}

/**
 * What Tab (or Shift+Tab, `outdent`) does to a text area, like a code editor: a caret or a selection
 * inside one line gets two spaces; a selection across lines indents every line it touches; outdent
 * removes up to two leading spaces from every touched line. Returns null when nothing changes.
 */
export function indentEdit(value: string, start: number, end: number, outdent: boolean): TextEdit | null {
  const selected = value.slice(start, end);
  if (!outdent && !selected.includes("\n")) {
    const at = start + INDENT.length;
    return { from: start, to: end, insert: INDENT, selectionStart: at, selectionEnd: at };
  }

  const from = value.lastIndexOf("\n", start - 1) + 1;
  // A selection ending right at the start of a line does not touch that line.
  const lastTouched = end > start && value[end - 1] === "\n" ? end - 1 : end;
  const nextBreak = value.indexOf("\n", lastTouched);
  const to = nextBreak === -1 ? value.length : nextBreak;
  const lines = value.slice(from, to).split("\n");

  const changed = lines.map((line) => {
    if (!outdent) return INDENT + line;
    const leadingSpaces = line.length - line.replace(/^ +/, "").length;
    return line.slice(Math.min(INDENT.length, leadingSpaces));
  });
  const insert = changed.join("\n");
  if (insert === value.slice(from, to)) return null;

  const firstDelta = changed[0]!.length - lines[0]!.length;
  if (start === end) {
    const caret = Math.max(from, start + firstDelta);
    return { from, to, insert, selectionStart: caret, selectionEnd: caret };
  }
  return { from, to, insert, selectionStart: Math.max(from, start + firstDelta), selectionEnd: end + insert.length - (to - from) };
}
