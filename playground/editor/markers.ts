import type { Diagnostic } from "../protocol";

/**
 * Monaco's `MarkerSeverity.Error` and `.Warning`. Numbers, so that this module (and the server
 * render that uses it) never loads Monaco.
 */
export const MARKER_SEVERITY = { error: 8, warning: 4 } as const;

/** The owner the compiler's diagnostics are set under, apart from Monaco's own TypeScript markers. */
export const COMPILER_MARKER_OWNER = "compiler";

/** A marker in the shape `monaco.editor.setModelMarkers` takes (`IMarkerData`). */
export interface EditorMarker {
  severity: (typeof MARKER_SEVERITY)[keyof typeof MARKER_SEVERITY];
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** What the conversion needs to know about the text: Monaco's `ITextModel` has both methods. */
export interface LineMetrics {
  getLineCount(): number;
  /** One past the last column of a 1-based line (an empty line has max column 1). */
  getLineMaxColumn(line: number): number;
}

/** {@link LineMetrics} of a plain string, for the textarea and the server render. */
export function lineMetricsOf(text: string): LineMetrics {
  const lines = text.split(/\r\n|\r|\n/);
  return {
    getLineCount: () => lines.length,
    getLineMaxColumn: (line) => (lines[line - 1]?.length ?? 0) + 1,
  };
}

/**
 * Turns the compiler's diagnostics (1-based, in the user's code) into editor markers placed inside
 * the current text. A diagnostic past the end (the code changed since it was compiled) is pulled
 * back to the last line instead of vanishing. Without an end, the range is left empty: Monaco then
 * underlines the word at that position, which is what a bare "line:column" points at.
 */
export function diagnosticsToMarkers(diagnostics: readonly Diagnostic[], text: LineMetrics): EditorMarker[] {
  const lineCount = text.getLineCount();
  const clampLine = (line: number) => Math.min(Math.max(1, Math.floor(line) || 1), lineCount);
  const clampColumn = (line: number, column: number) => Math.min(Math.max(1, Math.floor(column) || 1), text.getLineMaxColumn(line));

  return diagnostics.map((d) => {
    const startLineNumber = clampLine(d.line);
    const startColumn = clampColumn(startLineNumber, d.column);
    let endLineNumber = d.endLine === undefined ? startLineNumber : clampLine(d.endLine);
    let endColumn =
      d.endColumn !== undefined
        ? clampColumn(endLineNumber, d.endColumn)
        : d.endLine !== undefined
          ? text.getLineMaxColumn(endLineNumber) // a range that ends on a line, not at a column: to its end
          : startColumn;
    if (endLineNumber < startLineNumber || (endLineNumber === startLineNumber && endColumn < startColumn)) {
      endLineNumber = startLineNumber;
      endColumn = startColumn;
    }
    return {
      severity: MARKER_SEVERITY[d.severity],
      message: d.message,
      startLineNumber,
      startColumn,
      endLineNumber,
      endColumn,
    };
  });
}

/** The value of `data-error-lines`: the lines that carry an error marker, ascending, comma-separated. */
export function errorLinesAttribute(markers: readonly EditorMarker[]): string {
  const lines = new Set(markers.filter((m) => m.severity === MARKER_SEVERITY.error).map((m) => m.startLineNumber));
  return [...lines].sort((a, b) => a - b).join(",");
}
