/**
 * Turns esbuild's messages into the playground's {@link Diagnostic}s, positioned in the user's file.
 */
import type { Message } from "esbuild-wasm";
import { compilerStrings, type CompilerStrings } from "../i18n/compiler";
import type { Diagnostic } from "../protocol";
import type { Locale } from "../i18n/locale";

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * esbuild counts columns in UTF-8 bytes, editors in UTF-16 code units; they differ as soon as a line holds
 * "ñ" or "🍕", which a bilingual pizza bot does. Returns the 0-based UTF-16 column of a 0-based byte column.
 */
export function utf16Column(lineText: string, byteColumn: number): number {
  let bytes = 0;
  let units = 0;
  for (const char of lineText) {
    if (bytes >= byteColumn) break;
    bytes += utf8Length(char.codePointAt(0)!);
    units += char.length;
  }
  // A position past the line's text (an error at the end of a line) keeps its distance.
  return units + Math.max(0, byteColumn - bytes);
}

function noteText(note: { text: string; location: Message["location"] }, filename: string, strings: CompilerStrings): string {
  const text = note.text.replace(/:$/, "");
  return note.location?.file === filename ? strings.noteAtLine(text, note.location.line) : text;
}

/** esbuild's errors for syntax that only sloppy scripts allow (`with`, `delete x`…) when the output is a module. */
const STRICT_MODE_ERROR = /due to strict mode$/;

/**
 * The text of `message`. The playground's own messages (an esbuild plugin's, such as a refused import) are
 * already in the reader's language; esbuild's own stay as esbuild wrote them, framed in that language.
 */
function messageText(message: Message, strings: CompilerStrings): string {
  if (message.pluginName) return message.text;
  const text = strings.esbuild(message.text);
  // A CommonJS program did not ask for a module, so say why its sloppy-mode syntax is refused.
  return STRICT_MODE_ERROR.test(message.text) ? `${text}\n${strings.strictMode}` : text;
}

/**
 * One esbuild message as a diagnostic in `filename`, worded in `locale`. A message without a position in that
 * file (esbuild rarely emits one) is pinned to line 1 so it is still shown.
 */
export function toDiagnostic(
  message: Message,
  severity: Diagnostic["severity"],
  filename: string,
  locale: Locale = "en",
): Diagnostic {
  const strings = compilerStrings(locale);
  const text = [messageText(message, strings), ...message.notes.map((note) => noteText(note, filename, strings))].join("\n");
  const location = message.location;
  if (!location || location.file !== filename) return { message: text, line: 1, column: 1, severity };

  const start = utf16Column(location.lineText, location.column);
  const end = utf16Column(location.lineText, location.column + location.length);
  return {
    message: text,
    line: location.line,
    column: start + 1,
    endLine: location.line,
    endColumn: end + 1,
    severity,
  };
}
