import { describe, expect, it } from "vitest";
import { nextModelUri, prefersTextarea } from "./editor-mode";
import { editorStrings } from "./strings";

describe("prefersTextarea", () => {
  it("keeps Monaco only on a wide screen with a fine pointer, unless the parent forces the text area", () => {
    expect(prefersTextarea({ forced: false, narrow: false, coarsePointer: false })).toBe(false);
    expect(prefersTextarea({ forced: true, narrow: false, coarsePointer: false })).toBe(true);
    expect(prefersTextarea({ forced: false, narrow: true, coarsePointer: false })).toBe(true);
    expect(prefersTextarea({ forced: false, narrow: false, coarsePointer: true })).toBe(true);
  });
});

describe("nextModelUri", () => {
  it("gives every editor its own directory and keeps the file name", () => {
    const a = nextModelUri("bot.ts");
    const b = nextModelUri("bot.ts");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^file:\/\/\/playground-\d+\/bot\.ts$/);
    expect(nextModelUri("my bot/../x.ts")).toMatch(/\/my_bot_\.\._x\.ts$/);
  });
});

describe("editorStrings", () => {
  it("words a problem with its line, in the page's language", () => {
    expect(editorStrings("en-US").problem(3, "Expected ';'", "error")).toBe("Line 3: Expected ';'");
    expect(editorStrings("es").problem(3, "Expected ';'", "warning")).toBe("Línea 3 (advertencia): Expected ';'");
    expect(editorStrings(null).loading).toBe(editorStrings("fr").loading);
    expect(editorStrings("es-ES").loading).not.toBe(editorStrings("en").loading);
  });
});
