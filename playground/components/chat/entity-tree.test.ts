import type { MessageEntity } from "grammy/types";
import { describe, expect, it } from "vitest";
import { parseFormattedText } from "../../sandbox/bot-api/parse-mode";
import { entityTree, linkTarget, textOf, type EntityNode } from "./entity-tree";

/** The tree as compact markup, e.g. `<bold>Hi</bold> there`, to compare shapes at a glance. */
function show(nodes: EntityNode[]): string {
  return nodes.map((n) => ("text" in n ? n.text : `<${n.entity.type}>${show(n.children)}</${n.entity.type}>`)).join("");
}

const e = (type: MessageEntity["type"], offset: number, length: number) => ({ type, offset, length }) as MessageEntity;

describe("entityTree", () => {
  it("leaves plain text as one run", () => {
    expect(entityTree("hello")).toEqual([{ text: "hello" }]);
    expect(entityTree("")).toEqual([]);
  });

  it("nests an entity inside another", () => {
    const tree = entityTree("bold and italic", [e("bold", 0, 15), e("italic", 9, 6)]);
    expect(show(tree)).toBe("<bold>bold and <italic>italic</italic></bold>");
  });

  it("puts the longer of two entities that start together outside", () => {
    expect(show(entityTree("abcdef", [e("italic", 0, 3), e("bold", 0, 6)]))).toBe("<bold><italic>abc</italic>def</bold>");
  });

  it("cuts an entity that crosses another's end in two, keeping every character once", () => {
    const tree = entityTree("abcdefgh", [e("bold", 0, 5), e("italic", 3, 5)]);
    expect(show(tree)).toBe("<bold>abc<italic>de</italic></bold><italic>fgh</italic>");
    expect(textOf(tree)).toBe("abcdefgh");
  });

  it("counts offsets in UTF-16 code units, so emoji before an entity take two", () => {
    const text = "🍕🍕 hot 👍 pizza";
    // "hot" starts after two surrogate pairs and a space: offset 5; "👍 pizza" is 8 units long.
    const tree = entityTree(text, [e("bold", 5, 3), e("italic", 9, 8)]);
    expect(show(tree)).toBe("🍕🍕 <bold>hot</bold> <italic>👍 pizza</italic>");
  });

  it("agrees with the offsets the simulator's parse_mode gives, emoji included", () => {
    const parsed = parseFormattedText("🍕 <b>Bold <i>both</i></b> <tg-spoiler>secret</tg-spoiler> <code>x</code>", "HTML");
    if (!parsed.ok) throw new Error(parsed.description);
    expect(show(entityTree(parsed.text, parsed.entities))).toBe("🍕 <bold>Bold <italic>both</italic></bold> <spoiler>secret</spoiler> <code>x</code>");
  });

  it("ignores empty entities and clips ones that run past the text", () => {
    expect(show(entityTree("abc", [e("bold", 1, 0), e("italic", 2, 10), e("code", 7, 2)]))).toBe("ab<italic>c</italic>");
  });

  it("never turns text into markup: angle brackets stay text", () => {
    const tree = entityTree("<b>not bold</b>", [e("italic", 3, 8)]);
    expect(tree).toEqual([{ text: "<b>" }, { entity: e("italic", 3, 8), children: [{ text: "not bold" }] }, { text: "</b>" }]);
  });
});

describe("linkTarget", () => {
  it("opens http and https addresses, with a url's own text as its address", () => {
    expect(linkTarget({ type: "text_link", offset: 0, length: 4, url: "https://grammy.dev/" }, "docs")).toBe("https://grammy.dev/");
    expect(linkTarget(e("url", 0, 10), "grammy.dev")).toBe("http://grammy.dev/");
    expect(linkTarget(e("url", 0, 19), "https://grammy.dev/x")).toBe("https://grammy.dev/x");
  });

  it("opens nothing else (tg:, javascript:, data:), and nothing for other entity types", () => {
    expect(linkTarget({ type: "text_link", offset: 0, length: 1, url: "tg://resolve?domain=x" }, "x")).toBeUndefined();
    expect(linkTarget({ type: "text_link", offset: 0, length: 1, url: "javascript:alert(1)" }, "x")).toBeUndefined();
    expect(linkTarget({ type: "text_link", offset: 0, length: 1, url: "data:text/html,<p>" }, "x")).toBeUndefined();
    expect(linkTarget(e("mention", 0, 6), "@alice")).toBeUndefined();
  });
});
