import { describe, expect, it } from "vitest";
import { parseFormattedText } from "./parse-mode";

describe("HTML", () => {
  it("turns tags into entities and decodes character references", () => {
    expect(parseFormattedText('<b>Bold</b>, <i>it</i> &amp; <a href="https://grammy.dev">link</a> &lt;3', "HTML")).toEqual({
      ok: true,
      text: "Bold, it & link <3",
      entities: [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 6, length: 2 },
        { type: "text_link", offset: 11, length: 4, url: "https://grammy.dev" },
      ],
    });
  });

  it("nests entities, outer first, and merges <pre><code class=language-x>", () => {
    expect(parseFormattedText("<b>a <u>b</u></b>", "html")).toEqual({
      ok: true,
      text: "a b",
      entities: [
        { type: "bold", offset: 0, length: 3 },
        { type: "underline", offset: 2, length: 1 },
      ],
    });
    expect(parseFormattedText('<pre><code class="language-ts">let x = 1;</code></pre>', "HTML")).toEqual({
      ok: true,
      text: "let x = 1;",
      entities: [{ type: "pre", offset: 0, length: 10, language: "ts" }],
    });
  });

  it("counts offsets in UTF-16 code units", () => {
    expect(parseFormattedText("🍕 <b>pizza</b>", "HTML")).toEqual({ ok: true, text: "🍕 pizza", entities: [{ type: "bold", offset: 3, length: 5 }] });
  });

  it("fails with Telegram's messages on bad markup (byte offsets in UTF-8)", () => {
    expect(parseFormattedText("<blink>x</blink>", "HTML")).toEqual({
      ok: false,
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "blink" at byte offset 0',
    });
    expect(parseFormattedText("<b>x", "HTML")).toEqual({
      ok: false,
      description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    });
    expect(parseFormattedText("é<b>x</i>", "HTML")).toEqual({
      ok: false,
      description: 'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 6, expected "</b>", found "</i>"',
    });
  });
});

describe("MarkdownV2", () => {
  it("parses the formatting marks, links and escapes", () => {
    expect(parseFormattedText("*bold* _it_ __under__ ~gone~ ||secret|| `code` [site](https://grammy.dev) 5\\.00", "MarkdownV2")).toEqual({
      ok: true,
      text: "bold it under gone secret code site 5.00",
      entities: [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 5, length: 2 },
        { type: "underline", offset: 8, length: 5 },
        { type: "strikethrough", offset: 14, length: 4 },
        { type: "spoiler", offset: 19, length: 6 },
        { type: "code", offset: 26, length: 4 },
        { type: "text_link", offset: 31, length: 4, url: "https://grammy.dev" },
      ],
    });
  });

  it("parses pre blocks with a language and block quotes", () => {
    expect(parseFormattedText("```ts\nconst a = 1;\n```", "MarkdownV2")).toEqual({
      ok: true,
      text: "const a = 1;\n",
      entities: [{ type: "pre", offset: 0, length: 13, language: "ts" }],
    });
    expect(parseFormattedText(">quoted\n>lines\nafter", "MarkdownV2")).toEqual({
      ok: true,
      text: "quoted\nlines\nafter",
      entities: [{ type: "blockquote", offset: 0, length: 12 }],
    });
  });

  it("refuses unescaped reserved characters and unclosed marks, as Telegram does", () => {
    expect(parseFormattedText("Hello!", "MarkdownV2")).toEqual({
      ok: false,
      description: "Bad Request: can't parse entities: Character '!' is reserved and must be escaped with the preceding '\\'",
    });
    expect(parseFormattedText("ab *bold", "MarkdownV2")).toEqual({
      ok: false,
      description: "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 3",
    });
  });
});

describe("Markdown (legacy)", () => {
  it("parses bold, italic, code and links, without reserved characters", () => {
    expect(parseFormattedText("*Hi* there. _See_ `x` [docs](https://grammy.dev)!", "Markdown")).toEqual({
      ok: true,
      text: "Hi there. See x docs!",
      entities: [
        { type: "bold", offset: 0, length: 2 },
        { type: "italic", offset: 10, length: 3 },
        { type: "code", offset: 14, length: 1 },
        { type: "text_link", offset: 16, length: 4, url: "https://grammy.dev" },
      ],
    });
  });

  it("reports where an unclosed entity starts", () => {
    expect(parseFormattedText("snake_case", "Markdown")).toEqual({
      ok: false,
      description: "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 5",
    });
  });
});

it("refuses unknown parse modes", () => {
  expect(parseFormattedText("x", "BBCode")).toEqual({ ok: false, description: "Bad Request: unsupported parse_mode" });
});
