import { describe, expect, it } from "vitest";
import { closingParen, codeMask, findConstructions } from "./source-scan";

describe("the source scanner", () => {
  it("tells code from strings, comments and template text, but not from a template's ${…}", () => {
    const source = 'a("(") // (\n/* ( */ `t(${f(1)})` + b';
    const mask = codeMask(source);
    const codeChars = [...source].filter((_, i) => mask[i]).join("");
    expect(codeChars).toBe('a() \n f(1) + b');
  });

  it("closes a parenthesis past parentheses inside strings", () => {
    const source = 'x(")", g(\')\'), `)`) + 1';
    expect(source.slice(0, closingParen(source, codeMask(source), 1))).toBe('x(")", g(\')\'), `)`)');
  });

  it("finds constructions with nested type arguments, and none in comments or strings", () => {
    const source = [
      "const a = new Adapter<Enhance<Data>>({ name: ')' });",
      "// new Adapter()",
      "const s = 'new Adapter()';",
      "const b = new Adapter ();",
      "const c = new AdapterTwo();",
    ].join("\n");
    const found = findConstructions(source, "Adapter").map(({ start, end }) => source.slice(start, end));
    expect(found).toEqual(["new Adapter<Enhance<Data>>({ name: ')' })", "new Adapter ()"]);
  });

  it("reports an unclosed construction as none", () => {
    expect(findConstructions("new Adapter(", "Adapter")).toEqual([]);
  });
});
