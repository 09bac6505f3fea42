import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../protocol";
import { diagnosticsToMarkers, errorLinesAttribute, lineMetricsOf, MARKER_SEVERITY } from "./markers";

const code = ["import { Bot } from \"grammy\";", "", "const bot = new Bot(\"\")", "bot.start();"].join("\n");
const text = lineMetricsOf(code);
const d = (over: Partial<Diagnostic>): Diagnostic => ({ message: "m", line: 1, column: 1, severity: "error", ...over });

describe("lineMetricsOf", () => {
  it("counts lines and max columns like Monaco (max column = length + 1)", () => {
    expect(text.getLineCount()).toBe(4);
    expect(text.getLineMaxColumn(1)).toBe(30);
    expect(text.getLineMaxColumn(2)).toBe(1);
    expect(lineMetricsOf("a\r\nbc\rd").getLineCount()).toBe(3);
    expect(lineMetricsOf("").getLineCount()).toBe(1);
  });
});

describe("diagnosticsToMarkers", () => {
  it("keeps an in-range diagnostic where the compiler put it, with Monaco's severities", () => {
    const [m] = diagnosticsToMarkers([d({ line: 3, column: 23, endLine: 3, endColumn: 24, message: "Expected \";\"" })], text);
    expect(m).toEqual({
      severity: MARKER_SEVERITY.error,
      message: "Expected \";\"",
      startLineNumber: 3,
      startColumn: 23,
      endLineNumber: 3,
      endColumn: 24,
    });
    expect(diagnosticsToMarkers([d({ severity: "warning" })], text)[0]!.severity).toBe(MARKER_SEVERITY.warning);
  });

  it("leaves the range empty without an end, so Monaco underlines the word there", () => {
    const [m] = diagnosticsToMarkers([d({ line: 3, column: 7 })], text);
    expect([m!.startLineNumber, m!.startColumn, m!.endLineNumber, m!.endColumn]).toEqual([3, 7, 3, 7]);
  });

  it("runs to the end of the end line when only the end line is known", () => {
    const [m] = diagnosticsToMarkers([d({ line: 1, column: 10, endLine: 3 })], text);
    expect([m!.endLineNumber, m!.endColumn]).toEqual([3, 24]);
  });

  it("pulls positions past the end of the text back inside it", () => {
    const [m] = diagnosticsToMarkers([d({ line: 40, column: 99, endLine: 41, endColumn: 5 })], text);
    expect([m!.startLineNumber, m!.startColumn, m!.endLineNumber, m!.endColumn]).toEqual([4, 13, 4, 13]);
    const [zero] = diagnosticsToMarkers([d({ line: 0, column: 0 })], text);
    expect([zero!.startLineNumber, zero!.startColumn]).toEqual([1, 1]);
  });

  it("never produces an end before the start", () => {
    const [m] = diagnosticsToMarkers([d({ line: 3, column: 10, endLine: 1, endColumn: 2 })], text);
    expect([m!.endLineNumber, m!.endColumn]).toEqual([3, 10]);
  });
});

describe("errorLinesAttribute", () => {
  it("lists the lines with errors once each, ascending; warnings do not count", () => {
    const markers = diagnosticsToMarkers(
      [d({ line: 4 }), d({ line: 2, severity: "warning" }), d({ line: 1 }), d({ line: 4, column: 3 })],
      text,
    );
    expect(errorLinesAttribute(markers)).toBe("1,4");
    expect(errorLinesAttribute([])).toBe("");
  });
});
