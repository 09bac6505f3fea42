/**
 * Turns text sent with `parse_mode` into plain text plus message entities, the way Telegram's
 * servers do, so a bot's `<b>bold</b>` shows as bold in the simulated chat, and a MarkdownV2 text
 * with an unescaped "." fails with the same error Telegram gives. Offsets are UTF-16 code units;
 * the byte offsets in error messages are UTF-8, as in Telegram's messages.
 */
import type { MessageEntity } from "grammy/types";

/** The parsed text, or Telegram's description of why it cannot be parsed. */
export type ParsedText = { ok: true; text: string; entities: MessageEntity[] } | { ok: false; description: string };

/** Parses `text` in the given parse mode ("HTML", "MarkdownV2" or "Markdown", case-insensitive). */
export function parseFormattedText(text: string, parseMode: string): ParsedText {
  try {
    switch (parseMode.toLowerCase()) {
      case "html":
        return { ok: true, ...parseHtml(text) };
      case "markdownv2":
        return { ok: true, ...parseMarkdown(text, true) };
      case "markdown":
        return { ok: true, ...parseMarkdown(text, false) };
      default:
        return { ok: false, description: "Bad Request: unsupported parse_mode" };
    }
  } catch (error) {
    if (error instanceof EntityError) return { ok: false, description: `Bad Request: can't parse entities: ${error.message}` };
    throw error;
  }
}

class EntityError extends Error {}

const encoder = new TextEncoder();
function byteOffset(source: string, index: number): number {
  return encoder.encode(source.slice(0, index)).length;
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

// ── HTML ─────────────────────────────────────────────────────────────────────────────────────

const SIMPLE_TAGS: Record<string, MessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  code: "code",
  pre: "pre",
};

const NAMED_CHARACTERS: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: "\u00a0" };

interface OpenTag {
  name: string;
  offset: number;
  attributes: Record<string, string>;
}

function decodeHtmlEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_CHARACTERS[body.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of source.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attributes[m[1].toLowerCase()] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attributes;
}

function parseHtml(source: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const end = lt === -1 ? source.length : lt;
    text += decodeHtmlEntities(source.slice(i, end));
    if (lt === -1) break;
    const gt = source.indexOf(">", lt);
    if (gt === -1) throw new EntityError(`Unclosed start tag at byte offset ${byteOffset(source, lt)}`);
    const inner = source.slice(lt + 1, gt);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const top = open.pop();
      if (!top) throw new EntityError(`Unexpected end tag at byte offset ${byteOffset(source, lt)}`);
      if (name !== "" && name !== top.name) {
        throw new EntityError(
          `Unmatched end tag at byte offset ${byteOffset(source, lt)}, expected "</${top.name}>", found "</${name}>"`,
        );
      }
      closeTag(top, text.length, entities, open);
    } else {
      const match = /^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner);
      const name = match?.[1].toLowerCase() ?? "";
      const attributes = parseAttributes(inner.slice(name.length));
      const known =
        name in SIMPLE_TAGS ||
        name === "a" ||
        name === "blockquote" ||
        name === "tg-emoji" ||
        (name === "span" && attributes.class === "tg-spoiler");
      if (!known) throw new EntityError(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, lt)}`);
      open.push({ name, offset: text.length, attributes });
    }
    i = gt + 1;
  }
  if (open.length > 0) throw new EntityError(`Can't find end tag corresponding to start tag "${open[open.length - 1].name}"`);
  return { text, entities: sortEntities(entities.filter((e) => e.length > 0)) };
}

function closeTag(tag: OpenTag, end: number, entities: MessageEntity[], stillOpen: OpenTag[]): void {
  const offset = tag.offset;
  const length = end - offset;
  const { name, attributes } = tag;
  if (name === "a") {
    const url = attributes.href ?? "";
    const userId = /^tg:\/\/user\?id=(\d+)$/.exec(url);
    if (userId) entities.push({ type: "text_mention", offset, length, user: { id: Number(userId[1]), is_bot: false, first_name: "" } });
    else if (url) entities.push({ type: "text_link", offset, length, url });
    return;
  }
  if (name === "blockquote") {
    entities.push({ type: "expandable" in attributes ? "expandable_blockquote" : "blockquote", offset, length } as MessageEntity);
    return;
  }
  if (name === "tg-emoji") {
    entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: attributes["emoji-id"] ?? "" });
    return;
  }
  if (name === "span") {
    entities.push({ type: "spoiler", offset, length });
    return;
  }
  if (name === "code") {
    // <pre><code class="language-x"> is one pre entity with a language, not pre + code.
    const parent = stillOpen[stillOpen.length - 1];
    const language = /^language-(.+)$/.exec(attributes.class ?? "")?.[1];
    if (parent?.name === "pre" && language) {
      parent.attributes["data-language"] = language;
      return;
    }
  }
  if (name === "pre") {
    const language = attributes["data-language"];
    entities.push(language ? { type: "pre", offset, length, language } : { type: "pre", offset, length });
    return;
  }
  entities.push({ type: SIMPLE_TAGS[name], offset, length } as MessageEntity);
}

// ── Markdown and MarkdownV2 ──────────────────────────────────────────────────────────────────

const V2_RESERVED = "_*[]()~`>#+-=|{}.!";

const ENTITY_NAMES: Partial<Record<MessageEntity["type"], string>> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  code: "Code",
  pre: "Pre",
};

interface OpenMark {
  type: MessageEntity["type"];
  /** Where the entity starts in the output text. */
  offset: number;
  /** Where its opening mark is in the source, for error messages. */
  sourceIndex: number;
}

function parseMarkdown(source: string, v2: boolean): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenMark[] = [];
  let quote: { offset: number } | undefined;
  // Legacy Markdown and MarkdownV2 word this error differently.
  const unclosed = (index: number, type: MessageEntity["type"]) =>
    new EntityError(
      v2
        ? `Can't find end of ${ENTITY_NAMES[type] ?? "the"} entity at byte offset ${byteOffset(source, index)}`
        : `Can't find end of the entity starting at byte offset ${byteOffset(source, index)}`,
    );
  const toggle = (type: MessageEntity["type"], index: number) => {
    const top = open[open.length - 1];
    if (top?.type === type) {
      open.pop();
      if (text.length > top.offset) entities.push({ type, offset: top.offset, length: text.length - top.offset } as MessageEntity);
    } else if (open.some((m) => m.type === type)) {
      const mark = open.find((m) => m.type === type)!;
      throw unclosed(mark.sourceIndex, mark.type);
    } else {
      open.push({ type, offset: text.length, sourceIndex: index });
    }
  };
  const closeQuote = () => {
    if (quote && text.length > quote.offset) entities.push({ type: "blockquote", offset: quote.offset, length: text.length - quote.offset });
    quote = undefined;
  };

  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const lineStart = i === 0 || source[i - 1] === "\n";
    if (v2 && lineStart && c === ">") {
      quote ??= { offset: text.length };
      i++;
      continue;
    }
    if (v2 && lineStart && quote && c !== ">") {
      // The previous line ended the quote: drop the newline from it, as Telegram does.
      if (text.endsWith("\n")) {
        text = text.slice(0, -1);
        closeQuote();
        text += "\n";
      } else closeQuote();
    }
    if (v2 && c === "\\") {
      const next = source[i + 1];
      if (next !== undefined && next.charCodeAt(0) >= 1 && next.charCodeAt(0) <= 126) {
        text += next;
        i += 2;
        continue;
      }
      throw new EntityError(`Character '\\' is reserved and must be escaped with the preceding '\\'`);
    }
    if (c === "`") {
      const fence = source.startsWith("```", i);
      const start = i;
      i += fence ? 3 : 1;
      let language: string | undefined;
      if (fence) {
        const newline = source.indexOf("\n", i);
        const firstLine = newline === -1 ? "" : source.slice(i, newline);
        if (newline !== -1 && /^[\w+#.-]*$/.test(firstLine)) {
          language = firstLine || undefined;
          i = newline + 1;
        }
      }
      const offset = text.length;
      let closed = false;
      while (i < source.length) {
        if (v2 && source[i] === "\\" && (source[i + 1] === "`" || source[i + 1] === "\\")) {
          text += source[i + 1];
          i += 2;
          continue;
        }
        if (fence ? source.startsWith("```", i) : source[i] === "`") {
          i += fence ? 3 : 1;
          closed = true;
          break;
        }
        text += source[i++];
      }
      if (!closed) throw unclosed(start, fence ? "pre" : "code");
      if (text.length > offset) {
        entities.push(
          fence
            ? language
              ? { type: "pre", offset, length: text.length - offset, language }
              : { type: "pre", offset, length: text.length - offset }
            : { type: "code", offset, length: text.length - offset },
        );
      }
      continue;
    }
    if (c === "*") {
      toggle("bold", i);
      i++;
      continue;
    }
    if (c === "_") {
      if (v2 && source[i + 1] === "_") {
        toggle("underline", i);
        i += 2;
      } else {
        toggle("italic", i);
        i++;
      }
      continue;
    }
    if (v2 && c === "~") {
      toggle("strikethrough", i);
      i++;
      continue;
    }
    if (v2 && c === "|" && source[i + 1] === "|") {
      toggle("spoiler", i);
      i += 2;
      continue;
    }
    if (c === "[") {
      const link = readLink(source, i, v2);
      if (link) {
        const offset = text.length;
        const inner = parseMarkdown(link.label, v2);
        text += inner.text;
        for (const e of inner.entities) entities.push({ ...e, offset: e.offset + offset });
        const userId = /^tg:\/\/user\?id=(\d+)$/.exec(link.url);
        if (inner.text.length > 0) {
          entities.push(
            userId
              ? { type: "text_mention", offset, length: inner.text.length, user: { id: Number(userId[1]), is_bot: false, first_name: "" } }
              : { type: "text_link", offset, length: inner.text.length, url: link.url },
          );
        }
        i = link.end;
        continue;
      }
      if (!v2) throw unclosed(i, "text_link");
    }
    if (v2 && V2_RESERVED.includes(c)) {
      throw new EntityError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    text += c;
    i++;
  }
  if (open.length > 0) throw unclosed(open[open.length - 1].sourceIndex, open[open.length - 1].type);
  closeQuote();
  return { text, entities: sortEntities(entities) };
}

/** Reads `[label](url)` at `start`; undefined when it is not a complete link. */
function readLink(source: string, start: number, v2: boolean): { label: string; url: string; end: number } | undefined {
  let i = start + 1;
  let depth = 0;
  while (i < source.length) {
    if (v2 && source[i] === "\\") {
      i += 2;
      continue;
    }
    if (source[i] === "[") depth++;
    if (source[i] === "]") {
      if (depth === 0) break;
      depth--;
    }
    i++;
  }
  if (source[i] !== "]" || source[i + 1] !== "(") return undefined;
  const close = source.indexOf(")", i + 2);
  if (close === -1) return undefined;
  const rawUrl = source.slice(i + 2, close);
  return {
    label: source.slice(start + 1, i),
    url: v2 ? rawUrl.replace(/\\([)\\])/g, "$1") : rawUrl,
    end: close + 1,
  };
}
