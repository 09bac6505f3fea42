import { describe, expect, it } from "vitest";
import type { Message } from "esbuild-wasm";
import { toDiagnostic, utf16Column } from "./diagnostics";

function message(text: string, location: Partial<NonNullable<Message["location"]>> | null, notes: Message["notes"] = []): Message {
  return {
    id: "",
    pluginName: "",
    text,
    notes,
    detail: undefined,
    location: location && {
      file: "bot.ts",
      namespace: "",
      line: 1,
      column: 0,
      length: 0,
      lineText: "",
      suggestion: "",
      ...location,
    },
  };
}

describe("utf16Column", () => {
  it("is the byte column on ASCII lines", () => {
    expect(utf16Column("let x = 1;", 4)).toBe(4);
  });

  it("counts 2-, 3- and 4-byte characters as the editor does", () => {
    const line = 'const s = "ñ€🍕"; let = ;';
    const bytes = new TextEncoder().encode(line.slice(0, line.lastIndexOf(";"))).length;
    expect(utf16Column(line, bytes)).toBe(line.lastIndexOf(";"));
  });

  it("keeps positions past the end of the line", () => {
    expect(utf16Column("añ", 5)).toBe(4);
  });
});

describe("toDiagnostic", () => {
  it("makes esbuild's 0-based byte range a 1-based UTF-16 range", () => {
    const lineText = 'import x from "ñ";';
    const column = new TextEncoder().encode('import x from ').length;
    const diagnostic = toDiagnostic(message("nope", { line: 3, column, length: 4, lineText }), "error", "bot.ts");
    expect(diagnostic).toEqual({ message: "nope", line: 3, column: 15, endLine: 3, endColumn: 18, severity: "error" });
    expect(lineText.slice(diagnostic.column - 1, diagnostic.endColumn! - 1)).toBe('"ñ"');
  });

  it("pins messages without a place in the user's file to line 1", () => {
    expect(toDiagnostic(message("odd", null), "warning", "bot.ts")).toEqual({
      message: "odd",
      line: 1,
      column: 1,
      severity: "warning",
    });
    expect(toDiagnostic(message("elsewhere", { file: "session-lab:grammy", line: 9 }), "error", "bot.ts").line).toBe(1);
  });

  it("frames esbuild's own words in Spanish, and leaves the playground's own messages as they are", () => {
    const note = { text: 'The symbol "x" was originally declared here:', location: message("", { line: 2 }).location };
    const esbuild = message('The symbol "x" has already been declared', { line: 4 }, [note]);
    expect(toDiagnostic(esbuild, "error", "bot.ts", "es").message).toBe(
      'El compilador (esbuild) dice: The symbol "x" has already been declared\nThe symbol "x" was originally declared here (línea 2)',
    );
    const refusal = { ...message("No se puede importar \"axios\"", { line: 1 }), pluginName: "session-lab-registry" };
    expect(toDiagnostic(refusal, "error", "bot.ts", "es").message).toBe('No se puede importar "axios"');
  });

  it("says that the playground runs in strict mode when esbuild refuses sloppy-mode syntax", () => {
    const strict = message('With statements cannot be used with the "esm" output format due to strict mode', { line: 2 });
    expect(toDiagnostic(strict, "error", "bot.ts", "es").message).toBe(
      'El compilador (esbuild) dice: With statements cannot be used with the "esm" output format due to strict mode\n' +
        "El playground ejecuta todos los programas en modo estricto, también los de CommonJS.",
    );
  });

  it("appends esbuild's notes", () => {
    const note = { text: 'The symbol "x" was originally declared here:', location: message("", { line: 2 }).location };
    const diagnostic = toDiagnostic(message('The symbol "x" has already been declared', { line: 4 }, [note]), "error", "bot.ts");
    expect(diagnostic.message).toBe('The symbol "x" has already been declared\nThe symbol "x" was originally declared here (line 2)');
  });
});
