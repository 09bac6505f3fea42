import { describe, expect, it } from "vitest";
import { indentEdit, isRunShortcut, type TextEdit } from "./textarea-keys";

function apply(value: string, edit: TextEdit | null) {
  if (!edit) return { value, selection: null };
  const next = value.slice(0, edit.from) + edit.insert + value.slice(edit.to);
  return { value: next, selection: next.slice(edit.selectionStart, edit.selectionEnd), caret: edit.selectionStart };
}

describe("isRunShortcut", () => {
  it("is Ctrl+Enter or Cmd+Enter, nothing else", () => {
    expect(isRunShortcut({ key: "Enter", ctrlKey: true, metaKey: false })).toBe(true);
    expect(isRunShortcut({ key: "Enter", ctrlKey: false, metaKey: true })).toBe(true);
    expect(isRunShortcut({ key: "Enter", ctrlKey: false, metaKey: false })).toBe(false);
    expect(isRunShortcut({ key: "Enter", ctrlKey: true, metaKey: false, altKey: true })).toBe(false);
    expect(isRunShortcut({ key: "e", ctrlKey: true, metaKey: false })).toBe(false);
  });
});

describe("indentEdit", () => {
  it("inserts two spaces at the caret", () => {
    const r = apply("ab", indentEdit("ab", 1, 1, false));
    expect(r.value).toBe("a  b");
    expect(r.caret).toBe(3);
  });

  it("replaces a selection inside one line with two spaces", () => {
    expect(apply("abcd", indentEdit("abcd", 1, 3, false)).value).toBe("a  d");
  });

  it("indents every line a multi-line selection touches, and keeps them selected", () => {
    const value = "one\ntwo\nthree\nfour";
    const r = apply(value, indentEdit(value, 5, 10, false)); // from inside "two" to inside "three"
    expect(r.value).toBe("one\n  two\n  three\nfour");
    expect(r.selection).toBe("wo\n  th");
  });

  it("does not touch the line a selection ends at the very start of", () => {
    const value = "a\nb\nc";
    expect(apply(value, indentEdit(value, 0, 4, false)).value).toBe("  a\n  b\nc");
  });

  it("outdents by up to two spaces, moving the caret with the text", () => {
    const value = "x\n   y";
    const r = apply(value, indentEdit(value, 5, 5, true));
    expect(r.value).toBe("x\n y");
    expect(r.caret).toBe(3);
    expect(apply(" z", indentEdit(" z", 2, 2, true)).value).toBe("z");
  });

  it("outdents every selected line and leaves unindented lines alone", () => {
    const value = "  a\nb\n    c";
    expect(apply(value, indentEdit(value, 0, value.length, true)).value).toBe("a\nb\n  c");
  });

  it("reports nothing to do when outdenting text without indentation", () => {
    expect(indentEdit("abc", 1, 1, true)).toBeNull();
  });
});
